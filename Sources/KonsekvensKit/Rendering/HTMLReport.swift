import Foundation

/// Renders an ``AnalysisReport`` as one self-contained HTML page (README, "HTML"): the
/// bevillingsoversigt per item and year, a bar chart of the kommune's own net budget impact,
/// the cases that passed through several meetings, the findings, the amounts others pay, and
/// each document's reconciliation.
///
/// The page needs nothing outside itself: inline CSS, an inline SVG, no script, no font or
/// image to fetch, and no link off the page, so it can be mailed or archived as it is. It holds
/// no date or time of the run, so the same input gives the same bytes. Every text that comes
/// from a document is escaped.
public enum HTMLReport {
    /// The whole page, from `<!DOCTYPE html>` to `</html>`, ending in a newline.
    ///
    /// Made by the same ``Stream`` as the streamed page (``StreamedReport``), with its pieces
    /// kept in memory.
    public static func render(_ report: AnalysisReport) -> String {
        Stream.render(report)
    }

    static let pageStart = "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>Konsekvens – rapport</title>\n<style>\n\(style)</style>\n</head>\n<body>\n<main>\n"
    static let pageEnd = "</main>\n</body>\n</html>\n"

    // MARK: - Title and summary

    /// What the header says of the run.
    struct RunFacts {
        var counts = ItemCounts()
        var errors: [ReadError] = []
        var statusFilter = StatusFilter.all
        var rulesOrigin: String?
        var populationTable: String?
        var unusedRules: [String] = []
        var shownLines = 0, countedLines = 0
        var filter = CorpusFilter()
        var filteredOut = 0
        var hasImpacts = false
        var hasCases = false
    }

