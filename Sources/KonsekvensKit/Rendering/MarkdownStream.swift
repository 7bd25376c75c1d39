import Foundation

extension MarkdownReport {
    /// One document's part of the Markdown report, made on the thread that analysed it: its
    /// text, and what the run's overview needs of it. What depends on the later meetings
    /// (which lines count) is left for ``Stream/finish(errors:filter:filteredOut:unusedRules:cases:supersededBy:write:)``.
    struct Pieces: DocumentPieces {
        var counts: ItemCounts
        /// The document's text before its budget summary, and after it.
        var head: String
        var tail: String
        /// What rules made of the document; nil when none were applied.
        var impact: ImpactPieces?

        struct ImpactPieces: Sendable {
            var usedRules: [String]
            var shownLines: Int
            /// The years of the shown lines: the overview's columns.
            var years: Set<Int>
            /// ``CorpusOverview/Group`` records.
            var groups: [SpillRecord]
            /// The overview's rows of totals without years, before and after the note on whether
            /// the line counts, and the line's case key.
            var periodRows: [(text: String, caseKey: String, rest: String)]
            /// The findings' lines, for each of `Finding.Severity.allCases`.
            var findings: [[String]]
            var others: [String]
            var reconciliation: Reconciliation
            var reconciliationRow: String
            /// The shown lines' figures for the document's budget summary, each with its case key.
            var summary: SpillRecord
        }

        init(_ document: Document, impact: DocumentImpact?, statusFilter: StatusFilter) {
            counts = ItemCounts(document)
            head = MarkdownReport.head(of: document, impact: impact, statusFilter: statusFilter)
            tail = MarkdownReport.tail(of: document, impact: impact)
            self.impact = impact.map { ImpactPieces($0, statusFilter: statusFilter) }
        }
    }

    /// The Markdown report of a run, put together from each document's ``Pieces`` in order.
    /// They are kept in spill files on disk until the run is over, or in memory for a held
    /// report; only counts and sums stay in memory either way.
    final class Stream: PieceStream {
        let statusFilter: StatusFilter
        private let rulesOrigin: String?
        private let populationTable: String?
        private let groups: SpillFile
        private let periodRows: DeferredText
        private let findings: [SpillFile]
        private let others: SpillFile
        private let reconciliations: SpillFile
        /// Each document as three strings: its head, its summary record, its tail.
        private let documents: SpillFile

        private var counts = ItemCounts()
        private var hasImpacts = false
        /// The placement rules that placed an amount.
        private(set) var usedRules = Set<String>()
        private var shownLines = 0
        private var years = Set<Int>()
        private var periodCount = 0
        private var findingCounts = Array(repeating: 0, count: Finding.Severity.allCases.count)
        private var othersCount = 0
        private var reconciliation = Reconciliation()

        init(
            statusFilter: StatusFilter, rulesOrigin: String?, populationTable: String?, spill: () throws -> SpillFile
        ) rethrows {
            self.statusFilter = statusFilter
            self.rulesOrigin = rulesOrigin
            self.populationTable = populationTable
            groups = try spill()
            periodRows = DeferredText(spill: try spill())
            findings = try Finding.Severity.allCases.map { _ in try spill() }
            others = try spill()
            reconciliations = try spill()
            documents = try spill()
        }

        /// Adds the next document's pieces.
        func add(_ pieces: Pieces) throws {
            counts.add(pieces.counts)
            try documents.append(pieces.head)
            try documents.append(bytes: pieces.impact?.summary.bytes ?? [])
            try documents.append(pieces.tail)
            guard let impact = pieces.impact else { return }
            hasImpacts = true
            usedRules.formUnion(impact.usedRules)
            shownLines += impact.shownLines
            years.formUnion(impact.years)
            for group in impact.groups { try groups.append(bytes: group.bytes) }
            for row in impact.periodRows {
                try periodRows.append(row.text, then: row.caseKey)
                try periodRows.append(row.rest)
            }
            periodCount += impact.periodRows.count
            for (index, lines) in impact.findings.enumerated() {
                for line in lines { try findings[index].append(line) }
                findingCounts[index] += lines.count
            }
            for row in impact.others { try others.append(row) }
            othersCount += impact.others.count
            try reconciliations.append(impact.reconciliationRow)
            reconciliation.add(impact.reconciliation)
        }

