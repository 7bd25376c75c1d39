import Foundation
import Testing
@testable import KonsekvensKit

/// The HTML page: self-contained, escaped, the Kalundborg seed's figures in the
/// bevillingsoversigt, and a page Chromium renders to a real screenshot.
@Suite struct HTMLReportTests {
    /// The Kalundborg seed with the default rules, named as the tests give it.
    static func kalundborgReport() throws -> AnalysisReport {
        Analyzer.analyze(paths: [Project.fixture("kalundborg-direktion-2021-05-03.md")], engine: try Analyzer.defaultEngine())
    }

    @Test func pageIsSelfContained() throws {
        let html = HTMLReport.render(try ReportGoldenTests.fixturesReport())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"da\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 1)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        for external in ["<link", "<img", "<iframe", "@import", "url(", "src="] {
            #expect(!html.contains(external), "the page must not load anything: \(external)")
        }
        for tag in ["table", "thead", "tbody", "tfoot", "tr", "section", "svg", "details", "ol", "ul"] {
            let opened = html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
            #expect(opened == html.components(separatedBy: "</\(tag)>").count - 1, "unbalanced <\(tag)>")
        }
    }

    @Test func pageIsDeterministic() throws {
        let report = try ReportGoldenTests.fixturesReport()
        #expect(HTMLReport.render(report) == HTMLReport.render(report))
    }

    @Test func summarySaysWhatIsShown() throws {
        let html = HTMLReport.render(try Self.kalundborgReport())
        #expect(html.contains("1 dokumenter, 7 punkter, 2 lukkede"))
        #expect(html.contains("Viser <strong>alle foreslåede budgetlinjer</strong>."))
        #expect(html.contains("Regler: <code>DefaultRules.json</code>."))
        #expect(html.contains("Befolkningstal: <code>region-sjaelland-2021-01-01.csv</code>."))
        let approved = Analyzer.analyze(
            paths: [Project.fixture("kalundborg-direktion-2021-05-03.md")], engine: try Analyzer.defaultEngine(), statusFilter: .approved)
        #expect(HTMLReport.render(approved).contains("Viser <strong>kun godkendte budgetlinjer</strong>."))
    }

    /// Every amount found is on the page: in a budget line's row, among what others pay, or
    /// among the kommune's other amounts (the story, totals, rates, the unplaced), with its words.
    @Test func everyAmountOutsideBudgetLinesIsOnThePage() throws {
        let report = try ReportGoldenTests.fixturesReport()
        let html = HTMLReport.render(report)
        let outside = report.impacts.flatMap(\.placements).filter { $0.disposition != .budgetLine }
        #expect(outside.contains { $0.amount.payer == .own } && outside.contains { $0.amount.payer != .own })
        for placement in outside {
            #expect(html.contains("<td class=\"quote\">\(HTMLReport.escape(placement.amount.text))</td>"), "\(placement.amount.text) is not on the page")
        }
        let rows = html.components(separatedBy: "<td class=\"quote\">").count - 1
        #expect(rows == outside.count)
        #expect(html.contains("<section id=\"oevrige\">") && html.contains("<a href=\"#oevrige\">"))
    }

    /// Every markup character is escaped, whatever follows it: a combining mark after "<" or a
    /// quote makes one Character of them, and must not hide it.
    @Test(arguments: [
        ("Tune Skole", "Tune Skole"), ("a < b & c > d", "a &lt; b &amp; c &gt; d"), ("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;"),
        ("<\u{301}script>", "&lt;\u{301}script&gt;"), ("\"\u{301} onload=1", "&quot;\u{301} onload=1"), ("Økonomi & Året", "Økonomi &amp; Året"),
    ])
    func escapesMarkupCharacters(text: String, escaped: String) {
        #expect(HTMLReport.escape(text) == escaped)
    }

    @Test func textFromDocumentsIsEscaped() throws {
        var document = AmountExtractor.extract(try Project.read("kalundborg-direktion-2021-05-03.md"), options: ExtractionOptions())
        document.source = "mapper/<x>&'y'.md"
        let index = try #require(document.items.firstIndex { $0.caseNumber == "326-2021-16031" })
        document.items[index].title = "Klynge <b>& \"byggeri\" 'nu'"
        let engine = try Analyzer.defaultEngine()
        let report = AnalysisReport(
            documents: [document], impacts: [engine.apply(to: document)], errors: [], rulesOrigin: engine.rules.origin)
        let html = HTMLReport.render(report)
        #expect(html.contains("Klynge &lt;b&gt;&amp; &quot;byggeri&quot; &#39;nu&#39;"))
        #expect(html.contains("mapper/&lt;x&gt;&amp;&#39;y&#39;.md:77,119"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<x>"))
    }

