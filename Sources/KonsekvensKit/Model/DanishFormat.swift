import Foundation

/// Numbers as Danish readers write them: "32.083", "2.500.000", "-250.000", "1.450,5".
public enum DanishFormat {
    /// "32.083", "-2.500.000", "1.450,5": thousands grouped by ".", decimals after ",".
    public static func kroner(_ value: Decimal) -> String {
        let plain = value.plainDescription
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "." + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        if parts.count > 1 { grouped += "," + parts[1] }
        return (negative ? "-" : "") + grouped
    }
}

extension Decimal {
    /// The value with a decimal point and no grouping ("32083", "-2.5").
    var plainDescription: String {
        var value = self
        return NSDecimalString(&value, Locale(identifier: "en_US_POSIX"))
    }
}
