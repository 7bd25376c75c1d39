import Foundation

/// A CSV, JSON, Markdown or HTML report of a run too large to hold: each document is analysed,
/// rendered to spill files on disk and let go, so memory does not grow with the corpus; what
/// depends on the whole run (superseded lines, case tracks, totals, errors) is filled in when
/// the report is written. The bytes are those of the report rendered from
/// ``Analyzer/analyze(paths:options:engine:statusFilter:filter:jobs:maximumFileSize:keepText:progress:standardInput:)``.
public final class StreamedReport {
    /// The streamed formats.
    public enum Format: Sendable {
        case csv(CSVReport.Dialect)
        case json
        /// The report for people, as ``MarkdownReport`` renders it.
        case markdown
        /// One page, as ``HTMLReport`` renders it.
        case html
    }

    private let engine: RuleEngine
    private let csv: CSVReport.Stream?
    private let json: JSONReport.Stream?
    private let markdown: MarkdownReport.Stream?
    private let html: HTMLReport.Stream?
    private let ledger: SpilledCaseLedger
    private var filter = CorpusFilter()
    private let jsonRenderedLimit: Int
    /// The files the run could not read, and how many the filter left out.
    public private(set) var summary = Analyzer.StreamSummary(errors: [], filteredOut: 0)

    /// A report with `engine`'s rules, showing the lines `statusFilter` shows; opens its spill
    /// file in `directory` (the system's temporary folder by default).
    public convenience init(format: Format, engine: RuleEngine, statusFilter: StatusFilter = .all, directory: URL? = nil) throws {
        try self.init(
            format: format, engine: engine, statusFilter: statusFilter, directory: directory, jsonDrainSize: JSONWriter.defaultDrainSize,
            jsonRenderedLimit: JSONReport.Rendered.largestRendered, ledgerRunSize: SpilledCaseLedger.defaultRunSize)
    }

    /// With at most `jsonDrainSize` bytes of a document's JSON held before they go to the spill
    /// file, the JSON of documents of at most `jsonRenderedLimit` amounts, lines and placements
    /// rendered where they were analysed, and the case ledger spilled in runs of
    /// `ledgerRunSize` items (tests set all three).
    init(
        format: Format, engine: RuleEngine, statusFilter: StatusFilter, directory: URL?, jsonDrainSize: Int, jsonRenderedLimit: Int,
        ledgerRunSize: Int
    ) throws {
        self.engine = engine
        self.jsonRenderedLimit = jsonRenderedLimit
        let (origin, population) = (engine.rules.origin, engine.population?.name)
        var csv: CSVReport.Stream?, json: JSONReport.Stream?, markdown: MarkdownReport.Stream?, html: HTMLReport.Stream?
        switch format {
        case .csv(let dialect):
            csv = try CSVReport.Stream(dialect: dialect, statusFilter: statusFilter, directory: directory)
        case .json:
            json = try JSONReport.Stream(engine: engine, statusFilter: statusFilter, directory: directory, drainSize: jsonDrainSize)
        case .markdown:
            markdown = try MarkdownReport.Stream(statusFilter: statusFilter, rulesOrigin: origin, populationTable: population, directory: directory)
        case .html:
            html = try HTMLReport.Stream(statusFilter: statusFilter, rulesOrigin: origin, populationTable: population, directory: directory)
        }
        (self.csv, self.json, self.markdown, self.html) = (csv, json, markdown, html)
        ledger = try SpilledCaseLedger(directory: directory, runSize: ledgerRunSize)
    }

