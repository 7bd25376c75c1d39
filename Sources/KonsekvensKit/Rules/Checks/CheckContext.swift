import Foundation

/// What a check sees of one item: the document, the item, its budget lines and where each of
/// its amounts was placed.
///
/// A class, so that what several checks ask (the own amounts, whether the economy section says
/// none) is worked out once per item, not once per check (callgrind).
final class CheckContext {
    let document: Document
    let item: AgendaItem
    let lines: [BudgetLine]
    let placements: [AmountPlacement]
    let population: PopulationTable?

    init(document: Document, item: AgendaItem, lines: [BudgetLine], placements: [AmountPlacement], population: PopulationTable?) {
        self.document = document
        self.item = item
        self.lines = lines
        self.placements = placements
        self.population = population
    }

    /// A finding names at most this many of the lines or amounts behind it, and says so when
    /// there were more: one item of many thousand amounts must not give findings of thousands.
    static let listedLimit = 50

    func run(_ rule: CheckRule) -> [Finding] {
        switch rule.check {
        case .populationShare: ShareMatchesPopulation.run(rule, self)
        case .financingStated: GrantHasFinancing.run(rule, self)
        case .financingCondition: FinancingConditionOpen.run(rule, self)
        case .totalsAddUp: TotalMatchesYears.run(rule, self)
        case .tableTotals: TableRowsSumToTotal.run(rule, self)
        case .repeatedGrantDiffers: RepeatedGrantDiffers.run(rule, self)
        case .economyNone: EconomyStatesNone.run(rule, self)
        case .noneButAmount: NoneButOwnAmount.run(rule, self)
        case .closedItem: ClosedItemNotAnalysed.run(rule, self)
        case .unplacedAmount: AmountNotPlaced.run(rule, self)
        case .unreadAmount: AmountNotRead.run(rule, self)
        case .approvalIsNotAGrant: ApprovalIsNotAGrant.run(rule, self)
        case .tableUnit: TableUnitNotStated.run(rule, self)
        }
    }

    func finding(_ rule: CheckRule, _ severity: Finding.Severity? = nil, danish: String, english: String, at locations: [SourceLocation]) -> Finding {
        Finding(
            severity: severity ?? rule.severity, code: rule.name, messageDanish: danish, messageEnglish: english,
            source: document.source, itemNumber: item.number, itemTitle: item.title,
            locations: locations.isEmpty ? [item.location] : locations.sorted())
    }

    /// The kommune's own amounts in the text (not rates, not table totals).
    private(set) lazy var ownAmounts: [Amount] = {
        self.item.amounts.filter { $0.payer == .own && $0.rate == nil && !($0.isTotal && $0.isFromTable) }
    }()

    /// Whether Økonomiske konsekvenser says there are none ("Ingen.", "Sagen har ingen økonomiske konsekvenser").
    private(set) lazy var economySaysNone: Section? = {
        self.item.sections(.economy).first { section in
            // Every form says "ingen", which most sections do not: joining and normalising the
            // whole section, its tables' rows too, to look was a seventieth of a run over
            // generated minutes (callgrind). A table's cells are looked at one by one, as no
            // word spans the tab that joins them.
            guard section.blocks.contains(where: Self.mayHoldNone) else { return false }
            let text = SectionHeadings.normalized(section.text)
            return text == "ingen" || text.hasPrefix("ingen.") || text.hasPrefix("ingen ") && text.count < 40
                || text.includes("ingen økonomiske konsekvenser") || text.includes("ingen bevillingsmæssige konsekvenser")
        }
    }()

    private static let none = Array("ingen".utf8)

    private static func mayHoldNone(_ block: Block) -> Bool {
        switch block {
        case .paragraph(let lines): lines.contains { $0.text.containsFolded(none) }
        case .table(let table): table.rows.contains { row in row.cells.contains { $0.text.containsFolded(none) } }
        }
    }
}

/// "32.083 kr.", for messages.
func kroner(_ value: Decimal) -> String { DanishFormat.kroner(value) + " kr." }
