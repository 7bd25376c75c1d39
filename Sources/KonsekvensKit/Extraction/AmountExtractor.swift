import Foundation

/// Finds every amount of money in a document's open items, with its years, recurrence, payer,
/// kind, sign and financing, and stores them on the items (`AgendaItem.amounts`).
public enum AmountExtractor {
    /// Sections whose text is not about money of the case (lists of attachments, procedure).
    static let skippedSections: Set<SectionKind> = [.attachments, .caseHistory, .caseType, .procedure]

    /// The document with each open item's amounts and each decision's status filled in.
    public static func extract(_ document: Document, options: ExtractionOptions = ExtractionOptions()) -> Document {
        var session = Session()
        return session.extract(document, options: options)
    }

    /// Extracts documents one after another, as a run does on each of its threads: the spellings
    /// of one document's words are kept for the next (most words recur from meeting to meeting,
    /// and making them afresh in each was 8 % of a run over Greve's meetings, callgrind). Each
    /// document comes out as ``extract(_:options:)`` gives it.
    public struct Session: Sendable {
        var tokens = TokenCache()

        public init() {}

        /// The document with each open item's amounts and each decision's status filled in.
        public mutating func extract(_ document: Document, options: ExtractionOptions = ExtractionOptions()) -> Document {
            var document = document
            let known = options.municipality.map { (name: $0, source: MunicipalitySource.option) } ?? MunicipalityGuess.of(document)
            let municipality = known?.name
            (document.municipality, document.municipalitySource) = (municipality, known?.source)
            let horizon = options.horizon ?? document.meeting.date.map { $0.year...($0.year + 3) }
            for index in document.items.indices {
                for decision in document.items[index].decisions.indices {
                    let (status, condition) = DecisionReader.status(of: document.items[index].decisions[decision].text)
                    document.items[index].decisions[decision].status = status
                    document.items[index].decisions[decision].condition = condition
                }
                guard !document.items[index].closed else { continue }
                (document.items[index].amounts, document.items[index].unreadAmounts) = read(
                    document.items[index], municipality: municipality, horizon: horizon, tokens: &tokens)
            }
            return document
        }
    }

    static func amounts(in item: AgendaItem, municipality: String?, horizon: ClosedRange<Int>?) -> [Amount] {
        var cache = TokenCache()
        return read(item, municipality: municipality, horizon: horizon, tokens: &cache).amounts
    }

    /// The item's amounts, and the money in it too large to be read as an amount; `cache` is
    /// the run's ``TokenCache``.
    static func read(
        _ item: AgendaItem, municipality: String?, horizon: ClosedRange<Int>?, tokens cache: inout TokenCache
    ) -> (amounts: [Amount], unread: [UnreadAmount]) {
        var amounts: [Amount] = []
        var unread: [UnreadAmount] = []
        // The tokens of the paragraphs that state financing, by section and block, for
        // ``statedFinancings(of:tokens:tokenized:)``: tokenising them again was 1 % of a run.
        var tokenized: [ParagraphIndex: ParagraphAmounts.Tokenized] = [:]
        for (sectionIndex, section) in item.sections.enumerated() where !skippedSections.contains(section.kind) {
            var caption: [Line] = []
            // The leads of the lists the paragraph may be an item of, the innermost last.
            var leads: [ListLead] = []
            for (blockIndex, block) in section.blocks.enumerated() {
                var found: (amounts: [Amount], unread: [UnreadAmount])
                switch block {
                case .paragraph(let lines):
                    let read = ParagraphAmounts.readKeepingTokens(
                        lines, section: section.kind, municipality: municipality, horizon: horizon, tokens: &cache)
                    found = (read.amounts, read.unread)
                    if let tokens = read.tokenized, Self.financingSections.contains(section.kind) {
                        tokenized[ParagraphIndex(section: sectionIndex, block: blockIndex)] = tokens
                    }
                    caption = lines
                    let level = lines.first?.listLevel ?? 0
                    while let lead = leads.last, level <= lead.level { leads.removeLast() }
                    leads.last?.apply(to: &found.amounts, in: lines)
                    // Grants are given where the item decides (Indstilling, Økonomi): the story's
                    // lists are not asked, which halves what leads cost (callgrind).
                    if Self.financingSections.contains(section.kind), let lead = ListLead(lines, tokens: &cache) { leads.append(lead) }
                case .table(let table):
                    found = TableAmounts.read(
                        table, caption: caption, section: section.kind, municipality: municipality, horizon: horizon, tokens: &cache)
                    caption = []
                    leads = []
                }
                amounts += found.amounts
                unread += found.unread
            }
        }
        // An amount whose own sentence names no financing takes what the item states elsewhere;
        // read only for items that have such amounts, since most items have none.
        if amounts.contains(where: { $0.financing == .notStated }) {
            let stated = statedFinancings(of: item, tokens: &cache, tokenized: tokenized)
            for index in amounts.indices where amounts[index].financing == .notStated {
                amounts[index].financing = financing(for: amounts[index], among: stated) ?? .notStated
            }
        }
        datingRestatedAnnualAmounts(&amounts)
        TableCellKinds.apply(to: &amounts)
        return (amounts, unread)
    }