        /// Writes the whole report through `write`, given what depends on the whole run, and
        /// empties the spill files.
        func finish(
            errors: [ReadError], filter: CorpusFilter, filteredOut: Int, unusedRules: [String], cases: CaseTrackList,
            supersededBy: SupersededSteps, write: ReportWriter
        ) throws {
            var batch = WriteBatch()
            func emit(_ text: String) throws { try batch.add(text, to: write) }
            func emit(bytes: some Collection<UInt8>) throws { try batch.add(bytes: bytes, to: write) }
            /// The meeting that supersedes the lines of the case key `key`, looked up in one pass's `superseded`.
            func superseding(_ key: String, in superseded: inout SupersededSteps.Lookup) throws -> String? {
                guard !key.isEmpty, let key = CaseLedger.Key(encoded: key) else { return nil }
                return try superseded.meeting(for: key)
            }
            func replay(_ spill: SpillFile) throws {
                try spill.readBack { try emit(bytes: $0) }
                spill.remove()
            }

            try emit(
                MarkdownReport.header(
                    counts, errors: errors,
                    statusFilter: statusFilter, rulesOrigin: rulesOrigin, populationTable: populationTable,
                    unusedRules: unusedRules, filter: filter, filteredOut: filteredOut))
            if hasImpacts {
                try emit(CorpusOverview.sectionHead)
                if shownLines == 0 {
                    try emit("Ingen budgetlinjer.\n")
                } else {
                    let columns = years.sorted()
                    try emit(CorpusOverview.tableHead(years: columns))
                    var totals = CorpusOverview.Totals()
                    var lookup = try supersededBy.lookup()
                    try groups.readBack { record in
                        let group = CorpusOverview.Group(record: record)
                        let superseded = try superseding(group.caseKey, in: &lookup)
                        try emit(group.row(years: columns, supersededBy: superseded))
                        if superseded == nil { totals.add(group) }
                    }
                    groups.remove()
                    try emit(totals.sumRow(years: columns))
                    if periodCount > 0 {
                        try emit(CorpusOverview.periodTableHead)
                        try batch.flush(to: write)
                        var lookup = try supersededBy.lookup()
                        try periodRows.replay(write) { CorpusOverview.periodNote(supersededBy: try superseding($0, in: &lookup)) }
                    }
                    try emit(totals.render())
                }
                try CorpusOverview.casePaths(cases, emit: emit)
                if findingCounts.contains(where: { $0 > 0 }) {
                    try emit("\n## Fund\n")
                    for (index, severity) in Finding.Severity.allCases.enumerated() where findingCounts[index] > 0 {
                        try emit(CorpusOverview.findingsHead(severity, count: findingCounts[index]))
                        try replay(findings[index])
                    }
                }
                if othersCount > 0 {
                    try emit(CorpusOverview.othersHead)
                    try replay(others)
                }
                try emit(CorpusOverview.reconciliationHead)
                try replay(reconciliations)
                try emit(CorpusOverview.reconciliationRow(reconciliation, source: nil))
            }
            try emit("\n## Dokumenter\n")
            var part = 0
            var lookup = try supersededBy.lookup()
            try documents.readBack { bytes in
                defer { part = (part + 1) % 3 }
                switch part {
                case 0:
                    try emit("\n")
                    try emit(bytes: bytes)
                case 1:
                    let figures = try Self.figures(bytes).compactMap { caseKey, figure in try superseding(caseKey, in: &lookup) == nil ? figure : nil }
                    try emit(MarkdownReport.budgetSummary(figures))
                default: try emit(bytes: bytes)
                }
            }
            documents.remove()
            try batch.flush(to: write)
        }

        /// The figures of a document's summary record, each with its line's case key.
        static func figures(_ bytes: ArraySlice<UInt8>) -> [(caseKey: String, figure: Figure)] {
            var reader = SpillRecord.Reader(bytes)
            var figures: [(caseKey: String, figure: Figure)] = []
            while !reader.isAtEnd {
                let caseKey = reader.string()
                let figure = Figure(
                    year: reader.optionalInt(), net: reader.decimal(), amount: reader.decimal(), kind: AmountKind.allCases[reader.int()])
                figures.append((caseKey, figure))
            }
            return figures
        }
    }
}

extension MarkdownReport.Pieces.ImpactPieces {
    init(_ impact: DocumentImpact, statusFilter: StatusFilter) {
        let shown = impact.budgetLines.filter(statusFilter.shows)
        usedRules = impact.placements.compactMap(\.rule)
        shownLines = shown.count
        years = Set(shown.compactMap(\.year))
        groups = CorpusOverview.Group.groups(of: shown).map(\.record)
        periodRows = shown.filter { $0.year == nil }.map { line in
            let (text, rest) = CorpusOverview.periodRow(line)
            return (text, CorpusOverview.caseKey(of: line), rest)
        }
        findings = Finding.Severity.allCases.map { severity in
            impact.findings.filter { $0.severity == severity }.map(CorpusOverview.finding)
        }
        others = impact.placements.filter { $0.amount.payer != .own }.map { CorpusOverview.othersRow($0.amount, source: impact.source) }
        reconciliation = impact.reconciliation
        reconciliationRow = CorpusOverview.reconciliationRow(impact.reconciliation, source: impact.source)
        var summary = SpillRecord()
        for line in shown {
            summary.append(CorpusOverview.caseKey(of: line))
            summary.append(line.year)
            summary.append(line.net)
            summary.append(line.amount)
            summary.append(AmountKind.allCases.firstIndex(of: line.kind)!)
        }
        self.summary = summary
    }
}
