/// The result of a run: the documents read, what the rules made of them, and the files that
/// could not be read. Everything is sorted by source path, so reports do not depend on the
/// order the files were given in.
public struct AnalysisReport: Sendable {
    public var documents: [Document]
    /// The rule engine's result per document, in the order of `documents`; empty when no
    /// rules were applied.
    public private(set) var impacts: [DocumentImpact]
    public var errors: [ReadError]
    /// Which budget lines the report shows and sums.
    public var statusFilter: StatusFilter
    /// Where the rules came from, the population table used, and placement rules that placed nothing.
    public var rulesOrigin: String?
    public var populationTable: String?
    public var unusedRules: [String]
    /// Cases that passed through more than one of the meetings, with the meeting that counts.
    public var cases: [CaseTrack]
    /// The filter applied, and how many documents it left out.
    public var filter: CorpusFilter
    public var filteredOut: Int

    public init(
        documents: [Document], impacts: [DocumentImpact] = [], errors: [ReadError], statusFilter: StatusFilter = .all,
        rulesOrigin: String? = nil, populationTable: String? = nil, unusedRules: [String] = [], cases: [CaseTrack] = [],
        filter: CorpusFilter = CorpusFilter(), filteredOut: Int = 0
    ) {
        self.documents = documents.sorted { $0.source < $1.source }
        self.impacts = impacts.sorted { $0.source < $1.source }
        self.errors = errors.sorted { $0.path < $1.path }
        self.statusFilter = statusFilter
        self.rulesOrigin = rulesOrigin
        self.populationTable = populationTable
        self.unusedRules = unusedRules
        self.cases = cases
        self.filter = filter
        self.filteredOut = filteredOut
    }

    /// The impact of a document, when rules were applied.
    public func impact(of document: Document) -> DocumentImpact? {
        // Impacts are sorted by source: a binary search, not a scan per document.
        var low = 0, high = impacts.count
        while low < high {
            let middle = (low + high) / 2
            if impacts[middle].source < document.source { low = middle + 1 } else { high = middle }
        }
        return low < impacts.count && impacts[low].source == document.source ? impacts[low] : nil
    }

    /// The budget lines the status filter lets through.
    public func shownLines(_ impact: DocumentImpact) -> [BudgetLine] {
        impact.budgetLines.filter(statusFilter.shows)
    }

    /// Every shown line of the run, in document order.
    public var allShownLines: [BudgetLine] { impacts.flatMap(shownLines) }

    /// The shown lines that count in totals: not superseded by a later meeting.
    public var countedLines: [BudgetLine] { allShownLines.filter { $0.supersededBy == nil } }

    /// Amounts paid by someone other than the analysed kommune, by document: context for the
    /// reader, never in the kommune's budget.
    public var othersMoney: [(source: String, placement: AmountPlacement)] {
        impacts.flatMap { impact in impact.placements.filter { $0.amount.payer != .own }.map { (impact.source, $0) } }
    }
}

/// Which budget lines a report shows: everything proposed, or approved only.
public enum StatusFilter: String, Sendable, Hashable, CaseIterable {
    case all
    case approved

    /// Whether a report with this filter shows the line.
    public func shows(_ line: BudgetLine) -> Bool { self == .all || line.status.isApproval }
}
