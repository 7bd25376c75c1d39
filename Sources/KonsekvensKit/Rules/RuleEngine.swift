import Foundation

/// Turns a document's amounts into the analysed kommune's budget lines and findings, by the
/// placement rules and checks of a ``RuleSet``.
public struct RuleEngine: Sendable {
    public var rules: RuleSet
    public var population: PopulationTable?

    public init(rules: RuleSet, population: PopulationTable? = nil) {
        self.rules = rules
        self.population = population
    }

    /// Places every amount of the document and runs the checks on each item.
    public func apply(to document: Document) -> DocumentImpact {
        var impact = DocumentImpact(
            source: document.source, amountsFound: document.items.map(\.amounts.count).reduce(0, +), budgetLines: [], placements: [],
            findings: [])
        let matcher = PlacementMatcher(rules.placements)
        for item in document.items {
            let (lines, placements) = place(item, in: document, matcher: matcher)
            impact.budgetLines += lines
            impact.placements += placements
            let context = CheckContext(document: document, item: item, lines: lines, placements: placements, population: population)
            for check in rules.checks {
                impact.findings += context.run(check)
            }
        }
        return impact
    }

    /// The names of placement rules that placed no amount in any of `impacts`.
    public func unusedPlacementRules(in impacts: [DocumentImpact]) -> [String] {
        unusedPlacementRules(used: Set(impacts.flatMap { $0.placements.compactMap(\.rule) }))
    }

    /// The placement rules, in file order, that are not among `used`.
    func unusedPlacementRules(used: Set<String>) -> [String] {
        rules.placements.map(\.name).filter { !used.contains($0) }
    }

    // MARK: Placement

    func place(_ item: AgendaItem, in document: Document) -> ([BudgetLine], [AmountPlacement]) {
        place(item, in: document, matcher: PlacementMatcher(rules.placements))
    }

    /// Places the item's amounts, asking `matcher` when there is one (the rules compiled once
    /// per document; asking ``matches(_:_:_:_:meetingYear:)`` of each rule was a third of the engine's time).
    func place(_ item: AgendaItem, in document: Document, matcher: PlacementMatcher?) -> ([BudgetLine], [AmountPlacement]) {
        // The years that a table with a column per year states in Økonomiske konsekvenser or Indstillinger.
        let tableYears = Set(item.amounts.filter { $0.isYearTableCell && [.economy, .recommendation].contains($0.section) }
            .flatMap(\.years))
        var drafts: [Draft] = []
        var placements: [AmountPlacement] = []
        let decisionHolds = matcher?.decisionHolds(item) ?? []
        let meetingYear = document.meeting.date?.year
        for amount in item.amounts {
            // By index: `first(where:)` copied each rule, with its lists, to ask it (callgrind).
            let found =
                if let matcher {
                    matcher.first(amount, decisionHolds: decisionHolds, tableYears: tableYears, meetingYear: meetingYear)
                } else {
                    rules.placements.indices.first(where: { matches(rules.placements[$0].match, amount, item, tableYears, meetingYear: meetingYear) })
                }
            guard let found else {
                placements.append(AmountPlacement(amount: amount, disposition: .unplaced, rule: nil))
                continue
            }
            // The rule's name and what it produces, not the rule: a copy of it retained each of
            // its lists and let them go again, for every amount (callgrind).
            let (name, produce) = (rules.placements[found].name, rules.placements[found].produce)
            switch produce {
            case .context:
                placements.append(AmountPlacement(amount: amount, disposition: .context(name), rule: name))
            case .budgetLines, .netZero, .periodTotal:
                drafts += expand(amount, rule: name, produce: produce, item: item, document: document)
                placements.append(AmountPlacement(amount: amount, disposition: .budgetLine, rule: name))
            }
        }
        return (merged(drafts).map(\.line), placements)
    }

