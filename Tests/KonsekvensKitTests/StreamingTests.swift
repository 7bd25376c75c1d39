import Foundation
import Testing
@testable import KonsekvensKit

/// The streamed run, which the command uses for CSV and JSON so that memory does not grow with
/// the corpus, gives the same documents in the same order and the same bytes as the run that
/// holds everything.
@Suite struct StreamingTests {
    static func streamedCSV(_ paths: [String], dialect: CSVReport.Dialect, status: StatusFilter, jobs: Int) throws -> String {
        let stream = try CSVReport.Stream(dialect: dialect, statusFilter: status)
        var ledger = CaseLedger()
        _ = Analyzer.stream(paths: paths, engine: try Analyzer.defaultEngine(), jobs: jobs) { document, impact in
            ledger.add(document, impact: impact)
            if let impact { try? stream.add(impact) }
        }
        var output: [UInt8] = []
        try stream.finish(supersededBy: ledger.tracks().supersededBy) { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }

    @Test(arguments: CSVReport.Dialect.allCases, StatusFilter.allCases)
    func streamedCSVIsTheReportsCSV(dialect: CSVReport.Dialect, status: StatusFilter) throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let report = Analyzer.analyze(paths: ["Fixtures"], engine: try Analyzer.defaultEngine(), statusFilter: status)
        let expected = CSVReport.render(report, dialect: dialect)
        // The fixtures hold a case through three meetings, so superseded_by is filled in.
        #expect(report.allShownLines.contains { $0.supersededBy != nil })
        #expect(try Self.streamedCSV(["Fixtures"], dialect: dialect, status: status, jobs: 1) == expected)
        #expect(try Self.streamedCSV(["Fixtures"], dialect: dialect, status: status, jobs: 3) == expected)
    }

    static func streamedJSON(_ paths: [String], status: StatusFilter, jobs: Int, drainSize: Int = JSONWriter.defaultDrainSize) throws -> String {
        let engine = try Analyzer.defaultEngine()
        let stream = try JSONReport.Stream(engine: engine, statusFilter: status, directory: nil, drainSize: drainSize)
        var ledger = CaseLedger(keepsTitles: false)
        let summary = Analyzer.stream(paths: paths, engine: engine, jobs: jobs) { document, impact in
            ledger.add(document, impact: impact)
            try? stream.add(document, impact: impact)
        }
        var output: [UInt8] = []
        let (cases, supersededBy) = ledger.tracks()
        try stream.finish(cases: cases, supersededBy: supersededBy, errors: summary.errors) { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }

    @Test(arguments: StatusFilter.allCases)
    func streamedJSONIsTheReportsJSON(status: StatusFilter) throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let paths = ["Fixtures", "Fixtures/no-such-file.md"]
        let report = Analyzer.analyze(paths: paths, engine: try Analyzer.defaultEngine(), statusFilter: status)
        let expected = JSONReport.render(report)
        #expect(report.allShownLines.contains { $0.supersededBy != nil } && !report.cases.isEmpty && !report.errors.isEmpty)
        #expect(try Self.streamedJSON(paths, status: status, jobs: 1) == expected)
        #expect(try Self.streamedJSON(paths, status: status, jobs: 3) == expected)
        // Each document written out in pieces as it is rendered, as a large meeting's is.
        #expect(try Self.streamedJSON(paths, status: status, jobs: 1, drainSize: 1) == expected)
        #expect(try Self.streamedJSON(paths, status: status, jobs: 2, drainSize: 4096) == expected)
    }

