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
    /// The text, its lower-case and bare forms and traits, shared by every token spelt alike:
    /// a token is copied and let go with one reference count instead of three Strings'.
    var spelling: TokenSpelling
    /// Offset of the first character, and one past the last, in the tokenised text.
    var start: Int
    var end: Int
    /// Whether white space stands directly before the token.
    var spaceBefore: Bool

    var text: String { spelling.text }
    /// Lower-case text, for matching.
    var lower: String { spelling.lower }
    /// The lower-case word without a sentence's final period ("kroner." → "kroner"), but
    /// keeping an abbreviation's ("kr.", "mio."); the same as `lower` for other tokens.
    var bare: String { spelling.bare }
    /// What the scanners ask of nearly every token, decided once when it is made.
    var traits: Traits { spelling.traits }

    init(kind: Kind, text: String, lower: String, bare: String, start: Int, end: Int, spaceBefore: Bool) {
        let traits = Traits(kind: kind, text: text, lower: lower)
        self.init(
            kind: kind, spelling: TokenSpelling(text: text, lower: lower, bare: bare, traits: traits), start: start, end: end,
            spaceBefore: spaceBefore)
    }

    fileprivate init(kind: Kind, spelling: TokenSpelling, start: Int, end: Int, spaceBefore: Bool) {
        self.kind = kind
        self.spelling = spelling
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
    }

    /// Facts about a token's text that depend on nothing around it. Asked of every token by the
    /// scanners and the sentence splitter, they cost a String comparison or two each time (callgrind).
    struct Traits: OptionSet, Sendable, Hashable {
        let rawValue: UInt16
        /// One of ``MoneyScanner/currencyWords``, or one with a sentence's final period.
        static let currency = Traits(rawValue: 1 << 0)
        /// One of ``MoneyScanner/scaleWords``, or one with a sentence's final period.
        static let scale = Traits(rawValue: 1 << 1)
        /// A word starting with "øre".
        static let øre = Traits(rawValue: 1 << 2)
        /// One of ``Sentences/abbreviations``.
        static let abbreviation = Traits(rawValue: 1 << 3)
        /// ".", "!", "?" or ";"; or a word ending in a period that is neither an abbreviation nor
        /// initials ("A.P."). Whether it ends its sentence depends on what follows.
        static let sentenceEnd = Traits(rawValue: 1 << 4)
        /// The first Character is upper-case.
        static let uppercase = Traits(rawValue: 1 << 5)

        /// A word ending in a period.
        static let finalPeriod = Traits(rawValue: 1 << 6)
        /// A word with a period before its last character ("t.kr.", "m.v.").
        static let innerPeriod = Traits(rawValue: 1 << 7)
        /// A word that can begin a number in words (``DanishNumberWords/couldStart(_:)``).
        static let numberWordStart = Traits(rawValue: 1 << 8)
        /// "½", "¼" or "¾" (``MoneyScanner/vulgarFractions``).
        static let vulgarFraction = Traits(rawValue: 1 << 9)

        init(rawValue: UInt16) { self.rawValue = rawValue }

        /// The traits of a token, read from the bytes of its lower-case text in one look.
        init(kind: Kind, text: String, lower: String) {
            var contiguous = lower
            self = contiguous.withUTF8 { Traits(kind: kind, text: text, lower: lower, bytes: $0) }
        }

        private init(kind: Kind, text: String, lower: String, bytes: UnsafeBufferPointer<UInt8>) {
            var traits: Traits = []
            if text.startsUppercase { traits.insert(.uppercase) }
            switch kind {
            case .word:
                guard let last = bytes.last else { break }
                if last == UInt8(ascii: ".") {
                    traits.insert(.finalPeriod)
                    if bytes.dropLast().contains(UInt8(ascii: ".")) { traits.insert(.innerPeriod) }
                }
                if bytes.count >= 2 {
                    let first = bytes[0], second = bytes[1]
                    // Every currency word starts with "kr" or "dk": most words are ruled out without hashing.
                    if (first == UInt8(ascii: "k") && second == UInt8(ascii: "r")) || (first == UInt8(ascii: "d") && second == UInt8(ascii: "k")),
                        MoneyScanner.isCurrencyWord(lower: lower)
                    {
                        traits.insert(.currency)
                    }
                    // Every scale word starts with "mi", "mr", "t.", "tk" or "tu", so "til", "med" and
                    // "tre" are ruled out without hashing.
                    let couldScale = first == UInt8(ascii: "m") ? second == UInt8(ascii: "i") || second == UInt8(ascii: "r")
                        : first == UInt8(ascii: "t")
                            && (second == UInt8(ascii: ".") || second == UInt8(ascii: "k") || second == UInt8(ascii: "u"))
                    if couldScale, MoneyScanner.scaleWord(lower: lower) != nil { traits.insert(.scale) }
                }
                if DanishNumberWords.couldStart(lower) { traits.insert(.numberWordStart) }
                // "øre" is C3 B8 72 65 in UTF-8.
                if bytes.count >= 4, bytes[0] == 0xC3, bytes[1] == 0xB8, bytes[2] == UInt8(ascii: "r"), bytes[3] == UInt8(ascii: "e") {
                    traits.insert(.øre)
                }
                if traits.contains(.finalPeriod) {
                    if Sentences.abbreviations.contains(lower) {
                        traits.insert(.abbreviation)
                    } else if !traits.contains(.innerPeriod) || !Sentences.isInitials(text) {
                        // Initials have a period inside.
                        traits.insert(.sentenceEnd)
                    }
                }
            case .symbol:
                if Sentences.isSentenceEnd(text) { traits.insert(.sentenceEnd) }
                if MoneyScanner.vulgarFractions[text] != nil { traits.insert(.vulgarFraction) }
            case .number:
                break
            }
            self = traits
        }
    }
}

