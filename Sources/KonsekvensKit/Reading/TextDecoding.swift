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

    /// Whether the bytes are UTF-8 without a byte-order mark, as ``decode(_:)`` would read them
    /// (`.utf8`): a reader that scans bytes can then take them as they are, without the String
    /// that validating and copying them would make.
    static func isPlainUTF8(_ bytes: [UInt8]) -> Bool {
        !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && bytes.withUnsafeBufferPointer(isValidUTF8)
    }

    /// Whether the bytes are valid UTF-8, as `String(validating:as:)` judges them: no overlong
    /// form, surrogate, scalar past U+10FFFF or stray continuation byte. ASCII is passed eight
    /// bytes at a time, which is most of any minutes.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            // Where the bytes are not UTF-8 the decoder gives U+FFFD of one byte; a scalar
            // beyond ASCII, U+FFFD too, is two bytes or more.
            let (_, length) = Unicode.Scalar.decoded(in: bytes, at: index)
            guard length > 1 else { return false }
            index += length
        }
        return true
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

    /// Windows-1252: ISO-8859-1 with printable characters in 0x80–0x9F. Encoded straight to
    /// UTF-8 bytes in the String's own storage, ASCII eight bytes at a time: appending a byte at
    /// a time to an array first was three quarters of decoding such a file (callgrind).
    private static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return "" }
            let raw = UnsafeRawPointer(base)
            // The length in UTF-8 first: the String keeps the capacity it is made with, and room
            // for three bytes each would hold a file's size three times over.
            var length = source.count
            var index = 0
            while index < source.count {
                if index + 8 <= source.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let byte = source[index]
                if byte >= 0xA0 {
                    length += 1
                } else if byte >= 0x80 {
                    length += windows1252High[Int(byte - 0x80)] < 0x800 ? 1 : 2
                }
                index += 1
            }
            return String(unsafeUninitializedCapacity: length) { utf8 in
                var index = 0, count = 0
                while index < source.count {
                    if index + 8 <= source.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        for offset in 0..<8 { utf8[count + offset] = source[index + offset] }
                        index += 8
                        count += 8
                        continue
                    }
                    let byte = source[index]
                    index += 1
                    if byte < 0x80 {
                        utf8[count] = byte
                        count += 1
                    } else if byte >= 0xA0 {
                        utf8[count] = 0xC0 | byte >> 6
                        utf8[count + 1] = 0x80 | byte & 0x3F
                        count += 2
                    } else {
                        // Š, Œ, ƒ, ˆ, … are two bytes in UTF-8; €, ‚, „, –, ™, … three.
                        let value = windows1252High[Int(byte - 0x80)]
                        if value < 0x800 {
                            utf8[count] = UInt8(0xC0 | value >> 6)
                            count += 1
                        } else {
                            utf8[count] = UInt8(0xE0 | value >> 12)
                            utf8[count + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                            count += 2
                        }
                        utf8[count] = UInt8(0x80 | value & 0x3F)
                        count += 1
                    }
                }
                return count
            }
        }
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
