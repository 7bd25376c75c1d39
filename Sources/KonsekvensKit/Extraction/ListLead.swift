import Foundation

/// The sentence that introduces a list of grants, and what it says of the money in the list's
/// items: "at der i 2022 meddeles tillægsbevilling til følgende afvigelser:" above "netto
/// mindreudgift på 13,446 mio. kr. på tværs af udvalg …" makes that a tillægsbevilling of 2022.
///
/// Only a layout that says how lists nest (HTML) shows which items are under the lead: there
/// a lead is followed by items of a deeper ``Line/listLevel``, and its list ends at the first
/// paragraph that is not.
struct ListLead: Equatable {
    /// The list level of the lead's own paragraph (0 outside a list).
    let level: Int
    /// The year the grant is given in ("i 2022").
    let year: Int
    /// The grant the lead names, when it names one of a kind ("tillægsbevilling").
    let kind: AmountKind?

    /// The lead a paragraph makes, if its last sentence introduces what follows ("følgende", or
    /// a closing ":") and names a grant ("tillægsbevilling", "bevilges") and its year: "På trods
    /// heraf har det været nødvendigt med tillægsbevillinger til området:" tells a story, and
    /// gives the figures under it no kind.
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
            let grant = words.firstIndex(where: { Self.namesGrant($0.lower) })
        else { return nil }
        let kind = ClauseContext.kind(of: words[grant].lower).flatMap { [.supplementaryGrant, .constructionGrant].contains($0) ? $0 : nil }
        guard let year = Self.year(in: words[(grant + 1)...], nearestLast: false) ?? Self.year(in: words[..<grant], nearestLast: true)
        else { return nil }
        self.init(level: lines[0].listLevel, year: year, kind: kind)
    }

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

    /// The one year of the grant: a year after "i" or "for" that starts no range ("i 2022",
    /// "for 2023"; not "fra 2022", "i 2023-2026"), the first after the grant's word or else the
    /// last before it.
    private static func year(in words: ArraySlice<TextToken>, nearestLast: Bool) -> Int? {
        let candidates = words.indices.lazy.filter { index in
            ClauseContext.year(words[index]) != nil && index > words.startIndex
                && words[index - 1].lower.isOne(of: "i", "for")
                && !(index + 1 < words.endIndex && words[index + 1].isRangeWord)
        }
        let found = nearestLast ? candidates.last : candidates.first
        return found.flatMap { ClauseContext.year(words[$0]) }
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
