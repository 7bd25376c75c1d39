import Foundation

/// The words around one amount, within its sentence and up to the neighbouring amounts, and
/// what they say: years and recurrence, payer, kind, financing.
struct ClauseContext {
    /// Tokens before the amount, nearest last, and after it, nearest first.
    let before: ArraySlice<TextToken>
    let after: ArraySlice<TextToken>
    /// The whole sentence, for statements about the sentence as a whole (financing, keys).
    let sentence: ArraySlice<TextToken>
    /// The words of all the paragraph's tokens, where phrases are looked up.
    let words: SpacedWords

    // MARK: Years and recurrence

    struct Period: Equatable {
        var years: [Int]
        var recurrence: Recurrence
        var isTotal: Bool
    }

    func period(horizon: ClosedRange<Int>?) -> Period {
        let afterYears = Self.years(in: after, skippingLabels: true, skippingShifts: true)
        let beforeYears = Self.years(in: before, nearestLast: true, skippingShifts: true)
        let found = afterYears.isEmpty ? beforeYears : afterYears
        let said = words.withWords(after.indices, before.indices) { Self.periodPhrases.groups(inBytes: $0) }
        let annual = said.contains(PeriodPhrase.annual)
        let monthly = said.contains(PeriodPhrase.monthly)
        let quarterly = said.contains(PeriodPhrase.quarterly)
        let oneTime = said.contains(PeriodPhrase.oneTime)
        let lasting = said.contains(PeriodPhrase.lasting)
        let totalWords = said.contains(PeriodPhrase.total)
        let nearTotal = before.suffix(5).contains { $0.bare.isOne(of: "samlet", "samlede", "totalt", "alt") }
            || (after.count >= 2 && after[after.startIndex].bare.equalsBytes("i") && after[after.startIndex + 1].bare.equalsBytes("alt"))

        var years = found.years
        var recurrence: Recurrence
        if monthly {
            recurrence = .monthly
        } else if quarterly {
            recurrence = .quarterly
        } else if found.from != nil || (lasting && !oneTime) {
            recurrence = .openEnded
            if let from = found.from ?? years.first {
                let end = horizon?.upperBound ?? from + 3
                years = from <= end ? Array(from...end) : [from]
            }
        } else if annual, !(totalWords && years.count > 1 && annualIsAnEarlierAmounts()) {
            recurrence = .annual
        } else if oneTime {
            recurrence = .oneTime
        } else if totalWords, years.count > 1 {
            recurrence = .totalOverPeriod
        } else if years.count == 1 {
            recurrence = .oneTime
        } else {
            recurrence = .unknown
        }
        return Period(years: years, recurrence: recurrence, isTotal: nearTotal || recurrence == .totalOverPeriod)
    }

    /// Whether the "årligt" near a total is an earlier amount's: in "32 083 kr. årligt, i alt 96 249
    /// kr. i perioden 2025–2027" it stands before the total's word ("i alt", "samlet") and after
    /// the amount before, not after the total's word ("en samlet årlig udgift på 1,2 mio. kr.")
    /// nor after the amount.
    private func annualIsAnEarlierAmounts() -> Bool {
        guard let totalWord = before.lastIndex(where: { $0.bare.isOne(of: "samlet", "samlede", "totalt", "alt") }) else { return false }
        let totalStart = before[totalWord].bare.equalsBytes("alt") && totalWord > before.startIndex ? totalWord - 1 : totalWord
        return saysAnnual(in: before[..<totalStart]) && !saysAnnual(in: before[totalStart...]) && !saysAnnual(in: after)
    }

    /// Whether the words in `tokens` say "årligt" or the like.
    private func saysAnnual(in tokens: ArraySlice<TextToken>) -> Bool {
        words.words(tokens.indices).withUnsafeBufferPointer { Self.periodPhrases.groups(inBytes: $0) }.contains(PeriodPhrase.annual)
    }

    /// What the words around an amount say of its period, each group of ``periodPhrases``.
    private enum PeriodPhrase: Int, CaseIterable {
        case annual, monthly, quarterly, oneTime, lasting, total
    }

