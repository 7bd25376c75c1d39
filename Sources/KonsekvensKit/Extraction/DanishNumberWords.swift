import Foundation

/// Reads Danish numbers written in words ("to tusinde og femogtyve", "halvanden million").
enum DanishNumberWords {
    /// Parses the longest run of number words at the start of `words` and returns its value
    /// and how many words it used, or nil when the first word is not a number word.
    /// `words` are lowercased tokens split on white space; a trailing period stays on the token
    /// ("mio.").
    static func parse<Words: RandomAccessCollection<String>>(_ words: Words) -> (value: Decimal, wordCount: Int)?
    where Words.Index == Int {
        var state = State()
        var best: (quarters: Int64, wordCount: Int)?
        var index = words.startIndex
        // Words are applied one by one; the answer is the last point where the number was whole,
        // so a dangling "og" ("kroner og firs øre") or a bare "et" after "millioner" is left over.
        while index < words.endIndex,
            let reading = read(at: index, in: words, isFirst: index == words.startIndex),
            reading.atoms.allSatisfy({ state.apply($0) })
        {
            // Beyond any budget; a wrong small number would be worse than none.
            guard state.quarters <= limit else { return nil }
            index += reading.tokenCount
            if state.isComplete { best = (state.quarters, index - words.startIndex) }
            if reading.closesRun { break }
        }
        return best.map { (decimal(quarters: $0.quarters), $0.wordCount) }
    }

    /// Whether a number in words can begin with this lower-case word: ``parse(_:)`` reads none
    /// unless its first word, punctuation aside, is glued whole from number pieces ("en",
    /// "femogtyve", "million"). Asked once for each spelling (``TextToken/Traits``), so the
    /// scanner tries to read a number at only such words.
    static func canBegin(_ word: String) -> Bool {
        // Most words are ruled out by their first bytes, which begin no piece, before
        // punctuation is looked for.
        var word = word
        let mayBegin = word.withUTF8 { bytes in
            guard let first = bytes.first else { return false }
            return morphemes[Int(first)].contains { bytes.starts(with: $0.text) } || beginsLeadingPunctuation[Int(first)]
        }
        guard mayBegin, let (stripped, _) = stripped(word, allowLeading: true) else { return false }
        return decompose(stripped) != nil
    }

    /// The Decimal of a count of quarters, in its shortest written form ("0.5", "1.25", "3").
    static func decimal(quarters: Int64) -> Decimal {
        switch quarters % 4 {
        case 0: Decimal(quarters / 4)
        case 2: Decimal(sign: .plus, exponent: -1, significand: Decimal(quarters / 2 * 5))
        default: Decimal(sign: .plus, exponent: -2, significand: Decimal(quarters * 25))
        }
    }

    // MARK: - Words

    /// One meaningful piece of a number word; "tohundredeogfemogtyve" is 2, ×100, og, 5, og, 20.
    private enum Atom: Sendable {
        case zero
        /// 1 to 99.
        case number(Int)
        /// "en halv", "halvanden", "trekvart", in quarters: only a scale word may follow.
        case fraction(quarters: Int64)
        case hundred
        case thousand
        /// 6 for million, 9 for milliard.
        case scale(exponent: Int)
        case and
    }

    /// The atoms read from one or two tokens ("en halv").
    private struct Reading {
        var atoms: [Atom]
        var tokenCount: Int
        /// The token ended in punctuation ("tolv,", "mio."), so the number ends there.
        var closesRun: Bool
    }

    /// 10^15, in quarters. Numbers are counted in quarters, the finest fraction a word names,
    /// in integers: Decimal arithmetic was a quarter of the parse (callgrind).
    private static let limit: Int64 = 4_000_000_000_000_000

    /// Longer than any number word; keeps the work per token bounded.
    private static let maximumTokenLength = 80

    private static let trailingPunctuation: Set<Character> = [
        ".", ",", ";", ":", ")", "]", "!", "?", "\"", "'", "»", "”", "’",
    ]
    private static let leadingPunctuation: Set<Character> = [
        "(", "[", "\"", "'", "«", "„", "“", "‘",
    ]

