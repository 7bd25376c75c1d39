import Foundation

/// Amounts in running text: a paragraph's lines read as one text, so an amount broken across
/// two lines ("912,9" / "mio. kr.") is one amount, located at its first line.
enum ParagraphAmounts {
    /// What may stand between the amounts of one list: "2,1 mio. kr. i 2025, 11,4 mio. kr. i 2026 og …".
    static let listWords: Set<String> = [
        ",", "og", "i", "samt", "-", "–", "fra", "til", "hhv.", "henholdsvis", "årligt", "pr.", "år", ";", "stigende", "faldende",
    ]

    static func amounts(
        in lines: [Line], section: SectionKind, municipality: String?, horizon: ClosedRange<Int>?
    ) -> [Amount] {
        var cache = TokenCache()
        return read(lines, section: section, municipality: municipality, horizon: horizon, tokens: &cache).amounts
    }

    /// The paragraph's amounts, and the money in it too large to be read as an amount; `cache`
    /// is the run's ``TokenCache``.
    static func read(
        _ lines: [Line], section: SectionKind, municipality: String?, horizon: ClosedRange<Int>?, tokens cache: inout TokenCache
    ) -> (amounts: [Amount], unread: [UnreadAmount]) {
        let found = readKeepingTokens(lines, section: section, municipality: municipality, horizon: horizon, tokens: &cache)
        return (found.amounts, found.unread)
    }

    /// A paragraph's lines as one UTF-8 text, a space between lines, and its tokens.
    struct Tokenized {
        let text: [UInt8]
        let tokens: [TextToken]
    }

