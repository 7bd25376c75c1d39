/// A token of running text: a number as written, a word, or a single symbol, with its
/// character offsets in the text it came from.
struct TextToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Digits with the separators Danish numbers use ("32.083", "2,5", "1 250 000").
        case number
        /// Letters, with the periods of abbreviations ("kr.", "t.kr.", "mio.kr.").
        case word
        case symbol
    }

    var kind: Kind
    var text: String
    /// Lower-case text, for matching.
    var lower: String
    /// The lower-case word without a sentence's final period ("kroner." → "kroner"), but
    /// keeping an abbreviation's ("kr.", "mio."); the same as `lower` for other tokens.
    var bare: String
    /// Offset of the first character, and one past the last, in the tokenised text.
    var start: Int
    var end: Int
    /// Whether white space stands directly before the token.
    var spaceBefore: Bool
}

/// Splits text into ``TextToken``s in one pass over its Unicode scalars (cheaper than
/// Characters, and the same for the NFC text minutes are written in).
enum Tokenizer {
    static func tokens(of characters: [Unicode.Scalar]) -> [TextToken] {
        var tokens: [TextToken] = []
        var index = 0
        var space = true
        let count = characters.count
        while index < count {
            let character = characters[index]
            if character.isSpaceLike {
                space = true
                index += 1
                continue
            }
            let start = index
            let kind: TextToken.Kind
            if character.isASCIIDigitCharacter {
                kind = .number
                index = numberEnd(characters, from: index)
            } else if character.isLetter {
                kind = .word
                index += 1
                while index < count {
                    let next = characters[index]
                    if next.isLetter || next == "²" || next == "³" {
                        index += 1
                    } else if next == ".", index + 1 < count, characters[index + 1].isLetter {
                        // "t.kr", "j.nr", "mio.kr"
                        index += 1
                    } else {
                        break
                    }
                }
                // An abbreviation's final period: "kr.", "mio.".
                if index < count, characters[index] == "." { index += 1 }
            } else {
                kind = .symbol
                index += 1
            }
            let (text, lower) = strings(characters[start..<index], lowercasing: kind == .word)
            var bare = lower
            // Only the final period ("kroner."), not an abbreviation's ("kr.", "t.kr.", "m.v."); the
            // periods counted on bytes, since Foundation's `contains` on text was a fiftieth of the run.
            if kind == .word, lower.endsWithBytes("."), !lower.utf8.dropLast().contains(UInt8(ascii: ".")),
                !Sentences.abbreviations.contains(lower)
            {
                bare = String(lower.dropLast())
            }
            tokens.append(TextToken(kind: kind, text: text, lower: lower, bare: bare, start: start, end: index, spaceBefore: space))
            space = false
        }
        return tokens
    }

    /// The token's text and its lower-case form, built straight from the bytes when it is ASCII
    /// (nearly every token); making Strings was a third of the tokenizer's time (perf).
    private static func strings(_ scalars: ArraySlice<Unicode.Scalar>, lowercasing: Bool) -> (String, String) {
        var hasUppercase = false
        for scalar in scalars {
            guard scalar.value < 0x80 else {
                let text = String(scalars: scalars)
                return (text, lowercasing ? text.fastLowercased() : text)
            }
            if scalar.value >= 0x41 && scalar.value <= 0x5A { hasUppercase = true }
        }
        func ascii(_ lowered: Bool) -> String {
            String(unsafeUninitializedCapacity: scalars.count) { buffer in
                var offset = 0
                for scalar in scalars {
                    var byte = UInt8(truncatingIfNeeded: scalar.value)
                    if lowered && byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                    buffer[offset] = byte
                    offset += 1
                }
                return offset
            }
        }
        let text = ascii(false)
        return (text, lowercasing && hasUppercase ? ascii(true) : text)
    }

    /// The end of a number: digits, "." or "," between digits, and a space or non-breaking
    /// space before a group of exactly three digits ("1 250 000").
    private static func numberEnd(_ characters: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        let count = characters.count
        var leadingGroup = 0
        var groupedBySpace = false
        var sawOtherSeparator = false
        while index < count {
            let character = characters[index]
            if character.isASCIIDigitCharacter {
                if !groupedBySpace, !sawOtherSeparator { leadingGroup += 1 }
                index += 1
                continue
            }
            if character == "." || character == ",", index + 1 < count, characters[index + 1].isASCIIDigitCharacter {
                sawOtherSeparator = true
                index += 1
                continue
            }
            let isGroupSpace = character == " " || character == "\u{00A0}" || character == "\u{202F}" || character == "\u{2009}"
            if isGroupSpace, !sawOtherSeparator || groupedBySpace, groupedBySpace || leadingGroup <= 3,
                threeDigitGroup(characters, at: index + 1)
            {
                groupedBySpace = true
                index += 4
                continue
            }
            break
        }
        return index
    }

    private static func threeDigitGroup(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 3 <= characters.count else { return false }
        for offset in 0..<3 where !characters[index + offset].isASCIIDigitCharacter { return false }
        if index + 3 < characters.count {
            let after = characters[index + 3]
            // "1 250,5" is fine; "2 2025" is two numbers.
            if after.isASCIIDigitCharacter { return false }
        }
        return true
    }
}