    /// Whether a byte begins one of ``leadingPunctuation``, by its value: a load, not a hash.
    private static let beginsLeadingPunctuation: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for mark in leadingPunctuation { table[Int(mark.utf8.first!)] = true }
        return table
    }()

    private static let articles: Set<String> = ["en", "et", "én", "ét"]

    /// "halv" and "kvart" count only after an article: alone they tell the time
    /// ("halv tolv" is 11.30).
    private static let articleFractions: [String: Int64] = [
        "halv": 2, "halvt": 2, "kvart": 1,
    ]

    /// Abbreviated scale words, read only as whole tokens.
    private static let abbreviations: [String: Atom] = [
        "mio": .scale(exponent: 6), "mill": .scale(exponent: 6),
        "mia": .scale(exponent: 9), "mrd": .scale(exponent: 9),
    ]

    /// The pieces a number word is glued from, by their first UTF-8 byte, longest first so
    /// "tretten" wins over "tre".
    private static let morphemes: [[(text: [UInt8], atom: Atom)]] = {
        let table: [(String, Atom)] = [
            ("nul", .zero),
            ("en", .number(1)), ("et", .number(1)), ("én", .number(1)), ("ét", .number(1)),
            ("to", .number(2)), ("tre", .number(3)), ("fire", .number(4)), ("fem", .number(5)),
            ("seks", .number(6)), ("syv", .number(7)), ("otte", .number(8)), ("ni", .number(9)),
            ("ti", .number(10)), ("elleve", .number(11)), ("tolv", .number(12)),
            ("tretten", .number(13)), ("fjorten", .number(14)), ("femten", .number(15)),
            ("seksten", .number(16)), ("sytten", .number(17)), ("atten", .number(18)),
            ("nitten", .number(19)),
            ("tyve", .number(20)), ("tredive", .number(30)), ("tredve", .number(30)),
            ("fyrre", .number(40)), ("fyrretyve", .number(40)),
            ("halvtreds", .number(50)), ("halvtredsindstyve", .number(50)),
            ("tres", .number(60)), ("tresindstyve", .number(60)),
            ("halvfjerds", .number(70)), ("halvfjerdsindstyve", .number(70)),
            ("firs", .number(80)), ("firsindstyve", .number(80)),
            ("halvfems", .number(90)), ("halvfemsindstyve", .number(90)),
            ("halvanden", .fraction(quarters: 6)), ("trekvart", .fraction(quarters: 3)),
            ("hundrede", .hundred), ("tusind", .thousand), ("tusinde", .thousand),
            ("million", .scale(exponent: 6)), ("millioner", .scale(exponent: 6)),
            ("milliard", .scale(exponent: 9)), ("milliarder", .scale(exponent: 9)),
            ("og", .and),
        ]
        // By bytes, which orders every two pieces of which one begins the other as by letters.
        var byFirstByte = [[(text: [UInt8], atom: Atom)]](repeating: [], count: 256)
        for (text, atom) in table.sorted(by: { $0.0.utf8.count > $1.0.utf8.count }) {
            byFirstByte[Int(text.utf8.first!)].append((Array(text.utf8), atom))
        }
        return byFirstByte
    }()

    /// Reads the token at `index`, with the next one for "en halv"; nil when it is not a number
    /// word.
    private static func read<Words: RandomAccessCollection<String>>(at index: Int, in words: Words, isFirst: Bool) -> Reading?
    where Words.Index == Int
    {
        guard let (word, punctuated) = stripped(words[index], allowLeading: isFirst) else {
            return nil
        }
        // Articles have two or three bytes and abbreviations three or four: most words are
        // ruled out without hashing them.
        let length = word.utf8.count
        if length <= 3, articles.contains(word), !punctuated, index + 1 < words.endIndex,
            let (next, nextPunctuated) = stripped(words[index + 1], allowLeading: false),
            let fraction = articleFractions[next]
        {
            return Reading(atoms: [.fraction(quarters: fraction)], tokenCount: 2, closesRun: nextPunctuated)
        }
        if word == "og" {
            // "og," cannot join anything.
            return punctuated ? nil : Reading(atoms: [.and], tokenCount: 1, closesRun: false)
        }
        if length == 3 || length == 4, let atom = abbreviations[word] {
            return Reading(atoms: [atom], tokenCount: 1, closesRun: punctuated)
        }
        guard let atoms = decompose(word) else { return nil }
        return Reading(atoms: atoms, tokenCount: 1, closesRun: punctuated)
    }

    /// Removes punctuation around a token; reports whether any trailing punctuation was removed.
    private static func stripped(_ token: String, allowLeading: Bool) -> (String, Bool)? {
        guard token.utf8.count <= maximumTokenLength * 4 else { return nil }
        // A word that begins and ends with an ASCII letter has no punctuation to strip: the
        // common case, decided without looking at Characters.
        if let first = token.utf8.first, let last = token.utf8.last, first.isASCIILetter, last.isASCIILetter,
            token.utf8.count <= maximumTokenLength
        {
            return (token, false)
        }
        var characters = Substring(token)
        if allowLeading {
            while let first = characters.first, leadingPunctuation.contains(first) {
                characters = characters.dropFirst()
            }
        }
        var punctuated = false
        while let last = characters.last, trailingPunctuation.contains(last) {
            characters = characters.dropLast()
            punctuated = true
        }
        guard !characters.isEmpty, characters.count <= maximumTokenLength else { return nil }
        return (String(characters), punctuated)
    }

    /// Splits a word into atoms by longest match; nil unless every character belongs to one.
    /// On bytes: it is tried on every word that starts like a number ("til", "endnu", "total"),
    /// and comparing Characters was a twentieth of the run (callgrind). For the NFC text the
    /// reader makes, no piece ends inside a letter, so the pieces are the same.
    private static func decompose(_ word: String) -> [Atom]? {
        var word = word
        return word.withUTF8 { bytes -> [Atom]? in
            var atoms: [Atom] = []
            var position = 0
            while position < bytes.count {
                let rest = bytes[position...]
                guard let match = morphemes[Int(rest[position])].first(where: { rest.starts(with: $0.text) }) else {
                    return nil
                }
                atoms.append(match.atom)
                position += match.text.count
            }
            return isWellFormed(atoms) ? atoms : nil
        }
    }

    /// Inside one glued word "og" sits between two parts ("femogtyve", not "ogtyve" or "tyveog").
    private static func isWellFormed(_ atoms: [Atom]) -> Bool {
        if case .and = atoms.first { return false }
        if case .and = atoms.last { return false }
        for (previous, next) in zip(atoms, atoms.dropFirst()) {
            if case .and = previous, case .and = next { return false }
        }
        return true
    }

    // MARK: - Value

    /// What the part below one hundred holds so far.
    private enum Tail {
        case empty
        /// 1 to 9, which "og" plus a ten may still complete ("to og tyve").
        case unit
        /// 10 to 99: nothing more below one hundred.
        case full
        /// "en halv", "halvanden": waits for a scale word.
        case fraction
        /// "nul" is a whole number on its own.
        case zero
    }

    /// The number read so far, in quarters, kept as the parts that later words may still change.
    /// None passes 4 · 10^15 by much: ``parse(_:)`` stops beyond ``limit``.
    private struct State {
        /// Millions and milliards already closed.
        var total: Int64 = 0
        /// The next million or milliard must be below this exponent.
        var lastExponent = Int.max
        var thousands: Int64 = 0
        var hasThousands = false
        var hundreds: Int64 = 0
        var hasHundreds = false
        var tail: Int64 = 0
        var tailKind = Tail.empty
        /// After "og": a number must follow.
        var awaitsNumber = false
        /// A number after a multiplier without "og" ("tusinde tre") must itself be multiplied
        /// ("tusinde tre hundrede"); Danish puts "og" before the last part ("tusinde og tre").
        var awaitsMultiplier = false
        var isEmpty = true

        /// Whether the words so far make a whole number that may end here.
        var isComplete: Bool { !isEmpty && !awaitsNumber && !awaitsMultiplier }

        var quarters: Int64 { total + thousands + hundreds + tail }

        /// The part a scale word multiplies: "to hundrede" in "to hundrede tusinde".
        private var group: Int64 { hundreds + tail }

        /// Adds one atom, or returns false (leaving the state unusable) when it cannot follow.
        mutating func apply(_ atom: Atom) -> Bool {
            if tailKind == .zero { return false }
            let joined = awaitsNumber
            switch atom {
            case .and:
                guard !isEmpty, !joined, tailKind != .fraction else { return false }
                awaitsNumber = true
                return true
            case .zero:
                guard isEmpty else { return false }
                tailKind = .zero
            case .number(let number):
                switch tailKind {
                case .empty:
                    tail = Int64(number) * 4
                    tailKind = number < 10 ? .unit : .full
                    awaitsMultiplier = !isEmpty && !joined
                case .unit where joined && number >= 20 && number % 10 == 0:
                    tail += Int64(number) * 4
                    tailKind = .full
                default:
                    return false
                }
            case .fraction(let fraction):
                if isEmpty {
                    tail = fraction
                } else if joined, tailKind == .unit, fraction < 4 {
                    tail += fraction
                } else {
                    return false
                }
                tailKind = .fraction
            case .hundred:
                guard !joined, !hasHundreds else { return false }
                hundreds = (tailKind == .empty ? 4 : tail) * 100
                hasHundreds = true
                awaitsMultiplier = false
                clearTail()
            case .thousand:
                guard !joined, !hasThousands else { return false }
                thousands = (!hasHundreds && tailKind == .empty ? 4 : group) * 1000
                hasThousands = true
                hundreds = 0
                hasHundreds = false
                awaitsMultiplier = false
                clearTail()
            case .scale(let exponent):
                let multiplier = thousands + group
                guard !joined, exponent < lastExponent,
                    hasThousands || hasHundreds || tailKind != .empty
                else { return false }
                let factor = (0..<exponent).reduce(Int64(1)) { product, _ in product * 10 }
                let (scaled, overflow) = multiplier.multipliedReportingOverflow(by: factor)
                // Past the limit the parse ends without a number; held just past it, no sum overflows.
                total = overflow || scaled > limit ? limit + 1 : min(total + scaled, limit + 1)
                lastExponent = exponent
                awaitsMultiplier = false
                thousands = 0
                hasThousands = false
                hundreds = 0
                hasHundreds = false
                clearTail()
            }
            awaitsNumber = false
            isEmpty = false
            return true
        }

        private mutating func clearTail() {
            tail = 0
            tailKind = .empty
        }
    }
}

extension UInt8 {
    fileprivate var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
}
