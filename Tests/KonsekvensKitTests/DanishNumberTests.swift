import Foundation
import Testing
@testable import KonsekvensKit

/// The one-pass number reader gives what the reader it replaced gave, kept here as the
/// reference: value and written form (the exponent), for numbers and for near-numbers.
@Suite struct DanishNumberTests {
    /// A header cell's year read on bytes is the year read by Characters.
    @Test func headerCellYears() {
        // (That below U+0300 a scalar is a letter as its Character is: latinLettersAreLetters.)
        var random = SplitMix64(seed: 2026)
        let pieces = [
            "1", "9", "2", "0", "5", "20", "25", "2025", "1989", "2101", " ", "B", "kr", ".", "*", "\r\n", "\r", "\t", "é", "\u{301}", "ø",
            "-", "\u{A0}", "ª", "µ", "×", "ÿ", "ǅ", "\u{2FF}", "\u{300}", "\u{36F}", "\u{2212}", "\u{200D}", "Å",
        ]
        var samples = [
            "2025", "B2026", "2027*", "1989", "2101", "1990", "2100", "20255", "Budget 2025", "Bf 2025", "2025\u{301}", "2.025", "2,059", "2025.", "20.25.", ".2025", "2.0 25", "2 059", "2\u{A0}059", "2025 ", " 2025",
            "Område", "Beløb i 1.000 kr.", "ø2025", "2025ø", "Økonomi 2026", "ø20\u{301}25", "Beløb ø 12345678901234567890123 kr.",
        ]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<random.below(12) { text += pieces[random.below(pieces.count)] }
            samples.append(text)
        }
        for text in samples {
            #expect(TableAmounts.year(inCell: text) == TableAmounts.yearByCharacters(text), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(TableAmounts.year(inCell: "B2026") == 2026 && TableAmounts.year(inCell: "Budget 2025") == nil)
        // Greve's "En Pose Penge ansøgt dispensation | 2,059 | 2,059" is no header of years.
        #expect(TableAmounts.year(inCell: "2,059") == nil && TableAmounts.year(inCell: "2.059") == nil)
        #expect(TableAmounts.year(inCell: "2 059") == nil && TableAmounts.year(inCell: "2\u{A0}059") == nil && TableAmounts.year(inCell: "B 2026") == 2026)
        #expect(TableAmounts.year(inCell: "2025.") == 2025 && TableAmounts.yearByCharacters("2,059") == nil)
    }

    static func outOfRange(_ text: String, power: Int) -> Bool {
        TableAmounts.isOutOfRange(text, number: TableAmounts.bareNumber(text), power: power)
    }

    /// A table cell's number, with its sign before it or its parentheses around it.
    @Test func tableCellNumbers() {
        let cells: [(String, Decimal?)] = [
            ("1.250", 1250), ("-250", -250), ("– 250", -250), ("−250", -250), ("÷ 310", -310), ("(250)", -250),
            ("(+250)", -250), ("(– 250)", -250), ("+250", 250), (" 1 250 ", 1250), ("0,0", 0), ("-", nil), ("", nil),
            ("tekst", nil), ("-\u{301}250", nil), ("x250", nil), ("--250", nil),
        ]
        for (text, value) in cells {
            #expect(TableAmounts.bareNumber(text) == value, "\(text)")
        }
        #expect(Self.outOfRange("(-1234567890123456789012)", power: 0))
        #expect(Self.outOfRange("÷ 2.000.000.000", power: 6))
        #expect(!Self.outOfRange("÷ 2.000", power: 3))
        // 10^15 kr. is the largest amount, in any table unit.
        #expect(!Self.outOfRange("1.000.000.000", power: 6) && Self.outOfRange("1.000.000.001", power: 6))
        #expect(!Self.outOfRange("-1.000.000.000.000", power: 3) && Self.outOfRange("(1.000.000.000.001)", power: 3))
        #expect(!Self.outOfRange("-\u{301}1234567890123456789012", power: 0))
    }

