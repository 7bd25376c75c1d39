import Foundation
import Testing
@testable import KonsekvensKit

/// The CSV report (README, "CSV"): columns, both dialects byte for byte, RFC 4180 quoting, and
/// the neutralising of text a spreadsheet would run as a formula.
@Suite struct CSVReportTests {
    static let header =
        "source;line;meeting_date;body;item;case_number;journal_number;title;year;period;amount;net;kind;area;payer;"
        + "financing;status;decided_by;superseded_by;rule;quote\r\n"

    /// A budget line with plausible defaults; tests change what they look at.
    static func line(
        title: String = "Tilskud til Ølstykke Bibliotek", year: Int? = 2025, amount: Decimal = 32083, net: Decimal? = nil,
        quote: String = "32.083 kr."
    ) -> BudgetLine {
        BudgetLine(
            source: "Fixtures/køge.md", itemNumber: 3, itemTitle: title, caseNumber: "25-008841", journalNumber: "00.01.10",
            meetingBody: "Økonomiudvalget", meetingDate: MeetingDate(year: 2025, month: 4, day: 7), year: year, amount: amount,
            net: net ?? amount, kind: .supplementaryGrant, area: .drift, financing: .notStated, status: .approved,
            decidedBy: "Økonomiudvalget", decidedOn: MeetingDate(year: 2025, month: 4, day: 7), isPeriodTotal: year == nil,
            periodYears: [], rule: "OwnAmountPerYear", sources: [SourceLocation(line: 12, column: 5)], quote: quote)
    }

    static func report(_ lines: [BudgetLine]) -> AnalysisReport {
        AnalysisReport(
            documents: [], impacts: [DocumentImpact(source: "Fixtures/køge.md", budgetLines: lines, placements: [], findings: [])],
            errors: [])
    }

    /// The data rows of a rendering, without BOM, header and the final CRLF.
    static func rows(_ csv: String) -> [String] {
        Array(csv.components(separatedBy: "\r\n").dropFirst().dropLast())
    }

    @Test func headerNamesTheColumnsInOrder() {
        #expect(CSVReport.render(Self.report([])) == "\u{FEFF}" + Self.header)
        #expect(CSVReport.render(Self.report([]), dialect: .rfc4180) == Self.header.replacingOccurrences(of: ";", with: ","))
    }

