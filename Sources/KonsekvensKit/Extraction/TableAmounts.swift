import Foundation

/// Amounts in tables. A table with a column per year gives one amount per cell, each with its
/// year, scaled by the unit its caption or header gives ("Beløb i 1.000 kr."); a bare number is
/// an amount there. Other tables are read cell by cell as text.
enum TableAmounts {
    static func amounts(
        in table: Table, caption: [Line], section: SectionKind, municipality: String?, horizon: ClosedRange<Int>?
    ) -> [Amount] {
        var cache = TokenCache()
        return read(table, caption: caption, section: section, municipality: municipality, horizon: horizon, tokens: &cache).amounts
    }

    /// The table's amounts, and the cells too large to be read as amounts; `cache` is the
    /// run's ``TokenCache``.
    static func read(
        _ table: Table, caption: [Line], section: SectionKind, municipality: String?, horizon: ClosedRange<Int>?,
        tokens cache: inout TokenCache
    ) -> (amounts: [Amount], unread: [UnreadAmount]) {
        guard let (headerIndex, yearColumns) = yearHeader(of: table) else {
            if let found = unitTableAmounts(in: table, caption: caption, section: section) {
                return found
            }
            var amounts: [Amount] = []
            var unread: [UnreadAmount] = []
            for cell in table.rows.flatMap(\.cells) {
                let found = ParagraphAmounts.read(
                    [cell], section: section, municipality: municipality, horizon: horizon, tokens: &cache)
                amounts += found.amounts
                unread += found.unread
            }
            return (amounts, unread)
        }
        let captionText = (unitCaption(caption) + table.rows[...headerIndex].flatMap { $0.cells.map(\.text) })
            .joined(separator: " ")
        // A unit may also stand in a row's label ("I alt (beløb i mio. kr.)"); with none stated,
        // the cells are read as kroner and their unit is "", which TableUnitNotStated names.
        let (power, unit) = statedScale(in: captionText)
            ?? statedScale(in: table.rows[(headerIndex + 1)...].compactMap { $0.cells.first?.text }.filter(isUnitDeclaration).joined(separator: " "))
            ?? (0, "")
        // "| Mio. kr. | 2025 | 2026 | 2027 | I alt |": a column that sums the year columns.
        let totalColumns = table.rows[headerIndex].cells.indices.filter { column in
            return column > 0 && isTotalLabel(table.rows[headerIndex].cells[column].text)
        }
        let allYears = yearColumns.map(\.1).sorted()
        let captionKind = caption.suffix(3).lazy.compactMap(Self.kindOfRows(named:)).first
        var amounts: [Amount] = []
        var unread: [UnreadAmount] = []
        for row in table.rows[(headerIndex + 1)...] {
            guard let labelCell = row.cells.first else { continue }
            let label = bareNumber(labelCell.text) == nil ? labelCell.text : ""
            let lowerLabel = label.fastLowercased()
            let isTotal = isTotalLabel(label)
            let labelWords = lowerLabel.split(whereSeparator: { !$0.isLetter }).map(String.init)
            let area = labelWords.compactMap(BudgetArea.init(word:)).first
            // A caption's anlæg money (a frigivelse, a rådighedsbeløb) is not its drift rows'.
            let kind = labelWords.compactMap(ClauseContext.kind(of:)).first ?? captionKind.flatMap { $0.fits(area) ? $0 : nil } ?? .unknown
            // "Træk på kassebeholdningen": a row that names its financing has it.
            let financing: Financing = cashWords.occursAny(inLowercased: lowerLabel) ? .cash : .notStated
            let cellUnder = cells(of: row, under: table.rows[headerIndex], labelled: !label.isEmpty)
            for (headerColumn, year) in yearColumns {
                guard let cell = cellUnder(headerColumn) else { continue }
                let number = bareNumber(cell.text)
                if isOutOfRange(cell.text, number: number, power: power) {
                    unread.append(UnreadAmount(text: cell.text, location: cell.location, section: section))
                    continue
                }
                guard let number, number != 0 else { continue }
                var amount = Amount(
                    text: cell.text, value: number.shifted(byPowerOfTen: power), unit: unit, location: cell.location, section: section,
                    years: [year], recurrence: .annual, payer: .own, kind: kind, financing: financing,
                    isTotal: isTotal, area: area, rowLabel: label.isEmpty ? nil : label, pattern: Amount.yearTableCell)
                amount.sign = isTotal ? .context : Sign.of(amount)
                amounts.append(amount)
            }
            for headerColumn in totalColumns {
                guard let cell = cellUnder(headerColumn) else { continue }
                let number = bareNumber(cell.text)
                if isOutOfRange(cell.text, number: number, power: power) {
                    unread.append(UnreadAmount(text: cell.text, location: cell.location, section: section))
                    continue
                }
                guard let number, number != 0 else { continue }
                var amount = Amount(
                    text: cell.text, value: number.shifted(byPowerOfTen: power), unit: unit, location: cell.location, section: section,
                    years: allYears, recurrence: .totalOverPeriod, payer: .own, kind: kind, financing: .notStated,
                    isTotal: true, area: area, rowLabel: label.isEmpty ? nil : label, pattern: "table-total-column")
                amount.sign = .context
                amounts.append(amount)
            }
        }
        return (amounts, unread)
    }

