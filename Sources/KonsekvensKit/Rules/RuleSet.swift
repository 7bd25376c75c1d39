import Foundation

/// The rules as data: placement rules that say what each amount becomes (budget lines, net-zero
/// lines, a period total, context), and checks that produce findings. The defaults ship in
/// `Resources/DefaultRules.json`; `--rules FILE` replaces or extends them.
public struct RuleSet: Sendable, Hashable {
    /// How a total over a period ("i alt 2 mio. kr. over perioden 2022-2025") becomes lines.
    public enum TotalsOverPeriod: String, Sendable, Hashable, CaseIterable {
        /// One line, flagged as a total over its years.
        case keepTotal = "keep-total"
        /// Split evenly over its years.
        case splitEvenly = "split-evenly"
    }

    public var totalsOverPeriod: TotalsOverPeriod
    /// Checked in order; the first rule whose `match` holds places the amount.
    public var placements: [PlacementRule]
    public var checks: [CheckRule]
    /// Checks the file turns off (`"enabled": false`); when it extends the defaults, theirs too.
    public var disabledChecks: Set<String> = []
    /// Where the rules came from, for messages.
    public var origin: String

    /// The default rules shipped with the library.
    public static func defaults() throws(RulesError) -> RuleSet {
        guard let url = Bundle.module.url(forResource: "DefaultRules", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else {
            throw RulesError(file: "DefaultRules.json", rule: nil, message: "the default rules are missing from the library")
        }
        return try RuleFileParser.parse(data, file: "DefaultRules.json")
    }

    /// Rules from a user's file: it replaces the defaults, or with `"extends": "default"` its
    /// placement rules come before the defaults' and its checks replace those of the same name.
    public static func load(contentsOf path: String) throws(RulesError) -> RuleSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RulesError(file: path, rule: nil, message: "cannot read the rules file")
        }
        let rules = try RuleFileParser.parse(data, file: path)
        guard RuleFileParser.extendsDefaults(data) else { return rules }
        var merged = try defaults()
        merged.origin = path + " + DefaultRules.json"
        if RuleFileParser.states("totalsOverPeriod", in: data) { merged.totalsOverPeriod = rules.totalsOverPeriod }
        merged.placements = rules.placements + merged.placements
        let replaced = Set(rules.checks.map(\.name)).union(rules.disabledChecks)
        merged.checks = rules.checks + merged.checks.filter { !replaced.contains($0.name) }
        return merged
    }
}

/// A rule that places amounts.
public struct PlacementRule: Sendable, Hashable {
    /// What an amount the rule matches becomes.
    public enum Produce: String, Sendable, Hashable, CaseIterable {
        /// One budget line per year of the amount's period.
        case budgetLines = "budget-lines"
        /// Budget lines listed with their gross amount and a net effect of zero.
        case netZero = "net-zero"
        /// One line for the whole period (an anlægsbevilling's project total).
        case periodTotal = "period-total"
        /// Shown in the report, never summed into the kommune's budget.
        case context
    }

    public var name: String
    public var description: String
    public var match: AmountMatch
    public var produce: Produce
}

/// What a placement rule matches. Every condition given must hold; an absent one always does.
public struct AmountMatch: Sendable, Hashable {
    public var sections: Set<SectionKind>?
    /// Payer categories: own, municipality, other-municipalities, municipalities, region,
    /// state, kkr, fund, other.
    public var payers: Set<String>?
    public var kinds: Set<AmountKind>?
    public var recurrences: Set<Recurrence>?
    public var signs: Set<String>?
    /// Financing categories: not-stated, cash, within-frame, pool, unsettled.
    public var financing: Set<String>?
    public var total: Bool?
    public var rate: Bool?
    public var fromTable: Bool?
    /// "none" or "some".
    public var hasYears: Bool?
    /// The amount's years all lie at least this many years before the meeting's year: 2 holds
    /// for "I 2021 blev der givet tillægsbevillinger på 7,8 mio. kr." in a meeting of 2023.
    public var yearsAgo: Int?
    /// Whether the item has a table with a column per year that states each of the amount's years.
    public var itemHasYearTable: Bool?
    public var decisions: Set<DecisionStatus>?
    /// Words that must stand in the item's decision ("finansiering").
    public var decisionWords: [String]?
    /// Words in a table cell's row label ("finansieret af").
    public var rowLabelWords: [String]?
    /// The extraction patterns that found the amount ("table-cell", "unit-table-cell", …).
    public var patterns: Set<String>?

    static let payerCategories: Set<String> = [
        "own", "municipality", "other-municipalities", "municipalities", "region", "state", "kkr", "fund", "other",
    ]
    static let financingCategories: Set<String> = ["not-stated", "cash", "within-frame", "pool", "unsettled"]
    static let signNames: Set<String> = ["expenditure", "income", "context"]
}

/// A check: a built-in test, named and configured in the rules file.
public struct CheckRule: Sendable, Hashable {
    /// The built-in tests a rules file can name.
    public enum Check: String, Sendable, Hashable, CaseIterable {
        case populationShare = "population-share"
        case financingStated = "financing-stated"
        case financingCondition = "financing-condition"
        case totalsAddUp = "totals-add-up"
        case tableTotals = "table-totals"
        case repeatedGrantDiffers = "repeated-grant-differs"
        case economyNone = "economy-none"
        case noneButAmount = "none-but-amount"
        case closedItem = "closed-item"
        case unplacedAmount = "unplaced-amount"
        case unreadAmount = "unread-amount"
        case approvalIsNotAGrant = "approval-is-not-a-grant"
        case tableUnit = "table-unit"
    }

    public var name: String
    public var check: Check
    public var severity: Finding.Severity
    /// For checks with an outcome that can also be fine (a share within tolerance): its severity.
    public var passSeverity: Finding.Severity?
    /// Kinds a check applies to (financing-stated), when limited.
    public var kinds: Set<AmountKind>?
    /// Tolerance of the population share, in kroner and in percent.
    public var toleranceKroner: Decimal?
    public var tolerancePercent: Decimal?
}

/// A rules file that cannot be used: names the file, the rule and what is wrong.
public struct RulesError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var rule: String?
    public var message: String

    public var description: String {
        "\(file): error: " + (rule.map { "rule '\($0)': " } ?? "") + message
    }
}