    /// An annual amount without years takes the years of the same money, by the same payer,
    /// stated annually with years elsewhere in the item where its total over those years
    /// confirms them: "kommunens bidrag på 32 083 kr. årligt" in Indstillinger is "Roskilde
    /// Kommunes andel udgør 32 083 kr. årligt, i alt 96 249 kr. i perioden 2025–2027". Years
    /// without such a total are not taken: the story's "et samlet årligt forbrug på ca.
    /// 690.000 kr. i 2024" is not the year of "besparelser … på årligt op til ca. 690.000 kr.".
    static func datingRestatedAnnualAmounts(_ amounts: inout [Amount]) {
        guard amounts.contains(where: { $0.recurrence == .annual && $0.years.isEmpty }) else { return }
        struct Money: Hashable {
            let value: Decimal
            let payer: Party
        }
        struct Total: Hashable {
            let money: Money
            let years: [Int]
        }
        // A set, not a search of them for each annual amount: one heading over a 50 MB file is
        // one item of a hundred thousand amounts.
        let totals = Set(amounts.lazy.filter { $0.recurrence == .totalOverPeriod && $0.years.count > 1 }.map {
            Total(money: Money(value: $0.value, payer: $0.payer), years: $0.years)
        })
        guard !totals.isEmpty else { return }
        // The years of each annual amount with years its total confirms, and the money stated
        // with two sets of years, which takes neither.
        var years: [Money: [Int]] = [:]
        var conflicting = Set<Money>()
        for amount in amounts where amount.recurrence == .annual && amount.years.count > 1 {
            let total = Total(money: Money(value: amount.value * Decimal(amount.years.count), payer: amount.payer), years: amount.years)
            guard totals.contains(total) else { continue }
            let money = Money(value: amount.value, payer: amount.payer)
            if let stated = years[money], stated != amount.years { conflicting.insert(money) }
            years[money] = years[money] ?? amount.years
        }
        guard !years.isEmpty else { return }
        for index in amounts.indices where amounts[index].recurrence == .annual && amounts[index].years.isEmpty {
            let money = Money(value: amounts[index].value, payer: amounts[index].payer)
            if let stated = years[money], !conflicting.contains(money) { amounts[index].years = stated }
        }
    }

    /// A financing the item states, and whether its sentence speaks of drift or anlæg only
    /// ("Anlægsbevillingen … finansieres af det allerede afsatte rådighedsbeløb").
    struct StatedFinancing: Equatable {
        var financing: Financing
        var area: BudgetArea?
    }

    /// Which of the item's financing statements applies to an amount that states none: a pool
    /// or money already in the budget pays for anlæg, not for running costs ("De afledte
    /// driftsudgifter på 240.000 kr. årligt fra 2028" are not taken from "puljen til
    /// skolekapacitet"); a statement of drift or anlæg only is not the other's; money received
    /// (a tilskud or merindtægt) is not paid from a pool, which would make it no income ("Anlæg,
    /// tilskud fra Cykelpuljen -500" beside "finansieres af puljen til cykelstier"), though it
    /// may be what keeps an item within the frame (udgiftsneutral); otherwise the item's first
    /// statement.
    static func financing(for amount: Amount, among stated: [StatedFinancing]) -> Financing? {
        let runningCost = amount.area == .drift || amount.recurrence == .openEnded
            || (amount.recurrence == .annual && amount.area != .anlæg && !amount.isFromTable)
        let investment = amount.area == .anlæg || amount.kind.isInvestment
        let area: BudgetArea? = runningCost ? .drift : investment ? .anlæg : nil
        let candidates = stated.lazy.filter { statement in
            guard area == nil || statement.area == nil || statement.area == area else { return false }
            guard amount.sign == .income, amount.kind == .subsidy || amount.kind == .additionalIncome else { return true }
            if case .pool = statement.financing { return false }
            return true
        }.map(\.financing)
        if runningCost {
            return candidates.first { if case .pool = $0 { false } else { true } }
        }
        if investment {
            return candidates.first { financing in
                switch financing {
                case .pool, .withinFrame: true
                default: false
                }
            } ?? candidates.first
        }
        return candidates.first
    }

