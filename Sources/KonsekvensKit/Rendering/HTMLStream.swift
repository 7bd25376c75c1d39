import Foundation

extension HTMLReport {
    /// One document's part of the page, made on the thread that analysed it: its rows of the
    /// page's tables, and its shown budget lines as a record, which the page adds up and lays
    /// out when the run is over (``Stream``).
    struct Pieces: DocumentPieces {
        var counts: ItemCounts
        /// The document's row in the table of documents, up to its reconciliation cells.
        var documentRow: String
        var warnings: [String]
        /// What rules made of the document; nil when none were applied.
        var impact: ImpactPieces?

        struct ImpactPieces: Sendable {
            var usedRules: [String]
            /// The shown lines, in order (``Stream/lines(_:)`` reads them).
            var lines: SpillRecord
            var shownLines: Int
            var years: Set<Int>
            var undated: Bool
            /// The findings' rows, for each of `Finding.Severity.allCases`.
            var findings: [[String]]
            var context: [String]
            /// The kommune's own amounts outside budget lines.
            var ownOther: [String]
            var reconciliationCells: String
        }

        init(_ document: Document, impact: DocumentImpact?, statusFilter: StatusFilter) {
            counts = ItemCounts(document)
            documentRow = HTMLReport.documentRow(document)
            warnings = HTMLReport.warningRows(document)
            self.impact = impact.map { impact in
                let shown = impact.budgetLines.filter(statusFilter.shows)
                var lines = SpillRecord()
                for line in shown { Stream.append(line, to: &lines) }
                return ImpactPieces(
                    usedRules: impact.placements.compactMap(\.rule), lines: lines, shownLines: shown.count,
                    years: Set(shown.compactMap(\.year)), undated: shown.contains { $0.year == nil },
                    findings: Finding.Severity.allCases.map { severity in
                        impact.findings.filter { $0.severity == severity }.map(HTMLReport.findingRow)
                    },
                    context: HTMLReport.contextRows(document, impact: impact), ownOther: HTMLReport.ownOtherRows(document, impact: impact),
                    reconciliationCells: HTMLReport.reconciliationCells(impact.reconciliation))
            }
        }
    }

    /// The page of a run, put together from each document's ``Pieces`` in order. They are
    /// kept in spill files on disk until the run is over, or in memory for a held report; only
    /// counts and sums stay in memory either way. The shown lines are read back twice: once to
    /// add up what the chart and the header need, which come first on the page, and once to lay
    /// out the overview, a document at a time; the cases' figures come with their tracks.
    final class Stream: PieceStream {
        let statusFilter: StatusFilter
        private var run = RunFacts()
        private let lines: SpillFile
        private let findings: [SpillFile]
        private let context: SpillFile
        private let ownOther: SpillFile
        /// Each document as its row and its reconciliation cells (empty without rules).
        private let documents: SpillFile
        /// The reader's warnings, listed below the table of documents.
        private let warnings: SpillFile

        /// The placement rules that placed an amount.
        private(set) var usedRules = Set<String>()
        private var years = Set<Int>()
        private var undated = false
        private var findingCounts = Array(repeating: 0, count: Finding.Severity.allCases.count)
        private var contextCount = 0
        private var ownOtherCount = 0
        private var warningCount = 0

        init(statusFilter: StatusFilter, rulesOrigin: String?, populationTable: String?, spill: () throws -> SpillFile) rethrows {
            self.statusFilter = statusFilter
            run.statusFilter = statusFilter
            run.rulesOrigin = rulesOrigin
            run.populationTable = populationTable
            lines = try spill()
            findings = try Finding.Severity.allCases.map { _ in try spill() }
            context = try spill()
            ownOther = try spill()
            documents = try spill()
            warnings = try spill()
        }

