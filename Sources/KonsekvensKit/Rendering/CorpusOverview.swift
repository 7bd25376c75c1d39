import Foundation

/// The Markdown bevillingsoversigt over all documents of a run: budget lines per item and year,
/// totals per kind, status, committee and drift/anlæg, cases through several meetings, findings
/// by severity, money paid by others, and the reconciliation of every amount.
enum CorpusOverview {
    static func render(_ report: AnalysisReport) -> String {
        var out = ""
        let shown = report.allShownLines
        let counted = report.countedLines
        out += "\n## Bevillingsoversigt\n\n"
        if shown.isEmpty {
            out += "Ingen budgetlinjer.\n"
        } else {
            out += overviewTable(shown, report: report)
            out += totals(counted)
        }
        out += casePaths(report)
        out += findings(report)
        out += othersMoney(report)
        out += reconciliation(report)
        return out
    }

    private static func e(_ text: String) -> String { MarkdownReport.escape(text) }
    private static func k(_ value: Decimal) -> String { DanishFormat.kroner(value) }

    /// A row per item, a column per year, I alt; period totals and superseded lines apart.
    private static func overviewTable(_ lines: [BudgetLine], report: AnalysisReport) -> String {
        let years = Set(lines.compactMap(\.year)).sorted()
        var out = "Beløb i kr., netto (+ udgift, − besparelse eller indtægt). Linjer fra et møde, hvis sag senere er behandlet "
        out += "på et andet møde, vises i kursiv og tælles ikke med; tallet fra det seneste møde tæller.\n\n"
        out += "| Møde | Sagsnr. | Punkt | " + years.map(String.init).joined(separator: " | ") + " | I alt | Kilde |\n"
        out += "|---|---|---|" + String(repeating: "--:|", count: years.count + 1) + "---|\n"
        var order: [String] = []
        var groups: [String: [BudgetLine]] = [:]
        for line in lines where line.year != nil {
            let key = "\(line.source)\u{0}\(line.itemNumber ?? -1)\u{0}\(line.itemTitle)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(line)
        }
        for key in order {
            let group = groups[key]!
            let first = group[0]
            let superseded = first.supersededBy != nil
            let meeting = [first.meetingBody, first.meetingDate?.description].compactMap { $0 }.joined(separator: " ")
            let title = "\(first.itemNumber.map { "\($0). " } ?? "")\(first.itemTitle)"
            let cells = years.map { year -> String in
                let inYear = group.filter { $0.year == year }
                return inYear.isEmpty ? "" : k(inYear.map(\.net).reduce(0, +))
            }
            let total = k(group.map(\.net).reduce(0, +))
            let sources = Set(group.flatMap { line in line.sources.map { "\(line.source):\($0.line)" } }).sorted()
            var row = "| \(e(meeting)) | \(e(first.caseNumber ?? "–")) | \(e(title)) | " + cells.joined(separator: " | ")
            row += " | \(total) | \(e(sources.joined(separator: ", "))) |"
            if superseded {
                row = "| *\(e(meeting))* | \(e(first.caseNumber ?? "–")) | *\(e(title)) (tæller ikke: \(e(first.supersededBy!)))* | "
                    + cells.map { $0.isEmpty ? "" : "*\($0)*" }.joined(separator: " | ") + " | *\(total)* | \(e(sources.joined(separator: ", "))) |"
            }
            out += row + "\n"
        }
        let counted = lines.filter { $0.year != nil && $0.supersededBy == nil }
        let sums = years.map { year in k(counted.filter { $0.year == year }.map(\.net).reduce(0, +)) }
        out += "| **I alt** | | | " + sums.map { "**\($0)**" }.joined(separator: " | ")
        out += " | **\(k(counted.map(\.net).reduce(0, +)))** | |\n"
        let periodTotals = lines.filter { $0.year == nil }
        if !periodTotals.isEmpty {
            out += "\nTotaler uden årsfordeling (anlægsbevillinger og totaler over en periode; ikke lagt til årene):\n\n"
            out += "| Møde | Sagsnr. | Punkt | Art | Periode | Beløb | Kilde |\n|---|---|---|---|---|--:|---|\n"
            for line in periodTotals {
                let meeting = [line.meetingBody, line.meetingDate?.description].compactMap { $0 }.joined(separator: " ")
                let period = line.periodYears.isEmpty ? "–" : MarkdownReport.yearSpan(line.periodYears)
                let sources = line.sources.map { "\(line.source):\($0.line)" }.joined(separator: ", ")
                let note = line.supersededBy.map { " (tæller ikke: \(e($0)))" } ?? ""
                out += "| \(e(meeting)) | \(e(line.caseNumber ?? "–")) | \(e(line.itemTitle))\(note) | \(line.kind.rawValue) | \(period) "
                out += "| \(k(line.amount)) | \(e(sources)) |\n"
            }
        }
        return out
    }