    /// A table without year columns whose caption or header declares a unit ("Beløb i 1.000
    /// kr."): each number is an amount, labelled by its row and column; a year in the column's
    /// header ("Korrigeret budget 2025") is its year. Nil when no unit is declared.
    static func unitTableAmounts(in table: Table, caption: [Line], section: SectionKind) -> (amounts: [Amount], unread: [UnreadAmount])? {
        guard let header = table.rows.first, table.rows.count > 1 else { return nil }
        let captionText = (unitCaption(caption) + header.cells.map(\.text)).joined(separator: " ")
        let (power, unit) = self.scale(in: captionText)
        guard power > 0 || captionText.fastLowercased().includes("beløb i kr") else { return nil }
        // Each column's year and whether it is a total, read once for the table, not for every
        // cell under it: splitting the header's Characters for every cell was a sixtieth of
        // reading Greve's meetings (callgrind).
        let columns = header.cells.map { cell in
            let year = cell.text.split(whereSeparator: { !$0.isASCIIDigitCharacter }).lazy.compactMap { Int($0) }.first { (1990...2100).contains($0) }
            return (label: cell.text, years: year.map { [$0] } ?? [], isTotal: isTotalLabel(cell.text))
        }
        let beyondHeader = (label: "", years: [Int](), isTotal: isTotalLabel(""))
        let deviation = deviationColumn(of: columns)
        var amounts: [Amount] = []
        var unread: [UnreadAmount] = []
        for row in table.rows.dropFirst() {
            guard let labelCell = row.cells.first else { continue }
            let label = bareNumber(labelCell.text) == nil ? labelCell.text : ""
            let rowIsTotal = isTotalLabel(label)
            for (column, cell) in row.cells.enumerated() where column > 0 || label.isEmpty {
                let number = bareNumber(cell.text)
                if isOutOfRange(cell.text, number: number, power: power) {
                    unread.append(UnreadAmount(text: cell.text, location: cell.location, section: section))
                    continue
                }
                guard let number, number != 0 else { continue }
                let heading = column < columns.count ? columns[column] : beyondHeader
                let labels = [label, heading.label].filter { !$0.isEmpty }.joined(separator: " / ")
                let deviationYear = deviation.flatMap { $0.column == column ? $0.year : nil }
                var amount = Amount(
                    text: cell.text, value: number.shifted(byPowerOfTen: power), unit: unit, location: cell.location, section: section,
                    years: deviationYear.map { [$0] } ?? heading.years, recurrence: deviationYear == nil ? .unknown : .oneTime,
                    payer: .own, kind: .unknown, financing: .notStated, isTotal: rowIsTotal || heading.isTotal,
                    rowLabel: labels.isEmpty ? nil : labels, pattern: deviationYear == nil ? "unit-table-cell" : deviationPattern)
                amount.sign = amount.isTotal ? .context : Sign.of(amount)
                amounts.append(amount)
            }
        }
        return (amounts, unread)
    }

    /// Words of a row label that name the kommune's cash as the row's financing.
    /// " kassen" as a word: "a-kassen" is an unemployment fund's.
    static let cashWords = NeedleSet(["kassebeholdning", " kassen", "likvide midler"])

    /// The pattern of a budget follow-up's deviation from its year's budget (see
    /// ``deviationColumn(of:)``): the year's change, granted or not (``TableCellKinds``).
    static let deviationPattern = "deviation-table-cell"

