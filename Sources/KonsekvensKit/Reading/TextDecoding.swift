/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and
/// Windows-1252 for bytes that are not valid UTF-8. Never fails: every byte sequence decodes.
enum TextDecoding {
    static func decode(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes[3...]
            if let text = decodeUTF8(body) { return (text, .utf8WithBOM) }
            return (decodeWindows1252(body), .windows1252)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (decodeUTF16(bytes[2...], bigEndian: false), .utf16LittleEndian)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (decodeUTF16(bytes[2...], bigEndian: true), .utf16BigEndian)
        }
        if let text = decodeUTF8(bytes[...]) { return (text, .utf8) }
        return (decodeWindows1252(bytes[...]), .windows1252)
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var text = ""
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: return text
            case .error: text.unicodeScalars.append("\u{FFFD}")
            }
        }
    }

    /// Windows-1252: ISO-8859-1 with printable characters in 0x80–0x9F.
    private static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var text = ""
        text.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                let value = windows1252High[Int(byte - 0x80)]
                text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            } else {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return text
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0xFFFD,
    ]
}
