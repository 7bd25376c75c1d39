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
}