    /// The sections whose financing statements apply to the item's amounts, in the order read.
    static let financingSections: [SectionKind] = [.economy, .recommendation]

    /// A paragraph of an item: the index of its section and of the block in that section.
    struct ParagraphIndex: Hashable {
        var section: Int
        var block: Int
    }

    /// The financing statements of the item's economy and recommendation sections, in order.
    /// `tokenized` holds paragraphs already tokenised, by where they stand.
    static func statedFinancings(
        of item: AgendaItem, tokens cache: inout TokenCache, tokenized: [ParagraphIndex: ParagraphAmounts.Tokenized] = [:]
    ) -> [StatedFinancing] {
        var found: [StatedFinancing] = []
        for kind in financingSections {
            for (sectionIndex, section) in item.sections.enumerated() where section.kind == kind {
                for (blockIndex, block) in section.blocks.enumerated() {
                    guard case .paragraph(let lines) = block else { continue }
                    let text: [UInt8]
                    let tokens: [TextToken]
                    // The kept tokens are of the same text but where a line is empty (the reader
                    // makes none in a paragraph): there the text has no space for it.
                    if let kept = tokenized[ParagraphIndex(section: sectionIndex, block: blockIndex)],
                        !lines.contains(where: { $0.text.isEmpty })
                    {
                        guard ClauseContext.financingStemSet.occursAny(inLowercasedBytes: kept.text) else { continue }
                        (text, tokens) = (kept.text, kept.tokens)
                    } else {
                        let joined = lines.map(\.text).joined(separator: " ")
                        let lower = joined.fastLowercased()
                        guard ClauseContext.financingStemSet.occursAny(in: lower) else { continue }
                        text = Array(joined.utf8)
                        tokens = Tokenizer.tokens(of: text, cache: &cache)
                    }
                    let words = SpacedWords(tokens, in: text)
                    for sentence in Sentences.ranges(in: tokens) {
                        guard let financing = ClauseContext.financing(in: tokens[sentence], words: words) else { continue }
                        let statement = StatedFinancing(financing: financing, area: ClauseContext.areaOnly(words.words(sentence)))
                        if !found.contains(statement) { found.append(statement) }
                    }
                }
            }
        }
        return found
    }
}

/// The analysed kommune: the one the masthead names ("Sorø Kommune"), else the one whose rådhus
/// the meeting was held in ("Byrådssalen, Sorø Rådhus"), else the one a folder of the file's
/// path names, when the minutes name it or no kommune ("greve/2024/…"), else, as a guess, the
/// "X Kommune" the minutes name most often.
enum MunicipalityGuess {
    static func of(_ document: Document) -> (name: String, source: MunicipalitySource)? {
        if let publisher = document.meeting.publisher { return (publisher, .masthead) }
        if let town = townHall(in: document.meeting.place) { return (town, .townHall) }
        let named = namedByCount(in: document)
        if let folder = folder(of: document.source),
            named.isEmpty || named.contains(where: { MunicipalityName.kommune($0)?.fastLowercased() == folder.fastLowercased() })
        {
            return (folder, .folder)
        }
        return named.first.map { ($0, .mostNamed) }
    }

    /// The kommune the folder nearest the file names, past folders of years ("arkiv/greve/2024/
    /// referat.html" is Greve's; see ``MunicipalityName/kommune(folder:)``). Not the file's own
    /// name, nor a folder further up than one of another name: in "/home/odder/referater/a.md"
    /// Odder is a user's home, not the minutes' kommune.
    static func folder(of source: String) -> String? {
        let folders = source.split(separator: "/").dropLast().reversed()
        guard let nearest = folders.first(where: { !$0.allSatisfy { $0.isASCIIDigitCharacter || "-_. ".contains($0) } }) else { return nil }
        return MunicipalityName.kommune(folder: nearest)
    }