    func matches(_ match: AmountMatch, _ amount: Amount, _ item: AgendaItem, _ tableYears: Set<Int>, meetingYear: Int?) -> Bool {
        if let sections = match.sections, !sections.contains(amount.section) { return false }
        if let payers = match.payers, !payers.contains(amount.payer.category) { return false }
        if let kinds = match.kinds, !kinds.contains(amount.kind) { return false }
        if let recurrences = match.recurrences, !recurrences.contains(amount.recurrence) { return false }
        if let signs = match.signs, !signs.contains(amount.sign.rawValue) { return false }
        if let financing = match.financing, !financing.contains(amount.financing.category) { return false }
        if let total = match.total, total != amount.isTotal { return false }
        if let rate = match.rate, rate != (amount.rate != nil) { return false }
        if let fromTable = match.fromTable, fromTable != amount.isFromTable { return false }
        if let hasYears = match.hasYears, hasYears == amount.years.isEmpty { return false }
        if let ago = match.yearsAgo, !Self.isPast(amount.years, ago, meetingYear) { return false }
        if let wanted = match.itemHasYearTable {
            // A year table covers an amount when it states each of the amount's years.
            let covered = !tableYears.isEmpty && amount.years.allSatisfy(tableYears.contains)
            if wanted != covered { return false }
        }
        if let patterns = match.patterns, !patterns.contains(amount.pattern) { return false }
        if let words = match.rowLabelWords {
            let label = amount.rowLabel?.fastLowercased() ?? ""
            if !words.contains(where: { label.contains($0) }) { return false }
        }
        if let decisions = match.decisions, !decisions.contains(item.decision?.status ?? .none) { return false }
        if let words = match.decisionWords {
            let text = item.decision?.text.fastLowercased() ?? ""
            if !words.contains(where: { text.contains($0) }) { return false }
        }
        return true
    }

    /// Whether `years` are some and all lie `ago` or more years before `meetingYear` (known).
    static func isPast(_ years: [Int], _ ago: Int, _ meetingYear: Int?) -> Bool {
        guard let meetingYear, let last = years.max() else { return false }
        return last <= meetingYear - ago
    }

    // MARK: Lines

    /// A budget line in the making, with the section it came from (for merging).
    struct Draft {
        var line: BudgetLine
        var section: SectionKind
        /// Whether the amount was a table cell: two cells are two lines, never one grant twice.
        var fromTable: Bool
    }

    /// The budget lines of an amount placed by the rule named `rule`, which produces `produce`.
    func expand(_ amount: Amount, rule: String, produce: PlacementRule.Produce, item: AgendaItem, document: Document) -> [Draft] {
        let signed = amount.signedValue
        let decision = item.decision
        func line(year: Int?, value: Decimal, periodYears: [Int] = []) -> Draft {
            Draft(
                line: BudgetLine(
                    source: document.source, itemNumber: item.number, itemTitle: item.title, caseNumber: item.caseNumber,
                    journalNumber: item.journalNumber, meetingBody: document.meeting.body, meetingDate: document.meeting.date,
                    year: year, amount: value, net: produce == .netZero ? 0 : value, kind: amount.kind, area: amount.area,
                    financing: amount.financing, status: decision?.status ?? .none, decidedBy: decision?.body,
                    decidedOn: decision?.date, isPeriodTotal: year == nil, periodYears: periodYears, rule: rule,
                    sources: [amount.location], quote: amount.text),
                section: amount.section, fromTable: amount.isFromTable)
        }
        let years = amount.years
        let perYear = amount.recurrence == .monthly ? signed * 12 : amount.recurrence == .quarterly ? signed * 4 : signed
        if produce == .periodTotal || years.isEmpty { return [line(year: nil, value: years.isEmpty ? perYear : signed, periodYears: years)] }
        switch amount.recurrence {
        case .monthly: return years.map { line(year: $0, value: signed * 12) }
        case .quarterly: return years.map { line(year: $0, value: signed * 4) }
        case .totalOverPeriod where years.count > 1:
            switch rules.totalsOverPeriod {
            case .keepTotal: return [line(year: nil, value: signed, periodYears: years)]
            case .splitEvenly:
                var share = signed / Decimal(years.count)
                var rounded = Decimal()
                NSDecimalRound(&rounded, &share, 2, .plain)
                let last = signed - rounded * Decimal(years.count - 1)
                return years.enumerated().map { line(year: $1, value: $0 == years.count - 1 ? last : rounded) }
            }
        default: return years.map { line(year: $0, value: signed) }
        }
    }