        /// Adds the next document's pieces.
        func add(_ pieces: Pieces) throws {
            run.counts.add(pieces.counts)
            try documents.append(pieces.documentRow)
            try documents.append(pieces.impact?.reconciliationCells ?? "")
            for row in pieces.warnings { try warnings.append(row) }
            warningCount += pieces.warnings.count
            guard let impact = pieces.impact else { return }
            run.hasImpacts = true
            usedRules.formUnion(impact.usedRules)
            run.shownLines += impact.shownLines
            years.formUnion(impact.years)
            undated = undated || impact.undated
            if impact.shownLines > 0 { try lines.append(bytes: impact.lines.bytes) }
            for (index, rows) in impact.findings.enumerated() {
                for row in rows { try findings[index].append(row) }
                findingCounts[index] += rows.count
            }
            for row in impact.context { try context.append(row) }
            contextCount += impact.context.count
            for row in impact.ownOther { try ownOther.append(row) }
            ownOtherCount += impact.ownOther.count
        }

        /// Writes the whole page through `write`, given what depends on the whole run, and
        /// empties the spill files.
        func finish(
            errors: [ReadError], filter: CorpusFilter, filteredOut: Int, unusedRules: [String], cases: CaseTrackList,
            supersededBy: SupersededSteps, write: ReportWriter
        ) throws {
            var batch = WriteBatch()
            func emit(_ text: String) throws { try batch.add(text, to: write) }
            func emit(bytes: some Collection<UInt8>) throws { try batch.add(bytes: bytes, to: write) }
            /// A section of rows kept in `rows`: its start, then `none` when there are none, or
            /// the table's head, the rows and its foot.
            func section(_ start: String, rows: SpillFile, count: Int, none: String, table: () -> (head: String, foot: String)) throws {
                try emit(start)
                guard count > 0 else { return try emit(none) }
                let (head, foot) = table()
                try emit(head)
                try rows.readBack { try emit(bytes: $0) }
                rows.remove()
                try emit(foot)
            }
            /// Each document's shown lines, with the meeting that supersedes them filled in.
            func forEachDocument(_ body: ([PageLine]) throws -> Void) throws {
                var superseded = try supersededBy.lookup()
                try lines.readBack { record in
                    try body(
                        Self.lines(record).map { line in
                            var line = line
                            line.supersededBy = try line.caseNumber.flatMap { try superseded.meeting(for: CaseLedger.Key(source: line.source, caseNumber: $0)) }
                            return line
                        })
                }
            }

            run.errors = errors
            run.filter = filter
            run.filteredOut = filteredOut
            run.unusedRules = unusedRules
            run.hasCases = !cases.isEmpty
            // What comes before the overview on the page: the counted totals (each case step's
            // figures come with its track, added up when its document was noted).
            var counted = CountedTotals()
            try forEachDocument { lines in
                for line in lines where line.supersededBy == nil { counted.add(line) }
            }
            run.countedLines = counted.count

            try emit(HTMLReport.pageStart)
            try emit(HTMLReport.header(run))
            if run.hasImpacts {
                let columns = Columns(years: years.sorted(), undated: undated)
                try emit(HTMLReport.chartSection(counted, columns: columns))
                try emit(HTMLReport.overviewHead(columns: run.shownLines > 0 ? columns : nil))
                if run.shownLines > 0 {
                    try forEachDocument { lines in
                        for row in HTMLReport.overviewRows(lines) { try emit(HTMLReport.overviewRow(row, columns: columns)) }
                    }
                    try emit(HTMLReport.overviewFoot(counted: counted.all, columns: columns))
                }
                lines.remove()
                try HTMLReport.casesSection(cases, statusFilter: statusFilter, emit: emit)
                try emit("<section id=\"fund\">\n<h2>Fund</h2>\n")
                if findingCounts.allSatisfy({ $0 == 0 }) { try emit("<p>Ingen fund.</p>\n") }
                for (index, severity) in Finding.Severity.allCases.enumerated() where findingCounts[index] > 0 {
                    try emit(HTMLReport.findingsHead(severity, count: findingCounts[index]))
                    try findings[index].readBack { try emit(bytes: $0) }
                    findings[index].remove()
                    try emit(HTMLReport.findingsFoot)
                }
                try emit("</section>\n")
                try section(HTMLReport.contextStart, rows: context, count: contextCount, none: HTMLReport.contextNone) {
                    (HTMLReport.contextHead, HTMLReport.contextFoot)
                }
                try section(HTMLReport.ownOtherStart, rows: ownOther, count: ownOtherCount, none: HTMLReport.ownOtherNone) {
                    (HTMLReport.ownOtherHead(count: ownOtherCount), HTMLReport.ownOtherFoot)
                }
            }
            if run.counts.documents == 0 {
                try emit(HTMLReport.noDocuments)
            } else {
                try emit(HTMLReport.documentsHead(hasImpacts: run.hasImpacts))
                // A row, then its reconciliation cells.
                var isRow = true
                try documents.readBack { bytes in
                    defer { isRow.toggle() }
                    if isRow { return try emit(bytes: bytes) }
                    if run.hasImpacts { try emit(bytes.isEmpty ? HTMLReport.noReconciliationCells : String(decoding: bytes, as: UTF8.self)) }
                    try emit("</tr>\n")
                }
                documents.remove()
                try emit(HTMLReport.documentsFoot)
                if warningCount > 0 {
                    try emit(HTMLReport.warningsHead)
                    try warnings.readBack { try emit(bytes: $0) }
                    warnings.remove()
                    try emit("</ul>\n")
                }
                try emit("</section>\n")
            }
            try emit(HTMLReport.pageEnd)
            try batch.flush(to: write)
        }