    /// The title, what was read, what is shown, and the rules and population table used.
    static func header(_ run: RunFacts) -> String {
        var out = "<header>\n<h1>Konsekvens – rapport</h1>\n"
        out += "<p class=\"lead\">" + run.counts.sentence
        out += run.errors.isEmpty ? ".</p>\n" : "; \(run.errors.count) filer kunne ikke læses.</p>\n"
        var facts: [String] = []
        if let rules = run.rulesOrigin {
            let shown = run.statusFilter == .all ? "alle foreslåede budgetlinjer" : "kun godkendte budgetlinjer"
            facts.append("Viser <strong>\(shown)</strong>.")
            facts.append("Regler: <code>\(escape(rules))</code>.")
            if let population = run.populationTable { facts.append("Befolkningstal: <code>\(escape(population))</code>.") }
            if !run.unusedRules.isEmpty {
                let names = run.unusedRules.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")
                facts.append("Regler der ikke placerede noget beløb: \(names).")
            }
            let shownCount = run.shownLines, counted = run.countedLines
            var lines = "\(shownCount) budgetlinjer vist, \(counted) medregnet"
            if shownCount > counted { lines += " (\(shownCount - counted) afløst af et senere møde i samme sag)" }
            facts.append(lines + ".")
        } else {
            facts.append("Ingen regler anvendt: ingen budgetlinjer.")
        }
        if !run.filter.isEmpty {
            var parts: [String] = []
            if let from = run.filter.from { parts.append("fra \(from)") }
            if let to = run.filter.to { parts.append("til \(to)") }
            if let body = run.filter.body { parts.append("organ: \(escape(body))") }
            facts.append("Filter: \(parts.joined(separator: ", ")); \(run.filteredOut) dokumenter udeladt.")
        }
        out += "<ul class=\"facts\">\n" + facts.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
        if !run.errors.isEmpty {
            out += "<h2>Fejl</h2>\n<ul class=\"errors\">\n"
            for error in run.errors { out += "<li><code>\(escape(error.description))</code></li>\n" }
            out += "</ul>\n"
        }
        var links: [(String, String)] = []
        if run.hasImpacts {
            links += [("diagram", "Budgetvirkning"), ("bevillinger", "Bevillingsoversigt")]
            if run.hasCases { links.append(("sager", "Sager på flere møder")) }
            links += [("fund", "Fund"), ("kontekst", "Andres beløb"), ("oevrige", "Øvrige beløb")]
        }
        links.append(("dokumenter", "Dokumenter og afstemning"))
        out += "<nav>" + links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " · ") + "</nav>\n</header>\n"
        return out
    }

    // MARK: - Bevillingsoversigt

    /// What the page shows and adds up of a shown budget line.
    struct PageLine {
        var source: String
        var itemNumber: Int?
        var itemTitle: String
        var caseNumber: String?
        var meetingBody: String?
        var meetingDate: MeetingDate?
        var year: Int?
        var amount: Decimal
        var net: Decimal
        var kind: AmountKind
        var status: DecisionStatus
        var decidedBy: String?
        var periodYears: [Int]
        /// The lines of the amounts the budget line rests on.
        var sourceLines: [Int]
        /// Filled in when the run is over.
        var supersededBy: String?
    }

    /// An item's shown budget lines: one row of the overview. Lines a later meeting superseded
    /// form a row of their own, greyed and left out of the totals.
    struct OverviewRow {
        var lines: [PageLine]
        var first: PageLine { lines[0] }
        var supersededBy: String? { first.supersededBy }
    }

    /// One document's shown lines grouped by item, in order.
    static func overviewRows(_ lines: [PageLine]) -> [OverviewRow] {
        var rows: [OverviewRow] = []
        var index: [String: Int] = [:]
        for line in lines {
            let key = [line.source, line.itemNumber.map(String.init) ?? "", line.itemTitle, line.supersededBy ?? ""]
                .joined(separator: "\u{0}")
            if let at = index[key] {
                rows[at].lines.append(line)
            } else {
                index[key] = rows.count
                rows.append(OverviewRow(lines: [line]))
            }
        }
        return rows
    }

    /// The overview's start: the note and the table's head; or that there is nothing to show.
    static func overviewHead(columns: Columns?) -> String {
        var out = "<section id=\"bevillinger\">\n<h2>Bevillingsoversigt</h2>\n"
        guard let columns else { return out + "<p>Ingen budgetlinjer at vise.</p>\n</section>\n" }
        out += "<p class=\"note\">Kommunens egen budgetvirkning (netto) i kr. pr. punkt og år: + udgift, − besparelse eller indtægt. "
        out += "Hvor bruttobeløbet er et andet (frigivelse, omplacering, finansiering af en pulje), står det under nettoet."
        if columns.undated { out += " Totaler uden årsfordeling (fx en anlægsbevillings projektsum) står i egen kolonne og indgår ikke i I alt." }
        out += " Grå rækker er afløst af et senere møde i samme sag og er ikke medregnet.</p>\n"
        out += "<div class=\"scroll\">\n<table class=\"overview\">\n<thead>\n<tr><th>Punkt, møde og sag</th>" + columns.headers
        out += "</tr>\n</thead>\n<tbody>\n"
        return out
    }

    /// The overview's end: the counted total.
    static func overviewFoot(counted: Sums, columns: Columns) -> String {
        "</tbody>\n<tfoot>\n" + totalRow("I alt, netto (medregnet)", sums: counted, columns: columns, grand: true)
            + "</tfoot>\n</table>\n</div>\n</section>\n"
    }

    /// The figure columns of the overview and the totals: the years present, a column for
    /// totals without a year when there are any, and I alt.
    struct Columns {
        var years: [Int]
        var undated: Bool

        var headers: String {
            years.map { "<th class=\"num\">\($0)</th>" }.joined() + (undated ? "<th class=\"num\">Uden år</th>" : "")
                + "<th class=\"num\">I alt</th>"
        }
    }

    static func overviewRow(_ row: OverviewRow, columns: Columns) -> String {
        let line = row.first
        var out = row.supersededBy == nil ? "<tr>" : "<tr class=\"superseded\">"
        let number = line.itemNumber.map { "Punkt \($0): " } ?? ""
        out += "<td class=\"item\"><span class=\"title\">\(escape(number + line.itemTitle))</span>"
        var meeting = escape(line.meetingBody ?? "ukendt organ") + " " + (line.meetingDate?.description ?? "uden dato")
        if let caseNumber = line.caseNumber { meeting += " · <span class=\"case\">sag \(escape(caseNumber))</span>" }
        out += "<span class=\"meeting\">\(meeting)</span>"
        let kinds = unique(row.lines.map { kindLabel($0.kind) }).joined(separator: ", ")
        let statuses = unique(row.lines.map { statusLabel($0.status) + ($0.decidedBy.map { " (\(escape($0)))" } ?? "") })
        out += "<span class=\"meta\">\(kinds) · \(statuses.joined(separator: ", "))</span>"
        out += "<span class=\"source\">\(escape(sourceReference(line.source, lines: row.lines.flatMap(\.sourceLines))))</span>"
        if let later = row.supersededBy {
            out += "<span class=\"badge\">afløst af \(escape(later)): ikke medregnet</span>"
        }
        out += "</td>"
        for year in columns.years {
            out += amountCell(row.lines.filter { $0.year == year })
        }
        if columns.undated {
            out += undatedCell(row.lines.filter { $0.year == nil })
        }
        let dated = row.lines.filter { $0.year != nil }
        out += "<td class=\"num total\">\(dated.isEmpty ? "" : DanishFormat.kroner(dated.map(\.net).sum))</td>"
        return out + "</tr>\n"
    }

    /// The cell of totals without a year: one figure per kind and period, net with gross
    /// beneath when they differ.
    static func undatedCell(_ lines: [PageLine]) -> String {
        guard !lines.isEmpty else { return "<td class=\"num\"></td>" }
        var groups: [(label: String, lines: [PageLine])] = []
        for line in lines {
            let label = kindLabel(line.kind) + ", " + (line.periodYears.isEmpty ? "uden år" : yearSpan(line.periodYears))
            if let at = groups.firstIndex(where: { $0.label == label }) {
                groups[at].lines.append(line)
            } else {
                groups.append((label, [line]))
            }
        }
        var out = "<td class=\"num\">"
        for group in groups {
            let net = group.lines.map(\.net).sum, gross = group.lines.map(\.amount).sum
            out += "<span class=\"value\">\(DanishFormat.kroner(net))</span>"
            if gross != net { out += "<span class=\"gross\">brutto \(DanishFormat.kroner(gross))</span>" }
            out += "<span class=\"gross\">\(group.label)</span>"
        }
        return out + "</td>"
    }

    /// A year's cell: the net sum, and the gross sum beneath it when they differ.
    static func amountCell(_ lines: [PageLine]) -> String {
        guard !lines.isEmpty else { return "<td class=\"num\"></td>" }
        let net = lines.map(\.net).sum, gross = lines.map(\.amount).sum
        var out = "<td class=\"num\">\(DanishFormat.kroner(net))"
        if gross != net { out += "<span class=\"gross\">brutto \(DanishFormat.kroner(gross))</span>" }
        return out + "</td>"
    }

    /// Net sums of some lines, added line by line: per year, without a year (nil when no line
    /// lacks one), and of the lines with a year.
    struct Sums {
        var years: [Int: Decimal] = [:]
        var undated: Decimal?
        var dated: Decimal = 0

        mutating func add(_ line: PageLine) {
            if let year = line.year {
                years[year, default: 0].add(line.net)
                dated.add(line.net)
            } else {
                undated = (undated ?? 0).plus(line.net)
            }
        }
    }

    static func totalRow(_ label: String, sums: Sums, columns: Columns, grand: Bool) -> String {
        var out = grand ? "<tr class=\"grand\">" : "<tr>"
        out += "<th scope=\"row\">\(escape(label))</th>"
        for year in columns.years {
            out += "<td class=\"num\">\(DanishFormat.kroner(sums.years[year] ?? 0))</td>"
        }
        if columns.undated {
            out += "<td class=\"num\">\(sums.undated.map(DanishFormat.kroner) ?? "")</td>"
        }
        return out + "<td class=\"num total\">\(DanishFormat.kroner(sums.dated))</td></tr>\n"
    }

    /// What the chart and the totals add up of the lines that count.
    struct CountedTotals {
        var all = Sums()
        var byKind: [AmountKind: Sums] = [:]
        /// Net per year and kind as the chart draws it, added in report order.
        var chart: [Int: [AmountKind: Double]] = [:]
        var count = 0

        mutating func add(_ line: PageLine) {
            count += 1
            all.add(line)
            byKind[line.kind, default: Sums()].add(line)
            if let year = line.year { chart[year, default: [:]][line.kind, default: 0] += double(line.net) }
        }
    }

    /// The counted lines' totals per kind and year, the figures the chart draws.
    static func totalsTable(_ counted: CountedTotals, columns: Columns) -> String {
        guard counted.count > 0 else { return "" }
        var out = "<div class=\"scroll\">\n<table class=\"totals\">\n<thead>\n<tr><th>Art</th>" + columns.headers + "</tr>\n</thead>\n<tbody>\n"
        for kind in AmountKind.allCases {
            guard let ofKind = counted.byKind[kind] else { continue }
            out += totalRow(kindLabel(kind), sums: ofKind, columns: columns, grand: false)
        }
        out += "</tbody>\n<tfoot>\n" + totalRow("I alt, netto", sums: counted.all, columns: columns, grand: true)
        return out + "</tfoot>\n</table>\n</div>\n"
    }

    // MARK: - Chart

    /// The run's totals: the chart, then the same figures per kind and year as a table.
    static func chartSection(_ counted: CountedTotals, columns: Columns) -> String {
        var out = "<section id=\"diagram\">\n<h2>Budgetvirkning pr. år og art</h2>\n"
        if let svg = chart(counted.chart) {
            out += "<p class=\"note\">Kommunens egen nettobudgetvirkning af de medregnede budgetlinjer, stablet efter art: "
            out += "udgifter over nullinjen, besparelser og indtægter under. Tallet ved søjlen er årets netto.</p>\n"
            out += svg
        } else {
            out += "<p>Ingen medregnede budgetlinjer med år at vise.</p>\n"
        }
        return out + totalsTable(counted, columns: columns) + "</section>\n"
    }

    /// A stacked bar per year of `net`, the counted net per year and kind: each kind's net
    /// above the axis when positive, below when negative; nil when there is nothing to draw.
    static func chart(_ net: [Int: [AmountKind: Double]]) -> String? {
        let years = net.keys.sorted()
        let kinds = AmountKind.allCases.filter { kind in years.contains { (net[$0]?[kind] ?? 0) != 0 } }
        guard !years.isEmpty, !kinds.isEmpty else { return nil }

        let width = 1200.0, height = 440.0
        let left = 110.0, right = 960.0, top = 30.0, bottom = 380.0
        var highest = 0.0, lowest = 0.0
        for year in years {
            let values = net[year, default: [:]].values
            highest = max(highest, values.filter { $0 > 0 }.reduce(0, +))
            lowest = min(lowest, values.filter { $0 < 0 }.reduce(0, +))
        }
        let ticks = niceTicks(low: lowest, high: highest)
        let tickLow = ticks.first ?? 0, tickHigh = ticks.last ?? 1
        func y(_ value: Double) -> Double { top + (tickHigh - value) / (tickHigh - tickLow) * (bottom - top) }

        var out = "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\" "
        out += "width=\"\(coordinate(width))\" height=\"\(coordinate(height))\">\n"
        out += "<title id=\"chart-title\">Kommunens egen nettobudgetvirkning pr. år og art</title>\n"
        let totals = years.map { year in "\(year): \(kroner(net[year, default: [:]].values.reduce(0, +))) kr." }
        out += "<desc id=\"chart-desc\">Stablede søjler pr. budgetår, netto i kr. \(totals.joined(separator: "; ")).</desc>\n"
        // Grid and y-axis labels.
        for tick in ticks {
            let at = coordinate(y(tick))
            out += "<line class=\"\(tick == 0 ? "axis" : "grid")\" x1=\"\(coordinate(left))\" y1=\"\(at)\" x2=\"\(coordinate(right))\" y2=\"\(at)\"/>"
            out += "<text class=\"tick\" x=\"\(coordinate(left - 8))\" y=\"\(at)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(kroner(tick))</text>\n"
        }
        out += "<text class=\"label\" transform=\"translate(16 \(coordinate((top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">kr., netto</text>\n"
        out += "<text class=\"label\" x=\"\(coordinate((left + right) / 2))\" y=\"\(coordinate(height - 8))\" text-anchor=\"middle\">Budgetår</text>\n"
        // Bars.
        let slot = (right - left) / Double(years.count)
        let barWidth = min(72, slot * 0.6)
        for (position, year) in years.enumerated() {
            let x = left + slot * Double(position) + (slot - barWidth) / 2
            var up = 0.0, down = 0.0
            out += "<g>\n"
            for kind in kinds {
                let value = net[year]?[kind] ?? 0
                guard value != 0 else { continue }
                let from = value > 0 ? up : down
                let to = from + value
                if value > 0 { up = to } else { down = to }
                let y0 = y(max(from, to)), y1 = y(min(from, to))
                out += "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(y0))\" width=\"\(coordinate(barWidth))\" "
                out += "height=\"\(coordinate(max(y1 - y0, 0.5)))\" fill=\"\(color(kind))\">"
                out += "<title>\(year) · \(kindLabel(kind)): \(kroner(value)) kr.</title></rect>\n"
            }
            let total = up + down
            let labelY = total >= 0 ? y(up) - 6 : y(down) + 14
            out += "<text class=\"sum\" x=\"\(coordinate(x + barWidth / 2))\" y=\"\(coordinate(labelY))\" text-anchor=\"middle\">\(kroner(total))</text>\n"
            out += "<text class=\"tick\" x=\"\(coordinate(x + barWidth / 2))\" y=\"\(coordinate(bottom + 20))\" text-anchor=\"middle\">\(year)</text>\n"
            out += "</g>\n"
        }
        // Legend.
        out += "<g class=\"legend\">\n"
        for (position, kind) in kinds.enumerated() {
            let ly = top + 4 + Double(position) * 24
            out += "<rect x=\"\(coordinate(right + 30))\" y=\"\(coordinate(ly))\" width=\"14\" height=\"14\" fill=\"\(color(kind))\"/>"
            out += "<text x=\"\(coordinate(right + 52))\" y=\"\(coordinate(ly + 7))\" dominant-baseline=\"middle\">\(kindLabel(kind))</text>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// Round steps (1, 2, 2,5 or 5 times a power of ten, at least 1 kr.) from below the lowest
    /// value to above the highest, always through zero.
    static func niceTicks(low: Double, high: Double) -> [Double] {
        let low = min(low, 0)
        let high = max(high, 0) == low ? 1 : max(high, 0)
        let rough = (high - low) / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = max(1, [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude)
        let first = floor(low / step), last = ceil(high / step)
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// One colour per kind, fixed so the legend reads the same in every report.
    static func color(_ kind: AmountKind) -> String {
        switch kind {
        case .supplementaryGrant: "#4e79a7"
        case .constructionGrant: "#f28e2b"
        case .availableAmount: "#e15759"
        case .release: "#76b7b2"
        case .reallocation: "#59a14f"
        case .carryOver: "#edc948"
        case .coFinancing: "#b07aa1"
        case .subsidy: "#ff9da7"
        case .saving: "#9c755f"
        case .additionalExpense: "#d37295"
        case .additionalIncome: "#86bcb6"
        case .reducedIncome: "#a0cbe8"
        case .reducedExpense: "#8cd17d"
        case .unknown: "#9d9690"
        }
    }

    // MARK: - Cases

    /// The cases with budget lines that passed through several meetings: each meeting's
    /// decision and figure, and the one that counts. Cases without money (the standing items
    /// "Godkendelse af dagsorden", "Underskriftsark") are only counted.
    /// A step's figure is that of the lines `statusFilter` shows.
    static func casesSection(_ cases: CaseTrackList, statusFilter: StatusFilter, emit: (String) throws -> Void) throws {
        guard !cases.isEmpty else { return }
        let withMoney = cases.count(withLinesShownBy: statusFilter)
        var out = "<section id=\"sager\">\n<h2>Sager behandlet på flere møder</h2>\n"
        out += "<p class=\"note\">Samme sagsnummer på flere møder: sagens beløb tælles én gang, ved den seneste beslutning "
        out += "(samme dag: det øverste organ). De tidligere møders budgetlinjer vises gråt i oversigten."
        let without = cases.count - withMoney
        if without > 0 { out += " \(without) sager på flere møder uden budgetlinjer (fx faste punkter som godkendelse af dagsorden) er ikke vist." }
        out += "</p>\n"
        guard withMoney > 0 else { return try emit(out + "</section>\n") }
        out += "<div class=\"scroll\">\n<table class=\"cases\">\n<thead>\n<tr><th>Sag</th><th>Punkt</th><th>Forløb</th>"
        out += "<th class=\"num\">Tæller, netto</th></tr>\n</thead>\n<tbody>\n"
        try emit(out)
        try cases.forEach { track in
            guard track.hasLines(shownBy: statusFilter) else { return }
            var out = "<tr><td class=\"case\">\(escape(track.shownNumber))</td><td>\(escape(track.counted.title))</td><td><ol class=\"path\">"
            for (index, step) in track.steps.enumerated() {
                let counted = index == track.countedIndex
                out += counted ? "<li class=\"counted\">" : "<li>"
                out += "<strong>\(escape(step.meeting))</strong>: \(statusLabel(step.status)); \(figure(step.figures[statusFilter]))"
                if counted {
                    out += " <span class=\"counts\">tæller</span>"
                } else if step.figures[statusFilter].hasLines {
                    out += " <span class=\"badge\">ikke medregnet</span>"
                }
                let item = step.itemNumber.map { "punkt \($0)" } ?? "punkt –"
                out += "<span class=\"source\">\(escape(step.source)), \(item)</span></li>"
            }
            try emit(out + "</ol></td><td class=\"num total\">\(figure(track.counted.figures[statusFilter], short: true))</td></tr>\n")
        }
        try emit("</tbody>\n</table>\n</div>\n</section>\n")
    }

    /// A meeting's figure for a case: its yearly net in kroner ("netto 1.600.000 kr.").
    static func figure(_ figure: CaseTrack.Figure, short: Bool = false) -> String {
        guard figure.hasLines else { return short ? "–" : "ingen budgetlinjer" }
        let net = DanishFormat.kroner(figure.datedNet)
        return short ? net : "netto \(net) kr."
    }

    // MARK: - Findings

    /// The findings of one severity: the head of their table, before `count` rows.
    static func findingsHead(_ severity: Finding.Severity, count: Int) -> String {
        var out = severity == .note ? "<details>\n" : "<details open>\n"
        out += "<summary class=\"\(severity.rawValue)\">\(severityLabel(severity)) (\(count))</summary>\n"
        out += "<div class=\"scroll\">\n<table class=\"findings\">\n<thead>\n<tr><th>Kode</th><th>Punkt</th><th>Besked</th><th>Kilde</th></tr>\n</thead>\n<tbody>\n"
        return out
    }

    static let findingsFoot = "</tbody>\n</table>\n</div>\n</details>\n"

    static func findingRow(_ finding: Finding) -> String {
        let item = (finding.itemNumber.map { "\($0): " } ?? "") + finding.itemTitle
        var out = "<tr><td><code>\(escape(finding.code))</code></td><td class=\"item\">\(escape(item))</td>"
        out += "<td>\(escape(finding.messageDanish))</td>"
        out += "<td class=\"source\">\(escape(sourceReference(finding.source, lines: finding.locations.map(\.line))))</td></tr>\n"
        return out
    }

    // MARK: - Others' money

    /// A row per amount of one document that is not in a budget line, of those `kept` selects:
    /// its payer, figure, words, years, kind, item, the rule that placed it (or "uplaceret")
    /// and its source.
    static func amountRows(_ document: Document, impact: DocumentImpact, where kept: (AmountPlacement) -> Bool) -> [String] {
        let placements = impact.placements.filter(kept)
        guard !placements.isEmpty else { return [] }
        var itemOf: [SourceLocation: AgendaItem] = [:]
        for item in document.items { for amount in item.amounts { itemOf[amount.location] = item } }
        // Each row into bytes: appending a String per piece was a sixth of writing the page of
        // generated minutes (callgrind).
        let source = escape(document.source)
        let row = ByteBuffer(capacity: 512)
        return placements.map { placement in
            let reason: String
            switch placement.disposition {
            case .context(let rule): reason = rule
            case .budgetLine: reason = placement.rule ?? "budget-line"
            case .unplaced: reason = "uplaceret"
            }
            let amount = placement.amount
            row.removeAll()
            row.append(literal: "<tr><td>")
            appendEscaped(payerLabel(amount.payer), to: row)
            row.append(literal: "</td><td class=\"num\">")
            row.append(DanishFormat.kroner(amount.value))
            row.append(literal: "</td><td class=\"quote\">")
            appendEscaped(amount.text, to: row)
            row.append(literal: "</td><td>")
            row.append(amount.years.isEmpty ? "–" : yearSpan(amount.years))
            row.append(literal: "</td><td>")
            row.append(kindLabel(amount.kind))
            row.append(literal: "</td><td class=\"item\">")
            if let item = itemOf[amount.location] {
                if let number = item.number {
                    row.appendDigits(number)
                    row.append(literal: ": ")
                }
                appendEscaped(item.title, to: row)
            }
            row.append(literal: "</td><td><code>")
            appendEscaped(reason, to: row)
            row.append(literal: "</code></td><td class=\"source\">")
            row.append(source)
            row.append(literal: ":")
            row.appendDigits(amount.location.line)
            row.append(literal: "</td></tr>\n")
            return row.withBytes(0..<row.count) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Amounts kept as context that someone other than the kommune pays: shown so the reader
    /// sees the whole deal, never summed.
    static func contextRows(_ document: Document, impact: DocumentImpact) -> [String] {
        amountRows(document, impact: impact) { $0.amount.payer != .own }
    }

    /// The kommune's own amounts that are in no budget line (the story around a decision,
    /// totals, rates, and what no rule placed): shown so that every amount found is on the
    /// page, never summed.
    static func ownOtherRows(_ document: Document, impact: DocumentImpact) -> [String] {
        amountRows(document, impact: impact) { $0.amount.payer == .own && $0.disposition != .budgetLine }
    }

    static let amountsTableHead = "<div class=\"scroll\">\n<table class=\"context\">\n<thead>\n<tr><th>Betaler</th><th class=\"num\">Kr.</th><th>Som skrevet</th>"
        + "<th>År</th><th>Art</th><th>Punkt</th><th>Regel</th><th>Kilde</th></tr>\n</thead>\n<tbody>\n"
    static let contextStart = "<section id=\"kontekst\">\n<h2>Beløb som andre betaler</h2>\n"
    static let contextNone = "<p>Ingen beløb betalt af andre.</p>\n</section>\n"
    static let contextHead = "<p class=\"note\">Andre kommuners, regionens, statens og fondes beløb, som punkterne nævner. "
        + "De er kontekst: vist, aldrig lagt sammen med kommunens egne.</p>\n" + amountsTableHead
    static let contextFoot = "</tbody>\n</table>\n</div>\n</section>\n"
    static let ownOtherStart = "<section id=\"oevrige\">\n<h2>Kommunens øvrige beløb</h2>\n"
    static let ownOtherNone = "<p>Alle kommunens beløb står i budgetlinjer.</p>\n</section>\n"

    /// The head of the kommune's amounts outside budget lines, `count` of them, folded.
    static func ownOtherHead(count: Int) -> String {
        "<p class=\"note\">Beløb i punkterne, som ikke er budgetlinjer: baggrund, totaler, satser og beløb, ingen regel "
            + "placerede. De vises, så hvert fundet beløb kan findes, og lægges aldrig sammen.</p>\n"
            + "<details>\n<summary>\(count) beløb</summary>\n" + amountsTableHead
    }

    static let ownOtherFoot = "</tbody>\n</table>\n</div>\n</details>\n</section>\n"

    // MARK: - Documents and reconciliation

    /// The head of the table of documents; its reconciliation columns when rules were applied.
    static func documentsHead(hasImpacts: Bool) -> String {
        var out = "<section id=\"dokumenter\">\n<h2>Dokumenter og afstemning</h2>\n"
        if hasImpacts {
            out += "<p class=\"note\">Hvert beløb i et dokument er placeret præcis én gang: "
            out += "beløb fundet = i budgetlinjer + kontekst + uplacerede.</p>\n"
        }
        out += "<div class=\"scroll\">\n<table class=\"documents\">\n<thead>\n<tr><th>Dokument</th><th>Møde</th><th class=\"num\">Punkter</th>"
        if hasImpacts {
            out += "<th class=\"num\">Beløb fundet</th><th class=\"num\">= i budgetlinjer</th><th class=\"num\">+ kontekst</th>"
            out += "<th class=\"num\">+ uplacerede</th><th>Afstemning</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        return out
    }

    static let noDocuments = "<section id=\"dokumenter\">\n<h2>Dokumenter og afstemning</h2>\n<p>Ingen dokumenter.</p>\n</section>\n"

    /// A document's row up to its reconciliation cells.
    static func documentRow(_ document: Document) -> String {
        var out = "<tr><td class=\"source\">\(escape(document.source))<span class=\"meta\">\(document.encoding.rawValue), "
        out += "\(document.format.rawValue)</span></td><td>\(escape(document.meeting.body ?? "ukendt organ")) "
        out += "<span class=\"date\">\(document.meeting.date?.description ?? "uden dato")</span></td>"
        out += "<td class=\"num\">\(document.items.count)</td>"
        return out
    }

    /// A document's reconciliation cells.
    static func reconciliationCells(_ balance: Reconciliation) -> String {
        var out = "<td class=\"num\">\(balance.found)</td><td class=\"num\">\(balance.inBudgetLines)</td>"
        out += "<td class=\"num\">\(balance.context)</td><td class=\"num\">\(balance.unplaced)</td>"
        out += balance.balances ? "<td class=\"balanced\">stemmer</td>" : "<td class=\"unbalanced\">STEMMER IKKE</td>"
        return out
    }

    static let noReconciliationCells = "<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td>–</td>"
    static let documentsFoot = "</tbody>\n</table>\n</div>\n"
    static let warningsHead = "<h3>Advarsler fra læsningen</h3>\n<ul class=\"diagnostics\">\n"

    static func warningRows(_ document: Document) -> [String] {
        document.diagnostics.filter { $0.severity == .warning }.map { diagnostic in
            "<li><span class=\"source\">\(escape(document.source)):\(diagnostic.location.line)</span> "
                + "<code>\(escape(diagnostic.code))</code> \(escape(diagnostic.message))</li>\n"
        }
    }

    // MARK: - Words and numbers

    /// "Fixtures/x.md:77,119": the file once, then its lines in order.
    static func sourceReference(_ source: String, lines: [Int]) -> String {
        let numbers = Set(lines).sorted().map(String.init)
        return numbers.isEmpty ? source : "\(source):\(numbers.joined(separator: ","))"
    }

    static func kindLabel(_ kind: AmountKind) -> String { kind == .unknown ? "uden art" : kind.rawValue }

    static func statusLabel(_ status: DecisionStatus) -> String {
        switch status {
        case .approved: "godkendt"
        case .approvedWithConditions: "godkendt med betingelse"
        case .recommended: "anbefalet"
        case .noted: "taget til efterretning"
        case .rejected: "afvist"
        case .postponed: "udsat"
        case .sentBack: "sendt tilbage"
        case .none: "ingen beslutning"
        }
    }

    static func severityLabel(_ severity: Finding.Severity) -> String {
        switch severity {
        case .error: "Fejl"
        case .warning: "Advarsler"
        case .note: "Bemærkninger"
        }
    }

    static func payerLabel(_ payer: Party) -> String {
        switch payer {
        case .own: "kommunen selv"
        case .municipality(let name): name.fastLowercased().hasSuffix("kommune") ? name : "\(name) Kommune"
        case .otherMunicipalities: "de øvrige kommuner"
        case .municipalities: "kommunerne samlet"
        case .region(let name): name.fastLowercased().contains("region") ? name : "Region \(name)"
        case .state: "staten"
        case .kkr: "KKR"
        case .fund(let name): "fond: \(name)"
        case .other(let name): name
        }
    }

    /// "2021–2024" for consecutive years, else the years listed.
    static func yearSpan(_ years: [Int]) -> String { MarkdownReport.yearSpan(years) }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// A chart value in Danish kroner, rounded to whole kroner ("1.600.000").
    static func kroner(_ value: Double) -> String {
        // Decimal, not Int: a hostile amount may not fit in an Int.
        var exact = Decimal(value.rounded()), rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return DanishFormat.kroner(rounded)
    }

    /// An SVG coordinate with one decimal, written the same on every machine ("12.5").
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return value < 0 ? "-1000000000000" : "1000000000000" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Escapes the five characters that HTML reads as markup, in text and in attribute values.
    ///
    /// On UTF-8 bytes: each is ASCII, and no byte of a longer character is one. (By Characters,
    /// a "<" or a quote with a combining mark after it was one Character, and let through.)
    static func escape(_ text: String) -> String {
        escaping(text, needs: needsEscaping) { appendEscaped($0, to: $1) }
    }

    /// ``escape(_:)`` of `text`, appended to `out`.
    static func appendEscaped(_ text: String, to out: ByteBuffer) {
        appendEscaping(text, to: out, needs: needsEscaping) { appendEscaped($0, to: $1) }
    }

    /// Whether UTF-8 `bytes` hold a byte ``escape(_:)`` writes as an entity.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
    }

    /// The bytes of ``escape(_:)`` of UTF-8 `bytes`, appended to `out`.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out.append(literal: "&amp;")
            case UInt8(ascii: "<"): out.append(literal: "&lt;")
            case UInt8(ascii: ">"): out.append(literal: "&gt;")
            case UInt8(ascii: "\""): out.append(literal: "&quot;")
            case UInt8(ascii: "'"): out.append(literal: "&#39;")
            default: out.append(byte)
            }
        }
    }

    /// The page's only styling: system fonts, tables that fit the width, figures right-aligned
    /// in tabular digits, and print that keeps every section.
    static let style = """
        :root { color-scheme: light; --ink: #1d2329; --muted: #5f6b76; --rule: #d5dbe1; --band: #f4f6f8; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1240px; margin: 0 auto; padding: 24px 20px 48px; }
        h1 { font-size: 1.75rem; margin: 0 0 .4rem; }
        h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
        p.lead { font-size: 1.1rem; margin: 0 0 .4rem; }
        p.note { color: var(--muted); font-size: .9rem; margin: 0 0 .8rem; max-width: 62rem; }
        ul.facts { margin: 0 0 .8rem; padding-left: 1.2rem; }
        nav { font-size: .92rem; padding: .5rem .7rem; background: var(--band); border-radius: 4px; }
        a { color: #1f5fa8; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .86em; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .86rem; }
        th, td { padding: 5px 7px; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
        thead th { background: var(--band); border-bottom: 2px solid #9aa6b1; white-space: nowrap; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.total, th.total { font-weight: 600; }
        table.overview, table.totals { font-size: .8rem; }
        table.overview th, table.overview td, table.totals th, table.totals td { padding: 4px 5px; }
        table.overview td.item { min-width: 14rem; width: 24%; padding-right: 10px; }
        td.item .title { display: block; font-weight: 600; }
        td.item .meeting { display: block; font-size: .92em; }
        .case { white-space: nowrap; }
        .meta, .source { display: block; color: var(--muted); font-size: .86em; }
        .source { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
        td.source { display: table-cell; }
        .gross { display: block; color: var(--muted); font-size: .8em; white-space: normal; }
        .value { display: block; }
        .badge { display: inline-block; margin-top: 2px; padding: 0 5px; border-radius: 3px; background: #e4e7ea; color: #4a545d; font-size: .8em; }
        tr.superseded td { color: #8a939b; background: #fafafa; }
        tr.superseded td.num { text-decoration: line-through; text-decoration-color: #b9c0c6; }
        tr.superseded .title { font-weight: 400; }
        tbody tr:hover td { background: #f7f9fb; }
        tfoot th, tfoot td { background: var(--band); border-bottom: 1px solid var(--rule); font-weight: 500; }
        tfoot tr:first-child th, tfoot tr:first-child td { border-top: 2px solid #9aa6b1; }
        tfoot tr.grand th, tfoot tr.grand td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: 2px solid var(--ink); }
        svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
        svg.chart .grid { stroke: #e3e7eb; stroke-width: 1; }
        svg.chart .axis { stroke: var(--ink); stroke-width: 1.5; }
        svg.chart text { fill: var(--ink); font-size: 13px; }
        svg.chart .tick { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
        svg.chart .sum { font-size: 12px; font-weight: 600; }
        svg.chart .label { fill: var(--muted); font-size: 12px; }
        ol.path { margin: 0; padding-left: 1.2rem; }
        ol.path li { margin-bottom: 4px; }
        ol.path li:not(.counted) { color: var(--muted); }
        details { margin: .6rem 0; }
        summary { cursor: pointer; font-weight: 600; padding: .3rem 0; }
        summary.error { color: #b3261e; }
        summary.warning { color: #8a5a00; }
        summary.note { color: #35618f; }
        td.quote { white-space: nowrap; }
        td.unbalanced { color: #b3261e; font-weight: 700; }
        td.balanced { color: #1f7a3a; }
        .date { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .counts { display: inline-block; padding: 0 5px; border-radius: 3px; background: #dcefe2; color: #1f7a3a; font-size: .8em; }
        table.cases td.case { white-space: nowrap; }
        table.context td:first-child { min-width: 8rem; }
        ul.diagnostics { font-size: .9rem; }
        @media print { main { max-width: none; padding: 0; } nav { display: none; } details > summary { list-style: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }

        """
}