    /// The column of a budget follow-up's deviations, and their year: "| Udvalg | Korrigeret
    /// budget 2025 | Forventet regnskab 2025 | Afvigelse |", where the other columns are levels
    /// of one year, and the deviation the change. Nil unless one column is a deviation in
    /// kroner ("afvigelse", "mer-/mindreforbrug", not "Afvigelse (%)"), or one of several names
    /// the tillægsbevilling ("Afvigelse TB"), and the columns' years are one.
    static func deviationColumn(of columns: [(label: String, years: [Int], isTotal: Bool)]) -> (column: Int, year: Int)? {
        let years = Set(columns.flatMap(\.years))
        guard years.count == 1, let year = years.first else { return nil }
        let deviations = columns.indices.filter { column in
            let label = columns[column].label.fastLowercased()
            return column > 0 && !columns[column].isTotal && deviationWords.occursAny(inLowercased: label) && !label.contains("%")
                && !label.includes("pct")
        }
        if deviations.count == 1 { return (deviations[0], year) }
        let granted = deviations.filter { column in
            let label = columns[column].label.fastLowercased()
            return label.includes("tillægsbevilling") || label.split(whereSeparator: { !$0.isLetter }).contains("tb")
        }
        return granted.count == 1 ? (granted[0], year) : nil
    }

    static let deviationWords = NeedleSet(["afvigelse", "merforbrug", "mindreforbrug", "mer-/mindre"])

    /// The kind a caption line gives a year table's rows. A kind that turns a row's sign (a
    /// merudgift, mindreudgift, merindtægt, mindreindtægt or besparelse) only where the line
    /// declares the table's unit and names one such kind ("Mindreudgifter (1.000 kr.)"): a legend
    /// of the signs ("+ = merudgift, – = mindreudgift") or a sentence about an amount of its own
    /// ("Merindtægten på 3,58 mia. kr. tilføres kassebeholdningen", "Der forventes en besparelse
    /// på 23,4 mio. kr. årligt") names none, and ``TableCellKinds`` reads each cell by its sign.
    ///
    /// Any other kind, the first the line names, only where it is the one kind the line names
    /// besides budget effects, or the line names only anlæg money (an anlægsbevilling, its
    /// rådighedsbeløb, their frigivelse: "Med indstillingen søges frigivelse af den samlede
    /// anlægsbevilling på 5,05 mio. kr. med en fordeling af rådighedsbeløb som følger:"). A line
    /// that mixes kinds describes rows of several: Sorø's "Der søges om en anlægsbevilling på 11,8
    /// mio. kr. De afsatte rådighedsbeløb … frigives …" above its table made every row an
    /// anlægsbevilling, its drift savings too.
    static func kindOfRows(named line: Line) -> AmountKind? {
        let (first, named) = ClauseContext.kinds(inWordsOf: line.text)
        guard let kind = first else { return nil }
        // (A merudgift beside the kind is what the money does: "Tillægsbevilling til merudgifter".)
        let others = named.filter { !$0.isBudgetEffect }
        guard kind.turnsSign else { return others.count == 1 || others.allSatisfy(\.isInvestment) ? kind : nil }
        guard !line.text.contains("="), !unitCaption([line]).isEmpty, !statesAnAmount(line.text) else { return nil }
        // "Mindreudgifter og merudgifter (1.000 kr.)" names both signs: a legend too.
        return named.filter(\.turnsSign).count == 1 ? kind : nil
    }

    /// Whether a line states an amount of money, not only a unit ("(1.000 kr.)"): "Der forventes
    /// en besparelse på 24.517 t.kr. i 2024." speaks of its own money, and gives a table's rows
    /// below no kind as "Tabel 1. Mindreudgifter (1.000 kr.)" does. (Asked only of a caption
    /// line that declares a unit and names one sign-turning kind.)
    static func statesAnAmount(_ text: String) -> Bool {
        MoneyScanner.scan(Tokenizer.tokens(of: Array(text.utf8))).contains { !$0.isUnitDeclaration }
    }

    /// The paragraph before a table declares its unit only in a short last line ("Beløb i 1.000
    /// kr."); a "mio. kr." in the running text above is no caption.
    static func unitCaption(_ caption: [Line]) -> [String] {
        guard let last = caption.last, last.text.count <= 80, isUnitDeclaration(last.text) else { return [] }
        return [last.text]
    }