    /// Net per year by kind, by decision status, by committee, and by drift/anlæg.
    private static func totals(_ lines: [BudgetLine]) -> String {
        let yearly = lines.filter { $0.year != nil }
        guard !yearly.isEmpty else { return "" }
        let years = Set(yearly.compactMap(\.year)).sorted()
        func table(_ title: String, _ label: (BudgetLine) -> String) -> String {
            var out = "\n**Pr. \(title)**\n\n| \(title.capitalizedFirst) | " + years.map(String.init).joined(separator: " | ") + " | I alt |\n"
            out += "|---|" + String(repeating: "--:|", count: years.count + 1) + "\n"
            let keys = Set(yearly.map(label)).sorted()
            for key in keys {
                let group = yearly.filter { label($0) == key }
                out += "| \(e(key)) | " + years.map { year in k(group.filter { $0.year == year }.map(\.net).reduce(0, +)) }.joined(separator: " | ")
                out += " | \(k(group.map(\.net).reduce(0, +))) |\n"
            }
            return out
        }
        var out = "\n### Totaler (netto, kun linjer der tæller)\n"
        out += table("art") { $0.kind.rawValue }
        out += table("status") { $0.status.rawValue }
        out += table("udvalg") { $0.meetingBody ?? "ukendt" }
        out += table("drift/anlæg") { $0.area?.rawValue ?? "ikke angivet" }
        return out
    }

    private static func casePaths(_ report: AnalysisReport) -> String {
        guard !report.cases.isEmpty else { return "" }
        var out = "\n## Sager behandlet på flere møder\n\n"
        out += "Sagens beløb tælles én gang, ved den seneste beslutning.\n\n"
        for track in report.cases {
            let path = track.steps.map { step in
                "\(e(step.meeting)) (\(step.status.rawValue), \(e(step.source)))"
            }.joined(separator: " → ")
            out += "- Sagsnr. \(e(track.caseNumber)), \(e(track.counted.title)): \(path). Tæller: \(e(track.counted.meeting)).\n"
        }
        return out
    }

    private static func findings(_ report: AnalysisReport) -> String {
        let all = report.impacts.flatMap(\.findings)
        guard !all.isEmpty else { return "" }
        var out = "\n## Fund\n"
        for severity in Finding.Severity.allCases {
            let ofSeverity = all.filter { $0.severity == severity }
            guard !ofSeverity.isEmpty else { continue }
            let name = severity == .error ? "Fejl" : severity == .warning ? "Advarsler" : "Noter"
            out += "\n### \(name) (\(ofSeverity.count))\n\n"
            for finding in ofSeverity {
                let lines = finding.locations.map { String($0.line) }.joined(separator: ",")
                out += "- [\(finding.code)] \(e(finding.source)):\(lines), punkt \(finding.itemNumber.map(String.init) ?? "–"): "
                out += "\(e(finding.messageDanish))\n"
            }
        }
        return out
    }

    private static func othersMoney(_ report: AnalysisReport) -> String {
        let others = report.othersMoney.map { ($0.source, $0.placement.amount) }
        guard !others.isEmpty else { return "" }
        var out = "\n## Beløb betalt af andre (kontekst, ikke i kommunens budget)\n\n"
        out += "| Betaler | Beløb | År | Kilde |\n|---|--:|---|---|\n"
        for (source, amount) in others {
            let years = amount.years.isEmpty ? "–" : MarkdownReport.yearSpan(amount.years)
            out += "| \(e(amount.payer.code)) | \(k(amount.value)) | \(years) | \(e(source)):\(amount.location.line) |\n"
        }
        return out
    }

    private static func reconciliation(_ report: AnalysisReport) -> String {
        var out = "\n## Afstemning\n\nHvert beløb, der er fundet, står ét sted: i en budgetlinje, som kontekst eller som uplaceret.\n\n"
        out += "| Dokument | Fundet | I budgetlinjer | Kontekst | Uplacerede | Stemmer |\n|---|--:|--:|--:|--:|---|\n"
        var sum = Reconciliation()
        for impact in report.impacts {
            let balance = impact.reconciliation
            sum.found += balance.found
            sum.inBudgetLines += balance.inBudgetLines
            sum.context += balance.context
            sum.unplaced += balance.unplaced
            out += "| \(e(impact.source)) | \(balance.found) | \(balance.inBudgetLines) | \(balance.context) | \(balance.unplaced) "
            out += "| \(balance.balances ? "ja" : "**nej**") |\n"
        }
        out += "| **I alt** | \(sum.found) | \(sum.inBudgetLines) | \(sum.context) | \(sum.unplaced) | \(sum.balances ? "ja" : "**nej**") |\n"
        return out
    }
}
