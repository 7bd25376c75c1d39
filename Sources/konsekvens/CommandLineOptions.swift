import Foundation
import KonsekvensKit

/// The command line, parsed: which command, which paths, which options.
struct CommandLineOptions {
    enum Command { case analyze, survey, evaluate, help, version }
    enum Format: String, CaseIterable { case markdown, json, csv, html }

    var command: Command = .help
    var paths: [String] = []
    var format: Format = .markdown
    var output: String?
    var municipality: String?
    var horizon: ClosedRange<Int>?
    var rules: String?
    var population: String?
    var status: StatusFilter = .all
    var filter = CorpusFilter()
    var csvDialect: CSVReport.Dialect = .excelDanish
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var maximumFileSize = MinutesReader.defaultMaximumFileSize

    struct UsageError: Error {
        var message: String
    }

    static let optionNames = ["--format", "--output", "--municipality", "--horizon", "--rules", "--population", "--status", "--from", "--to", "--body", "--csv-dialect", "--jobs", "--max-file-size", "--help",
        "--version",
    ]

    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var rest = arguments[...]
        guard let first = rest.popFirst() else { return options }
        switch first {
        case "analyze": options.command = .analyze
        case "survey": options.command = .survey
        case "evaluate": options.command = .evaluate
        case "--help", "-h", "help": return options
        case "--version": options.command = .version; return options
        default: throw UsageError(message: "unknown command '\(first)'\(suggestion(first, among: ["analyze", "survey", "evaluate"]))")
        }
        while let argument = rest.popFirst() {
            if argument == "--" {
                options.paths.append(contentsOf: rest)
                break
            }
            if argument == "-" || !argument.hasPrefix("-") {
                options.paths.append(argument)
                continue
            }
            let (name, inlineValue) = splitOption(argument)
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = rest.popFirst() else { throw UsageError(message: "\(name) needs a value") }
                return next
            }
            switch name {
            case "--format":
                let text = try value()
                guard let format = Format(rawValue: text) else {
                    throw UsageError(message: "--format must be one of \(Format.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
                }
                options.format = format
            case "--output", "-o": options.output = try value()
            case "--municipality": options.municipality = try value()
            case "--rules": options.rules = try value()
            case "--from", "--to":
                let text = try value()
                guard let date = DanishDateArgument.parse(text) else {
                    throw UsageError(message: "\(name) takes a date as YYYY-MM-DD, not '\(text)'")
                }
                if name == "--from" { options.filter.from = date } else { options.filter.to = date }
            case "--body": options.filter.body = try value()
            case "--jobs":
                let text = try value()
                guard let jobs = Int(text), (1...256).contains(jobs) else {
                    throw UsageError(message: "--jobs takes a number from 1 to 256, not '\(text)'")
                }
                options.jobs = jobs
            case "--max-file-size":
                let text = try value()
                guard let size = Self.byteCount(text) else {
                    throw UsageError(message: "--max-file-size takes a size such as 256MB, 500KB or 1048576, not '\(text)'")
                }
                options.maximumFileSize = size
            case "--csv-dialect":
                let text = try value()
                guard let dialect = CSVReport.Dialect(rawValue: text) else {
                    throw UsageError(message: "--csv-dialect must be excel-da or rfc4180, not '\(text)'")
                }
                options.csvDialect = dialect
            case "--population": options.population = try value()
            case "--status":
                let text = try value()
                guard let status = StatusFilter(rawValue: text) else {
                    throw UsageError(message: "--status must be approved or all, not '\(text)'")
                }
                options.status = status
            case "--horizon":
                let text = try value()
                let parts = text.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 2, parts[0] <= parts[1], (1990...2100).contains(parts[0]), parts[1] - parts[0] <= 30 else {
                    throw UsageError(message: "--horizon takes two years, such as 2024-2027, not '\(text)'")
                }
                options.horizon = parts[0]...parts[1]
            case "--help", "-h": options.command = .help
            case "--version": options.command = .version
            default: throw UsageError(message: "unknown option '\(name)'\(suggestion(name, among: optionNames))")
            }
        }
        if let from = options.filter.from, let to = options.filter.to, from > to {
            throw UsageError(message: "--from \(from) is after --to \(to)")
        }
        if options.command == .analyze || options.command == .survey, options.paths.isEmpty {
            throw UsageError(message: "name at least one file or directory to analyse (or - for standard input)")
        }
        return options
    }

    /// "256MB", "500KB", "2GB" or a number of bytes.
    static func byteCount(_ text: String) -> Int? {
        let upper = text.uppercased()
        for (suffix, factor) in [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)] where upper.hasSuffix(suffix) {
            guard let number = Int(upper.dropLast(suffix.count)), number > 0, number <= Int.max / factor else { return nil }
            return number * factor
        }
        guard let number = Int(text), number > 0 else { return nil }
        return number
    }

    private static func splitOption(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// "; did you mean '--format'?" when a known name is one or two edits away.
    static func suggestion(_ word: String, among candidates: [String]) -> String {
        NearestWord.suggestion(for: word, among: candidates, quote: "'", distance: 2)
    }

    static let usage = """
        konsekvens \(konsekvensVersion) – what the decisions in municipal minutes cost

        Usage:
          konsekvens analyze PATH... [--format markdown|json|csv|html] [--output FILE]
                             [--municipality NAME] [--horizon YYYY-YYYY]
                             [--rules FILE] [--population FILE] [--status approved|all]
                             [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--body NAME]
                             [--csv-dialect excel-da|rfc4180] [--jobs N] [--max-file-size SIZE]
          konsekvens survey PATH...
          konsekvens evaluate [FIXTURES]  (precision and recall against FIXTURES/gold/*.tsv)
          konsekvens --help | --version

        PATH is a file, a directory (all .md, .markdown, .txt, .html and .htm files below it, in
        sorted order) or - for standard input.

        Options:
          --format FORMAT          markdown (default), json, csv (budget lines) or html
          --csv-dialect DIALECT    excel-da (default: BOM, ";", decimal comma) or rfc4180
          --output FILE            write the report to FILE instead of standard output, replacing
                                   it only when complete (a device or pipe is written into)
          --municipality NAME      the analysed kommune (default: each document's masthead, the
                                   rådhus it met in, or the kommune it names most)
          --horizon YYYY-YYYY      budget horizon for open-ended amounts (default: the meeting
                                   year and three overslagsår)
          --rules FILE             rules that replace the default rules, or extend them when the
                                   file says "extends": "default"
          --population FILE        population table (kommune,population) for distribution keys
                                   (default: Region Sjælland, 1 January 2021)
          --status approved|all    show and sum approved budget lines only, or all (default: all)
          --from, --to YYYY-MM-DD  only meetings in this date range
          --body NAME              only meetings of bodies whose name contains NAME
          --jobs N                 files analysed in parallel (default: the number of cores);
                                   the report is the same whatever N
          --max-file-size SIZE     skip larger files with an error (default: 256MB)

        Exit status: 0 success, 1 some input could not be read or written (the rest is still
        reported), 2 usage error.
        """
}

/// "2024-05-03" as a command-line date.
enum DanishDateArgument {
    static func parse(_ text: String) -> MeetingDate? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        return MeetingDate(year: parts[0], month: parts[1], day: parts[2])
    }
}
