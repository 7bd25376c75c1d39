import Foundation

/// An amount of money found in the minutes, with what the words around it say about it.
///
/// A value type whose fields live in one shared box, copied when a copy is changed: an amount
/// is copied some fifteen times between extraction and the reports, and copying its Strings and
/// lists one by one was a twentieth of a run on generated minutes (callgrind).
public struct Amount: Sendable, Hashable {
    /// The amount as written ("32.083 kr.", "2,5 mio. kr.", a table cell "1.250").
    public var text: String {
        get { box.fields.text }
        set { update { $0.text = newValue } }
    }
    /// Kroner; for a range, the high value (the most it can cost).
    public var value: Decimal {
        get { box.fields.value }
        set { update { $0.value = newValue } }
    }
    /// For a range ("2-3 mio. kr."), its low and high values.
    public var low: Decimal? {
        get { box.fields.low }
        set { update { $0.low = newValue } }
    }
    public var high: Decimal? {
        get { box.fields.high }
        set { update { $0.high = newValue } }
    }
    /// "ca.", "cirka", "omkring", "anslået".
    public var approximate: Bool {
        get { box.fields.approximate }
        set { update { $0.approximate = newValue } }
    }
    /// The unit as written: "kr.", "mio. kr.", "t.kr.", or a table's "1.000 kr.".
    public var unit: String {
        get { box.fields.unit }
        set { update { $0.unit = newValue } }
    }
    public var location: SourceLocation {
        get { box.fields.location }
        set { update { $0.location = newValue } }
    }
    public var section: SectionKind {
        get { box.fields.section }
        set { update { $0.section = newValue } }
    }
    /// The budget years it applies to, in order; empty when the text gives none.
    public var years: [Int] {
        get { box.fields.years }
        set { update { $0.years = newValue } }
    }
    public var recurrence: Recurrence {
        get { box.fields.recurrence }
        set { update { $0.recurrence = newValue } }
    }
    public var payer: Party {
        get { box.fields.payer }
        set { update { $0.payer = newValue } }
    }
    public var kind: AmountKind {
        get { box.fields.kind }
        set { update { $0.kind = newValue } }
    }
    public var sign: Sign {
        get { box.fields.sign }
        set { update { $0.sign = newValue } }
    }
    public var financing: Financing {
        get { box.fields.financing }
        set { update { $0.financing = newValue } }
    }
    /// Set for a rate per unit ("85 kr. pr. m²"): a price, never summed as an amount.
    public var rate: String? {
        get { box.fields.rate }
        set { update { $0.rate = newValue } }
    }
    /// "samlet", "i alt", a table's "I alt" row: a total of other amounts.
    public var isTotal: Bool {
        get { box.fields.isTotal }
        set { update { $0.isTotal = newValue } }
    }
    /// How a total is split between payers ("efter befolkningstal"), when the text says.
    public var distributionKey: DistributionKey? {
        get { box.fields.distributionKey }
        set { update { $0.distributionKey = newValue } }
    }
    /// Drift or anlæg, where the text or the table row says.
    public var area: BudgetArea? {
        get { box.fields.area }
        set { update { $0.area = newValue } }
    }
    /// For a table cell: the row's label ("Drift", "Anlæg", "I alt").
    public var rowLabel: String? {
        get { box.fields.rowLabel }
        set { update { $0.rowLabel = newValue } }
    }
    /// The name of the pattern that recognised it ("number+scale+currency", "table-cell").
    public var pattern: String {
        get { box.fields.pattern }
        set { update { $0.pattern = newValue } }
    }