    /// The same grant quoted twice in one item (in Indstillinger and in Økonomiske konsekvenser)
    /// is one line per year: lines with the same year, amount and net effect are merged, and
    /// the merged line names the rule MergeRepeatedAmount.
    func merged(_ drafts: [Draft]) -> [Draft] {
        var result: [Draft] = []
        // The lines so far by year and amount, each list in order: an item can hold thousands of
        // amounts (a budget, a generated 50 MB document), and searching every earlier line for
        // each one made the engine quadratic in them.
        var byYearAndAmount: [MergeKey: Candidates] = [:]
        // Each line's places, for the question whether a place is already in it: a line merged
        // from thousands of mentions made searching its list quadratic.
        var places: [Set<SourceLocation>] = []
        // Room for every draft as a line of its own: growing them as lines came was 0,5 % of a
        // run over generated minutes (callgrind).
        byYearAndAmount.reserveCapacity(drafts.count)
        result.reserveCapacity(drafts.count)
        places.reserveCapacity(drafts.count)
        for draft in drafts {
            let line = draft.line
            // Money that only moves is written twice, out of one place and into another ("Fra
            // Social- og Handicapudvalget -2.300 / Til Sundheds- og Omsorgsudvalget 2.300", a
            // merudgift met by an equal mindreudgift): one move, listed once with its gross amount.
            if line.net == 0, line.amount != 0,
                let index = byYearAndAmount[MergeKey(line.year, -line.amount)]?.first(tableCellsToo: true, where: { result[$0].line.net == 0 })
            {
                if result[index].line.amount < 0 {
                    let fromTable = result[index].fromTable
                    byYearAndAmount[MergeKey(result[index].line.year, result[index].line.amount)]?.remove(index, fromTable: fromTable)
                    result[index].line.amount = line.amount
                    result[index].line.quote = line.quote
                    byYearAndAmount[MergeKey(result[index].line.year, line.amount), default: Candidates()].insert(index, fromTable: fromTable)
                }
                if !result[index].line.rule.hasSuffix(Self.counterEntryRule) { result[index].line.rule += " + " + Self.counterEntryRule }
                // In place: a copy of the line would copy its list of places at every merge.
                result[index].line.sources.append(contentsOf: line.sources)
                places[index].formUnion(line.sources)
                continue
            }
            let key = MergeKey(line.year, line.amount)
            // Two table cells are never one line, so a table cell looks among text lines only.
            guard
                let index = byYearAndAmount[key]?.first(tableCellsToo: !draft.fromTable, where: {
                    let existing = result[$0].line
                    return (existing.net == 0) == (line.net == 0) && !places[$0].contains(line.sources[0])
                        && (existing.area == nil || line.area == nil || existing.area == line.area)
                })
            else {
                byYearAndAmount[key, default: Candidates()].insert(result.count, fromTable: draft.fromTable)
                result.append(draft)
                places.append(Set(line.sources))
                continue
            }
            if !result[index].line.rule.hasSuffix(Self.mergeRule) { result[index].line.rule += " + " + Self.mergeRule }
            result[index].line.sources.append(contentsOf: line.sources)
            places[index].formUnion(line.sources)
            // A grant is what the body decides, and what its financing is checked against: a
            // grant's kind is kept when the same money is also called a merudgift or the like.
            // Otherwise Økonomiske konsekvenser is the official statement: its kind wins.
            let existingKind = result[index].line.kind
            let economyWins = draft.section == .economy && result[index].section != .economy
            if existingKind == .unknown
                || (line.kind != .unknown && (line.kind.isGrant == existingKind.isGrant ? economyWins : line.kind.isGrant))
            {
                result[index].line.kind = line.kind
            }
            if result[index].line.financing == .notStated { result[index].line.financing = line.financing }
            if result[index].line.area == nil { result[index].line.area = line.area }
            if result[index].line.periodYears.count < line.periodYears.count { result[index].line.periodYears = line.periodYears }
            if draft.section == .economy { result[index].section = .economy }
        }
        return result
    }

