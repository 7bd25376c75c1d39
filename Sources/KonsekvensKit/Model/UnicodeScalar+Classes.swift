/// Classes of scalars the reader and the tokenizer ask about, with ASCII fast paths.
extension Unicode.Scalar {
    /// White space, including the non-breaking and zero-width spaces exports leave behind.
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x200B, 0xFEFF, 0x202F: true
        case 0..<0x80: false
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
}
