import Foundation
import Testing
@testable import KonsekvensKit

/// The excel-da CSV opened in LibreOffice Calc with a Danish locale (README, "CSV"): amounts
/// arrive as numbers, æøå intact, identifiers as text, and no text cell becomes a formula.
@Suite(.enabled(if: Spreadsheet.isAvailable, "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc"))
struct SpreadsheetTests {
    /// A fresh folder for one soffice run, removed afterwards.
    static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = try Project.temporaryFolder("spreadsheet")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// The sheet LibreOffice makes of `csv`, as rows of cells; the first row is the header.
    static func open(_ csv: String, in folder: URL) throws -> [[Spreadsheet.Cell]] {
        let file = folder.appendingPathComponent("report.csv")
        try Data(csv.utf8).write(to: file)
        return try #require(try Spreadsheet.importCSV([file], in: folder)[file])
    }

    @Test func fixturesReportOpensWithNumbersTextAndDates() throws {
        let report = try ReportGoldenTests.fixturesReport()
        let lines = report.allShownLines
        let sheet = try Self.withFolder { try Self.open(CSVReport.render(report), in: $0) }
        try #require(sheet.count == lines.count + 1, "one row per budget line after the header")
        let header = sheet[0].map(\.text)
        #expect(header == CSVReport.columns.map(\.name), "the BOM is read as UTF-8, not as part of the first name")
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (amount, net, title, journal, caseNumber, date) = (
            try column("amount"), try column("net"), try column("title"), try column("journal_number"),
            try column("case_number"), try column("meeting_date")
        )

        for (index, line) in lines.enumerated() {
            let row = sheet[index + 1] + Array(repeating: Spreadsheet.Cell(text: ""), count: header.count)
            let place = "row \(index + 2)"
            #expect(row[amount].isNumber && row[amount].value.flatMap { Decimal(string: $0) } == line.amount, "\(place): amount")
            #expect(row[net].isNumber && row[net].value.flatMap { Decimal(string: $0) } == line.net, "\(place): net")
            #expect(row[title].isText && row[title].text == CSVReport.neutralised(line.itemTitle), "\(place): title")
            for (cell, identifier) in [(row[journal], line.journalNumber), (row[caseNumber], line.caseNumber)] {
                if let identifier {
                    #expect(cell.isText && cell.text == identifier, "\(place): \(identifier) must stay text, got \(cell)")
                } else {
                    #expect(cell.type == nil, "\(place): empty identifier")
                }
            }
            if let meetingDate = line.meetingDate {
                #expect(row[date].type == "date" && row[date].value == meetingDate.description, "\(place): meeting date")
            }
            #expect(row.allSatisfy { $0.formula == nil }, "\(place): no cell is a formula")
        }
        let titles = lines.map(\.itemTitle).joined()
        #expect(["æ", "ø", "å"].allSatisfy(titles.contains), "the fixtures' titles hold æ, ø and å")
        let journalNumbers = Set(lines.compactMap(\.journalNumber))
        #expect(journalNumbers.contains("24.10.00") && journalNumbers.count > 1)
    }

    @Test func formulaLikeTextStaysText() throws {
        let titles = ["=SUM(A1)", "=1+1", "+2", "-2", "@SUM(A1)", "\tVej", "-2.500.000 kr."]
        let report = CSVReportTests.report(titles.map { CSVReportTests.line(title: $0, quote: $0) })
        let (sheet, control) = try Self.withFolder { folder in
            let csv = folder.appendingPathComponent("report.csv"), raw = folder.appendingPathComponent("control.csv")
            try Data(CSVReport.render(report).utf8).write(to: csv)
            // The control shows the check can fail: the same cell not neutralised is a formula.
            try Data("\u{FEFF}a;b\r\n=1+1;2\r\n".utf8).write(to: raw)
            let sheets = try Spreadsheet.importCSV([csv, raw], in: folder)
            return (try #require(sheets[csv]), try #require(sheets[raw]))
        }
        #expect(control.count == 2 && control[1].first?.formula != nil, "LibreOffice evaluates formulas in this import")
        try #require(sheet.count == titles.count + 1)
        let header = sheet[0].map(\.text)
        let title = try #require(header.firstIndex(of: "title")), quote = try #require(header.firstIndex(of: "quote"))
        for (index, text) in titles.enumerated() {
            let row = sheet[index + 1]
            let titleCell = row[title], quoteCell = row[quote]
            #expect(titleCell.isText && titleCell.formula == nil && titleCell.text == "'" + text, "\(text): got \(titleCell)")
            // The quote stands in quotation marks: text as the minutes wrote it, never a formula.
            #expect(quoteCell.isText && quoteCell.formula == nil && quoteCell.text == "»" + text + "«", "\(text): got \(quoteCell)")
        }
    }
}