    @Test func onePassReadingIsTheReferenceReading() {
        var random = SplitMix64(seed: 2026_12_02)
        let alphabet: [Character] = ["0", "1", "2", "3", "5", "9", "0", "4", ".", ",", " ", "\u{00A0}", "\u{202F}", "x", "-"]
        var samples = [
            "", "0", "2025", "32.083", "2,5", "1 250 000", "1,450", "24.10.00", "3.5.2021", "1.250,75", "1.250.000,5",
            "2.5", "2.50", "2.500", "1,2,3", "1.2,5", "1 250,5", "12.34", "1.0.0", "1234567890123456", "123456789012345",
            "1234567890123456789012345", "12345678901234,5678901", "999.999.999.999.999", "1\u{00A0}250", ".5", "5.", "5,",
            "1..2", "1  250", "1 250.000", "0,0", "00.000", "1.2345",
        ]
        for _ in 0..<20_000 {
            let length = random.below(24)
            samples.append(String((0..<length).map { _ in alphabet[random.below(alphabet.count)] }))
        }
        for sample in samples {
            let expected = ReferenceDanishNumber.parse(sample)
            let parsed = DanishNumber.parse(sample)
            #expect(parsed == expected, "\(sample)")
            #expect(parsed?.exponent == expected?.exponent, "\(sample)")
            #expect(DanishNumber.isTooLong(sample) == ReferenceDanishNumber.isTooLong(sample), "\(sample)")
        }
        #expect(samples.filter { ReferenceDanishNumber.parse($0) != nil }.count > 1_000)
    }
}

/// `DanishNumber` as it was before it read numbers in one pass.
private enum ReferenceDanishNumber {
    /// "32.083" → 32083, "2,5" → 2.5, "1 250 000" → 1250000, "1,450" → 1.45; nil for what is
    /// not one number ("24.10.00", "3.5.2021"), and for more than 15 integer digits.
    static func parse(_ text: String) -> Decimal? {
        guard let number = digits(of: text), number.integerCount <= 15 else { return nil }
        let fractionCount = number.digits.count - number.integerCount
        // Built from the digits: Decimal(string:locale:) made a Locale per number (perf).
        if number.digits.count <= 18 {
            let significand = number.digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 0x30) }
            return Decimal(sign: .plus, exponent: -fractionCount, significand: Decimal(significand))
        }
        var literal = String(decoding: number.digits[..<number.integerCount], as: UTF8.self)
        if fractionCount > 0 { literal += "." + String(decoding: number.digits[number.integerCount...], as: UTF8.self) }
        return Decimal(string: literal, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Whether the text is one number in form but of more integer digits than are read.
    static func isTooLong(_ text: String) -> Bool {
        guard let number = digits(of: text) else { return false }
        return number.integerCount > 15
    }

    /// The digits of a number written with Danish separators (ASCII bytes), and how many of
    /// them are before the decimal separator; nil for what is not one number.
    static func digits(of text: String) -> (digits: [UInt8], integerCount: Int)? {
        let dot: UInt8 = 0x2E, comma: UInt8 = 0x2C, space: UInt8 = 0x20
        var digits: [UInt8] = []
        var groups: [Int] = []
        var current = 0
        var separators: [UInt8] = []
        // Scalar by scalar, which for digits and separators is the same as by Character.
        for scalar in text.unicodeScalars {
            if scalar.isASCIIDigitCharacter {
                digits.append(UInt8(scalar.value))
                current += 1
            } else if scalar == "." || scalar == "," || scalar.isSpaceLike {
                groups.append(current)
                separators.append(scalar == "." ? dot : scalar == "," ? comma : space)
                current = 0
            } else {
                return nil
            }
        }
        groups.append(current)
        guard !groups.contains(0) else { return nil }
        var fraction = 0
        // A decimal comma may only come last.
        if let commaIndex = separators.firstIndex(of: comma) {
            guard commaIndex == separators.count - 1 else { return nil }
            fraction = groups.removeLast()
            separators.removeLast()
        }
        if let first = separators.first {
            guard separators.allSatisfy({ $0 == first }) else { return nil }
            if first == dot, separators.count == 1, groups[1] != 3, fraction == 0 {
                // "2.5": a decimal point, as sloppy text writes it.
                guard groups[1] <= 2 else { return nil }
                fraction = groups.removeLast()
            } else {
                guard groups[0] <= 3, groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
            }
        }
        return (digits, digits.count - fraction)
    }
}
