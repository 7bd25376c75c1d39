import Foundation

/// Reads a number written with Danish separators: "." groups thousands, "," marks decimals,
/// and spaces may group thousands too.
enum DanishNumber {
    /// "32.083" → 32083, "2,5" → 2.5, "1 250 000" → 1250000, "1,450" → 1.45; nil for what is
    /// not one number ("24.10.00", "3.5.2021"), and for more than 15 integer digits.
    static func parse(_ text: String) -> Decimal? {
        guard let number = Shape(text), number.integerCount <= 15 else { return nil }
        let fractionCount = number.digitCount - number.integerCount
        // Built from the digits: Decimal(string:locale:) made a Locale per number (perf).
        if number.digitCount <= 18 {
            return Decimal(sign: .plus, exponent: -fractionCount, significand: Decimal(number.significand))
        }
        let digits = text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
        var literal = String(decoding: digits[..<number.integerCount], as: UTF8.self)
        if fractionCount > 0 { literal += "." + String(decoding: digits[number.integerCount...], as: UTF8.self) }
        return Decimal(string: literal, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Whether the text is one number in form but of more integer digits than are read.
    static func isTooLong(_ text: String) -> Bool {
        guard let number = Shape(text) else { return false }
        return number.integerCount > 15
    }

    /// A number's digits and groups as read in one pass, without keeping them: every number
    /// of the text is asked, and three arrays a number were a fiftieth of the run (callgrind).
    private struct Shape {
        /// The first 18 digits as an integer (all of them when there are no more).
        var significand: UInt64 = 0
        var digitCount = 0
        /// How many digits stand before the decimal separator.
        var integerCount = 0

        private enum Separator { case dot, comma, space }

        /// Nil for what is not one number: a group of no digits, a decimal comma before
        /// another separator, mixed separators, or groups of thousands not of three digits.
        init?(_ text: String) {
            // Groups g0 … gk between separators s1 … sk, summed up as they pass.
            var current = 0
            var separatorCount = 0
            var firstGroup = 0, secondGroup = 0
            var firstSeparator = Separator.dot, lastSeparator = Separator.dot
            var commaCount = 0
            // Whether s2 … sj equal s1, and g1 … gj are 3, for all j so far and for all but the last.
            var sameSeparators = true, sameSeparatorsButLast = true
            var threes = true, threesButLast = true
            var emptyGroup = false

            func closeGroup() {
                if current == 0 { emptyGroup = true }
                if separatorCount == 0 { firstGroup = current } else {
                    if separatorCount == 1 { secondGroup = current }
                    threesButLast = threes
                    threes = threes && current == 3
                }
            }

            // Scalar by scalar, which for digits and separators is the same as by Character.
            for scalar in text.unicodeScalars {
                if scalar.isASCIIDigitCharacter {
                    if digitCount < 18 { significand = significand * 10 + UInt64(scalar.value - 0x30) }
                    digitCount += 1
                    current += 1
                    continue
                }
                let separator: Separator
                if scalar == "." {
                    separator = .dot
                } else if scalar == "," {
                    separator = .comma
                } else if scalar.isSpaceLike {
                    separator = .space
                } else {
                    return nil
                }
                closeGroup()
                separatorCount += 1
                if separator == .comma { commaCount += 1 }
                if separatorCount == 1 {
                    firstSeparator = separator
                } else {
                    sameSeparatorsButLast = sameSeparators
                    sameSeparators = sameSeparators && separator == firstSeparator
                }
                lastSeparator = separator
                current = 0
            }
            closeGroup()
            guard !emptyGroup else { return nil }
            let lastGroup = current
            var fraction = 0
            var separators = separatorCount
            var allSame = sameSeparators, allThrees = threes
            // A decimal comma may only come last.
            if commaCount > 0 {
                guard commaCount == 1, lastSeparator == .comma else { return nil }
                fraction = lastGroup
                separators -= 1
                allSame = sameSeparatorsButLast
                allThrees = threesButLast
            }
            if separators > 0 {
                guard allSame else { return nil }
                if firstSeparator == .dot, separators == 1, secondGroup != 3, fraction == 0 {
                    // "2.5": a decimal point, as sloppy text writes it.
                    guard secondGroup <= 2 else { return nil }
                    fraction = secondGroup
                } else {
                    guard firstGroup <= 3, allThrees else { return nil }
                }
            }
            integerCount = digitCount - fraction
        }
    }
}
