import Foundation

/// Finds amounts of money in tokenised text: a number in digits or words, with its scale
/// ("mio.", "t.kr.") and currency ("kr.", "kroner", "DKK") before or after it, a sign
/// ("-", "÷", "minus", parentheses), "ca.", ranges ("2-3 mio. kr.", "mellem 2 og 3 mio. kr."),
/// øre, and rates ("85 kr. pr. m²"). A number with neither scale nor currency is not money.
enum MoneyScanner {
    /// One amount of money as written.
    struct Match: Sendable, Hashable {
        /// Token range of the whole match.
        var tokens: Range<Int>
        var value: Decimal
        var low: Decimal?
        var high: Decimal?
        var approximate: Bool
        /// Scale and currency as written ("mio. kr.").
        var unit: String
        /// The unit of a rate ("m²", "person"), when the amount is a price per unit.
        var rate: String?
        /// Set for "Beløb i 1.000 kr.": a table's unit, not an amount.
        var isUnitDeclaration: Bool
        var pattern: String
        /// A number with a currency or scale that is too large to be an amount (over
        /// ``maximumValue``, or more digits than ``DanishNumber`` reads): reported, not summed.
        var isOutOfRange = false

        /// The match without the minus it starts with: "- 2 mio. kr." read as "2 mio. kr.".
        mutating func dropSign() {
            tokens = (tokens.lowerBound + 1)..<tokens.upperBound
            value = -value
            if let lowValue = low, let highValue = high {
                low = -highValue
                high = -lowValue
            }
        }
    }

    static func scan(_ tokens: [TextToken]) -> [Match] {
        // Money needs a currency or scale word: a stretch of text without one within reach is
        // skipped without trying every word as the start of a number in words. How many tokens
        // on the next one stands (at most 255).
        var unitDistance = [UInt8](repeating: .max, count: tokens.count + 1)
        var distance = Int.max
        var units = 0
        let unitTraits: TextToken.Traits = [.currency, .scale, .øre]
        for index in stride(from: tokens.count - 1, through: 0, by: -1) {
            if !tokens[index].traits.isDisjoint(with: unitTraits) {
                distance = 0
                units += 1
            } else if distance != Int.max {
                distance += 1
            }
            unitDistance[index] = UInt8(truncatingIfNeeded: min(distance, 255))
        }
        // Every match holds a unit word of its own: room for as many, where growing the array
        // by doubling was 0,2 % of a run (callgrind).
        var matches: [Match] = []
        matches.reserveCapacity(units)
        var index = 0
        while index < tokens.count {
            // A prefix currency ("kr. 32.083") stands before its number: look one token back too.
            let afterCurrency = index > 0 && tokens[index - 1].traits.contains(.currency)
            if unitDistance[index] > 16, !afterCurrency {
                index += 1
                continue
            }
            if couldStartMatch(tokens[index]), !lacksUnit(at: index, unitDistance[index], in: tokens), let match = match(at: index, in: tokens) {
                matches.append(match)
                index = max(match.tokens.upperBound, index + 1)
            } else {
                index += 1
            }
        }
        return matches
    }

    // MARK: Vocabulary

    /// Lower-case stems one of which every currency and scale word contains.
    static let unitStems = NeedleSet(["kr", "mio", "mia", "mill", "mrd", "øre", "dkk", "tusind", "krone"])

