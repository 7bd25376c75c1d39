import Foundation

/// The sentence that introduces a list of grants, and what it says of the money in the list's
/// items: "at der i 2022 meddeles tillægsbevilling til følgende afvigelser:" above "netto
/// mindreudgift på 13,446 mio. kr. på tværs af udvalg …" makes that a tillægsbevilling of 2022.
///
/// A lead is followed by the items of a deeper ``Line/listLevel`` (HTML's nested lists, text's
/// indentation), and its list ends at the first paragraph that is not deeper.
struct ListLead: Equatable {
    /// The list level of the lead's own paragraph (0 outside a list).
    let level: Int
    /// The year the grant is given in ("i 2022").
    let year: Int
    /// The grant the lead names, when it names one of a kind ("tillægsbevilling").
    let kind: AmountKind?

    /// The lead a paragraph makes, if its last sentence introduces what follows ("følgende", or
    /// a closing ":"), grants now (a recommendation's point "at …", or "meddeles", "gives",
    /// "bevilges", "søges") and names the grant ("tillægsbevilling") and its one year. "På trods heraf har det
    /// været nødvendigt med tillægsbevillinger til området:" tells a story, "Byrådet har tidligere
    /// i 2022 givet følgende tillægsbevillinger:" lists grants already given, and "i 2023 og 2024",
    /// "i 2023 og overslagsårene" name more years than one: none of them dates the items.
    init?(_ lines: [Line], tokens cache: inout TokenCache) {
        // Most paragraphs name no grant: asked of the lines' bytes before any token is made.
        guard let last = lines.last, last.text.endsWithBytes(":") || lines.contains(where: { $0.text.includes("følgende") }),
            lines.contains(where: { $0.text.includes("bevil") })
        else { return nil }
        var text: [UInt8] = []
        for line in lines {
            if !text.isEmpty { text.append(0x20) }
            text.append(contentsOf: line.text.utf8)
        }
        let tokens = Tokenizer.tokens(of: text, cache: &cache)
        guard let sentence = Sentences.ranges(in: tokens).last else { return nil }
        let words = tokens[sentence]
        guard words.contains(where: { $0.lower.isOne(of: "følgende", ":") }),
            let grant = words.firstIndex(where: { Self.namesGrant($0.lower) }),
            words.first(where: { $0.kind == .word })?.bare == "at" || words.contains(where: { Self.grantsNow.contains($0.bare) }),
            !words.contains(where: { Self.toldBefore.contains($0.bare) })
        else { return nil }
        let kind = ClauseContext.kind(of: words[grant].lower).flatMap { [.supplementaryGrant, .constructionGrant].contains($0) ? $0 : nil }
        guard let year = Self.year(in: words, nearestTo: grant) else { return nil }
        self.init(level: lines[0].listLevel, year: year, kind: kind)
    }

    /// Verbs of a grant given by this decision; a recommendation's point ("at der …") is one too.
    private static let grantsNow: Set<String> = [
        "meddeles", "gives", "bevilges", "tillægsbevilliges", "søges", "ansøges", "godkendes", "meddele", "give",
    ]
    /// Words of grants told, given before: "tidligere", "har … givet".
    private static let toldBefore: Set<String> = ["tidligere", "givet", "meddelt", "bevilget", "bevilliget"]

    init(level: Int, year: Int, kind: AmountKind?) {
        self.level = level
        self.year = year
        self.kind = kind
    }

    /// "tillægsbevilling", "bevillinger", "bevilges", "tillægsbevilliges"; not
    /// "bevillingsmæssige" (the grants' "consequences"), which grants nothing.
    private static func namesGrant(_ word: String) -> Bool {
        word.includes("bevil") && !word.includes("mæssig")
    }

    /// The one year of the grant: the year after "i" or "for" nearest the grant's word, on
    /// either side ("at der i 2022 meddeles tillægsbevilling til følgende projekter, som blev
    /// udskudt i 2021:" is 2022's); none when that year starts a range or a list of years ("i
    /// 2023-2026", "i 2023 og 2024", "for 2023 ff.", "i 2023 og frem").
    private static func year(in words: ArraySlice<TextToken>, nearestTo grant: Int) -> Int? {
        let candidates = words.indices.filter { index in
            index > words.startIndex && ClauseContext.year(words[index]) != nil && words[index - 1].lower.isOne(of: "i", "for")
        }
        guard let nearest = candidates.min(by: { abs($0 - grant) < abs($1 - grant) }) else { return nil }
        if nearest + 1 < words.endIndex {
            let next = words[nearest + 1]
            if next.isRangeWord || next.bare.isOne(of: "og", "samt", ",", "ff.") || next.bare.isOne(of: "ff", "frem", "-") { return nil }
        }
        return ClauseContext.year(words[nearest])
    }

    /// The lead's year and kind, given to the amounts of an item of its list (`lines`) that
    /// have neither: the kommune's own money without years of its own, once or of no stated
    /// recurrence, and not a total ("af de samlede -28,7 mio. kr. der lægges i kassen" sums the
    /// item before). The kind goes only to an item that names none: one that names its money's
    /// kinds ("… mindreforbrug … på 8,7 mio. kr. (3,7 mio. kr. på drift og 5,0 mio. kr. på
    /// anlæg)") speaks for its other amounts too. An item that says what the grants do to the
    /// cash ("at punkt 1a-1e bevilges med modpost på kassen, som således øges med -15,177 mio.
    /// kr.") restates their sum, and takes neither.
    func apply(to amounts: inout [Amount], in lines: [Line]) {
        guard amounts.contains(where: { $0.payer == .own }) else { return }
        let restatesCash = lines.contains { line in
            TableAmounts.cashWords.occursAny(inLowercased: line.text) && Self.changeWords.occursAny(inLowercased: line.text)
        }
        guard !restatesCash else { return }
        let givesKind = kind != nil && amounts.allSatisfy { $0.kind == .unknown }
        for index in amounts.indices where amounts[index].payer == .own {
            if amounts[index].years.isEmpty, !amounts[index].isTotal,
                amounts[index].recurrence == .unknown || amounts[index].recurrence == .oneTime
            {
                amounts[index].years = [year]
                amounts[index].recurrence = .oneTime
            }
            if givesKind, let kind { amounts[index].kind = kind }
        }
    }

    /// Words that say the cash rises or falls.
    private static let changeWords = NeedleSet([" øges", " forøges", " styrkes", " reduceres", " forringes", " nedbringes", " falder", " stiger"])
}