    @Test func kalundborgSeedFigures() throws {
        let html = HTMLReport.render(try Self.kalundborgReport())
        let table = try #require(Self.slice(html, from: "<table class=\"overview\">", to: "</table>"))
        let head = try #require(Self.slice(table, from: "<thead>", to: "</thead>"))
        #expect(Self.numberCells(head, tag: "th") == ["2021", "2022", "2023", "2024", "I alt"])
        let body = try #require(Self.slice(table, from: "<tbody>", to: "</tbody>"))
        let rows = body.components(separatedBy: "</tr>").filter { $0.contains("<tr") }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.contains("Direktionen"))
        #expect(row.contains("2021-05-03"))
        #expect(row.contains("326-2021-16031"))
        #expect(row.contains("Punkt 2: Medfinansiering af viden- og erhvervsklynge for byggeri"))
        #expect(row.contains("kalundborg-direktion-2021-05-03.md:77,119"))
        #expect(Self.numberCells(row) == ["32.083", "32.083", "32.083", "32.083", "128.332"])
        let foot = try #require(Self.slice(table, from: "<tfoot>", to: "</tfoot>"))
        let grand = try #require(foot.components(separatedBy: "</tr>").first { $0.contains("I alt, netto") })
        #expect(Self.numberCells(grand) == ["32.083", "32.083", "32.083", "32.083", "128.332"])
        // Totals per kind and year beside the chart, which draws each year's bar with an
        // accessible title in Danish figures.
        let totals = try #require(Self.slice(html, from: "<table class=\"totals\">", to: "</table>"))
        let kind = try #require(totals.components(separatedBy: "</tr>").first { $0.contains(">tillægsbevilling<") })
        #expect(Self.numberCells(kind) == ["32.083", "32.083", "32.083", "32.083", "128.332"])
        #expect(html.contains("<title>2021 · tillægsbevilling: 32.083 kr.</title>"))
        #expect(html.contains("dominant-baseline=\"middle\">tillægsbevilling</text>"), "the legend names the kind")
        // The reconciliation: 7 amounts found = 2 in budget lines + 5 context + 0 unplaced.
        let documents = try #require(Self.slice(html, from: "<table class=\"documents\">", to: "</table>"))
        let balance = try #require(documents.components(separatedBy: "</tr>").first { $0.contains("kalundborg-direktion-2021-05-03.md") })
        #expect(Self.numberCells(balance) == ["7", "7", "2", "5", "0"])
        #expect(balance.contains(">stemmer<"))
    }

    @Test func withoutRulesThePageListsTheDocuments() {
        let report = Analyzer.analyze(paths: [Project.fixture("kalundborg-direktion-2021-05-03.md"), "missing/<x>.md"])
        let html = HTMLReport.render(report)
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<section id=\"bevillinger\">"))
        #expect(html.contains("Ingen regler anvendt"))
        #expect(html.contains("; 1 filer kunne ikke læses."))
        #expect(html.contains("missing/&lt;x&gt;.md: error: no such file or directory"))
        #expect(html.contains("<nav><a href=\"#dokumenter\">Dokumenter og afstemning</a></nav>"))
    }

    @Test func findingsAreGroupedBySeverity() throws {
        let html = HTMLReport.render(try Self.kalundborgReport())
        let warnings = try #require(html.range(of: "Advarsler (2)"))
        let notes = try #require(html.range(of: "Bemærkninger ("))
        #expect(warnings.lowerBound < notes.lowerBound)
        #expect(html.contains("<code>GrantHasFinancing</code>"))
        #expect(html.contains("Tillægsbevilling uden angivet finansiering (Styrelseslovens § 40, stk. 3)."))
    }

    @Test func othersMoneyIsShownAsContext() throws {
        let html = HTMLReport.render(try Self.kalundborgReport())
        let section = try #require(Self.slice(html, from: "<section id=\"kontekst\">", to: "</section>"))
        #expect(section.contains("kommunerne samlet"))
        #expect(section.contains("1.000.000"))
    }

    @Test func supersededLinesAreGreyedAndNotSummed() throws {
        let report = try ReportGoldenTests.fixturesReport()
        let superseded = report.allShownLines.filter { $0.supersededBy != nil }
        try #require(!superseded.isEmpty, "Fixtures/greve has one case through three meetings")
        let html = HTMLReport.render(report)
        #expect(html.contains("<tr class=\"superseded\">"))
        #expect(html.contains("afløst af Byråd 2025-08-22: ikke medregnet"))
        let table = try #require(Self.slice(html, from: "<table class=\"overview\">", to: "</table>"))
        let grand = try #require(table.components(separatedBy: "</tr>").first { $0.contains("I alt, netto") })
        let years = Set(report.allShownLines.compactMap(\.year)).sorted()
        let counted = report.countedLines.filter { $0.year != nil }
        let expected = years.map { year in DanishFormat.kroner(counted.filter { $0.year == year }.map(\.net).reduce(0, +)) }
        let cells = Self.numberCells(grand)
        #expect(Array(cells.prefix(years.count)) == expected)
        #expect(cells.last == DanishFormat.kroner(counted.map(\.net).reduce(0, +)))
        #expect(html.contains("<section id=\"sager\">"))
    }

    /// A case counts at its latest step with money: a later "Udsat." without figures leaves it
    /// there, and the page marks that step as the one that counts, not the last.
    @Test func theStepThatCountsIsMarkedNotTheLast() throws {
        func step(_ source: String, _ body: String, _ day: Int, _ status: DecisionStatus, lines: Bool) -> CaseTrack.Step {
            CaseTrack.Step(
                source: source, itemNumber: 4, title: "Ny daginstitution", body: body, date: MeetingDate(year: 2025, month: 3, day: day),
                status: status, figures: CaseTrack.Figures(all: CaseTrack.Figure(hasLines: lines, datedNet: lines ? 1_600_000 : 0)))
        }
        let track = CaseTrack(
            caseNumber: "25/1234",
            steps: [
                step("a.md", "Økonomiudvalget", 3, .recommended, lines: true), step("b.md", "Kommunalbestyrelsen", 10, .approved, lines: true),
                step("c.md", "Kommunalbestyrelsen", 17, .postponed, lines: false),
            ],
            countedIndex: 1)
        var html = ""
        try HTMLReport.casesSection(CaseTrackList([track]), statusFilter: .all) { html += $0 }
        let steps = html.components(separatedBy: "<li").dropFirst()
        #expect(steps.count == 3)
        #expect(steps.map { $0.hasPrefix(" class=\"counted\">") } == [false, true, false])
        #expect(steps.map { $0.contains("tæller</span>") } == [false, true, false])
        #expect(steps.map { $0.contains("ikke medregnet") } == [true, false, false])
        #expect(steps.map { $0.contains("netto 1.600.000 kr.") } == [true, true, false])
        #expect(html.contains("<td class=\"num total\">1.600.000</td>"))
        // With approved lines only shown, no step has figures: the case is only counted.
        var approvedOnly = ""
        try HTMLReport.casesSection(CaseTrackList([track]), statusFilter: .approved) { approvedOnly += $0 }
        #expect(!approvedOnly.contains("<li") && approvedOnly.contains(" 1 sager på flere møder uden budgetlinjer"))
    }

    // MARK: - Screenshot

    /// Chromium, found on PATH as `command -v chromium` would.
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Renders the Fixtures report in headless Chromium and checks the screenshot is a real
    /// picture of the page. The PNG is left at $TMPDIR/konsekvens-report.png for a person to
    /// look at.
    @Test(.enabled(if: chromium != nil, "Chromium is not installed: apt-get install chromium"))
    func chromiumRendersThePage() throws {
        let chromium = try #require(Self.chromium)
        let directory = try Project.temporaryFolder("html")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("konsekvens.html")
        try Data(HTMLReport.render(try ReportGoldenTests.fixturesReport()).utf8).write(to: page)
        let screenshot = directory.appendingPathComponent("konsekvens.png")
        let log = directory.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
            "--screenshot=\(screenshot.path)", "--window-size=1280,2000", page.absoluteString,
        ]
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try output.close()
        let chromiumLog = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "chromium failed:\n\(chromiumLog.suffix(2000))")

        let png = try #require(try? Data(contentsOf: screenshot), "no screenshot written; chromium said:\n\(chromiumLog.suffix(2000))")
        let bytes = [UInt8](png)
        // A blank 1280×2000 page compresses to about 12 KB; the report's is over 200 KB.
        #expect(bytes.count > 40_000, "a screenshot of \(bytes.count) bytes is blank or broken")
        try #require(bytes.count > 24)
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        func bigEndian(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(bigEndian(16) == 1280)
        #expect(bigEndian(20) == 2000)

        let kept = FileManager.default.temporaryDirectory.appendingPathComponent("konsekvens-report.png")
        try? FileManager.default.removeItem(at: kept)
        try? FileManager.default.copyItem(at: screenshot, to: kept)
    }

    // MARK: - Helpers

    /// The text from the first `start` to the next `end` after it, both included.
    static func slice(_ text: String, from start: String, to end: String) -> String? {
        guard let lower = text.range(of: start), let upper = text.range(of: end, range: lower.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[lower.lowerBound..<upper.upperBound])
    }

    /// The leading text of each right-aligned cell: the figure, without a gross note beneath.
    static func numberCells(_ html: String, tag: String = "td") -> [String] {
        html.components(separatedBy: "<\(tag) class=\"num").dropFirst().map { cell in
            let afterTag = cell.drop { $0 != ">" }.dropFirst()
            return String(afterTag.prefix { $0 != "<" })
        }
    }
}
