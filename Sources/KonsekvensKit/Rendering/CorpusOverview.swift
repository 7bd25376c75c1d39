import Foundation

/// The Markdown bevillingsoversigt over all documents of a run: budget lines per item and year,
/// totals per kind, status, committee and drift/anlæg, cases through several meetings, findings
/// by severity, money paid by others, and the reconciliation of every amount.
///
/// Its parts are made one document at a time (``MarkdownReport/Pieces``) and put together by
/// ``MarkdownReport/Stream`` when the run is over, since the years of its columns, the lines
/// that count and the totals depend on every document.
enum CorpusOverview {
    static func e(_ text: String) -> String { MarkdownReport.escape(text) }
    static func k(_ value: Decimal) -> String { DanishFormat.kroner(value) }

    /// "Økonomiudvalget 2025-03-03".
    static func meeting(of line: BudgetLine) -> String {
        [line.meetingBody, line.meetingDate?.description].compactMap { $0 }.joined(separator: " ")
    }

    /// The case key a line's superseded-by meeting is found by; empty for a line without a case.
    static func caseKey(of line: BudgetLine) -> String {
        line.caseNumber.map { CaseLedger.Key(source: line.source, caseNumber: $0).encoded } ?? ""
    }

    /// One row of the overview table: an item's yearly lines, added up on the thread that
    /// analysed their document, with what the totals need of them. (Added up where the report
    /// is put together, they were most of that serial work: a twentieth of a Markdown run,
    /// callgrind. A sum of amounts is exact, so adding in groups gives the same figures.)
    struct Group {
        var meeting: String
        var caseNumber: String
        var title: String
        var caseKey: String
        var sources: String
        /// The committee the totals count the lines under: a document's lines share its meeting.
        var body: String
        /// Net per year, in the order the years first come, and in all.
        var years: [(year: Int, net: Decimal)] = []
        var total: Decimal = 0
        /// Net per year under each kind, status and drift/anlæg, in that order.
        var labelled: [[(label: String, year: Int, net: Decimal)]] = Array(repeating: [], count: 3)

        /// The groups of one document's shown lines that have a year, in the order their items
        /// first come.
        static func groups(of lines: [BudgetLine]) -> [Group] {
            var groups: [Group] = []
            var index: [String: Int] = [:]
            // Per group, where each year and each label's year stand in its lists.
            var yearIndex: [[Int: Int]] = []
            var labelIndex: [[String: Int]] = []
            var sources: [Set<String>] = []
            for line in lines {
                guard let year = line.year else { continue }
                let key = "\(line.itemNumber ?? -1)\u{0}\(line.itemTitle)"
                let at: Int
                if let known = index[key] {
                    at = known
                } else {
                    at = groups.count
                    index[key] = at
                    groups.append(
                        Group(
                            meeting: CorpusOverview.meeting(of: line), caseNumber: line.caseNumber ?? "–",
                            title: "\(line.itemNumber.map { "\($0). " } ?? "")\(line.itemTitle)", caseKey: CorpusOverview.caseKey(of: line),
                            sources: "", body: line.meetingBody ?? "ukendt"))
                    yearIndex.append([:])
                    labelIndex.append([:])
                    sources.append([])
                }
                if let slot = yearIndex[at][year] {
                    groups[at].years[slot].net.add(line.net)
                } else {
                    yearIndex[at][year] = groups[at].years.count
                    groups[at].years.append((year, line.net))
                }
                groups[at].total.add(line.net)
                let labels = [line.kind.rawValue, line.status.rawValue, line.area?.rawValue ?? "ikke angivet"]
                for (table, label) in labels.enumerated() {
                    let labelKey = "\(table)\u{0}\(label)\u{0}\(year)"
                    if let slot = labelIndex[at][labelKey] {
                        groups[at].labelled[table][slot].net.add(line.net)
                    } else {
                        labelIndex[at][labelKey] = groups[at].labelled[table].count
                        groups[at].labelled[table].append((label, year, line.net))
                    }
                }
                for location in line.sources { sources[at].insert("\(line.source):\(location.line)") }
            }
            // The sources of each group's lines, once each, sorted.
            for group in groups.indices { groups[group].sources = sources[group].sorted().joined(separator: ", ") }
            return groups
        }

