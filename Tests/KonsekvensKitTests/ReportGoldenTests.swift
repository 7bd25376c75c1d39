import Foundation
import Testing
@testable import KonsekvensKit

/// Reports/ holds the reports of Fixtures/, committed; these tests fail when they drift.
/// Regenerate on purpose with `KONSEKVENS_RECORD=1 swift test --filter ReportGolden` (README).
@Suite struct ReportGoldenTests {
    /// The report `swift run konsekvens analyze Fixtures` makes: default rules and population.
    static func fixturesReport() throws -> AnalysisReport {
        // Sources are named relative to the project root, as the command names them.
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        return Analyzer.analyze(paths: ["Fixtures"], engine: try Analyzer.defaultEngine())
    }

    @Test func markdownReportMatchesReports() throws {
        Golden.check(MarkdownReport.render(try Self.fixturesReport()), against: "Reports/konsekvens.md")
    }

    @Test func jsonReportMatchesReports() throws {
        Golden.check(JSONReport.render(try Self.fixturesReport()), against: "Reports/konsekvens.json")
    }

    @Test func csvReportMatchesReports() throws {
        Golden.check(CSVReport.render(try Self.fixturesReport()), against: "Reports/konsekvens.csv")
    }

    @Test func rfc4180CSVReportMatchesReports() throws {
        Golden.check(CSVReport.render(try Self.fixturesReport(), dialect: .rfc4180), against: "Reports/konsekvens-rfc4180.csv")
    }

    @Test func htmlReportMatchesReports() throws {
        Golden.check(HTMLReport.render(try Self.fixturesReport()), against: "Reports/konsekvens.html")
    }

    @Test func reportDoesNotDependOnArgumentOrder() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let files = InputFiles.collect(["Fixtures"]).files
        let engine = try Analyzer.defaultEngine()
        let forward = JSONReport.render(Analyzer.analyze(paths: files, engine: engine))
        let backward = JSONReport.render(Analyzer.analyze(paths: files.reversed(), engine: engine))
        #expect(forward == backward)
    }
}