    public init(
        text: String, value: Decimal, low: Decimal? = nil, high: Decimal? = nil, approximate: Bool = false,
        unit: String, location: SourceLocation, section: SectionKind, years: [Int] = [],
        recurrence: Recurrence = .unknown, payer: Party = .own, kind: AmountKind = .unknown,
        sign: Sign = .expenditure, financing: Financing = .notStated, rate: String? = nil,
        isTotal: Bool = false, distributionKey: DistributionKey? = nil, area: BudgetArea? = nil, rowLabel: String? = nil, pattern: String
    ) {
        box = Box(
            Fields(
                text: text, value: value, low: low, high: high, approximate: approximate, unit: unit, location: location,
                section: section, years: years, recurrence: recurrence, payer: payer, kind: kind, sign: sign, financing: financing,
                rate: rate, isTotal: isTotal, distributionKey: distributionKey, area: area, rowLabel: rowLabel, pattern: pattern))
    }

    public static func == (a: Amount, b: Amount) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    private var box: Box

    /// Changes the fields, first copying them when another amount shares them.
    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    private struct Fields: Hashable {
        var text: String
        var value: Decimal
        var low: Decimal?
        var high: Decimal?
        var approximate: Bool
        var unit: String
        var location: SourceLocation
        var section: SectionKind
        var years: [Int]
        var recurrence: Recurrence
        var payer: Party
        var kind: AmountKind
        var sign: Sign
        var financing: Financing
        var rate: String?
        var isTotal: Bool
        var distributionKey: DistributionKey?
        var area: BudgetArea?
        var rowLabel: String?
        var pattern: String
    }

    /// Changed only through ``update(_:)``, when no other amount holds it.
    private final class Box: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }
}

/// How often an amount falls due.
public enum Recurrence: String, Sendable, Hashable, CaseIterable {
    /// "årligt", "om året", "pr. år": the amount in each of its years.
    case annual
    /// "engangsbeløb", "i 2024": once.
    case oneTime = "one-time"
    /// "i alt 2 mio. kr. over perioden 2022-2025": the sum over its years.
    case totalOverPeriod = "total-over-period"
    /// "fra 2023", "varigt": every year from its first to the horizon's end.
    case openEnded = "open-ended"
    /// "pr. måned": twelve times a year.
    case monthly
    /// "pr. kvartal": four times a year.
    case quarterly
    case unknown
}

/// Who pays an amount.
public enum Party: Sendable, Hashable {
    /// The analysed kommune itself.
    case own
    /// Another kommune, by name ("Næstved").
    case municipality(String)
    /// "de resterende kommuner", "de øvrige kommuner".
    case otherMunicipalities
    /// The kommuner together ("samlet kommunal finansiering").
    case municipalities
    case region(String)
    case state
    case kkr
    case fund(String)
    /// Someone named but not classified (a company, an association).
    case other(String)

    /// A stable text form for reports: "own", "municipality:Næstved", "region:Region Sjælland".
    public var code: String {
        switch self {
        case .own: "own"
        case .municipality(let name): "municipality:\(name)"
        case .otherMunicipalities: "other-municipalities"
        case .municipalities: "municipalities"
        case .region(let name): "region:\(name)"
        case .state: "state"
        case .kkr: "kkr"
        case .fund(let name): "fund:\(name)"
        case .other(let name): "other:\(name)"
        }
    }
}

/// What kind of money an amount is (../shared/DOMAIN.md). Code names in English; `rawValue`
/// is the Danish term used in data and reports.
public enum AmountKind: String, Sendable, Hashable, CaseIterable {
    case supplementaryGrant = "tillægsbevilling"
    case constructionGrant = "anlægsbevilling"
    case availableAmount = "rådighedsbeløb"
    case release = "frigivelse"
    case reallocation = "omplacering"
    case carryOver = "overførsel"
    case coFinancing = "medfinansiering"
    case subsidy = "tilskud"
    case saving = "besparelse"
    case additionalExpense = "merudgift"
    case additionalIncome = "merindtægt"
    case reducedIncome = "mindreindtægt"
    case reducedExpense = "mindreudgift"
    case unknown

    /// A tillægsbevilling or anlægsbevilling: an appropriation the body grants, not a
    /// description of money.
    public var isGrant: Bool { self == .supplementaryGrant || self == .constructionGrant }