    /// Phrases between spaces, the words as ``SpacedWords`` writes them; " engangs" is the
    /// start of a word ("engangsbeløb").
    private static let periodPhrases = NeedleSet(groups: PeriodPhrase.allCases.map { phrase in
        switch phrase {
        case .annual: [" årligt ", " årlig ", " om året ", " pr. år ", " per år ", " hvert år ", " årlige "]
        case .monthly: [" pr. måned ", " per måned ", " om måneden ", " månedligt ", " månedlig ", " pr. md. "]
        case .quarterly: [" pr. kvartal ", " kvartalsvis ", " per kvartal "]
        case .oneTime: [" engangs", " én gang "]
        case .lasting: [" varigt ", " varig ", " permanent ", " permanente ", " fremover ", " fremadrettet ", " og frem ", " og fremefter "]
        case .total: [" i alt ", " samlet ", " samlede ", " totalt ", " over perioden ", " i perioden "]
        }
    })

    struct Years: Equatable {
        var years: [Int] = []
        /// "fra 2023": the first year of an open-ended period.
        var from: Int?
        var isEmpty: Bool { years.isEmpty && from == nil }
    }

    /// Years named in the tokens: "2021 – 2024", "2021-24", "2021 til 2024", "i 2025 og 2026", "fra 2023".
    /// With `skippingLabels`, a year followed by ":" is left out: in "2024: 500.000 kr., 2025:
    /// 600.000 kr." it labels the amount after it, not the one before. With `skippingShifts`, a
    /// span of years money is shifted to, and the year it is moved from, are left out: in
    /// "merudgift på 12,047 mio. kr. til opsparing vedr. anlægsforskydning til 2023-2026" the
    /// amount is not spent in each of them, and "0,6 mio. kr. fra Genopretningspuljen, som
    /// fremrykkes fra 2026" is not spent from 2026 on, nor "2,566 mio. kr. er overført fra 2023"
    /// in each year from 2023 to the horizon.
    static func years(
        in list: ArraySlice<TextToken>, nearestLast: Bool = false, skippingLabels: Bool = false, skippingShifts: Bool = false
    ) -> Years {
        // The first group ends the search; the last is kept as later ones replace it (an array
        // of every group, made twice for every amount, was allocated to give one of them).
        var result = Years()
        var index = list.startIndex
        while index < list.endIndex {
            guard let year = year(list[index]), !isPriceLevel(at: index, in: list),
                !(skippingLabels && index + 1 < list.endIndex && list[index + 1].text.equalsBytes(":"))
            else {
                index += 1
                continue
            }
            var group = Years()
            let start = index
            let previous = index > list.startIndex ? list[index - 1].lower : ""
            if index + 2 < list.endIndex, list[index + 1].isRangeWord,
                let end = rangeEnd(at: index + 2, in: list, start: year), end.year >= year, end.year - year <= 30
            {
                group.years = Array(year...end.year)
                index = end.next
            } else {
                group.years = [year]
                index += 1
                // "2025 og 2026", "2025, 2026 og 2027"
                while index + 1 < list.endIndex, list[index].lower.isOne(of: ",", "og"), let next = Self.year(list[index + 1]) {
                    group.years.append(next)
                    index += 2
                }
            }
            if previous == "fra", group.years.count == 1 {
                group.from = group.years[0]
            }
            if skippingShifts, (previous == "til" && group.years.count > 1) || previous == "fra", start - 2 >= list.startIndex,
                Self.namesShift(list[start - 2].bare)
            {
                continue
            }
            guard nearestLast else { return group }
            result = group
        }
        return result
    }

    /// "forskydning", "anlægsforskydninger", "forskydes", "fremrykkes", "flyttes", "overført",
    /// "overføres".
    private static func namesShift(_ word: String) -> Bool {
        word.endsWithBytes("forskydning") || word.endsWithBytes("forskydninger") || word.startsWithBytes("forskyde")
            || word.startsWithBytes("fremryk") || word.isOne(of: "flyttes", "flyttet") || word.isOne(of: "overført", "overføres", "overførte")
    }

