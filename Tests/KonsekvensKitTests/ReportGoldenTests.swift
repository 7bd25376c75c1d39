import Foundation
import Testing
@testable import KonsekvensKit

/// Reports/ holds the reports of Fixtures/, committed; these tests fail when they drift.
/// Regenerate on purpose with `KONSEKVENS_RECORD=1 swift test --filter ReportGolden` (README).
@Suite struct ReportGoldenTests {
    static func fixturesReport() -> AnalysisReport {
        // Sources are named relative to the project root, as `swift run konsekvens analyze Fixtures` names them.
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        return Analyzer.analyze(paths: ["Fixtures"])
    }

    @Test func markdownReportMatchesReports() {
        Golden.check(MarkdownReport.render(Self.fixturesReport()), against: "Reports/konsekvens.md")
    }

    @Test func jsonReportMatchesReports() {
        Golden.check(JSONReport.render(Self.fixturesReport()), against: "Reports/konsekvens.json")
    }

    @Test func reportDoesNotDependOnArgumentOrder() {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let files = InputFiles.collect(["Fixtures"]).files
        let forward = JSONReport.render(Analyzer.analyze(paths: files))
        let backward = JSONReport.render(Analyzer.analyze(paths: files.reversed()))
        #expect(forward == backward)
    }
}