    /// A budget effect or a besparelse: a kind whose name says which way the money goes, so a
    /// row given it by a sentence about other money would be turned.
    public var turnsSign: Bool { isBudgetEffect || self == .saving }

    /// An anlægsbevilling, rådighedsbeløb or frigivelse: anlæg money by what it is, never drift.
    public var isInvestment: Bool { self == .constructionGrant || self == .availableAmount || self == .release }

    /// Whether money of this kind can stand in `area`: anlæg money is no drift row's.
    public func fits(_ area: BudgetArea?) -> Bool { !(isInvestment && area == .drift) }

    /// A merudgift, mindreudgift, merindtægt or mindreindtægt: what money does to the budget,
    /// as a table's signs say it ("+ = merudgift, – = mindreudgift"), not what it is.
    public var isBudgetEffect: Bool {
        self == .additionalExpense || self == .reducedExpense || self == .additionalIncome || self == .reducedIncome
    }
}

/// The direction of an amount for the analysed kommune's budget.
public enum Sign: String, Sendable, Hashable {
    /// + : spending or lost income.
    case expenditure
    /// − : a saving or income.
    case income
    /// Paid by others, or a total: context only.
    case context
}

/// How an amount is financed.
public enum Financing: Sendable, Hashable {
    case notStated
    /// "kassebeholdningen", "likvide midler".
    case cash
    /// "inden for rammen", "eksisterende budget", "udgiftsneutral".
    case withinFrame
    /// A named pool or account ("puljen til …").
    case pool(String)
    /// "finansiering indenfor rammen undersøges": named, but not settled.
    case unsettled(String)

    /// A stable text form for reports.
    public var code: String {
        switch self {
        case .notStated: "not-stated"
        case .cash: "cash"
        case .withinFrame: "within-frame"
        case .pool(let name): "pool:\(name)"
        case .unsettled(let text): "unsettled:\(text)"
        }
    }
}

/// How a total is split between payers.
public enum DistributionKey: String, Sendable, Hashable {
    /// "efter befolkningstal", "efter indbyggertal".
    case population
    /// "fordelingsnøgle" without a stated basis.
    case unspecified
}

/// Drift (running costs) or anlæg (investments): kept apart in every total.
public enum BudgetArea: String, Sendable, Hashable {
    case drift
    case anlæg

    /// "drift…" or "anlæg…" (anlægsbevilling included), also after "netto" ("nettodriftsudgiften"),
    /// in lower case; Lokale og Anlægsfonden is a fund, no anlæg.
    ///
    /// Asked of the words around every amount: a word that starts with none of "d", "a" and "n"
    /// is none, on one byte (the stems' comparison for each word was 2 % of a run, callgrind).
    init?(word: some StringProtocol) {
        guard let first = word.utf8.first, first == UInt8(ascii: "d") || first == UInt8(ascii: "a") || first == UInt8(ascii: "n")
        else { return nil }
        let stem = word.startsWithBytes("netto") ? word.dropFirst(5) : word[...]
        if stem.startsWithBytes("drift") {
            self = .drift
        } else if stem.startsWithBytes("anlæg"), !stem.startsWithBytes("anlægsfond") {
            self = .anlæg
        } else {
            return nil
        }
    }
}

extension Amount {
    /// The amount as it adds to the kommune's budget: − for income and savings.
    public var signedValue: Decimal {
        let magnitude = value < 0 ? -value : value
        return sign == .income ? -magnitude : magnitude
    }

    /// Whether the amount is a table cell (a year cell, an I alt column, a unit table's cell).
    public var isFromTable: Bool { pattern.includes("table") }

    /// Whether the amount is a cell of a year table: a column per year ("table-cell"), or a
    /// budget follow-up's deviation the text grants as its year's tillægsbevilling.
    public var isYearTableCell: Bool { pattern == Self.yearTableCell || pattern == Self.grantedDeviation }

    /// The patterns of a year table's cell and of a granted deviation (``isYearTableCell``).
    public static let yearTableCell = "table-cell"
    public static let grantedDeviation = "granted-deviation-table-cell"
}