    /// Whether a short text declares a table's unit ("Beløb i 1.000 kr.", "(mio. kr.)").
    static func isUnitDeclaration(_ text: String) -> Bool {
        let lower = text.fastLowercased().withPlainSpaces
        return unitDeclarations.contains(where: { lower.includes($0) })
    }

    static let unitDeclarations = ["beløb", "i 1.000", "(1.000", "i 1000", "(1000", "i mio", "(mio", "t.kr", "tkr", "i hele kr", "i kr.", "(kr."]

    static func isTotalLabel(_ label: String) -> Bool {
        let lower = label.trimmed.fastLowercased()
        return lower.startsWithBytes("i alt") || lower.startsWithBytes("total") || lower.startsWithBytes("samlet") || lower.startsWithBytes("netto i alt")
            || lower.endsWithBytes(" i alt") || lower == "i alt"
    }

    /// The row's cell under each header cell. A header without the label column ("\t2025\t2026"
    /// in PDF text) is one cell short: its columns line up with the row's from the right. A row
    /// with fewer cells than its header (PDF text drops empty cells) is matched by position:
    /// each number to the header cell it stands under, so "Drift  300        400" puts 400 in
    /// the third year, not the second. Where position says nothing, the order of cells decides.
    static func cells(of row: TableRow, under header: TableRow, labelled: Bool) -> (Int) -> Line? {
        let shift = max(0, row.cells.count - header.cells.count)
        let byOrder: (Int) -> Line? = { column in column + shift < row.cells.count ? row.cells[column + shift] : nil }
        guard row.cells.count < header.cells.count, header.location.line != row.location.line else { return byOrder }
        func span(_ cell: Line) -> ClosedRange<Int> { cell.location.column...(cell.location.column + max(0, cell.text.count - 1)) }
        func distance(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Int {
            a.overlaps(b) ? 0 : min(abs(a.lowerBound - b.upperBound), abs(b.lowerBound - a.upperBound))
        }
        var assigned: [Int: Line] = [:]
        for cell in row.cells.dropFirst(labelled ? 1 : 0) {
            let nearest = header.cells.indices.min { distance(span(header.cells[$0]), span(cell)) < distance(span(header.cells[$1]), span(cell)) }
            guard let nearest, distance(span(header.cells[nearest]), span(cell)) <= 3, assigned[nearest] == nil else { return byOrder }
            assigned[nearest] = cell
        }
        return { assigned[$0] }
    }

    /// The first row with two or more year cells, and the column of each year.
    static func yearHeader(of table: Table) -> (Int, [(Int, Int)])? {
        for (index, row) in table.rows.enumerated().prefix(3) {
            var columns: [(Int, Int)] = []
            for (column, cell) in row.cells.enumerated() {
                guard let year = year(inCell: cell.text) else { continue }
                columns.append((column, year))
            }
            if columns.count >= 2 { return (index, columns) }
        }
        return nil
    }

    /// The year a header cell names: four digits, 1990–2100, with at most two letters ("2025",
    /// "B2026", "2027*"), not parted by a decimal or thousands separator ("2,059" is a number). A cell of scalars below U+0300 is read on its scalars, each a
    /// Character of its own (no mark joins one to the one before; "\r\n" is one, but neither a
    /// digit nor a letter, as "\r" and "\n" are not): filtering Characters was a twentieth of
    /// reading a Greve meeting (callgrind), and still a sixtieth of reading all of them for
    /// the cells with a letter or space beyond ASCII and four digits. So is a cell of fewer
    /// than four digit bytes ("Område", "Beløb i 1.000 kr" has four), since every ASCII-digit
    /// Character is one digit byte.
    static func year(inCell text: String) -> Int? {
        var text = text
        let read = text.withUTF8 { bytes -> Int?? in
            var digits = 0, letters = 0, value = 0
            // A scalar from U+0300 on may join the one before it into a Character.
            var mayJoin = false
            // "2,059", "2.059", "2 059": a separator within the digits makes a number, not a year.
            var separated = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x30...0x39:
                    digits += 1
                    if digits <= 4 { value = value * 10 + Int(byte - 0x30) }
                case 0x41...0x5A, 0x61...0x7A: letters += 1
                case 0x2C, 0x2E, 0x20: if digits > 0, digits < 4 { separated = true }
                case 0x80...:
                    let (scalar, length) = Unicode.Scalar.decoded(in: bytes, at: index)
                    if scalar.value >= 0x300 {
                        mayJoin = true
                    } else if scalar.value == 0xA0 {
                        if digits > 0, digits < 4 { separated = true }
                    } else if scalar.isLetter {
                        letters += 1
                    }
                    index += length
                    continue
                default: break
                }
                index += 1
            }
            if mayJoin { return digits < 4 ? .some(nil) : nil }
            return digits == 4 && letters <= 2 && !separated && (1990...2100).contains(value) ? value : .some(nil)
        }
        if let read { return read }
        return yearByCharacters(text)
    }

    /// ``year(inCell:)`` by Characters, for any text.
    static func yearByCharacters(_ text: String) -> Int? {
        let digits = text.filter(\.isASCIIDigitCharacter)
        let letters = text.filter(\.isLetter)
        guard digits.count == 4, letters.count <= 2, let year = Int(digits), (1990...2100).contains(year),
            !text.contains(where: { $0 == "," || $0 == "." || $0 == " " || $0 == "\u{A0}" })
                || text.split(whereSeparator: { !$0.isASCIIDigitCharacter }).count == 1
        else { return nil }
        return year
    }

    /// The unit a caption declares, as the power of ten it multiplies by: "1.000 kr." or "t.kr."
    /// → 3, "mio. kr." → 6.
    static func scale(in text: String) -> (power: Int, unit: String) {
        statedScale(in: text) ?? (0, "kr.")
    }

    /// The unit `text` declares: thousands, millions, or kroner where it names "kr" or "kroner"
    /// at all; nil where it names none.
    static func statedScale(in text: String) -> (power: Int, unit: String)? {
        let lower = text.fastLowercased().withPlainSpaces
        if lower.includes("1.000 kr") || lower.includes("1000 kr") || lower.includes("t.kr") || lower.includes("tkr")
            || lower.includes("1 000 kr") || lower.includes("t. kr")
        {
            return (3, "1.000 kr.")
        }
        if lower.includes("mio. kr") || lower.includes("mio.kr") || lower.includes("mio kr") || lower.includes("i mio") {
            return (6, "mio. kr.")
        }
        return lower.includes(" kr") || lower.startsWithBytes("kr") || lower.includes("(kr") || lower.includes("kroner") ? (0, "kr.") : nil
    }

    /// A cell whose number is too large to be an amount: more digits than are read, or over
    /// ``MoneyScanner/maximumValue`` kroner once scaled by the table's unit (10^`power`).
    /// `number` is the cell's ``bareNumber(_:)``, read once by the caller. A number has fewer
    /// digits than its cell has bytes, so only a long one is compared.
    static func isOutOfRange(_ text: String, number: Decimal?, power: Int) -> Bool {
        if let number {
            return text.utf8.count + power > 15 && abs(number.shifted(byPowerOfTen: power)) > MoneyScanner.maximumValue
        }
        var body = text.trimmed
        if body.startsWithBytes("("), body.endsWithBytes(")") { body = String(body.dropFirst().dropLast()).trimmed }
        if leadingSign(of: body) != nil { body = String(body.dropFirst()).trimmed }
        return DanishNumber.isTooLong(body)
    }

    /// The sign a cell's text starts with ("-", "–", "−", "÷" or "+") when it is a Character of
    /// its own, not one with a mark joined to it; asked of every cell, so by its first scalar
    /// before its first Character.
    static func leadingSign(of text: String) -> Unicode.Scalar? {
        guard let first = text.unicodeScalars.first, "-–−÷+".unicodeScalars.contains(first),
            text.first?.unicodeScalars.count == 1
        else { return nil }
        return first
    }

    /// A table cell's number: "1.250", "-250", "– 250", "÷ 310", "(250)", "1 250", "0,0"; nil
    /// for text, a dash or an empty cell.
    static func bareNumber(_ text: String) -> Decimal? {
        var body = text.trimmed
        var negative = false
        if body.startsWithBytes("("), body.endsWithBytes(")") {
            negative = true
            body = String(body.dropFirst().dropLast()).trimmed
        }
        if let sign = leadingSign(of: body) {
            if sign != "+" { negative = true }
            body = String(body.dropFirst()).trimmed
        }
        guard !body.isEmpty, let value = DanishNumber.parse(body) else { return nil }
        return negative ? -value : value
    }
}