        var record: SpillRecord {
            var record = SpillRecord()
            for text in [meeting, caseNumber, title, caseKey, sources, body] { record.append(text) }
            record.append(total)
            record.append(years.count)
            for (year, net) in years {
                record.append(year)
                record.append(net)
            }
            for table in labelled {
                record.append(table.count)
                for (label, year, net) in table {
                    record.append(label)
                    record.append(year)
                    record.append(net)
                }
            }
            return record
        }

        init(meeting: String, caseNumber: String, title: String, caseKey: String, sources: String, body: String) {
            (self.meeting, self.caseNumber, self.title, self.caseKey, self.sources, self.body) =
                (meeting, caseNumber, title, caseKey, sources, body)
        }

        init(record bytes: ArraySlice<UInt8>) {
            var reader = SpillRecord.Reader(bytes)
            (meeting, caseNumber, title, caseKey, sources, body) =
                (reader.string(), reader.string(), reader.string(), reader.string(), reader.string(), reader.string())
            total = reader.decimal()
            years = (0..<reader.int()).map { _ in (reader.int(), reader.decimal()) }
            labelled = labelled.indices.map { _ in (0..<reader.int()).map { _ in (reader.string(), reader.int(), reader.decimal()) } }
        }

        /// The row, with a cell for each of `years`; in italics, and saying which meeting
        /// counts instead, when `supersededBy` names one.
        func row(years columns: [Int], supersededBy: String?) -> String {
            let sums = Dictionary(uniqueKeysWithValues: years.map { ($0.year, $0.net) })
            let cells = columns.map { year in sums[year].map(k) ?? "" }
            let total = k(total)
            if let supersededBy {
                return "| *\(e(meeting))* | \(e(caseNumber)) | *\(e(title)) (tæller ikke: \(e(supersededBy)))* | "
                    + cells.map { $0.isEmpty ? "" : "*\($0)*" }.joined(separator: " | ") + " | *\(total)* | \(e(sources)) |\n"
            }
            return "| \(e(meeting)) | \(e(caseNumber)) | \(e(title)) | " + cells.joined(separator: " | ") + " | \(total) | \(e(sources)) |\n"
        }
    }

    /// A row of the table of totals without years, up to the place where it says whether the
    /// line counts, and after it.
    static func periodRow(_ line: BudgetLine) -> (String, String) {
        let period = line.periodYears.isEmpty ? "–" : MarkdownReport.yearSpan(line.periodYears)
        let sources = line.sources.map { "\(line.source):\($0.line)" }.joined(separator: ", ")
        return (
            "| \(e(meeting(of: line))) | \(e(line.caseNumber ?? "–")) | \(e(line.itemTitle))",
            " | \(line.kind.rawValue) | \(period) | \(k(line.amount)) | \(e(sources)) |\n"
        )
    }

    /// What stands in a period row when its line does not count.
    static func periodNote(supersededBy: String?) -> String {
        supersededBy.map { " (tæller ikke: \(e($0)))" } ?? ""
    }

    static let sectionHead = "\n## Bevillingsoversigt\n\n"

    /// The head of the overview table, for the years of every shown line.
    static func tableHead(years: [Int]) -> String {
        var out = "Beløb i kr., netto (+ udgift, − besparelse eller indtægt). Linjer fra et møde, hvis sag senere er behandlet "
        out += "på et andet møde, vises i kursiv og tælles ikke med; tallet fra det seneste møde tæller.\n\n"
        out += "| Møde | Sagsnr. | Punkt | " + years.map(String.init).joined(separator: " | ") + " | I alt | Kilde |\n"
        out += "|---|---|---|" + String(repeating: "--:|", count: years.count + 1) + "---|\n"
        return out
    }

    static let periodTableHead = "\nTotaler uden årsfordeling (anlægsbevillinger og totaler over en periode; ikke lagt til årene):\n\n"
        + "| Møde | Sagsnr. | Punkt | Art | Periode | Beløb | Kilde |\n|---|---|---|---|---|--:|---|\n"

    /// Net per year of the lines that count, in all and by kind, status, committee and
    /// drift/anlæg, added up line by line in report order.
    struct Totals {
        /// Net per year and in all.
        struct Sums {
            var years: [Int: Decimal] = [:]
            var total: Decimal = 0

            mutating func add(_ net: Decimal, in year: Int) {
                years[year, default: 0].add(net)
                total.add(net)
            }
        }

        private var all = Sums()
        /// Per label, for each table of ``titles``; a group's ``Group/labelled`` are in the
        /// order of `byKind`, `byStatus` and `byArea`.
        private var byKind: [String: Sums] = [:], byStatus: [String: Sums] = [:]
        private var byBody: [String: Sums] = [:], byArea: [String: Sums] = [:]
        private static let titles = ["art", "status", "udvalg", "drift/anlæg"]

