import Foundation
import KonsekvensKit

/// The `konsekvens` command: turns arguments into a run of the library, prints, sets the exit status.
func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let options: CommandLineOptions
do {
    options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    standardError("konsekvens: \(error.message)")
    standardError("Try 'konsekvens --help'.")
    exit(2)
}

switch options.command {
case .help:
    print(CommandLineOptions.usage)
    exit(0)
case .version:
    print("konsekvens \(konsekvensVersion)")
    exit(0)
case .evaluate:
    let fixtures = options.paths.first ?? "Fixtures"
    let gold = (fixtures as NSString).appendingPathComponent("gold")
    let extraction = ExtractionOptions(municipality: options.municipality, horizon: options.horizon)
    print(AmountEvaluation.render(AmountEvaluation.evaluate(.amounts, fixtures: fixtures, goldFolder: gold, options: extraction)))
    do {
        let lines = AmountEvaluation.evaluate(
            .budgetLines, fixtures: fixtures, goldFolder: gold, options: extraction, engine: try Analyzer.defaultEngine())
        print(AmountEvaluation.render(lines, subject: .budgetLines), terminator: "")
    } catch {
        standardError(error.description)
        exit(1)
    }
    exit(0)
case .analyze, .survey:
    break
}

let extraction = ExtractionOptions(municipality: options.municipality, horizon: options.horizon)
// A broken rules file or population table stops the run before any report is written.
let engine: RuleEngine
do {
    var loaded = try Analyzer.defaultEngine()
    if let rules = options.rules { loaded.rules = try RuleSet.load(contentsOf: rules) }
    if let population = options.population { loaded.population = try PopulationTable.load(contentsOf: population) }
    engine = loaded
} catch {
    standardError(error.description)
    exit(1)
}
// Progress only where a person watches: a line that updates, when standard error is a terminal.
let progress: (@Sendable (Int, Int) -> Void)?
if isatty(STDERR_FILENO) == 1 {
    progress = { done, total in
        guard total >= 20, done % 10 == 0 || done == total else { return }
        FileHandle.standardError.write(Data("\rkonsekvens: \(done)/\(total) filer".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
} else {
    progress = nil
}
// Every file named or found, whether read, filtered out or unreadable, is an input, and
// --output never names one: checked before anything is read or written.
if let output = options.output {
    let inputs = Set(InputFiles.collect(options.paths).files.map(InputFiles.canonicalPath))
    if inputs.contains(InputFiles.canonicalPath(output)) {
        standardError("\(output): error: --output names an input file; not overwriting it")
        exit(1)
    }
}

/// Writes the report through `body` to --output (replaced only when complete) or to standard
/// output; false when it could not be written.
func emit(_ body: (ReportWriter) throws -> Void) -> Bool {
    do {
        if let output = options.output {
            try ReportFile.write(to: output, body)
        } else {
            let standardOutput = BufferedOutput(FileHandle.standardOutput)
            do {
                try body(standardOutput.write)
                try standardOutput.flush()
            } catch {
                standardError("konsekvens: error: cannot write the report to standard output: \(error.localizedDescription)")
                return false
            }
        }
        return true
    } catch {
        standardError("\(error)")
        return false
    }
}

let readStandardInput = { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
/// A streamed report opened, or the error that it could not be, with exit status 1.
func opened<Report>(_ open: () throws -> Report) -> Report {
    do {
        return try open()
    } catch {
        standardError("konsekvens: error: \(error.localizedDescription)")
        exit(1)
    }
}

/// Prints the files that could not be read and writes the report; exits 0 when every file
/// was read and the report written, 1 otherwise (and at once when its spill file failed).
func finish(_ summary: Analyzer.StreamSummary, failure: Error?, _ write: (ReportWriter) throws -> Void) -> Never {
    for error in summary.errors { standardError(error.description) }
    if let failure {
        standardError("konsekvens: error: \(failure.localizedDescription)")
        exit(1)
    }
    let written = emit(write)
    exit(summary.errors.isEmpty && written ? 0 : 1)
}

// Every report is streamed: each document is analysed, rendered to spill files and let go, so
// the run's memory does not grow with the corpus (README, "Benchmarks").
if options.command == .survey {
    let survey = opened { try SurveyReport.Stream() }
    var spillError: Error?
    let summary = Analyzer.stream(
        paths: options.paths, options: extraction, filter: options.filter, jobs: options.jobs, maximumFileSize: options.maximumFileSize,
        progress: progress, standardInput: readStandardInput, prepare: { document, _ in SurveyReport.Entry(document) }
    ) { entry in
        guard spillError == nil else { return }
        do { try survey.add(entry) } catch { spillError = error }
    }
    finish(summary, failure: spillError) { write in try survey.finish(errors: summary.errors, write: write) }
}

let format: StreamedReport.Format =
    switch options.format {
    case .csv: .csv(options.csvDialect)
    case .json: .json
    case .markdown: .markdown
    case .html: .html
    }
let report = opened { try StreamedReport(format: format, engine: engine, statusFilter: options.status) }
var spillError: Error?
do {
    _ = try report.analyze(
        paths: options.paths, options: extraction, filter: options.filter, jobs: options.jobs,
        maximumFileSize: options.maximumFileSize, progress: progress, standardInput: readStandardInput)
} catch {
    spillError = error
}
finish(report.summary, failure: spillError) { write in try report.finish(write: write) }
