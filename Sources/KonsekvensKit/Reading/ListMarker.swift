/// The marker that starts a list item in text: "- ", "* ", "+ ", "• ", "– ", "1. ", "12) ",
/// "a. ", "b) "; not the day of a date at a line's start ("1. januar 2025", "3. kvartal").
enum ListMarker {
    /// The words after a day's number ("1. januar", "3. kvartal"), as bytes.
    private static let dateWords: [[UInt8]] = DanishDates.wordsAfterDay.filter { !$0.hasSuffix(".") }.map { Array($0.utf8) }

    static func starts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2, let first = bytes.first else { return false }
            switch first {
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                return bytes[1] == UInt8(ascii: " ")
            case 0xE2:
                // "•" and "–", then a space.
                return bytes.count >= 4 && bytes[1] == 0x80 && (bytes[2] == 0xA2 || bytes[2] == 0x93) && bytes[3] == UInt8(ascii: " ")
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                let isDigit = first <= UInt8(ascii: "9")
                var index = 1
                while isDigit, index < 2, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")"),
                    bytes[index + 1] == UInt8(ascii: " ")
                else { return false }
                guard isDigit, bytes[index] == UInt8(ascii: ".") else { return true }
                // Compared on the bytes: a String made of every numbered line's next word was
                // most of what this cost (callgrind).
                let next = bytes[(index + 2)...].prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ".") }
                return !dateWords.contains { word in
                    word.count == next.count && zip(word, next).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
                }
            default:
                return false
            }
        }
    }
}
