import Foundation
import Testing
@testable import KonsekvensKit

/// The streamed CSV writes each cell's bytes without a String per field; they must be the
/// bytes of `CSVReport.cell(_:dialect:)`, which quotes, neutralises and formats as before.
@Suite struct CSVCellBytesTests {
    static let pieces = ["a", "ø", "Å", ";", ",", "\"", "\r", "\n", "\t", "=", "+", "-", "@", "'", " ", "»", "e\u{301}", "\u{301}", "😀", "1.000", "kr."]

    @Test(arguments: CSVReport.Dialect.allCases)
    func cellBytesAreThoseOfTheCellString(_ dialect: CSVReport.Dialect) {
        var random = SplitMix64(seed: 0x6373_7662)
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 8)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let integer = Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64)
            let number = Decimal(Int(truncatingIfNeeded: random.next() % 2_000_000_000) - 1_000_000_000) / Decimal(sign: .plus, exponent: Int(random.next() % 4), significand: 1)
            for cell in [CSVReport.Cell.string(text), .integer(integer), .number(number), .empty] {
                var bytes: [UInt8] = []
                CSVReport.append(cell, dialect: dialect, to: &bytes)
                #expect(bytes == Array(CSVReport.cell(cell, dialect: dialect).utf8), "\(cell)")
            }
        }
        for integer in [0, -1, Int.min, Int.max] {
            var bytes: [UInt8] = []
            CSVReport.appendDigits(integer, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(integer))
        }
    }

    /// Each column's bytes, written straight from the line, are those of the column's cell,
    /// for lines whose texts are random, whose optional fields are there or not, and which are
    /// a year's line or a period's total.
    @Test(arguments: CSVReport.Dialect.allCases)
    func columnBytesAreThoseOfTheColumnsCell(_ dialect: CSVReport.Dialect) {
        var random = SplitMix64(seed: 0x636f_6c73)
        func text() -> String {
            (0..<Int(random.next() % 6)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
        }
        func maybe<T>(_ value: T) -> T? { random.next() % 3 == 0 ? nil : value }
        for _ in 0..<3_000 {
            let periodYears = [2024, 2025, 2026, 2028].filter { _ in random.next() % 2 == 0 }
            let isPeriodTotal = random.next() % 3 == 0
            let amount = Decimal(Int(truncatingIfNeeded: random.next() % 2_000_000) - 1_000_000) / Decimal(sign: .plus, exponent: Int(random.next() % 3), significand: 1)
            var line = BudgetLine(
                source: text(), itemNumber: maybe(Int(random.next() % 40)), itemTitle: text(), caseNumber: maybe(text()),
                journalNumber: maybe(text()), meetingBody: maybe(text()), meetingDate: maybe(MeetingDate(year: 1990 + Int(random.next() % 40), month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))!),
                year: isPeriodTotal ? nil : maybe(2025), amount: amount, net: random.next() % 2 == 0 ? 0 : amount,
                kind: AmountKind.allCases[Int(random.next() % UInt64(AmountKind.allCases.count))],
                area: maybe(BudgetArea.drift), financing: random.next() % 2 == 0 ? .pool(text()) : .withinFrame,
                status: .approved, decidedBy: maybe(text()), decidedOn: nil, isPeriodTotal: isPeriodTotal, periodYears: periodYears,
                rule: text(), sources: random.next() % 5 == 0 ? [] : [SourceLocation(line: Int(random.next() % 900))], quote: text())
            line.supersededBy = maybe(text())
            for (index, column) in CSVReport.columns.enumerated() {
                var direct: [UInt8] = []
                CSVReport.appendCell(index, of: line, dialect: dialect, to: &direct)
                var viaCell: [UInt8] = []
                CSVReport.append(column.cell(line), dialect: dialect, to: &viaCell)
                #expect(direct == viaCell, "\(column.name): \(String(decoding: viaCell, as: UTF8.self).debugDescription)")
            }
        }
    }
}
