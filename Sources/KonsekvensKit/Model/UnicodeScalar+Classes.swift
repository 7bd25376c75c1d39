/// Classes of scalars the reader and the tokenizer ask about, with ASCII fast paths.
extension Unicode.Scalar {
    /// White space, including the non-breaking and zero-width spaces exports leave behind.
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x200B, 0xFEFF, 0x202F: true
        case 0..<0x80: false
        // Of the rest of Latin-1 (æ, ø, å, é, …, asked of every word with one) only U+0085 is
        // white space: asking the Unicode properties was 0,2 % of a run (callgrind).
        case 0x80...0xFF: value == 0x85
        default: properties.isWhitespace
        }
    }

    var isASCIIDigitCharacter: Bool { value >= 0x30 && value <= 0x39 }

    /// A letter, with an ASCII fast path.
    var isLetter: Bool {
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        // À–ÿ are all letters but × and ÷; Danish text is mostly these.
        if value >= 0xC0 && value <= 0xFF { return value != 0xD7 && value != 0xF7 }
        return properties.isAlphabetic
    }

    /// The scalar whose UTF-8 starts at `index` of `bytes`, and its length in bytes; U+FFFD and
    /// one byte where the bytes are not UTF-8 there. ASCII is decided on the byte.
    @inline(__always)
    static func decoded(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let first = UInt32(bytes[index])
        if first < 0x80 { return (Unicode.Scalar(UInt8(truncatingIfNeeded: first)), 1) }
        // By hand: the standard library's decoder through an iterator cost the tokenizer 0,3 %
        // of a run (callgrind).
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        guard first >= 0xC2, first < 0xF5, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = first & (0x7F >> UInt32(length))
        for offset in 1..<length {
            let byte = UInt32(bytes[index + offset])
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | byte & 0x3F
        }
        // An overlong form or a surrogate is not UTF-8 either.
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }
}