        /// Appends what the page needs of a shown line to a document's record.
        static func append(_ line: BudgetLine, to record: inout SpillRecord) {
            record.append(line.source)
            record.append(line.itemNumber)
            record.append(line.itemTitle)
            record.append(line.caseNumber)
            record.append(line.meetingBody)
            record.append(line.meetingDate.map { $0.year * 10_000 + $0.month * 100 + $0.day })
            record.append(line.year)
            record.append(line.amount)
            record.append(line.net)
            record.append(AmountKind.allCases.firstIndex(of: line.kind)!)
            record.append(DecisionStatus.allCases.firstIndex(of: line.status)!)
            record.append(line.decidedBy)
            record.append(line.periodYears.count)
            for year in line.periodYears { record.append(year) }
            record.append(line.sources.count)
            for source in line.sources { record.append(source.line) }
        }

        /// The lines of a document's record, in order.
        static func lines(_ bytes: ArraySlice<UInt8>) -> [PageLine] {
            var reader = SpillRecord.Reader(bytes)
            var lines: [PageLine] = []
            while !reader.isAtEnd {
                let source = reader.string(), itemNumber = reader.optionalInt(), itemTitle = reader.string()
                let caseNumber = reader.optionalString(), meetingBody = reader.optionalString()
                let meetingDate = reader.optionalInt().flatMap { MeetingDate(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) }
                let year = reader.optionalInt(), amount = reader.decimal(), net = reader.decimal()
                let kind = AmountKind.allCases[reader.int()], status = DecisionStatus.allCases[reader.int()]
                let decidedBy = reader.optionalString()
                let periodYears = (0..<reader.int()).map { _ in reader.int() }
                let sourceLines = (0..<reader.int()).map { _ in reader.int() }
                lines.append(
                    PageLine(
                        source: source, itemNumber: itemNumber, itemTitle: itemTitle, caseNumber: caseNumber, meetingBody: meetingBody,
                        meetingDate: meetingDate, year: year, amount: amount, net: net, kind: kind, status: status, decidedBy: decidedBy,
                        periodYears: periodYears, sourceLines: sourceLines))
            }
            return lines
        }
    }
}