        mutating func add(_ group: Group) {
            for (year, net) in group.years {
                all.add(net, in: year)
                byBody[group.body, default: Sums()].add(net, in: year)
            }
            for (label, year, net) in group.labelled[0] { byKind[label, default: Sums()].add(net, in: year) }
            for (label, year, net) in group.labelled[1] { byStatus[label, default: Sums()].add(net, in: year) }
            for (label, year, net) in group.labelled[2] { byArea[label, default: Sums()].add(net, in: year) }
        }

        /// The overview table's last row: the sum of what counts, for each of `years`.
        func sumRow(years: [Int]) -> String {
            "| **I alt** | | | " + years.map { "**\(k(all.years[$0] ?? 0))**" }.joined(separator: " | ") + " | **\(k(all.total))** | |\n"
        }

        /// The tables of totals, over the years of the lines that count; nothing when none does.
        func render() -> String {
            guard !all.years.isEmpty else { return "" }
            let years = all.years.keys.sorted()
            var out = "\n### Totaler (netto, kun linjer der tæller)\n"
            for (title, table) in zip(Self.titles, [byKind, byStatus, byBody, byArea]) {
                out += "\n**Pr. \(title)**\n\n| \(title.capitalizedFirst) | " + years.map(String.init).joined(separator: " | ") + " | I alt |\n"
                out += "|---|" + String(repeating: "--:|", count: years.count + 1) + "\n"
                for (label, sums) in table.sorted(by: { $0.key < $1.key }) {
                    out += "| \(e(label)) | " + years.map { k(sums.years[$0] ?? 0) }.joined(separator: " | ") + " | \(k(sums.total)) |\n"
                }
            }
            return out
        }
    }

    static func casePaths(_ cases: CaseTrackList, emit: (String) throws -> Void) throws {
        guard !cases.isEmpty else { return }
        try emit("\n## Sager behandlet på flere møder\n\nSagens beløb tælles én gang, ved den seneste beslutning.\n\n")
        try cases.forEach { track in
            let path = track.steps.map { step in
                "\(e(step.meeting)) (\(step.status.rawValue), \(e(step.source)))"
            }.joined(separator: " → ")
            try emit("- Sagsnr. \(e(track.shownNumber)), \(e(track.counted.title)): \(path). Tæller: \(e(track.counted.meeting)).\n")
        }
    }

    /// A finding's line in the run's list of findings.
    static func finding(_ finding: Finding) -> String {
        let lines = finding.locations.map { String($0.line) }.joined(separator: ",")
        return "- [\(finding.code)] \(e(finding.source)):\(lines), punkt \(finding.itemNumber.map(String.init) ?? "–"): "
            + "\(e(finding.messageDanish))\n"
    }

    /// The heading of the run's findings of one severity.
    static func findingsHead(_ severity: Finding.Severity, count: Int) -> String {
        let name = severity == .error ? "Fejl" : severity == .warning ? "Advarsler" : "Noter"
        return "\n### \(name) (\(count))\n\n"
    }

    static let othersHead = "\n## Beløb betalt af andre (kontekst, ikke i kommunens budget)\n\n| Betaler | Beløb | År | Kilde |\n|---|--:|---|---|\n"

    /// A row of money paid by others.
    static func othersRow(_ amount: Amount, source: String) -> String {
        let years = amount.years.isEmpty ? "–" : MarkdownReport.yearSpan(amount.years)
        return "| \(e(amount.payer.code)) | \(k(amount.value)) | \(years) | \(e(source)):\(amount.location.line) |\n"
    }

    static let reconciliationHead = "\n## Afstemning\n\nHvert beløb, der er fundet, står ét sted: i en budgetlinje, som kontekst eller som uplaceret.\n\n"
        + "| Dokument | Fundet | I budgetlinjer | Kontekst | Uplacerede | Stemmer |\n|---|--:|--:|--:|--:|---|\n"

    /// A document's row of the reconciliation, or the sum's with `source` nil.
    static func reconciliationRow(_ balance: Reconciliation, source: String?) -> String {
        let name = source.map(e) ?? "**I alt**"
        return "| \(name) | \(balance.found) | \(balance.inBudgetLines) | \(balance.context) | \(balance.unplaced) "
            + "| \(balance.balances ? "ja" : "**nej**") |\n"
    }
}
