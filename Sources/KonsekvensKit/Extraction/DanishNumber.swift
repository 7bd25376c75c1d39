import Foundation

/// Reads a number written with Danish separators: "." groups thousands, "," marks decimals,
/// and spaces may group thousands too.
enum DanishNumber {
    /// "32.083" → 32083, "2,5" → 2.5, "1 250 000" → 1250000, "1,450" → 1.45; nil for what is
    /// not one number ("24.10.00", "3.5.2021"), and for more than 15 integer digits.
    static func parse(_ text: String) -> Decimal? {
        guard let (integer, fraction) = digits(of: text), integer.count <= 15 else { return nil }
        let literal = fraction.map { integer + "." + $0 } ?? integer
        return Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Whether the text is one number in form but of more integer digits than are read.
    static func isTooLong(_ text: String) -> Bool {
        guard let (integer, _) = digits(of: text) else { return false }
        return integer.count > 15
    }

    /// The integer and fraction digits of a number written with Danish separators.
    private static func digits(of text: String) -> (integer: String, fraction: String?)? {
        var integer = ""
        var fraction: String?
        var groups: [String] = []
        var current = ""
        var separators: [Character] = []
        for character in text {
            if character.isASCIIDigitCharacter {
                current.append(character)
            } else if character == "." || character == "," || character.isSpaceLike {
                groups.append(current)
                separators.append(character.isSpaceLike ? " " : character)
                current = ""
            } else {
                return nil
            }
        }
        groups.append(current)
        guard groups.allSatisfy({ !$0.isEmpty }) else { return nil }
        // A decimal comma may only come last.
        if let commaIndex = separators.firstIndex(of: ",") {
            guard commaIndex == separators.count - 1 else { return nil }
            fraction = groups.removeLast()
            separators.removeLast()
        }
        if !separators.isEmpty {
            let thousandSeparators = Set(separators)
            guard thousandSeparators.count == 1 else { return nil }
            if thousandSeparators == ["."], separators.count == 1, groups[1].count != 3, fraction == nil {
                // "2.5": a decimal point, as sloppy text writes it.
                guard groups[1].count <= 2 else { return nil }
                fraction = groups.removeLast()
            } else {
                guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            }
        }
        integer = groups.joined()
        return (integer, fraction)
    }
}