    /// The kommune whose rådhus the place names last ("Mødelokale 1, Ringsted Rådhus" → "Ringsted"):
    /// a name (``MunicipalityName``) before "Rådhus" that is a kommune's. The rådhus of a town
    /// that is no kommune's name ("Korsør Rådhus", Slagelse's) names none.
    static func townHall(in place: String?) -> String? {
        guard let place, let last = place.split(separator: ",").last else { return nil }
        let words = last.split(whereSeparator: \.isSpaceLike)
        guard words.count == 2, words[1].fastLowercased() == "rådhus", let town = MunicipalityName.named(by: words[0]) else { return nil }
        return MunicipalityName.kommune(town)
    }

    /// The names that stand before "Kommune" in the items (see ``names(in:)``), the most named
    /// first, and of those named as often the first named first.
    static func namedByCount(in document: Document) -> [String] {
        var counts: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        var order = 0
        func count(_ text: String) {
            for name in names(in: text) {
                counts[name, default: 0] += 1
                if firstSeen[name] == nil {
                    firstSeen[name] = order
                    order += 1
                }
            }
        }
        for item in document.items {
            count(item.title)
            for section in item.sections {
                for block in section.blocks {
                    for line in block.lines { count(line.text) }
                }
            }
        }
        return counts.sorted { a, b in (a.value, -(firstSeen[a.key] ?? 0)) > (b.value, -(firstSeen[b.key] ?? 0)) }.map(\.key)
    }

    /// The names that stand before "Kommune" or "Kommunes" in the text, in order: a word split
    /// at white space, capitalised, of letters only and more than two, before a word starting
    /// with "K" that is "kommune" or "kommunes" in lower case once its punctuation is trimmed.
    ///
    /// Read on bytes where the words are (``LatinText/wordRanges(_:)``) and the word after
    /// "kommune" is ASCII; otherwise as Characters (``namesReadAsCharacters(in:)``, which
    /// this must agree with, and a test checks it). Splitting every line into Substrings and
    /// trimming with Foundation were a twentieth of reading a Greve meeting (callgrind).
    static func names(in text: String) -> [String] {
        guard text.includes("Kommune") else { return [] }
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard let words = LatinText.wordRanges(bytes) else { return nil }
            var names: [String] = []
            for index in words.indices.dropFirst() {
                let word = words[index]
                // "Kommune" and "Kommunes", perhaps with punctuation after: seven bytes or more from a "K".
                guard bytes[word.lowerBound] == UInt8(ascii: "K"), word.count >= 7 else { continue }
                guard let isKommune = isKommune(bytes[word]) else { return nil }
                guard isKommune else { continue }
                let before = UnsafeBufferPointer(rebasing: bytes[words[index - 1]])
                guard isLatinNameShaped(before) else { continue }
                let name = String(decoding: before, as: UTF8.self)
                if !isCommonWord(name) { names.append(name) }
            }
            return names
        }
        guard let found, let found else { return namesReadAsCharacters(in: text) }
        return found
    }

    /// ``names(in:)`` read from Substrings and Characters, with Foundation's trimming.
    static func namesReadAsCharacters(in text: String) -> [String] {
        guard text.includes("Kommune") else { return [] }
        var names: [String] = []
        let words = LatinText.words(of: text)
        for index in words.indices.dropFirst() where words[index].utf8.first == UInt8(ascii: "K") && words[index].utf8.count >= 7 {
            let word = words[index].fastLowercased().trimmingCharacters(in: .punctuationCharacters)
            guard word == "kommune" || word == "kommunes" else { continue }
            let name = String(words[index - 1])
            if isName(name) { names.append(name) }
        }
        return names
    }

    private static func isName(_ name: String) -> Bool {
        guard let first = name.first, first.isUppercase, name.count > 2, name.allSatisfy(\.isLetter) else { return false }
        return !isCommonWord(name)
    }

    /// Whether a word of ``LatinScalar``s without joiners, each a Character of its own, is shaped
    /// as ``isName(_:)`` asks: upper-case first, more than two, all letters. Asked of its scalars:
    /// the Characters' tests, and a String made of every word before "Kommune", were a hundredth
    /// of reading Greve's meetings (callgrind). A first scalar beyond ASCII is asked as a
    /// Character: "ª" and "º" are upper-case so.
    private static func isLatinNameShaped(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        let first = Unicode.Scalar.decoded(in: word, at: 0).0
        guard first.isASCII ? (0x41...0x5A).contains(first.value) : Character(first).isUppercase else { return false }
        var index = 0, scalars = 0
        while index < word.count {
            let (scalar, length) = Unicode.Scalar.decoded(in: word, at: index)
            guard scalar.isLetter else { return false }
            scalars += 1
            index += length
        }
        return scalars > 2
    }

    /// "Den", "Hver", "Samme" and the like, which stand before "Kommune" without naming one.
    private static func isCommonWord(_ name: String) -> Bool {
        MunicipalityName.notNames.contains(name.fastLowercased())
    }

    /// Whether a word of at least seven bytes starting with "K" is "kommune" or "kommunes" in
    /// lower case with its punctuation trimmed; nil when what follows "kommune" is not ASCII,
    /// where only Foundation's trimming can say.
    private static func isKommune(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool? {
        var index = word.startIndex + 1
        for byte in kommuneStem {
            // No letter outside ASCII lower-cases to one of these.
            guard word[index] | 0x20 == byte else { return false }
            index += 1
        }
        var rest = word[index...]
        guard rest.allSatisfy({ $0 < 0x80 }) else { return nil }
        // What follows is "s" or nothing, then punctuation to the end (trimmed away).
        if let first = rest.first, first | 0x20 == UInt8(ascii: "s") { rest = rest.dropFirst() }
        return rest.allSatisfy { asciiPunctuation[Int($0)] }
    }

    private static let kommuneStem = Array("ommune".utf8)

    /// Which ASCII bytes are in `CharacterSet.punctuationCharacters`.
    private static let asciiPunctuation: [Bool] = (0..<128).map { byte in
        CharacterSet.punctuationCharacters.contains(Unicode.Scalar(UInt8(byte)))
    }
}