    /// Analyses every file under `paths` into the report, once (the arguments are those of
    /// ``Analyzer/stream(paths:options:engine:filter:jobs:maximumFileSize:keepText:progress:standardInput:each:)``)
    /// and returns the files that could not be read. Throws when the spill file cannot be
    /// written, after the run, whose ``summary`` is then still there; the report is incomplete.
    public func analyze(
        paths: [String], options: ExtractionOptions = ExtractionOptions(), filter: CorpusFilter = CorpusFilter(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maximumFileSize: Int = MinutesReader.defaultMaximumFileSize,
        progress: (@Sendable (Int, Int) -> Void)? = nil, standardInput: () -> [UInt8] = { [] }
    ) throws -> Analyzer.StreamSummary {
        // What can be made of a document without the others is made on the thread that
        // analysed it, so the document is freed there too: its case steps, and its CSV rows,
        // Markdown or HTML pieces, or JSON (a large document's JSON waits for its turn, see
        // ``JSONReport/Rendered``).
        let csvFormat = csv.map { ($0.dialect, $0.statusFilter) }
        let markdownFilter = markdown?.statusFilter
        let htmlFilter = html?.statusFilter
        let jsonFilter = json?.statusFilter
        let jsonRenderedLimit = jsonRenderedLimit
        // The Markdown report and the page name each case by the title of the item that counts.
        let keepsTitles = markdown != nil || html != nil
        self.filter = filter
        var spillError: Error?
        summary = Analyzer.stream(
            paths: paths, options: options, engine: engine, filter: filter, jobs: jobs, maximumFileSize: maximumFileSize,
            progress: progress, standardInput: standardInput,
            prepare: { document, impact in
                var cases = CaseLedger(keepsTitles: keepsTitles, keepsDecisions: false)
                cases.add(document, impact: impact)
                let rows = csvFormat.flatMap { dialect, status in impact.map { CSVReport.Rows($0, dialect: dialect, statusFilter: status) } }
                var prepared = Prepared(
                    cases: cases, rows: rows, markdown: markdownFilter.map { MarkdownReport.Pieces(document, impact: impact, statusFilter: $0) },
                    html: htmlFilter.map { HTMLReport.Pieces(document, impact: impact, statusFilter: $0) })
                if let jsonFilter {
                    if JSONReport.Rendered.renders(document, impact: impact, limit: jsonRenderedLimit) {
                        prepared.json = JSONReport.Rendered(document, impact: impact, statusFilter: jsonFilter)
                    } else {
                        (prepared.document, prepared.impact) = (document.droppingText(), impact)
                    }
                }
                return prepared
            }
        ) { prepared in
            guard spillError == nil else { return }
            do {
                try ledger.add(prepared.cases)
                if let rows = prepared.rows { try csv?.add(rows) }
                if let pieces = prepared.markdown { try markdown?.add(pieces) }
                if let pieces = prepared.html { try html?.add(pieces) }
                if let rendered = prepared.json { try json?.add(rendered) }
                if let document = prepared.document { try json?.add(document, impact: prepared.impact) }
            } catch {
                spillError = error
            }
        }
        if let spillError { throw spillError }
        return summary
    }

    /// Writes the whole report through `write`, and empties the spill file.
    public func finish(write: ReportWriter) throws {
        let (cases, supersededBy) = try ledger.tracks(keepingTracks: csv == nil)
        try csv?.finish(supersededBy: supersededBy, write: write)
        try json?.finish(cases: cases, supersededBy: supersededBy, errors: summary.errors, write: write)
        try markdown?.finish(
            errors: summary.errors, filter: filter, filteredOut: summary.filteredOut,
            unusedRules: engine.unusedPlacementRules(used: markdown?.usedRules ?? []), cases: cases, supersededBy: supersededBy, write: write)
        try html?.finish(
            errors: summary.errors, filter: filter, filteredOut: summary.filteredOut,
            unusedRules: engine.unusedPlacementRules(used: html?.usedRules ?? []), cases: cases, supersededBy: supersededBy, write: write)
    }

    /// What the run keeps of one document until its turn comes.
    private struct Prepared: Sendable {
        var cases: CaseLedger
        var rows: CSVReport.Rows?
        var markdown: MarkdownReport.Pieces?
        var html: HTMLReport.Pieces?
        var json: JSONReport.Rendered?
        /// A document whose JSON is rendered in its turn, and its impact.
        var document: Document?
        var impact: DocumentImpact?
    }
}
