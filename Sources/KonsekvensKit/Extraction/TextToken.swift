import Foundation

/// A token of running text: a number as written, a word, or a single symbol, with its
/// byte offsets in the UTF-8 text it came from.
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
    /// Offset of the first byte, and one past the last, in the tokenised UTF-8 text.
    var start: Int
    var end: Int
    /// Whether white space stands directly before the token.
    var spaceBefore: Bool
    /// The spelling's ``TokenSpelling/bareIsSpelt``, kept in the token so that copying its
    /// bytes does not retain the spelling (callgrind).
    private(set) var bareIsSpelt: Bool

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
            kind: kind,
            spelling: TokenSpelling(text: text, lower: lower, bare: bare, traits: traits, bareIsSpelt: bare.utf8.elementsEqual(text.utf8)),
            start: start, end: end,
            spaceBefore: spaceBefore)
    }

    fileprivate init(kind: Kind, spelling: TokenSpelling, start: Int, end: Int, spaceBefore: Bool) {
        self.kind = kind
        self.spelling = spelling
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
        self.bareIsSpelt = spelling.bareIsSpelt
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
        /// A word that can begin a number in words (``DanishNumberWords/canBegin(_:)``).
        static let numberWordStart = Traits(rawValue: 1 << 8)
        /// "½", "¼" or "¾" (``MoneyScanner/vulgarFractions``).
        static let vulgarFraction = Traits(rawValue: 1 << 9)
        /// One of ``MoneyScanner/approximateWords`` ("ca.", "cirka", "knap").
        static let approximate = Traits(rawValue: 1 << 10)
        /// A word that may name a party by itself ("staten", "Region", "fonden";
        /// ``ClauseContext/mayNameParty(_:)``).
        static let partyWord = Traits(rawValue: 1 << 11)
        /// "kommune" or "kommunes", which a name before it makes a party ("Næstved Kommune").
        static let municipalityWord = Traits(rawValue: 1 << 12)

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
                if DanishNumberWords.canBegin(lower) { traits.insert(.numberWordStart) }
                // Such words are short and start as one of few: most are ruled out without hashing.
                if bytes.count >= 2, bytes.count <= MoneyScanner.longestApproximateWord, MoneyScanner.approximateStarts.contains(UInt16(bytes[0]) << 8 | UInt16(bytes[1])),
                    MoneyScanner.approximateWords.contains(lower)
                {
                    traits.insert(.approximate)
                }
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
                // The word as ``ClauseContext/party(at:in:municipality:)`` reads it: without a
                // final period but an abbreviation's, dropped as a byte ("staten.", the bare
                // word) or, after an inner period ("x.styrelsen."), as the last Character.
                if traits.contains(.finalPeriod), !traits.contains(.abbreviation), traits.contains(.innerPeriod) {
                    var partyForm = String(lower.dropLast())
                    if partyForm.withUTF8(ClauseContext.mayNameParty) { traits.insert(.partyWord) }
                } else if ClauseContext.mayNameParty(traits.contains(.finalPeriod) && !traits.contains(.abbreviation) ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes) {
                    traits.insert(.partyWord)
                }
                // (Its length first: the generic comparison of every word with both was 0,6 % of
                // a run over Greve's meetings, callgrind.)
                if bytes.count == 7 || bytes.count == 8, bytes.elementsEqual("kommune".utf8) || bytes.elementsEqual("kommunes".utf8) {
                    traits.insert(.municipalityWord)
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

/// How a token is spelt, made once per spelling (``TokenCache``, which a run carries from
/// document to document) and shared by its tokens. Equal when the Strings and traits are, so
/// tokens compare by what they say.
final class TokenSpelling: Sendable, Hashable {
    let text: String
    let lower: String
    let bare: String
    let traits: TextToken.Traits
    /// Whether `bare` is the very bytes the token spans in its text (a word in lower case
    /// without a final period, a number, a symbol), so they can be copied from there without
    /// touching the String (``SpacedWords``).
    let bareIsSpelt: Bool

    init(text: String, lower: String, bare: String, traits: TextToken.Traits, bareIsSpelt: Bool) {
        self.text = text
        self.lower = lower
        self.bare = bare
        self.traits = traits
        self.bareIsSpelt = bareIsSpelt
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

/// Splits UTF-8 text into ``TextToken``s in one pass over its bytes, deciding ASCII on the byte
/// and decoding only the scalars beyond it (the same tokens as by Characters for the NFC text
/// minutes are written in).
enum Tokenizer {
    /// The tokens of UTF-8 text, with a cache of its own.
    static func tokens(of text: [UInt8]) -> [TextToken] {
        var cache = TokenCache()
        return tokens(of: text, cache: &cache)
    }

    /// The tokens of UTF-8 text; `cache` keeps the spellings of tokens for the next text.
    static func tokens(of text: [UInt8], cache: inout TokenCache) -> [TextToken] {
        text.withUnsafeBufferPointer { tokens(of: $0, cache: &cache) }
    }

    private static func tokens(of bytes: UnsafeBufferPointer<UInt8>, cache: inout TokenCache) -> [TextToken] {
        var tokens: [TextToken] = []
        // About one token per six bytes in minutes.
        tokens.reserveCapacity(bytes.count / 6 + 4)
        var index = 0
        var space = true
        let count = bytes.count
        while index < count {
            let (character, length) = Unicode.Scalar.decoded(in: bytes, at: index)
            if character.isSpaceLike {
                space = true
                index += length
                continue
            }
            let start = index
            let kind: TextToken.Kind
            if character.isASCIIDigitCharacter {
                kind = .number
                index = numberEnd(bytes, from: index)
            } else if character.isLetter {
                kind = .word
                index += length
                while index < count {
                    // An ASCII letter on its byte: most of a word, where decoding each was a
                    // tenth of tokenising (callgrind).
                    let byte = bytes[index] | 0x20
                    if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") {
                        index += 1
                        continue
                    }
                    let (next, nextLength) = Unicode.Scalar.decoded(in: bytes, at: index)
                    if next.isLetter || next == "²" || next == "³" {
                        index += nextLength
                    } else if next == ".", index + 1 < count, Unicode.Scalar.decoded(in: bytes, at: index + 1).0.isLetter {
                        // "t.kr", "j.nr", "mio.kr"
                        index += 1
                    } else {
                        break
                    }
                }
                // An abbreviation's final period: "kr.", "mio.".
                if index < count, bytes[index] == UInt8(ascii: ".") { index += 1 }
            } else {
                kind = .symbol
                index += length
            }
            let spelt = UnsafeBufferPointer(rebasing: bytes[start..<index])
            let made: TokenSpelling
            if let key = TokenCache.key(spelt) {
                if let cached = cache.spelling(for: key) {
                    made = cached
                } else {
                    made = spelling(for: spelt, kind: kind)
                    cache.store(made, for: key)
                }
            } else if let cached = cache.spelling(forLong: spelt) {
                made = cached
            } else {
                made = spelling(for: spelt, kind: kind)
                cache.store(made, forLong: spelt)
            }
            tokens.append(TextToken(kind: kind, spelling: made, start: start, end: index, spaceBefore: space))
            space = false
        }
        return tokens
    }

    /// The token's text, lower-case and bare forms, and its traits, made afresh.
    private static func spelling(for bytes: UnsafeBufferPointer<UInt8>, kind: TextToken.Kind) -> TokenSpelling {
        let (text, lower, lowerIsText) = strings(bytes, lowercasing: kind == .word)
        let traits = TextToken.Traits(kind: kind, text: text, lower: lower)
        var bare = lower
        var bareIsSpelt = lowerIsText
        // Only the final period ("kroner."), not an abbreviation's ("kr.", "t.kr.", "m.v.").
        if traits.contains(.finalPeriod), traits.isDisjoint(with: [.innerPeriod, .abbreviation]) {
            bare = String(decoding: lower.utf8.dropLast(), as: UTF8.self)
            bareIsSpelt = false
        }
        return TokenSpelling(text: text, lower: lower, bare: bare, traits: traits, bareIsSpelt: bareIsSpelt)
    }

    /// The token's text and its lower-case form, the latter folded on the bytes when the text is
    /// ASCII (nearly every token), and whether the lower-case form is the text.
    private static func strings(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> (String, String, Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard lowercasing else { return (text, text, true) }
        var hasUppercase = false
        for byte in bytes {
            guard byte < 0x80 else {
                var lower = text.fastLowercased()
                let same = lower.withUTF8 { lower in lower.count == bytes.count && memcmp(lower.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
                return (text, lower, same)
            }
            if byte >= 0x41 && byte <= 0x5A { hasUppercase = true }
        }
        guard hasUppercase else { return (text, text, true) }
        let lower = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
            return bytes.count
        }
        return (text, lower, false)
    }

    /// The end of a number: digits, "." or "," between digits, and a space or non-breaking
    /// space before a group of exactly three digits ("1 250 000").
    private static func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        var leadingGroup = 0
        var groupedBySpace = false
        var sawOtherSeparator = false
        while index < count {
            let byte = bytes[index]
            if isDigit(byte) {
                if !groupedBySpace, !sawOtherSeparator { leadingGroup += 1 }
                index += 1
                continue
            }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), index + 1 < count, isDigit(bytes[index + 1]) {
                sawOtherSeparator = true
                index += 1
                continue
            }
            let groupSpace = groupSpaceLength(bytes, at: index)
            if groupSpace > 0, !sawOtherSeparator || groupedBySpace, groupedBySpace || leadingGroup <= 3,
                threeDigitGroup(bytes, at: index + groupSpace)
            {
                groupedBySpace = true
                index += groupSpace + 3
                continue
            }
            break
        }
        return index
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The length of a space that may group thousands at `index` (" ", U+00A0, U+202F, U+2009),
    /// or 0.
    private static func groupSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x20: return 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xAF || bytes[index + 2] == 0x89 ? 3 : 0
        default: return 0
        }
    }

    private static func threeDigitGroup(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 3 <= bytes.count else { return false }
        for offset in 0..<3 where !isDigit(bytes[index + offset]) { return false }
        // "1 250,5" is fine; "2 2025" is two numbers.
        if index + 3 < bytes.count, isDigit(bytes[index + 3]) { return false }
        return true
    }
}
