import Foundation

/// One line of the analysed kommune's budget impact: an item's amount in one year.
public struct BudgetLine: Sendable, Hashable {
    /// The document and item the line belongs to.
    public var source: String
    public var itemNumber: Int?
    public var itemTitle: String
    public var caseNumber: String?
    public var journalNumber: String?
    /// The meeting the line's item was decided at.
    public var meetingBody: String?
    public var meetingDate: MeetingDate?
    /// The budget year; nil for an amount kept as a total over its period.
    public var year: Int?
    /// Kroner, signed: + expenditure, − saving or income.
    public var amount: Decimal
    /// The budget effect: the amount, or zero for money that only moves (frigivelse,
    /// omplacering, "inden for rammen").
    public var net: Decimal
    public var kind: AmountKind
    public var area: BudgetArea?
    public var financing: Financing
    public var status: DecisionStatus
    /// The body that decided, and whether it can grant appropriations.
    public var decidedBy: String?
    public var decidedOn: MeetingDate?
    /// A total over several years, not a year's slice (the rules file decides which).
    public var isPeriodTotal: Bool
    /// For a period total, the years it covers.
    public var periodYears: [Int]
    /// The rule that made the line, and the one that merged repeats into it, if any.
    public var rule: String
    /// The lines of the amounts the line rests on.
    public var sources: [SourceLocation]
    /// The amount as first written ("32.083 kr.").
    public var quote: String
    /// Set when the same case was decided later at another meeting, whose figure counts
    /// instead: that meeting ("Byråd 2025-08-22"). Such a line is shown, never summed.
    public var supersededBy: String?
}

/// What a finding says about the minutes: something an auditor must look at.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// The check's name, the rule's `name` in the rules file ("GrantHasFinancing").
    public var code: String
    public var messageDanish: String
    public var messageEnglish: String
    public var source: String
    public var itemNumber: Int?
    public var itemTitle: String
    public var locations: [SourceLocation]
}

/// Where each amount of an item went: into budget lines, into context, or nowhere a rule
/// could place it. Every amount found is in exactly one of these.
public struct AmountPlacement: Sendable, Hashable {
    public enum Disposition: Sendable, Hashable {
        /// The amount is a source of a budget line.
        case budgetLine
        /// Paid by others, a total, a rate, or the story around the decision.
        case context(String)
        /// No rule matched.
        case unplaced
    }

    public var amount: Amount
    public var disposition: Disposition
    /// The rule that placed it.
    public var rule: String?
}

/// The rule engine's result for one document.
public struct DocumentImpact: Sendable, Hashable {
    public var source: String
    /// The amounts extraction found in the document, counted from its items.
    public var amountsFound: Int = 0
    public var budgetLines: [BudgetLine]
    public var placements: [AmountPlacement]
    public var findings: [Finding]

    /// Amounts found = sources of budget lines + context + unplaced: the report prints it.
    public var reconciliation: Reconciliation {
        var result = Reconciliation()
        result.found = amountsFound
        for placement in placements {
            switch placement.disposition {
            case .budgetLine: result.inBudgetLines += 1
            case .context: result.context += 1
            case .unplaced: result.unplaced += 1
            }
        }
        return result
    }
}

/// The balance of a document's amounts: every amount found is placed exactly once.
public struct Reconciliation: Sendable, Hashable {
    public var found = 0
    public var inBudgetLines = 0
    public var context = 0
    public var unplaced = 0

    /// Whether the parts add up to what was found.
    public var balances: Bool { found == inBudgetLines + context + unplaced }

    /// Adds another document's counts, for the run's sum.
    mutating func add(_ other: Reconciliation) {
        found += other.found
        inBudgetLines += other.inBudgetLines
        context += other.context
        unplaced += other.unplaced
    }
}