    @Test func kalundborgSeedGivesFourYearsOf32083() throws {
        let report = Analyzer.analyze(
            paths: [Project.fixture("kalundborg-direktion-2021-05-03.md")], engine: try Analyzer.defaultEngine())
        let csv = CSVReport.render(report)
        #expect(csv.hasPrefix("\u{FEFF}" + Self.header))
        let rows = Self.rows(csv)
        try #require(rows.count == 4)
        for (row, year) in zip(rows, 2021...2024) {
            let fields = row.components(separatedBy: ";")
            #expect(fields[0].hasSuffix("Fixtures/kalundborg-direktion-2021-05-03.md"))
            #expect(
                fields.dropFirst().joined(separator: ";")
                    == "77;2021-05-03;Direktionen;2;326-2021-16031;24.10.00;Medfinansiering af viden- og erhvervsklynge for "
                    + "byggeri samt status for etablering af flere klynger;\(year);;32083;32083;tillægsbevilling;;own;not-stated;"
                    + "approved-with-conditions;Direktionen;;OwnAmountPerYear + MergeRepeatedAmount;»32.083 kr.«")
        }
    }

    /// A year's line and a period total, superseded, with a decimal amount, a comma in the
    /// title and a quote that starts with "-" (written in quotation marks, so never a formula).
    static func smallReport() -> AnalysisReport {
        var total = line(
            title: "Cykelsti, etape 2", year: nil, amount: Decimal(47_500_006) / 10, net: 0, quote: "4.750.000,60 kr.")
        total.kind = .constructionGrant
        total.area = .anlæg
        total.financing = .pool("puljen til grøn omstilling")
        total.status = .recommended
        total.decidedBy = nil
        total.periodYears = [2025, 2026, 2027]
        total.rule = "ConstructionGrantIsProjectTotal"
        total.supersededBy = "Byråd 2025-08-22"
        var saving = line(amount: -2_500_000, quote: "-2,5 mio. kr.")
        saving.kind = .saving
        return report([saving, total])
    }

    @Test func excelDanishByteForByte() {
        let expected =
            "\u{FEFF}" + Self.header
            + "Fixtures/køge.md;12;2025-04-07;Økonomiudvalget;3;25-008841;00.01.10;Tilskud til Ølstykke Bibliotek;2025;;"
            + "-2500000;-2500000;besparelse;drift;own;not-stated;approved;Økonomiudvalget;;OwnAmountPerYear;»-2,5 mio. kr.«\r\n"
            + "Fixtures/køge.md;12;2025-04-07;Økonomiudvalget;3;25-008841;00.01.10;Cykelsti, etape 2;;2025-2027;"
            + "4750000,6;0;anlægsbevilling;anlæg;own;pool:puljen til grøn omstilling;recommended;;Byråd 2025-08-22;"
            + "ConstructionGrantIsProjectTotal;»4.750.000,60 kr.«\r\n"
        #expect(Array(CSVReport.render(Self.smallReport()).utf8) == Array(expected.utf8))
        #expect(CSVReport.render(Self.smallReport(), dialect: .excelDanish) == CSVReport.render(Self.smallReport()))
    }

    @Test func rfc4180ByteForByte() {
        let expected =
            Self.header.replacingOccurrences(of: ";", with: ",")
            + "Fixtures/køge.md,12,2025-04-07,Økonomiudvalget,3,25-008841,00.01.10,Tilskud til Ølstykke Bibliotek,2025,,"
            + "-2500000,-2500000,besparelse,drift,own,not-stated,approved,Økonomiudvalget,,OwnAmountPerYear,\"»-2,5 mio. kr.«\"\r\n"
            + "Fixtures/køge.md,12,2025-04-07,Økonomiudvalget,3,25-008841,00.01.10,\"Cykelsti, etape 2\",,2025-2027,"
            + "4750000.6,0,anlægsbevilling,anlæg,own,pool:puljen til grøn omstilling,recommended,,Byråd 2025-08-22,"
            + "ConstructionGrantIsProjectTotal,\"»4.750.000,60 kr.«\"\r\n"
        #expect(Array(CSVReport.render(Self.smallReport(), dialect: .rfc4180).utf8) == Array(expected.utf8))
    }

    @Test(arguments: [
        // title, excel-da field, rfc4180 field
        ("Vej; sti og bro", "\"Vej; sti og bro\"", "Vej; sti og bro"),
        ("Vej, sti og bro", "Vej, sti og bro", "\"Vej, sti og bro\""),
        ("Projekt \"Grøn By\"", "\"Projekt \"\"Grøn By\"\"\"", "\"Projekt \"\"Grøn By\"\"\""),
        ("Første linje\nanden linje", "\"Første linje\nanden linje\"", "\"Første linje\nanden linje\""),
        ("Første linje\r\nanden linje", "\"Første linje\r\nanden linje\"", "\"Første linje\r\nanden linje\""),
        ("\"", "\"\"\"\"", "\"\"\"\""),
    ])
    func quotingFollowsRFC4180(title: String, excelDanish: String, rfc4180: String) {
        #expect(CSVReport.field(title, dialect: .excelDanish) == excelDanish)
        #expect(CSVReport.field(title, dialect: .rfc4180) == rfc4180)
        let csv = CSVReport.render(Self.report([Self.line(title: title)]))
        #expect(csv.contains(";\(excelDanish);2025;"))
    }

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("=HYPERLINK(\"http://x\";\"klik\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\""),
        ("+45 12 34 56 78", "'+45 12 34 56 78"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tVej", "'\tVej"),
        ("\rVej", "\"'\rVej\""),
        ("\r\nVej", "\"'\r\nVej\""),
    ])
    func formulaLikeTextIsNeutralised(title: String, field: String) {
        let csv = CSVReport.render(Self.report([Self.line(title: title)]))
        #expect(csv.contains(";00.01.10;\(field);2025;"))
    }

    @Test(arguments: ["Pris = 5 kr.", "Vej-projekt", "Tilskud +10 %", "E-mail: a@b.dk", "'citat'", "÷ 250.000 kr."])
    func textThatOnlyContainsFormulaCharactersIsLeftAlone(title: String) {
        #expect(CSVReport.neutralised(title) == title)
    }

    @Test(arguments: CSVReport.Dialect.allCases)
    func numbersAreNeverPrefixed(dialect: CSVReport.Dialect) {
        let csv = CSVReport.render(Self.report([Self.line(amount: -2_500_000, net: -1_250_000)]), dialect: dialect)
        let separator = dialect == .excelDanish ? ";" : ","
        #expect(csv.contains("\(separator)-2500000\(separator)-1250000\(separator)"))
        #expect(!csv.contains("'-2500000") && !csv.contains("'-1250000"))
    }

    @Test func decimalsUseTheDialectsSignAndNoGrouping() {
        let report = Self.report([Self.line(amount: Decimal(6) / 10, net: 1_234_567)])
        #expect(CSVReport.render(report).contains(";0,6;1234567;"))
        #expect(CSVReport.render(report, dialect: .rfc4180).contains(",0.6,1234567,"))
    }

    @Test func excelDanishStartsWithAByteOrderMarkAndRFC4180DoesNot() {
        let report = Self.smallReport()
        #expect(Array(CSVReport.render(report).utf8.prefix(4)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "s")])
        #expect(Array(CSVReport.render(report, dialect: .rfc4180).utf8.prefix(1)) == [UInt8(ascii: "s")])
        #expect(!CSVReport.render(report, dialect: .rfc4180).unicodeScalars.contains("\u{FEFF}"))
    }

    @Test(arguments: CSVReport.Dialect.allCases)
    func everyRowEndsInCRLF(dialect: CSVReport.Dialect) {
        let csv = CSVReport.render(Self.smallReport(), dialect: dialect)
        let bytes = Array(csv.utf8)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        // No bare LF and no bare CR: every line break is CRLF.
        for (index, byte) in bytes.enumerated() where byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
        for (index, byte) in bytes.enumerated() where byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A) }
        #expect(csv.components(separatedBy: "\r\n").count == 4)
    }

    @Test(arguments: [([2025, 2026, 2027], "2025-2027"), ([2027, 2025], "2025 2027"), ([2026], "2026"), ([], "")])
    func periodNamesAPeriodTotalsYears(years: [Int], period: String) {
        var total = Self.line(year: nil)
        total.periodYears = years
        #expect(CSVReport.period(total) ?? "" == period)
        #expect(CSVReport.render(Self.report([total])).contains(";;\(period);32083;"))
        #expect(CSVReport.period(Self.line(year: 2025)) == nil)
    }

    @Test func onlyShownLinesAreRows() {
        var proposed = Self.line(title: "Foreslået")
        proposed.status = .recommended
        var report = Self.report([Self.line(title: "Vedtaget"), proposed])
        report.statusFilter = .approved
        let rows = Self.rows(CSVReport.render(report))
        #expect(rows.count == 1)
        #expect(rows.first?.contains(";Vedtaget;") == true)
    }
}