    /// "2025-priser", "2025-niveau": a price level joined to the year at `index`, not a budget
    /// year. (Asked after the year: most tokens are none, and this compares Strings.)
    private static func isPriceLevel(at index: Int, in list: ArraySlice<TextToken>) -> Bool {
        index + 2 < list.endIndex && list[index + 1].text.equalsBytes("-") && !list[index + 1].spaceBefore
            && !list[index + 2].spaceBefore && list[index + 2].kind == .word
    }

    /// The year a token is, if it is one (1990–2100, four digits).
    static func year(_ token: TextToken) -> Int? {
        // Bytes, not Characters: a number token that `Int` reads is ASCII digits.
        guard token.kind == .number, token.text.utf8.count == 4, let value = Int(token.text), (1990...2100).contains(value)
        else { return nil }
        return value
    }

    /// The year that ends a range at `index` ("2024", or "24" in "2021-24"), and the index after
    /// it; where a date stands there ("15. august 2025 til 31. december 2028"), its year, not
    /// its day.
    private static func rangeEnd(at index: Int, in list: ArraySlice<TextToken>, start: Int) -> (year: Int, next: Int)? {
        let token = list[index]
        guard token.kind == .number, let value = Int(token.text) else { return nil }
        if token.text.utf8.count == 4 { return (1990...2100).contains(value) ? (value, index + 1) : nil }
        let isDay = index + 2 < list.endIndex && list[index + 1].text.equalsBytes(".") && !list[index + 1].spaceBefore
            && Sentences.datePartsAfterOrdinal.contains(list[index + 2].lower)
        if isDay { return index + 3 < list.endIndex ? year(list[index + 3]).map { ($0, index + 4) } : nil }
        return token.text.utf8.count == 2 ? (start / 100 * 100 + value, index + 1) : nil
    }

    // MARK: Payer

    func payer(municipality: String?) -> Party {
        let said = words.withWords(before.indices, after.indices) { Self.otherMunicipalityPhrases.groups(inBytes: $0) }
        if said.contains(OtherMunicipalityPhrase.others) { return .otherMunicipalities }
        // "de resterende 800 000 kr. fordeles mellem de deltagende kommuner"; but "De resterende
        // 3,6 mio. kr. finansieres af kassebeholdningen" is the rest of the kommune's own money.
        if said.contains(OtherMunicipalityPhrase.theRest), said.contains(OtherMunicipalityPhrase.municipalities) { return .otherMunicipalities }
        // "… 1,9 mio. kr. fra Vejdirektoratet", "betalt af Region Sjælland", "fra A.P. Møller Fonden"
        // "… 250 mio. kr. til kommunerne": a national pot for all kommuner.
        for index in after.indices.prefix(3) where after[index].lower.equalsBytes("til") && index + 1 < after.endIndex {
            if after[index + 1].lower.isOne(of: "kommunerne", "kommuner", "landets") { return .municipalities }
        }
        for index in after.indices.prefix(6) where after[index].lower.isOne(of: "fra", "af") {
            let named = (index + 1..<min(after.endIndex, index + 5)).lazy
                .compactMap { Self.party(at: $0, in: self.after, municipality: municipality) }.first
            if let named, named != .own { return named }
        }
        for index in before.indices.reversed() {
            if let party = Self.party(at: index, in: before, municipality: municipality) { return party }
        }
        return .own
    }

    /// What the words around an amount say of other kommuner, each group of ``otherMunicipalityPhrases``.
    private enum OtherMunicipalityPhrase: Int, CaseIterable {
        case others, theRest, municipalities
    }

    private static let otherMunicipalityPhrases = NeedleSet(groups: OtherMunicipalityPhrase.allCases.map { phrase in
        switch phrase {
        case .others: [" resterende kommuner ", " øvrige kommuner ", " andre kommuner "]
        case .theRest: [" de resterende ", " de øvrige "]
        case .municipalities: [" kommuner"]
        }
    })

    /// What a word names by itself ("staten", "Region", "kommunerne"), for ``party(at:in:municipality:)``.
    enum PartyWord {
        case region, municipalities, collective, state, kkr, fund, own
    }