    /// Whether the text in lower case holds one of ``unitStems``: what
    /// `unitStems.occursAny(inLowercased:)` answers, read for Latin text by a loop that knows the
    /// stems' first letters ("krone" holds "kr"), where the general scan was 5 % of a run over
    /// Greve's meetings (perf): every paragraph is asked, and most have no money. A test holds
    /// the two to the same answers.
    static func mayHoldUnit(_ text: String) -> Bool {
        var text = text
        let found = text.withUTF8 { bytes -> Bool? in
            let count = bytes.count
            /// Whether the lower-case ASCII `letters` stand, folded, at `start`.
            func folded(_ letters: StaticString, at start: Int) -> Bool {
                let length = letters.utf8CodeUnitCount
                guard start + length <= count else { return false }
                for offset in 0..<length where bytes[start + offset] | 0x20 != letters.utf8Start[offset] { return false }
                return true
            }
            let stemStarts = Self.stemStartMask
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    // Most bytes begin no stem, and one shift of a mask says so.
                    guard byte >= 0x40, stemStarts >> UInt64(byte & 0x3F) & 1 != 0 else {
                        index += 1
                        continue
                    }
                    // `| 0x20` folds "K" to "k" and makes no other byte one of these letters.
                    switch byte | 0x20 {
                    case UInt8(ascii: "k"): if folded("r", at: index + 1) { return true }
                    case UInt8(ascii: "m"):
                        if folded("io", at: index + 1) || folded("ia", at: index + 1) || folded("ill", at: index + 1) || folded("rd", at: index + 1) {
                            return true
                        }
                    case UInt8(ascii: "d"): if folded("kk", at: index + 1) { return true }
                    case UInt8(ascii: "t"): if folded("usind", at: index + 1) { return true }
                    default: break
                    }
                    index += 1
                } else if byte == 0xC3 {
                    // "ø" or "Ø", then "re".
                    if index + 1 < count, bytes[index + 1] == 0xB8 || bytes[index + 1] == 0x98, folded("re", at: index + 2) { return true }
                    index += 2
                } else if byte == 0xC2 {
                    index += 2
                } else if byte == 0xE2, index + 1 < count, bytes[index + 1] == 0x80 {
                    index += 3
                } else {
                    // A scalar beyond Latin-1 and U+2000–U+203F: lower case is Unicode's.
                    return nil
                }
            }
            return false
        }
        return found ?? unitStems.occursAny(in: text.fastLowercased())
    }

    /// The letters a unit's stem begins with, in both cases, each byte `b` (0x40–0x7F) as bit
    /// `b & 0x3F`: "d", "k", "m" and "t".
    private static let stemStartMask: UInt64 = "dkmtDKMT".utf8.reduce(0) { $0 | 1 << UInt64($1 & 0x3F) }

    /// The largest amount read: 10^15 kr.
    static let maximumValue: Decimal = 1_000_000_000_000_000
    private static let thousand: Decimal = 1000

    /// Each starts with "kr" or "dk" (``TextToken/Traits`` relies on it).
    static let currencyWords: Set<String> = ["kr.", "kr", "kroner", "krone", "dkk", "kr.-", "kr.,"]
    /// Scale words and the powers of ten they multiply by. "t.kr." carries its currency. Each
    /// starts with "mi", "mr", "t.", "tk" or "tu" (``TextToken/Traits`` relies on it, and a test
    /// checks it).
    static let scaleWords: [String: (power: Int, includesCurrency: Bool)] = [
        "mio.": (6, false), "mio": (6, false), "mill.": (6, false), "mill": (6, false),
        "million": (6, false), "millioner": (6, false), "mia.": (9, false),
        "mia": (9, false), "mrd.": (9, false), "mrd": (9, false),
        "milliard": (9, false), "milliarder": (9, false),
        "t.kr.": (3, true), "t.kr": (3, true), "tkr.": (3, true), "tkr": (3, true),
        "tusind": (3, false), "tusinde": (3, false), "mio.kr.": (6, true), "mio.kr": (6, true),
        "mia.kr.": (9, true),
    ]
    /// Each has two bytes or more (``TextToken/Traits`` relies on it, and a test checks it).
    static let approximateWords: Set<String> = ["ca.", "ca", "cirka", "omkring", "anslået", "anslåede", "godt", "knap", "knapt"]
    static let longestApproximateWord = approximateWords.map(\.utf8.count).max()!
    /// The first two bytes of each of ``approximateWords``, the first the higher.
    static let approximateStarts: [UInt16] = approximateWords.map { word in
        let bytes = Array(word.utf8)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }
    /// Words after a bare "1 million" that show it is not money ("1 million indbyggere").
    static let countNouns: Set<String> = [
        "indbyggere", "borgere", "mennesker", "personer", "liter", "besøgende", "gæster", "brugere", "tons", "ton", "m2", "m²",
    ]
    /// After "pr." or "/": units that make an amount a rate. Time periods make it recurring instead.
    static let periodUnits: Set<String> = ["år", "år.", "måned", "måned.", "md.", "md", "kvartal", "kvartal.", "året", "måneden"]

    /// A word of the vocabulary above as written, or with the period that ends a sentence
    /// ("… 275.000 kroner.", "… 1 million indbyggere.").
    static func vocabularyForm(of token: TextToken, in vocabulary: Set<String>) -> String? {
        if vocabulary.contains(token.lower) { return token.lower }
        guard token.traits.contains(.finalPeriod) else { return nil }
        let bare = String(token.lower.dropLast())
        return vocabulary.contains(bare) ? bare : nil
    }

    static func isCurrency(_ token: TextToken) -> Bool { token.traits.contains(.currency) }

    /// Whether a lower-case word is a currency word, with or without a sentence's final period;
    /// ``TextToken/Traits`` asks it once per token.
    static func isCurrencyWord(lower: String) -> Bool {
        if currencyWords.contains(lower) { return true }
        return lower.endsWithBytes(".") && currencyWords.contains(String(lower.dropLast()))
    }

    static func scale(of token: TextToken) -> (power: Int, includesCurrency: Bool)? {
        token.traits.contains(.scale) ? scaleWord(lower: token.lower) : nil
    }

    /// A lower-case scale word's power of ten, and whether it includes the currency ("t.kr.").
    static func scaleWord(lower: String) -> (power: Int, includesCurrency: Bool)? {
        if let scale = scaleWords[lower] { return scale }
        guard lower.endsWithBytes(".") else { return nil }
        return scaleWords[String(lower.dropLast())]
    }

    // MARK: Matching

    /// Whether a match can start at the token: a number, a currency word before its number
    /// ("kr. 32.083"), a number word, or a vulgar fraction. Asked before ``match(at:in:)`` of
    /// every token near a currency word, so it must be cheap.
    private static func couldStartMatch(_ token: TextToken) -> Bool {
        switch token.kind {
        case .number: true
        case .word: token.traits.contains(.currency) || token.traits.contains(.numberWordStart)
        case .symbol: token.traits.contains(.vulgarFraction)
        }
    }

    /// Whether a number in digits at `start` cannot be money, for want of a unit near enough.
    /// Half the numbers tried near a unit word are years and the like ("… kr. i 2023 og …"),
    /// and ``match(at:in:)`` reads each as a Decimal before it finds no unit (callgrind). Its
    /// unit word stands at most eight tokens on when a range's high end is in digits: "1½",
    /// ",-", "til 3½", ")" and then a scale, currency or "øre", or the "t." of "t. kr.". A
    /// high end in words ("1 til ni hundrede og ni og halvfems kr.") may take twelve tokens: a
    /// number is not skipped when a number word stands where the high end can begin.
    private static func lacksUnit(at start: Int, _ distance: UInt8, in tokens: [TextToken]) -> Bool {
        guard tokens[start].kind == .number, distance > maximumUnitDistance else { return false }
        let end = min(tokens.count, start + maximumUnitDistance + 1)
        let highEnds = min(tokens.count, start + highEndStart + 1)
        return !tokens[start + 1..<end].contains { $0.lower.equalsBytes("t.") }
            && !tokens[start + 1..<highEnds].contains { $0.traits.contains(.numberWordStart) }
    }

    /// How far after the first token of a number in digits ``match(at:in:)`` looks for its
    /// unit, when a range's high end is in digits.
    static let maximumUnitDistance = 8
    /// How far after it a range's high end may begin: after "1½", ",-" and "til".
    static let highEndStart = 5

    private static func match(at start: Int, in tokens: [TextToken]) -> Match? {
        var index = start
        var prefixCurrency = false
        // The unit's words, each part after the first behind a space: an array of them joined at
        // the end was 0,5 % of a run (callgrind).
        var unit = ""
        var unitParts = 0
        func addUnit(_ part: String) {
            if unitParts > 0 { unit += " " }
            unit += part
            unitParts += 1
        }
        // "kr. 32.083", "DKK 32.083", "kr.45.000"
        if tokens[index].kind == .word, isCurrency(tokens[index]),
            index + 1 < tokens.count, tokens[index + 1].kind == .number || (tokens[index + 1].text.equalsBytes("-") && index + 2 < tokens.count && tokens[index + 2].kind == .number)
        {
            prefixCurrency = true
            addUnit(tokens[index].text)
            index += 1
        }
        var negative = false
        if tokens[index].text.isOne(of: "-", "÷", "−", "–") {
            guard prefixCurrency, index + 1 < tokens.count, tokens[index + 1].kind == .number else { return nil }
            negative = true
            index += 1
        }
        guard let (firstValue, afterNumber) = number(at: index, in: tokens) else {
            return tooLongNumber(at: index, start: start, afterCurrency: prefixCurrency, in: tokens)
        }
        var value = firstValue
        // The value, and a range's high end, are below 10 to this power.
        var digitBound = Self.digitBound(at: index, in: tokens)
        // "halvanden million", "en kvart mio.": number words that took their scale with them.
        let wordScale = tokens[index..<afterNumber].last { $0.kind == .word && (scale(of: $0)?.power ?? 0) >= 6 }
        index = afterNumber
        var low: Decimal?
        var high: Decimal?

        // ",-" after whole kroner: "32.083,- kr."
        if index + 1 < tokens.count, tokens[index].text.equalsBytes(","), tokens[index + 1].text.equalsBytes("-"), !tokens[index + 1].spaceBefore {
            index += 2
        }
        // Ranges: "2-3 mio.", "300-400.000 kr.", "2 til 3 mio."
        if index + 1 < tokens.count, tokens[index].isRangeWord,
            let (second, afterSecond) = number(at: index + 1, in: tokens), DecimalOrder.isLess(value, than: second),
            !(tokens[index].text.equalsBytes("-") && isIdentifierChain(from: start, in: tokens))
        {
            low = value
            high = second
            digitBound = max(digitBound, Self.digitBound(at: index + 1, in: tokens))
            index = afterSecond
        } else if start >= 1, tokens[start - 1].lower.equalsBytes("mellem") || (start >= 2 && tokens[start - 2].lower.equalsBytes("mellem")),
            index + 1 < tokens.count, tokens[index].lower.equalsBytes("og"), let (second, afterSecond) = number(at: index + 1, in: tokens),
            DecimalOrder.isLess(value, than: second)
        {
            low = value
            high = second
            digitBound = max(digitBound, Self.digitBound(at: index + 1, in: tokens))
            index = afterSecond
        }

        // Scale and currency. Decimal arithmetic costs thousands of instructions an operation
        // (callgrind): a scale moves the value's exponent, and a value without one is left alone.
        var power = 0
        var scaled = false
        var hasScale = false
        var hasCurrency = prefixCurrency
        var isØre = false
        // "(250.000) kr.": the closing parenthesis of a negative number stands before its unit.
        var closesParenthesis = false
        if start > 0, tokens[start - 1].text.equalsBytes("("), index + 1 < tokens.count, tokens[index].text.equalsBytes(")"),
            isCurrency(tokens[index + 1]) || scale(of: tokens[index + 1]) != nil
        {
            closesParenthesis = true
            index += 1
        }
        if let wordScale {
            hasScale = true
            addUnit(wordScale.text)
        }
        if index < tokens.count, let scale = scale(of: tokens[index]) {
            // "1 mio." is money; "1 million indbyggere" is not.
            power = scale.power
            scaled = true
            hasScale = true
            hasCurrency = hasCurrency || scale.includesCurrency
            addUnit(tokens[index].text)
            index += 1
            // "t. kr." written apart
        } else if index + 1 < tokens.count, tokens[index].lower.equalsBytes("t."), tokens[index + 1].lower.startsWithBytes("kr") {
            power = 3
            scaled = true
            hasScale = true
            hasCurrency = true
            addUnit(tokens[index].text + " " + tokens[index + 1].text)
            index += 2
        }
        while index < tokens.count, isCurrency(tokens[index]) {
            hasCurrency = true
            addUnit(tokens[index].text)
            index += 1
        }
        if !hasCurrency, index < tokens.count, tokens[index].lower.isOne(of: "øre", "øre.") {
            isØre = true
            hasCurrency = true
            power = -2
            scaled = true
            addUnit(tokens[index].text)
            index += 1
        }
        guard hasCurrency || hasScale else { return nil }
        if !hasCurrency, index < tokens.count, vocabularyForm(of: tokens[index], in: countNouns) != nil { return nil }
        // A year is not an amount just because "kr." precedes it in a table heading.
        if prefixCurrency, !hasScale, low == nil, isLikelyYear(tokens[afterNumber - 1]) { return nil }

        // "300-400.000 kr.": the first number borrows the second's thousands. (Compared by
        // `DecimalOrder`: these comparisons of Decimals were 0,7 % of a run, callgrind.)
        if let lowValue = low, let highValue = high, DecimalOrder.isLess(lowValue, than: Self.thousand),
            !DecimalOrder.isLess(highValue, than: Self.thousand), !DecimalOrder.isLess(highValue, than: lowValue.shifted(byPowerOfTen: 3)),
            DecimalOrder.isLess(highValue, than: lowValue.shifted(byPowerOfTen: 4))
        {
            low = lowValue.shifted(byPowerOfTen: 3)
        }
        // A range is worth its high value: the most it can cost.
        if let highValue = high { value = highValue }
        if scaled {
            value = value.shifted(byPowerOfTen: power)
            low = low.map { $0.shifted(byPowerOfTen: power) }
            high = high.map { $0.shifted(byPowerOfTen: power) }
        }
        // More than a thousand billion kroner is no kommune's amount: a typo or a hostile file.
        // Unscaled, a number of at most 15 digits is less than that already; scaled, one of
        // fewer digits than that less the scale's power is too, without comparing Decimals.
        if scaled, digitBound + power > 15, abs(value) > maximumValue || abs(high ?? 0) > maximumValue {
            return Match(
                tokens: start..<index, value: 0, approximate: false, unit: unit,
                isUnitDeclaration: false, pattern: "out-of-range", isOutOfRange: true)
        }
        // "112 kroner og 80 øre"
        if !isØre, index + 2 < tokens.count, tokens[index].lower.equalsBytes("og"),
            let (øre, afterØre) = number(at: index + 1, in: tokens), afterØre < tokens.count,
            tokens[afterØre].lower.startsWithBytes("øre"), øre < 100
        {
            value += øre / 100
            addUnit("og \(tokens[index + 1 ..< afterØre].map(\.text).joined(separator: " ")) øre")
            index = afterØre + 1
        }

        // Sign: "-250.000 kr.", "÷ 250.000", "minus 3.400.000", "(250.000) kr."
        if !negative, start > 0 {
            let before = tokens[start - 1]
            if before.text.isOne(of: "-", "−", "÷") {
                // "-250" but not the hyphen of "2021-2024" or of a word ("Kultur-")
                let joinedToPrevious = start >= 2 && !before.spaceBefore && tokens[start - 2].kind != .symbol
                if !joinedToPrevious { negative = true }
            } else if before.lower.equalsBytes("minus") {
                negative = true
            } else if before.text.equalsBytes("("), afterNumber < tokens.count, tokens[afterNumber].text.equalsBytes(")") {
                // "(250.000) kr." is an accountant's minus; "(850.000 kr.)" is an aside.
                negative = true
            }
        }
        if negative {
            value = -value
            if let lowValue = low, let highValue = high {
                low = -highValue
                high = -lowValue
            }
        }

        // "ca. 1,5 mio.", "cirka 2 mio.", and the bound "op til 2 mio."
        var approximate = false
        for back in 1...2 where start - back >= 0 {
            if tokens[start - back].traits.contains(.approximate) { approximate = true }
        }
        if start >= 2, tokens[start - 2].lower.equalsBytes("op"), tokens[start - 1].lower.equalsBytes("til") { approximate = true }

        var rate: String?
        // "pr. m²", "/ha"; not "pr. år" (a recurrence) nor "pr. 1. januar" (a date).
        if index + 1 < tokens.count, tokens[index].lower.isOne(of: "pr.", "per", "/"), tokens[index + 1].kind == .word,
            !periodUnits.contains(tokens[index + 1].lower)
        {
            rate = tokens[index + 1].text.trimming(ascii: ".,;:")
            index += 2
        }

        // Written in digits: "et tusind kroner" is an amount, "1.000 kr." may be a unit.
        // The cheap conditions first: comparing Decimals is dear.
        let isUnitDeclaration =
            (tokens[start].kind == .number && isUnitContext(start, index, tokens) && value == 1000
                && unit.fastLowercased().startsWithBytes("kr"))
            || (hasScale && isUnitContext(start, index, tokens) && power == 3 && firstValue == 1)
        var pattern = prefixCurrency ? "currency+number" : (hasScale ? "number+scale" : "number+currency")
        if low != nil { pattern += "+range" }
        if tokens[start].kind == .word, !prefixCurrency { pattern = "words+" + pattern }
        let matchStart = negative && start > 0 && tokens[start - 1].kind == .symbol && (!tokens[start - 1].text.equalsBytes("(") || closesParenthesis)
            ? start - 1 : start
        return Match(
            tokens: matchStart..<index, value: value, low: low, high: high, approximate: approximate,
            unit: unit, rate: rate, isUnitDeclaration: isUnitDeclaration, pattern: pattern)
    }

    /// "1234567890123456789012345678901234567890 kr.", "kr. 12345678901234567890": a number of
    /// more digits than are read, with a currency or scale word, is money out of range rather
    /// than no money at all.
    private static func tooLongNumber(at index: Int, start: Int, afterCurrency: Bool, in tokens: [TextToken]) -> Match? {
        guard index < tokens.count, tokens[index].kind == .number, DanishNumber.isTooLong(tokens[index].text) else { return nil }
        var end = index + 1
        var unit: [String] = afterCurrency ? [tokens[start].text] : []
        while end < tokens.count, end - index <= 3, isCurrency(tokens[end]) || scale(of: tokens[end]) != nil {
            unit.append(tokens[end].text)
            end += 1
        }
        guard !unit.isEmpty else { return nil }
        return Match(
            tokens: start..<end, value: 0, approximate: false, unit: unit.joined(separator: " "), isUnitDeclaration: false,
            pattern: "out-of-range", isOutOfRange: true)
    }

    static let vulgarFractions: [String: Decimal] = ["½": Decimal(5) / 10, "¼": Decimal(25) / 100, "¾": Decimal(75) / 100]

    /// A number in digits or in Danish words, and the index after it.
    private static func number(at index: Int, in tokens: [TextToken]) -> (Decimal, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .number {
            // "326-2021-16031", "03-05-2021": part of an identifier or date, not a number.
            if index + 1 < tokens.count, tokens[index + 1].text.equalsBytes("-"), !tokens[index + 1].spaceBefore,
                index + 2 < tokens.count, tokens[index + 2].kind == .number, !tokens[index + 2].spaceBefore,
                index + 3 < tokens.count, tokens[index + 3].text.equalsBytes("-"), !tokens[index + 3].spaceBefore
            {
                return nil
            }
            guard let value = DanishNumber.parse(token.text) else { return nil }
            // "1½ mio. kr."
            if index + 1 < tokens.count, !tokens[index + 1].spaceBefore, tokens[index + 1].traits.contains(.vulgarFraction),
                let fraction = vulgarFractions[tokens[index + 1].text],
                !token.text.contains(",")
            {
                return (value + fraction, index + 2)
            }
            return (value, index + 1)
        }
        // "½ mio. kr."
        if token.traits.contains(.vulgarFraction), let fraction = vulgarFractions[token.text] { return (fraction, index + 1) }
        if token.traits.contains(.numberWordStart) {
            var cursor = index
            while cursor < tokens.count, tokens[cursor].kind == .word, cursor - index < 12 { cursor += 1 }
            // The words as the parser reads them, not copied into an array first.
            guard let (value, used) = DanishNumberWords.parse(tokens[index..<cursor].lazy.map(\.lower)) else { return nil }
            // A number-word parse may consume a scale word ("to mio."); the scale is then in the value.
            return (value, index + used)
        }
        return nil
    }

    /// A power of ten the number at `index` is below: a number in digits has fewer digits before
    /// its decimal separator than its text has bytes ("1½" too); one in words is at most 10^15.
    private static func digitBound(at index: Int, in tokens: [TextToken]) -> Int {
        tokens[index].kind == .number ? tokens[index].text.utf8.count : 16
    }

    private static func isIdentifierChain(from start: Int, in tokens: [TextToken]) -> Bool {
        // "24-007264", "326-2021-16031": numbers joined by hyphens without spaces, not a range.
        guard start + 2 < tokens.count else { return false }
        let first = tokens[start].text, second = tokens[start + 2].text
        if !tokens[start + 1].spaceBefore, !tokens[start + 2].spaceBefore {
            if first.count == 2, second.count == 6, first.allSatisfy(\.isASCIIDigitCharacter), second.allSatisfy(\.isASCIIDigitCharacter) {
                return true
            }
        }
        return false
    }

    private static func isLikelyYear(_ token: TextToken) -> Bool {
        token.text.count == 4 && token.text.allSatisfy(\.isASCIIDigitCharacter) && (1990...2100).contains(Int(token.text) ?? 0)
    }

    /// "Beløb i 1.000 kr.", "(1.000 kr.)", "i 1.000 kr.:" — a unit, not an amount.
    private static func isUnitContext(_ start: Int, _ end: Int, _ tokens: [TextToken]) -> Bool {
        let before = start > 0 ? tokens[start - 1].lower : ""
        let after = end < tokens.count ? tokens[end].text : ""
        return before.isOne(of: "i", "(") || after.equalsBytes(")") || (start == 0 && (end == tokens.count || after.equalsBytes(":")))
    }
}