    /// The earlier lines of one year and amount, in order, those from text and those from tables
    /// apart: a table with one value in every row made a search of all of them quadratic.
    struct Candidates {
        private var text: [Int] = []
        private var table: [Int] = []

        /// The first line that satisfies `predicate`, among text lines and, if asked, table lines.
        func first(tableCellsToo: Bool, where predicate: (Int) -> Bool) -> Int? {
            let fromText = text.first(where: predicate)
            guard tableCellsToo else { return fromText }
            for index in table {
                if let fromText, index > fromText { break }
                if predicate(index) { return index }
            }
            return fromText
        }

        mutating func insert(_ index: Int, fromTable: Bool) {
            if fromTable { table.insertInOrder(index) } else { text.insertInOrder(index) }
        }

        mutating func remove(_ index: Int, fromTable: Bool) {
            if fromTable { table.removeAll { $0 == index } } else { text.removeAll { $0 == index } }
        }
    }

    /// A line's year and amount (Decimal's hash is that of its value: 2,5 and 2,50 are one key).
    struct MergeKey: Hashable {
        let year: Int?
        let amount: Decimal

        init(_ year: Int?, _ amount: Decimal) {
            self.year = year
            self.amount = amount
        }
    }

    /// The name a merged line's rule gains.
    public static let mergeRule = "MergeRepeatedAmount"
    /// The name a line's rule gains when a move's other side is merged into it.
    public static let counterEntryRule = "MergeCounterEntry"
}

extension Party {
    /// The category a rules file matches: own, municipality, other-municipalities, … (the
    /// ``code`` before its ":"; asked of every amount for every rule, so not split from it).
    public var category: String { Self.categories[categoryIndex] }

    /// Every category, in the order of ``categoryIndex``.
    static let categories = ["own", "municipality", "other-municipalities", "municipalities", "region", "state", "kkr", "fund", "other"]

    /// The index of the party's category in ``categories``.
    var categoryIndex: Int {
        switch self {
        case .own: 0
        case .municipality: 1
        case .otherMunicipalities: 2
        case .municipalities: 3
        case .region: 4
        case .state: 5
        case .kkr: 6
        case .fund: 7
        case .other: 8
        }
    }
}

extension Financing {
    /// The category a rules file matches: not-stated, cash, within-frame, pool, unsettled (the
    /// ``code`` before its ":").
    public var category: String { Self.categories[categoryIndex] }

    /// Every category, in the order of ``categoryIndex``.
    static let categories = ["not-stated", "cash", "within-frame", "pool", "unsettled"]

    /// The index of the financing's category in ``categories``.
    var categoryIndex: Int {
        switch self {
        case .notStated: 0
        case .cash: 1
        case .withinFrame: 2
        case .pool: 3
        case .unsettled: 4
        }
    }
}

extension Array where Element == Int {
    /// Inserts `value` into an ascending array, keeping it ascending.
    fileprivate mutating func insertInOrder(_ value: Int) {
        // Nearly always the largest yet: appended without a search.
        if let last, last > value { insert(value, at: firstIndex { $0 > value } ?? endIndex) } else { append(value) }
    }
}