/// How a token is spelt, made once per spelling in a document (``TokenCache``) and shared by
/// its tokens. Equal when the Strings and traits are, so tokens compare by what they say.
final class TokenSpelling: Sendable, Hashable {
    let text: String
    let lower: String
    let bare: String
    let traits: TextToken.Traits

    init(text: String, lower: String, bare: String, traits: TextToken.Traits) {
        self.text = text
        self.lower = lower
        self.bare = bare
        self.traits = traits
    }

    static func == (a: TokenSpelling, b: TokenSpelling) -> Bool {
        a === b || (a.text == b.text && a.lower == b.lower && a.bare == b.bare && a.traits == b.traits)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(lower)
        hasher.combine(bare)
        hasher.combine(traits)
    }
}

extension TextToken {
    /// "-", "–", "—" or "til": what stands between the ends of a range ("2021 – 2024", "2 til 3 mio.").
    var isRangeWord: Bool { lower.isOne(of: "-", "–", "—", "til") }
}

/// Splits text into ``TextToken``s in one pass over its Unicode scalars (cheaper than
/// Characters, and the same for the NFC text minutes are written in).
enum Tokenizer {
    /// The tokens of the text, with a cache of its own.
    static func tokens(of characters: [Unicode.Scalar]) -> [TextToken] {
        var cache = TokenCache()
        return tokens(of: characters, cache: &cache)
    }

    /// The tokens of the text; `cache` keeps the Strings of short tokens for the next text.
    static func tokens(of characters: [Unicode.Scalar], cache: inout TokenCache) -> [TextToken] {
        var tokens: [TextToken] = []
        // About one token per six characters in minutes.
        tokens.reserveCapacity(characters.count / 6 + 4)
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
            let scalars = characters[start..<index]
            let key = TokenCache.key(scalars)
            let made: TokenSpelling
            if let key {
                if let cached = cache.spelling(for: key) {
                    made = cached
                } else {
                    made = spelling(for: scalars, kind: kind)
                    cache.store(made, for: key)
                }
            } else if let cached = cache.spelling(forLong: scalars) {
                made = cached
            } else {
                made = spelling(for: scalars, kind: kind)
                cache.store(made, forLong: scalars)
            }
            tokens.append(TextToken(kind: kind, spelling: made, start: start, end: index, spaceBefore: space))
            space = false
        }
        return tokens
    }

    /// The token's text, lower-case and bare forms, and its traits, made afresh.
    private static func spelling(for scalars: ArraySlice<Unicode.Scalar>, kind: TextToken.Kind) -> TokenSpelling {
        let (text, lower) = strings(scalars, lowercasing: kind == .word)
        let traits = TextToken.Traits(kind: kind, text: text, lower: lower)
        var bare = lower
        // Only the final period ("kroner."), not an abbreviation's ("kr.", "t.kr.", "m.v.").
        if traits.contains(.finalPeriod), traits.isDisjoint(with: [.innerPeriod, .abbreviation]) {
            bare = String(decoding: lower.utf8.dropLast(), as: UTF8.self)
        }
        return TokenSpelling(text: text, lower: lower, bare: bare, traits: traits)
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