/// Splits tokens into sentences at ".", "!", "?", ";" and at a word's final period that ends
/// a sentence (not "kr.", "mio.", "ca." and other abbreviations).
enum Sentences {
    static let abbreviations: Set<String> = [
        "kr.", "mio.", "mia.", "mill.", "ca.", "pr.", "t.kr.", "tkr.", "bl.a.", "jf.", "nr.", "pkt.", "stk.", "d.",
        "f.eks.", "inkl.", "ekskl.", "evt.", "mv.", "m.v.", "kl.", "ift.", "vedr.", "mrd.", "md.", "ang.", "ca", "el.",
        "hhv.", "dvs.", "mht.", "pga.", "iht.", "jan.", "feb.", "aug.", "sept.", "okt.", "nov.", "dec.", "st.", "sdr.",
    ]

    /// The words after an ordinal's period in a date ("1. januar", "3. kvartal"): ``DanishDates/wordsAfterDay``.
    static let datePartsAfterOrdinal = DanishDates.wordsAfterDay

    /// ".", "!", "?" or ";", without hashing it.
    static func isSentenceEnd(_ symbol: String) -> Bool {
        guard symbol.utf8.count == 1, let byte = symbol.utf8.first else { return false }
        return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ";")
    }

    static func ranges(in tokens: [TextToken]) -> [Range<Int>] {
        // Room for sentences of eight tokens: growing the array by doubling was 0,4 % of a run
        // on generated minutes (callgrind).
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(tokens.count / 8 + 1)
        var start = 0
        for index in tokens.indices where tokens[index].traits.contains(.sentenceEnd) {
            var ends = false
            if tokens[index].kind == .symbol {
                // "pr. 1. januar 2025", "3. kvartal": an ordinal's period in a date; a numbered list
                // ("3. at rådighedsbeløbene …") still starts a new sentence.
                let isDateOrdinal = tokens[index].text.equalsBytes(".") && !tokens[index].spaceBefore && index > 0
                    && tokens[index - 1].kind == .number && index + 1 < tokens.count
                    && datePartsAfterOrdinal.contains(tokens[index + 1].lower)
                ends = !isDateOrdinal
            } else {
                ends = index + 1 == tokens.count || tokens[index + 1].traits.contains(.uppercase)
            }
            if ends {
                ranges.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < tokens.count { ranges.append(start..<tokens.count) }
        return ranges
    }

    /// Initials such as "A.P." (in "A.P. Møller Fonden") or "m.fl.": letters between periods,
    /// none longer than two, which end no sentence.
    static func isInitials(_ word: String) -> Bool {
        let parts = word.dropLast().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 2 }
    }
}