    @Test func streamedJSONOfNothingIsTheReportsJSON() throws {
        let folder = try Project.temporaryFolder("empty-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = JSONReport.render(Analyzer.analyze(paths: [folder.path], engine: try Analyzer.defaultEngine()))
        #expect(try Self.streamedJSON([folder.path], status: .all, jobs: 2) == expected)
    }

    @Test func theCommandStreamsTheJSONOfReports() throws {
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", "json"])
        #expect(run.status == 0)
        #expect(Data(run.output.utf8) == (try Data(contentsOf: Project.root.appendingPathComponent("Reports/konsekvens.json"))))
    }

    @Test func documentsArriveInReportOrder() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let files = InputFiles.collect(["Fixtures"]).files
        var sources: [String] = []
        let summary = Analyzer.stream(paths: files.reversed(), jobs: 2) { document, _ in sources.append(document.source) }
        #expect(summary.errors.isEmpty)
        #expect(sources == files.sorted())
        #expect(sources == Analyzer.analyze(paths: ["Fixtures"]).documents.map(\.source))
    }

    @Test func theCommandStreamsTheCSVOfReports() throws {
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        #expect(Data(run.output.utf8) == (try Data(contentsOf: Project.root.appendingPathComponent("Reports/konsekvens.csv"))))
    }

    /// A report that cannot be written is an error naming the file and the reason, with exit
    /// status 1, and the spill file is gone (its name is removed as soon as it is open).
    @Test func anUnwritableOutputIsAnErrorAndLeavesNoSpill() throws {
        let spills = { (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))?.filter { $0.hasPrefix("konsekvens-spill-") } ?? [] }
        let before = Set(spills())
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", "csv", "--output", "/nonexistent-folder/report.csv"])
        #expect(run.status == 1)
        #expect(run.errors.contains("/nonexistent-folder/report.csv: error: cannot write report:"))
        #expect(run.errors.contains("No such file or directory") || run.errors.contains("doesn’t exist") || run.errors.contains("couldn’t be"))
        #expect(run.output.isEmpty)
        #expect(Set(spills()).subtracting(before).isEmpty)
    }

    /// A streamed report that cannot have its temporary file says where it tried.
    @Test func noTemporaryFolderIsAnError() throws {
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", "json"], environment: ["TMPDIR": "/nonexistent-tmp"])
        #expect(run.status == 1)
        #expect(run.errors.contains("konsekvens: error: cannot create a temporary file in /nonexistent-tmp: No such file or directory"))
        #expect(run.output.isEmpty)
    }

    @Test func spillFileGivesBackWhatWasWritten() throws {
        let spill = try SpillFile(directory: FileManager.default.temporaryDirectory)
        defer { spill.remove() }
        // Empty strings, multi-byte text, and strings that straddle the megabyte buffer.
        let written = ["", "32.083 kr.", "Økonomi\u{0}Sag", String(repeating: "æ", count: 700_000), "", String(repeating: "x", count: 1_500_000), "slut"]
        for text in written { try spill.append(text) }
        var read: [String] = []
        try spill.readBack { read.append(String(decoding: $0, as: UTF8.self)) }
        #expect(read == written)
    }

    /// Replayed text is the text appended, with each deferred place filled and each document's
    /// end marked, whole across the megabyte pieces it is written in.
    @Test func deferredTextReplaysWhatWasAppended() throws {
        let deferred = try DeferredText(directory: nil)
        var expected = ""
        var pieces = 0
        for document in 0..<3 {
            for index in 0..<40 {
                // Texts of two-byte letters and odd lengths, over several megabyte pieces.
                let text = String(repeating: "æ", count: 7_001 + index) + "\(document).\(index) kr."
                let key = index % 3 == 0 ? "key\(index)" : nil
                try deferred.append(text, then: key)
                expected += text + (key.map { "<\($0)>" } ?? "")
            }
            try deferred.endDocument()
            expected += "|\(document)|"
        }
        var written: [UInt8] = []
        try deferred.replay({ bytes in
            written += bytes
            pieces += 1
        }, value: { "<\($0)>" }, documentEnd: { "|\($0)|" })
        #expect(pieces > 1)
        // Compared as a whole, so that a failure does not print two megabytes.
        #expect(written.count == expected.utf8.count)
        #expect(written.elementsEqual(expected.utf8), "the replayed bytes differ from those appended")
    }
}
