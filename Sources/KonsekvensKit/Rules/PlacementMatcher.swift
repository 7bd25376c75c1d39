import Foundation

/// The placement rules' matches compiled for one document: each set a condition names becomes
/// a bit mask over the values the rules name, so an amount's section, payer, kind, … are
/// looked up once, not hashed into a set for every rule it is asked of; the item's decision is
/// asked once per item. Answers as ``RuleEngine/matches(_:_:_:_:meetingYear:)`` does.
struct PlacementMatcher {
    /// One rule's match; nil masks are conditions the rule does not state.
    struct Rule {
        var sections, payers, kinds, recurrences, signs, financing, patterns: UInt64?
        var total, rate, fromTable, hasYears, itemHasYearTable: Bool?
        var yearsAgo: Int?
        var rowLabelWords: [String]?
        /// Whether the rule states a condition on the item's decision.
        var asksDecision: Bool
    }

    /// Values to bits, in the order the rules name them: value `i` is bit `i`. Found by
    /// comparing, not hashing: the rules name a few values of each, and hashing an amount's
    /// section, kind, … for every amount was a fifth of placing it (callgrind).
    struct Vocabulary<Value: Hashable> {
        private(set) var values: [Value] = []
        var isEmpty: Bool { values.isEmpty }

        /// The mask of `values`, or nil when the rules name more than 64 values.
        mutating func mask(_ named: Set<Value>?, overflow: inout Bool) -> UInt64? {
            guard let named else { return nil }
            var mask: UInt64 = 0
            for value in named {
                if !values.contains(value) {
                    guard values.count < 64 else {
                        overflow = true
                        return nil
                    }
                    values.append(value)
                }
                mask |= bit(value)
            }
            return mask
        }

        /// The bit of `value`; 0 for a value no rule names.
        func bit(_ value: Value) -> UInt64 { values.firstIndex(of: value).map { 1 << UInt64($0) } ?? 0 }
    }

    let rules: [Rule]
    let matches: [AmountMatch]
    private var sections = Vocabulary<SectionKind>(), payers = Vocabulary<String>(), kinds = Vocabulary<AmountKind>()
    private var recurrences = Vocabulary<Recurrence>(), signs = Vocabulary<String>(), financing = Vocabulary<String>()
    private var patterns = Vocabulary<String>()
    /// The bit of each payer and financing category, by its index: looked up, where comparing
    /// the category's String with each the rules name was 0,4 % of a run (callgrind).
    private var payerBits: [UInt64] = [], financingBits: [UInt64] = []

    /// The compiled matches, or nil when some condition names more values than a mask holds.
    init?(_ placements: [PlacementRule]) {
        var overflow = false
        var rules: [Rule] = []
        for placement in placements {
            let match = placement.match
            rules.append(
                Rule(
                    sections: sections.mask(match.sections, overflow: &overflow), payers: payers.mask(match.payers, overflow: &overflow),
                    kinds: kinds.mask(match.kinds, overflow: &overflow), recurrences: recurrences.mask(match.recurrences, overflow: &overflow),
                    signs: signs.mask(match.signs, overflow: &overflow), financing: financing.mask(match.financing, overflow: &overflow),
                    patterns: patterns.mask(match.patterns, overflow: &overflow), total: match.total, rate: match.rate,
                    fromTable: match.fromTable, hasYears: match.hasYears, itemHasYearTable: match.itemHasYearTable, yearsAgo: match.yearsAgo,
                    rowLabelWords: match.rowLabelWords, asksDecision: match.decisions != nil || match.decisionWords != nil))
        }
        guard !overflow else { return nil }
        self.rules = rules
        matches = placements.map(\.match)
        payerBits = Party.categories.map(payers.bit)
        financingBits = Financing.categories.map(financing.bit)
    }

    /// Whether each rule's conditions on the item's decision hold.
    func decisionHolds(_ item: AgendaItem) -> [Bool] {
        let status = item.decision?.status ?? .none
        var text: String?
        return zip(rules, matches).map { rule, match in
            guard rule.asksDecision else { return true }
            if let decisions = match.decisions, !decisions.contains(status) { return false }
            if let words = match.decisionWords {
                if text == nil { text = item.decision?.text.fastLowercased() ?? "" }
                if !words.contains(where: { Self.contains(text!, $0) }) { return false }
            }
            return true
        }
    }

    /// The index of the first rule that matches `amount`, as ``RuleEngine/matches(_:_:_:_:meetingYear:)`` asks in turn.
    func first(_ amount: Amount, decisionHolds: [Bool], tableYears: Set<Int>, meetingYear: Int?) -> Int? {
        // Each value's bit once; a vocabulary no rule names is not asked.
        let section = sections.isEmpty ? 0 : sections.bit(amount.section)
        let payer = payers.isEmpty ? 0 : payerBits[amount.payer.categoryIndex]
        let kind = kinds.isEmpty ? 0 : kinds.bit(amount.kind)
        let recurrence = recurrences.isEmpty ? 0 : recurrences.bit(amount.recurrence)
        let sign = signs.isEmpty ? 0 : signs.bit(amount.sign.rawValue)
        let financed = financing.isEmpty ? 0 : financingBits[amount.financing.categoryIndex]
        let pattern = patterns.isEmpty ? 0 : patterns.bit(amount.pattern)
        let isTotal = amount.isTotal, hasRate = amount.rate != nil, fromTable = amount.isFromTable
        let hasNoYears = amount.years.isEmpty
        var covered: Bool?
        var label: String?
        for (index, rule) in rules.enumerated() {
            if let mask = rule.sections, mask & section == 0 { continue }
            if let mask = rule.payers, mask & payer == 0 { continue }
            if let mask = rule.kinds, mask & kind == 0 { continue }
            if let mask = rule.recurrences, mask & recurrence == 0 { continue }
            if let mask = rule.signs, mask & sign == 0 { continue }
            if let mask = rule.financing, mask & financed == 0 { continue }
            if let total = rule.total, total != isTotal { continue }
            if let rate = rule.rate, rate != hasRate { continue }
            if let wanted = rule.fromTable, wanted != fromTable { continue }
            if let hasYears = rule.hasYears, hasYears == hasNoYears { continue }
            if let ago = rule.yearsAgo, !RuleEngine.isPast(amount.years, ago, meetingYear) { continue }
            if let wanted = rule.itemHasYearTable {
                if covered == nil { covered = !tableYears.isEmpty && amount.years.allSatisfy(tableYears.contains) }
                if wanted != covered { continue }
            }
            if let mask = rule.patterns, mask & pattern == 0 { continue }
            if let words = rule.rowLabelWords {
                if label == nil { label = amount.rowLabel?.fastLowercased() ?? "" }
                if !words.contains(where: { Self.contains(label!, $0) }) { continue }
            }
            if !decisionHolds[index] { continue }
            return index
        }
        return nil
    }

    /// Whether `text` contains `word`, as Foundation's `contains(_:)` answers. Compared as bytes
    /// when both are made of scalars below U+0300 and the word has no CR or LF: there every
    /// Character is one scalar (but CR LF), no text has another canonically equal spelling, and
    /// a byte match is a match of whole Characters. Foundation's search is some 5.000
    /// instructions (callgrind); any other text still goes to it.
    static func contains(_ text: String, _ word: String) -> Bool {
        var text = text, word = word
        let simple = !word.isEmpty && word.withUTF8 { bytes in bytes.allSatisfy { $0 < 0xCC && $0 != 0x0D && $0 != 0x0A } }
            && text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0xCC } }
        guard simple else { return text.contains(word) }
        return text.includes(word)
    }
}
