import Foundation
import Testing
@testable import KonsekvensKit

/// A run over many meetings: the same case counted once, filters, order independence.
@Suite struct CorpusTests {
    static let greve = [
        "greve/2025-08-22-klima-teknik-og-miljoeudvalget-9f9cc4ff.html",
        "greve/2025-08-22-oekonomiudvalget-195d641c.html",
        "greve/2025-08-22-byraad-2022-2025-bc6eff0a.html",
    ]

    static func analyze(_ names: [String], filter: CorpusFilter = CorpusFilter()) throws -> AnalysisReport {
        Analyzer.analyze(paths: names.map(Project.fixture), engine: try Analyzer.defaultEngine(), filter: filter)
    }

    /// Sagsnr. 24-001726 passes Klima-, Teknik- og Miljøudvalget, Økonomiudvalget and Byrådet on
    /// 22 August 2025: its money counts once, at Byrådet's decision.
    @Test func oneCaseThroughThreeMeetingsCountsOnce() throws {
        let report = try Self.analyze(Self.greve)
        let track = try #require(report.cases.first { $0.caseNumber == "24-001726" })
        #expect(track.steps.map(\.body) == ["Klima-, Teknik- og Miljøudvalget", "Økonomiudvalget", "Byråd"])
        #expect(track.counted.body == "Byråd")
        #expect(track.counted.status == .approved)

        let lines = report.allShownLines.filter { $0.caseNumber == "24-001726" }
        let byMeeting = Dictionary(grouping: lines, by: { $0.meetingBody ?? "" })
        #expect(byMeeting.count == 3)
        #expect(byMeeting["Byråd"]?.allSatisfy { $0.supersededBy == nil } == true)
        for body in ["Klima-, Teknik- og Miljøudvalget", "Økonomiudvalget"] {
            #expect(byMeeting[body]?.allSatisfy { $0.supersededBy == "Byråd 2025-08-22" } == true)
        }
        // The totals count the Byråd's lines only, whatever order the files come in.
        let counted = report.countedLines.filter { $0.caseNumber == "24-001726" }
        #expect(counted.count == byMeeting["Byråd"]?.count)
        let reversed = Analyzer.analyze(paths: Self.greve.reversed().map(Project.fixture), engine: try Analyzer.defaultEngine())
        #expect(reversed.countedLines == report.countedLines)
        #expect(MarkdownReport.render(reversed) == MarkdownReport.render(report))
        #expect(MarkdownReport.render(report).contains("Tæller: Byråd 2025-08-22."))
    }

    @Test func filtersByDateAndBody() throws {
        let names = Self.greve + ["kalundborg-direktion-2021-05-03.md", "kalundborg-direktion-2024-07-01.txt"]
        let byDate = try Self.analyze(names, filter: CorpusFilter(from: MeetingDate(year: 2024, month: 1, day: 1), to: MeetingDate(year: 2024, month: 12, day: 31)))
        #expect(byDate.documents.map(\.meeting.date?.description) == ["2024-07-01"])
        #expect(byDate.filteredOut == 4)
        let byBody = try Self.analyze(names, filter: CorpusFilter(body: "direktion"))
        #expect(byBody.documents.count == 2)
        #expect(byBody.documents.allSatisfy { $0.meeting.body == "Direktionen" })
        #expect(MarkdownReport.render(byBody).contains("Filter: organ: direktion; 3 dokumenter udeladt."))
    }

    @Test func everyFormatIsTheSameWhateverTheOrderOfFiles() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let files = InputFiles.collect(["Fixtures"]).files
        #expect(files.count >= 40)
        let engine = try Analyzer.defaultEngine()
        let forward = Analyzer.analyze(paths: files, engine: engine)
        let backward = Analyzer.analyze(paths: files.reversed(), engine: engine)
        #expect(MarkdownReport.render(forward) == MarkdownReport.render(backward))
        #expect(CSVReport.render(forward) == CSVReport.render(backward))
        #expect(HTMLReport.render(forward) == HTMLReport.render(backward))
    }

    @Test func commandLineFilters() throws {
        let run = try CommandLineTests.run(["analyze", "Fixtures/greve", "--body", "byråd", "--from", "2025-08-01", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.output.contains("24-001726"))
        #expect(!run.output.contains("Økonomiudvalget;"))
        let bad = try CommandLineTests.run(["analyze", "Fixtures", "--from", "2025-02-30"])
        #expect(bad.status == 2)
        #expect(bad.errors.contains("--from takes a date as YYYY-MM-DD"))
    }
}