    static let partyWords: [String: PartyWord] = {
        var words: [String: PartyWord] = ["kkr": .kkr, "fond": .fund, "fonde": .fund, "kommunen": .own, "kommunens": .own]
        for word in ["region", "regionen", "regions"] { words[word] = .region }
        // "kommunerne", "kommuner og regioner", "landets kommuner": the kommuner together.
        for word in ["kommunerne", "kommuner", "kommunernes"] { words[word] = .municipalities }
        // "samlet kommunal …"
        words["kommunal"] = .collective
        // The government's and Folketinget's figures are national.
        for word in [
            "regeringen", "regeringens", "regeringsgrundlaget", "regeringsgrundlagets", "folketinget", "folketingets",
            "finansloven", "finanslovens", "økonomiaftalen", "økonomiaftalens", "landsplan", "lovforslaget", "lovforslagets",
            "staten", "statens", "statslig", "statslige", "statsligt", "ministeriet", "vejdirektoratet", "socialstyrelsen",
        ] {
            words[word] = .state
        }
        return words
    }()

    /// Whether a word, in lower case as ``party(at:in:municipality:)`` reads it (without a
    /// sentence's final period), may name a party by itself: one of the party words, or ending as
    /// that reads the names of boards, ministries and funds ("Socialstyrelsen", "Tipsfonden").
    static func mayNameParty(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first else { return false }
        if partyWordStarts[Int(first)], partyWordLengths.contains(word.count), partyWordPairs.contains(UInt16(first) << 8 | UInt16(word[1])),
            partyWords[String(decoding: word, as: UTF8.self)] != nil
        {
            return true
        }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            return word.count >= count && memcmp(word.baseAddress! + word.count - count, suffix.utf8Start, count) == 0
        }
        switch word.last {
        case UInt8(ascii: "n"): return ends("styrelsen") || ends("fonden")
        case UInt8(ascii: "t"): return ends("ministeriet") || ends("direktoratet")
        case UInt8(ascii: "d"): return ends("fond")
        default: return false
        }
    }

    /// Whether some party word starts with the byte, and how long party words are.
    private static let partyWordStarts: [Bool] = partyWords.keys.reduce(into: [Bool](repeating: false, count: 256)) { starts, word in
        starts[Int(word.utf8.first!)] = true
    }
    /// The first two bytes of each party word, the first the higher: most words that start
    /// with a party word's letter are ruled out here before they are hashed, which was a
    /// fiftieth of a run over Greve's meetings (callgrind).
    private static let partyWordPairs: [UInt16] = Array(Set(partyWords.keys.map { word in
        let bytes = Array(word.utf8)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }))
    /// (At least two bytes: ``mayNameParty(_:)`` reads a word's second byte once its length
    /// is in this range.)
    private static let partyWordLengths: ClosedRange<Int> = {
        let lengths = partyWords.keys.map(\.utf8.count)
        precondition(lengths.min()! >= 2)
        return lengths.min()!...lengths.max()!
    }()

    /// The party named by the words starting at `index`, if any.
    static func party(at index: Int, in tokens: ArraySlice<TextToken>, municipality: String?) -> Party? {
        // Only a word names a party; asked of every word before an amount, so one lookup decides
        // most of them (a chain of comparisons was a twentieth of the run, callgrind).
        guard index < tokens.endIndex, tokens[index].kind == .word else { return nil }
        let token = tokens[index]
        let next = index + 1 < tokens.endIndex ? tokens[index + 1] : nil
        // Most words name no party, and their traits say so: deciding it from their text was
        // more than half of reading the payer (callgrind).
        let beforeMunicipality = token.traits.contains(.uppercase) && next?.traits.contains(.municipalityWord) == true
        guard beforeMunicipality || token.traits.contains(.partyWord) else { return nil }
        // "… fra staten." ends a sentence.
        // (The bare word is that, but for a word with inner periods, "m.v.", which keeps its own.)
        let lower = !token.traits.contains(.finalPeriod) || token.traits.contains(.abbreviation) ? token.lower
            : token.traits.contains(.innerPeriod) ? String(token.lower.dropLast()) : token.bare
        if beforeMunicipality, !MunicipalityName.notNames.contains(lower) {
            let name = token.text
            if let municipality, name.fastLowercased() == municipality.fastLowercased() { return .own }
            return municipality == nil ? .own : .municipality(name)
        }
        // Most words are ruled out by their first byte and length before they are hashed.
        let named = partyWordStarts[Int(lower.utf8.first ?? 0)] && partyWordLengths.contains(lower.utf8.count) ? partyWords[lower] : nil
        switch named {
        case .region:
            if let next, next.traits.contains(.uppercase) { return .region("Region \(next.text)") }
            return .region("Region")
        case .municipalities: return .municipalities
        case .collective:
            if index > tokens.startIndex, tokens[index - 1].lower.isOne(of: "samlet", "samlede") { return .municipalities }
            return nil
        case .state: return .state
        case .kkr: return .kkr
        case .fund: return .fund(fundName(endingAt: index, in: tokens))
        case .own: return .own
        case nil: break
        }
        // The endings, told apart by the last byte first: most words end in neither "n", "t" nor "d".
        switch lower.utf8.last {
        case UInt8(ascii: "n"):
            if lower.endsWithBytes("styrelsen") { return .state }
            if lower.endsWithBytes("fonden") { return .fund(fundName(endingAt: index, in: tokens)) }
        case UInt8(ascii: "t"):
            if lower.endsWithBytes("ministeriet") || lower.endsWithBytes("direktoratet") { return .state }
        case UInt8(ascii: "d"):
            if lower.endsWithBytes("fond") && token.traits.contains(.uppercase) { return .fund(fundName(endingAt: index, in: tokens)) }
        default:
            break
        }
        return nil
    }

    /// A fund's name with the words that lead up to it: "A.P. Møller Fonden", "Nordea-fonden".
    private static func fundName(endingAt index: Int, in tokens: ArraySlice<TextToken>) -> String {
        var first = index
        while first > tokens.startIndex, index - first < 4 {
            let previous = tokens[first - 1]
            if previous.text.equalsBytes("-"), !previous.spaceBefore, !tokens[first].spaceBefore, first - 2 >= tokens.startIndex,
                tokens[first - 2].kind == .word
            {
                first -= 2
            } else if previous.kind == .word, previous.traits.contains(.uppercase), tokens[first].traits.contains(.uppercase) {
                first -= 1
            } else {
                break
            }
        }
        var name = ""
        for token in tokens[first...index] {
            if !name.isEmpty, token.spaceBefore { name += " " }
            name += token.text
        }
        // "… fra A.P. Møller Fonden."
        return name.endsWithBytes(".") ? String(name.dropLast()) : name
    }

    // MARK: Kind

    private static let kindStems: [(String, AmountKind)] = [
        ("tillægsbevilling", .supplementaryGrant), ("anlægsbevilling", .constructionGrant),
        ("rådighedsbeløb", .availableAmount), ("frigiv", .release), ("frigør", .release),
        ("budgetomplacering", .reallocation), ("omplacer", .reallocation), ("overfør", .carryOver),
        ("medfinansier", .coFinancing), ("bidrag", .coFinancing), ("tilskud", .subsidy), ("støtte", .subsidy),
        ("besparelse", .saving), ("spare", .saving), ("effektivisering", .saving), ("reduktion", .saving),
        ("mindreudgift", .reducedExpense), ("mindreforbrug", .reducedExpense),
        ("merudgift", .additionalExpense), ("merforbrug", .additionalExpense), ("overskridelse", .additionalExpense),
        ("merindtægt", .additionalIncome), ("mindreindtægt", .reducedIncome),
    ]

    /// The kind named nearest to the amount, after it or before it.
    func kind() -> AmountKind {
        var best: (distance: Int, kind: AmountKind)?
        for (distance, index) in before.indices.reversed().enumerated() {
            if let kind = Self.kind(of: before[index].lower), !Self.isInReference(index, in: before) {
                best = (distance, kind)
                break
            }
        }
        for (distance, index) in after.indices.enumerated() where best.map({ distance < $0.distance }) ?? true {
            if let kind = Self.kind(of: after[index].lower), !Self.isInReference(index, in: after) {
                best = (distance, kind)
                break
            }
        }
        // "Rådighedsbeløbet på 3 mio. kr. i 2025 frigives": a rådighedsbeløb released is a
        // frigivelse, money already budgeted (../shared/DOMAIN.md), not new money; one set aside,
        // raised or paid from cash as it is released ("at der afsættes et rådighedsbeløb på 3
        // mio. kr., finansieret af kassebeholdningen, og at beløbet frigives") is new money.
        if best?.kind == .availableAmount, after.contains(where: { Self.kind(of: $0.lower) == .release }),
            !Self.saysNewMoney(before), !Self.saysNewMoney(after)
        {
            return .release
        }
        return best?.kind ?? .unknown
    }

    /// Whether the word at `index` names a text referred to ("jf. besparelsesforslag 10", "jf.
    /// Økonomiudvalgets besparelsesforslag"): the first or second word after "jf.", which names
    /// that text, not the amount's kind. "at der i 2023 jf. Økonomiudvalgets beslutning meddeles
    /// en tillægsbevilling …" is still a tillægsbevilling.
    private static func isInReference(_ index: Int, in tokens: ArraySlice<TextToken>) -> Bool {
        tokens[max(tokens.startIndex, index - 2)..<index].contains { $0.bare.isOne(of: "jf.", "jfr.", "jf", "jævnfør") }
    }

    /// Whether the words set money aside, raise it or pay it from cash.
    static func saysNewMoney(_ tokens: ArraySlice<TextToken>) -> Bool {
        tokens.contains { newMoneyWords.contains($0.bare) }
    }

    static let newMoneyWords: Set<String> = [
        "afsættes", "afsætte", "forhøjes", "forhøje", "tilføres", "bevilges", "kassebeholdningen", "kassebeholdning", "kassen",
        "likvide",
    ]

    /// Words that contain a kind's stem but name something else: overførselsudgifter are
    /// transfers to citizens (DOMAIN.md), not money carried over between years; "opsparede
    /// midler", "opsparing" are savings put by, not a besparelse ("spare"); to "understøtte" an
    /// aim gives no støtte (a thousand times in Greve's meetings: "130 mio. kr. fra 2029 til at
    /// understøtte kvalitetsstandarder" is no tilskud).
    private static let notKinds = ["overførselsudgift", "overførselsindkomst", "opspar", "understøt"]

    /// The stems, then the words that are no kind, in one set: one scan of a word answers both
    /// (two scans of every word around every amount were a sixtieth of a run, callgrind).
    private static let stemsAndNotKinds = NeedleSet(kindStems.map(\.0) + notKinds)
    private static let notKindMask: UInt64 = ((UInt64(1) << UInt64(notKinds.count)) - 1) << UInt64(kindStems.count)

    /// The kind the first word of `text` that names one names, and all the kinds its words name,
    /// split at spaces (see ``kind(of:)``). Read from the stems in the whole text where they are
    /// of one kind and no word is one of ``notKinds`` (a stem has no space, so it stands in a
    /// word), else from the words once: splitting every caption into words, twice, was a sixth
    /// of reading generated tables (callgrind).
    static func kinds(inWordsOf text: String) -> (first: AmountKind?, all: Set<AmountKind>) {
        let found = stemsAndNotKinds.occurring(in: text.fastLowercased())
        guard found != 0 else { return (nil, []) }
        if found & notKindMask == 0 {
            let first = kindStems[found.trailingZeroBitCount].1
            var rest = found & (found - 1)
            while rest != 0, kindStems[rest.trailingZeroBitCount].1 == first { rest &= rest - 1 }
            if rest == 0 { return (first, [first]) }
        }
        var first: AmountKind?
        var all = Set<AmountKind>()
        for word in LatinText.words(of: text, at: .space) {
            guard let kind = kind(of: word.fastLowercased()) else { continue }
            if first == nil { first = kind }
            all.insert(kind)
        }
        return (first, all)
    }

    /// The kind whose stem comes first in ``kindStems`` among those the word contains.
    static func kind(of word: String) -> AmountKind? {
        // Every stem has five letters or more, so a shorter word is none (on bytes, without counting Characters).
        guard word.utf8.count >= 5 else { return nil }
        let found = stemsAndNotKinds.occurring(in: word)
        guard found != 0, found & notKindMask == 0 else { return nil }
        return kindStems[found.trailingZeroBitCount].1
    }

    // MARK: Financing, distribution keys, area

    /// What the sentence near the amount says of its financing and of a distribution key.
    func financingAndKey() -> (financing: Financing?, key: DistributionKey?) {
        let spaced = words.words(sentence.indices)
        let said = Self.sentencePhrases.groups(inBytes: spaced)
        let key: DistributionKey? = said.contains(SentencePhrase.population) ? .population
            : said.contains(SentencePhrase.unspecifiedKey) ? .unspecified : nil
        return (Self.financing(said, in: sentence, spaced: spaced), key)
    }

    /// Stems one of which a sentence must contain to state its financing.
    static let financingStems = ["kasse", "likvid", "ramme", "budget", "neutral", "pulje", "afsat"]
    static let financingStemSet = NeedleSet(financingStems)

    /// What a sentence says of its financing and its distribution key, each group of
    /// ``sentencePhrases``: one scan of the sentence's words answers both (a scan for each, and
    /// one for the stems first, were 2,2 % of a run on generated minutes, callgrind).
    enum SentencePhrase: Int, CaseIterable {
        case unsettled, cash, withinFrame
        /// Within the frame in words with no financing stem: so only where the sentence has
        /// one elsewhere. (Every cash and other within-frame phrase holds a stem, and so does
        /// "pulje": the stems are not scanned for with them, where their common letters made
        /// the scan stop at most bytes, callgrind.)
        case withinFrameWithoutStem
        /// "inden for": within a frame where a named one's frame follows (``namesAFrame(_:)``).
        case within
        /// A pool: "puljen til …".
        case pool
        /// Words that start with the phrase after its space.
        case population, unspecifiedKey

        var phrases: [String] {
            switch self {
            case .unsettled:
                [" undersøges", " afklares", " afdækkes", " skal findes", " skal der findes", " skal der besluttes", " søges finansieret",
                    " afventer"]
            case .cash: ["kassebeholdning", "likvide midler", " kassen "]
            case .withinFrame:
                [" inden for rammen", " indenfor rammen", " inden for den eksisterende ramme", " eksisterende budget",
                    " eksisterende ramme", " udgiftsneutral", " inden for budgettet", " allerede budgetlagte", " allerede afsatte",
                    " budgetneutral"]
            case .withinFrameWithoutStem: [" inden for udvalgets", " indenfor udvalgets"]
            case .within: [" inden for ", " indenfor "]
            case .pool: ["pulje"]
            case .population: [" befolkningstal", " indbyggertal", " folketal"]
            case .unspecifiedKey: [" fordelingsnøgle"]
            }
        }
    }

    private static let sentencePhrases = NeedleSet(groups: SentencePhrase.allCases.map(\.phrases))

    /// What the tokens say of their financing; `words` are those of the tokens' paragraph.
    static func financing(in tokens: ArraySlice<TextToken>, words: SpacedWords) -> Financing? {
        let spaced = words.words(tokens.indices)
        return financing(sentencePhrases.groups(inBytes: spaced), in: tokens, spaced: spaced)
    }

    /// The financing of `tokens`, whose words, `spaced`, say the phrases `said`.
    private static func financing(_ said: NeedleSet.Groups, in tokens: ArraySlice<TextToken>, spaced: ArraySlice<UInt8>) -> Financing? {
        var found: Financing?
        if said.contains(SentencePhrase.cash), !cashIsDenied(spaced) {
            found = .cash
        } else if said.contains(SentencePhrase.withinFrame) {
            found = .withinFrame
        } else if said.contains(SentencePhrase.withinFrameWithoutStem), financingStemSet.occursAny(inBytes: spaced) {
            found = .withinFrame
        } else if said.contains(SentencePhrase.within), namesAFrame(spaced) {
            found = .withinFrame
        } else if said.contains(SentencePhrase.pool), let index = tokens.firstIndex(where: { $0.bare.startsWithBytes("pulje") }) {
            let phrase = tokens[index..<min(tokens.endIndex, index + 4)].map(\.bare).joined(separator: " ")
            found = .pool(phrase.trimmingPunctuation())
        }
        guard let found else { return nil }
        if said.contains(SentencePhrase.unsettled) {
            let phrase = tokens.map(\.text).joined(separator: " ")
            return .unsettled(String(phrase.prefix(120)))
        }
        return found
    }

    /// Whether every mention of the cash reserve in the words is denied ("påvirker derfor ikke
    /// kassebeholdningen", "ikke et træk på kassebeholdningen"): "ikke" within the four words
    /// before it.
    static func cashIsDenied(_ spaced: ArraySlice<UInt8>) -> Bool {
        // Most sentences that name cash deny nothing: split into words only those that might.
        guard denial.occursAny(inBytes: spaced) else { return false }
        let words = String(decoding: spaced, as: UTF8.self).split(separator: " ")
        var mentioned = false
        for (index, word) in words.enumerated() {
            let isCash = word.hasPrefix("kassebeholdning") || word == "kassen"
                || (word == "likvide" && index + 1 < words.count && words[index + 1].hasPrefix("midler"))
            guard isCash else { continue }
            mentioned = true
            if !words[max(0, index - 4)..<index].contains("ikke") { return false }
        }
        return mentioned
    }

    /// The area a sentence speaks of when its words name one only (``BudgetArea/init(word:)``):
    /// "Nettodriftsudgiften … finansieres af kassebeholdningen" is drift.
    static func areaOnly(_ spaced: ArraySlice<UInt8>) -> BudgetArea? {
        guard areaWords.occursAny(inBytes: spaced) else { return nil }
        let named = Set(String(decoding: spaced, as: UTF8.self).split(separator: " ").compactMap(BudgetArea.init(word:)))
        return named.count == 1 ? named.first : nil
    }

    /// "ramme", for ``namesAFrame(_:)``.
    private static let frameStem = NeedleSet(["ramme"])
    /// " ikke ", for ``cashIsDenied(_:)``.
    private static let denial = NeedleSet([" ikke "])
    /// "drift" and "anlæg", for ``areaOnly(_:)``.
    private static let areaWords = NeedleSet(["drift", "anlæg"])

    /// Whether the words say "inden for" someone's frame ("afholdes inden for Vej og Parks ramme",
    /// "inden for Børne- og Læringsudvalgets egen budgetramme"): a frame word within six words
    /// and in the same clause, after an owner in the genitive. The law's or an agreement's frame
    /// ("inden for lovgivningens ramme", ``notBudgetOwners``) and the service frame ("inden for
    /// servicerammen", which sorts expenses, not finances them) are none.
    static func namesAFrame(_ spaced: ArraySlice<UInt8>) -> Bool {
        // "inden for" is common ("inden for 24 timer"): split into words only a sentence with a frame.
        guard frameStem.occursAny(inBytes: spaced) else { return false }
        let words = String(decoding: spaced, as: UTF8.self).split(separator: " ")
        for (index, word) in words.enumerated() where word == "indenfor" || (word == "inden" && index + 1 < words.count && words[index + 1] == "for") {
            let start = word == "indenfor" ? index + 1 : index + 2
            for next in words.indices.dropFirst(start).prefix(6) {
                if words[next].contains(",") { break }
                guard frameWords.contains(String(words[next])) else { continue }
                let owner = words[next - 1] == "egen" ? words[next - 2] : words[next - 1]
                if owner.hasSuffix("s"), !notBudgetOwners.contains(String(owner)) { return true }
            }
        }
        return false
    }

    /// Owners of a frame that is no budget ("inden for lovens ramme").
    static let notBudgetOwners: Set<String> = ["lovgivningens", "lovens", "aftalens", "kontraktens", "planens", "lokalplanens"]

    /// The words for a frame a body or area holds.
    static let frameWords: Set<String> = ["ramme", "rammen", "budgetramme", "budgetrammen", "driftsramme", "driftsrammen"]

    /// "drift" or "anlæg" when the words next to the amount say so.
    func area() -> BudgetArea? {
        for token in before.suffix(6).reversed() {
            if let area = BudgetArea(word: token.lower) { return area }
        }
        for token in after.prefix(4) {
            if let area = BudgetArea(word: token.lower) { return area }
        }
        return nil
    }
}