    /// ``read(_:section:municipality:horizon:tokens:)``, and the paragraph's tokens when it was
    /// tokenised (it is not when no line has a currency or scale word), for a later reading of
    /// the same paragraph.
    static func readKeepingTokens(
        _ lines: [Line], section: SectionKind, municipality: String?, horizon: ClosedRange<Int>?, tokens cache: inout TokenCache
    ) -> (amounts: [Amount], unread: [UnreadAmount], tokenized: Tokenized?) {
        // Every amount has a currency or scale word; most paragraphs have none and are skipped
        // before they are tokenised.
        guard lines.contains(where: { MoneyScanner.mayHoldUnit($0.text) }) else {
            return ([], [], nil)
        }
        var text: [UInt8] = []
        text.reserveCapacity(lines.reduce(lines.count) { $0 + $1.text.utf8.count })
        var lineStarts: [(offset: Int, line: Line)] = []
        lineStarts.reserveCapacity(lines.count)
        for line in lines {
            if !text.isEmpty { text.append(0x20) }
            lineStarts.append((text.count, line))
            var lineText = line.text
            lineText.withUTF8 { text.append(contentsOf: $0) }
        }
        let tokens = Tokenizer.tokens(of: text, cache: &cache)
        // The amounts, and the money too large to be one, sorted in one pass.
        let scanned = MoneyScanner.scan(tokens)
        var matches: [MoneyScanner.Match] = []
        var outOfRange: [MoneyScanner.Match] = []
        matches.reserveCapacity(scanned.count)
        for var match in scanned where !match.isUnitDeclaration {
            // "- 3,2 mio. kr. til vintertjeneste": the dash that starts a line and stands apart from
            // the number is a bullet (the reader's for HTML's <li>, Markdown's "- ", or one typed
            // at the start of a paragraph), not a minus, which is written against the number.
            if match.value < 0, tokens[match.tokens.lowerBound].text.equalsBytes("-"), match.tokens.count > 1,
                tokens[match.tokens.lowerBound + 1].spaceBefore,
                lineStarts[Self.line(at: tokens[match.tokens.lowerBound].start, in: lineStarts)].offset == tokens[match.tokens.lowerBound].start
            {
                match.dropSign()
            }
            if match.isOutOfRange { outOfRange.append(match) } else { matches.append(match) }
        }
        let tokenized = Tokenized(text: text, tokens: tokens)
        guard !matches.isEmpty || !outOfRange.isEmpty else { return ([], [], tokenized) }
        let sentences = Sentences.ranges(in: tokens)
        let words = SpacedWords(tokens, in: text)

        // Columns count scalars. Amounts are located in order, so the count goes on from the
        // last one on its line (or the part of it on one source line, see `Line.wraps`) instead
        // of from its start: one line may be megabytes.
        var counted = (line: 0, segment: -1, offset: 0, scalars: 0)
        func location(of offset: Int) -> SourceLocation {
            let low = Self.line(at: offset, in: lineStarts)
            let (start, line) = lineStarts[low]
            let segment = line.wraps.isEmpty ? (index: -1, start: 0) : line.segment(at: offset - start)
            // (Clamped: a Line made by a caller may carry any offsets.)
            let segmentStart = min(offset, start + max(0, segment.start))
            if counted.line != low || counted.segment != segment.index || counted.offset > offset || counted.offset < segmentStart {
                counted = (low, segment.index, segmentStart, 0)
            }
            for byte in text[counted.offset..<offset] where byte & 0xC0 != 0x80 { counted.scalars += 1 }
            counted.offset = offset
            return line.location(scalars: counted.scalars, in: segment.index)
        }

        var result: [Amount] = []
        result.reserveCapacity(matches.count)
        // Where the list the amount is in starts in `result`, its first amount's words, and whether
        // they set money aside (read once, when a later amount is released: most amounts start a
        // list, and a list of thousands must not read them for each).
        var list = (start: 0, words: 0..<0, newMoney: Bool?.none)
        var sentenceIndex = 0
        // What the words near an amount say of financing and distribution key: the amounts of
        // one short sentence have the same words near them, read once (callgrind: 3 % of a run).
        var near: (tokens: Range<Int>, financing: Financing?, key: DistributionKey?)?
        for (position, match) in matches.enumerated() {
            while sentenceIndex < sentences.count - 1, sentences[sentenceIndex].upperBound <= match.tokens.lowerBound {
                sentenceIndex += 1
            }
            let sentence = sentences[sentenceIndex]
            let previousEnd = position > 0 ? matches[position - 1].tokens.upperBound : 0
            let nextStart = position + 1 < matches.count ? matches[position + 1].tokens.lowerBound : tokens.count
            let before = tokens[max(sentence.lowerBound, previousEnd)..<match.tokens.lowerBound]
            let after = tokens[match.tokens.upperBound..<max(match.tokens.upperBound, min(sentence.upperBound, nextStart))]
            // Statements about the sentence (financing, keys) are read near the amount: a
            // "sentence" with no full stop can be a whole file, and must not make this quadratic.
            let nearTokens = max(sentence.lowerBound, match.tokens.lowerBound - 80)..<min(sentence.upperBound, match.tokens.upperBound + 80)
            let context = ClauseContext(before: before, after: after, sentence: tokens[nearTokens], words: words)
            if near?.tokens != nearTokens {
                let (financing, key) = context.financingAndKey()
                near = (nearTokens, financing, key)
            }
            let startOffset = tokens[match.tokens.lowerBound].start
            let endOffset = tokens[match.tokens.upperBound - 1].end
            let period = context.period(horizon: horizon)
            let payer = context.payer(municipality: municipality)
            let kind = context.kind()
            var amount = Amount(
                text: String(decoding: text[startOffset..<endOffset], as: UTF8.self), value: match.value, low: match.low, high: match.high,
                approximate: match.approximate, unit: match.unit, location: location(of: startOffset), section: section,
                years: period.years, recurrence: period.recurrence, payer: payer, kind: kind,
                financing: near?.financing ?? .notStated, rate: match.rate, isTotal: period.isTotal,
                distributionKey: near?.key, area: context.area(), pattern: match.pattern)
            // "rådighedsbeløb på 2,1 mio. kr. i 2025, 11,4 mio. kr. i 2026 og 5,1 mio. kr. i 2027": an
            // amount in a list takes the kind named for the first one of its sentence.
            let inList = position > 0 && matches[position - 1].tokens.lowerBound >= sentence.lowerBound
                && before.allSatisfy({ $0.kind == .number || Self.listWords.contains($0.lower) })
            // "… besparelser i kommuner og regioner på 1 mia. kr. i 2024 stigende til 3 mia. kr. i
            // 2030": the later amounts of a list are paid by whoever pays the first.
            if inList, let previous = result.last, amount.payer == .own, previous.payer != .own {
                amount.payer = previous.payer
            }
            if amount.kind == .unknown, inList, let previous = result.last, previous.payer == amount.payer {
                amount.kind = previous.kind
            }
            // "De afsatte rådighedsbeløb på 8,2 mio. kr. i 2025 og 1,8 mio. kr. i 2026 frigives": the
            // list's rådighedsbeløb are all released, not only the last one, before "frigives";
            // unless the list sets new money aside ("Der afsættes rådighedsbeløb på …").
            if !inList { list = (result.count, before.startIndex..<after.endIndex, nil) }
            if inList, amount.kind == .release {
                let newMoney = list.newMoney ?? ClauseContext.saysNewMoney(tokens[list.words])
                list.newMoney = newMoney
                for earlier in (list.start..<result.count).reversed() where !newMoney {
                    let kind = result[earlier].kind
                    guard kind == .availableAmount || kind == .unknown, result[earlier].payer == amount.payer else { break }
                    result[earlier].kind = .release
                }
            }
            amount.sign = Sign.of(amount, context: context)
            // "… 1 mio. kr. årligt i 2021 – 2024. … skal bidrage med 32.083 kr. årligt": an annual
            // amount without years of its own takes the years the paragraph last named.
            if amount.years.isEmpty, amount.recurrence == .annual,
                let previous = result.last(where: { $0.recurrence == .annual && !$0.years.isEmpty })
            {
                amount.years = previous.years
            }
            // "… andel udgør 32 083 kr. årligt, i alt 96 249 kr. i perioden 2025–2027": an annual
            // amount without years whose total over a period follows in its sentence has its years.
            if amount.recurrence == .totalOverPeriod, position > 0, matches[position - 1].tokens.lowerBound >= sentence.lowerBound,
                let previous = result.last, previous.recurrence == .annual, previous.years.isEmpty,
                previous.value * Decimal(amount.years.count) == amount.value
            {
                result[result.count - 1].years = amount.years
            }
            result.append(amount)
        }
        let unread = outOfRange.map { match in
            let startOffset = tokens[match.tokens.lowerBound].start
            let endOffset = tokens[match.tokens.upperBound - 1].end
            return UnreadAmount(
                text: String(decoding: text[startOffset..<endOffset], as: UTF8.self), location: location(of: startOffset), section: section)
        }
        return (result, unread, tokenized)
    }

    /// The index of the paragraph's line that `offset` of its text stands on (`lineStarts` in
    /// order, the first at 0).
    private static func line(at offset: Int, in lineStarts: [(offset: Int, line: Line)]) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

extension Sign {
    /// Context for others' money and for rates; income for savings, income and negative
    /// amounts; expenditure otherwise.
    static func of(_ amount: Amount, context: ClauseContext? = nil) -> Sign {
        if amount.payer != .own || amount.rate != nil { return .context }
        if amount.value < 0 { return .income }
        switch amount.kind {
        case .saving, .reducedExpense, .additionalIncome: return .income
        default: break
        }
        if let context {
            // The bare words before the amount, read from its tokens without gathering them.
            let income = context.before.suffix(4).contains { token in
                let word = token.bare
                // ("indtægter" starts so too; "æ" has no other form that `==` would find.)
                return word.startsWithBytes("indtægt") || word.equalsBytes("modtager")
            }
            if income { return .income }
        }
        return .expenditure
    }
}
