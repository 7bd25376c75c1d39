/// TableUnitNotStated: a year table that states no unit (no "Beløb i 1.000 kr." above it, in
/// its header or in a row's label) is read as kroner; where its cells became budget lines and
/// some look counted in thousands or millions (below 10.000 kr.: "1,5", "300"),
/// the figures may be a thousand or a million times too small, so the table is named. A table
/// of "700.000" and "950.000" is taken to be in kroner.
enum TableUnitNotStated {
    static func run(_ rule: CheckRule, _ context: CheckContext) -> [Finding] {
        let cells = context.placements.lazy.filter { placement in
            placement.disposition == .budgetLine && placement.amount.unit.isEmpty && placement.amount.isFromTable
        }.map(\.amount)
        guard cells.contains(where: looksScaled) else { return [] }
        let listed = Array(cells.prefix(CheckContext.listedLimit))
        let values = listed.prefix(3).map(\.text).joined(separator: ", ") + (listed.count > 3 ? ", …" : "")
        return [
            context.finding(
                rule,
                danish: "Tabellen angiver ingen enhed (fx »Beløb i 1.000 kr.«); dens tal (\(values)) er læst som kroner. Tjek enheden.",
                english: "The table states no unit (such as »Beløb i 1.000 kr.«); its numbers (\(values)) were read as kroner. Check the unit.",
                at: listed.map(\.location))
        ]
    }

    /// A cell read as kroner that a table of a kommune's decisions in kroner would hardly hold:
    /// below 10.000 kr.
    static func looksScaled(_ cell: Amount) -> Bool { abs(cell.value) < 10_000 }
}
