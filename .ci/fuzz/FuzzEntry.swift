import Foundation

/// libFuzzer entry: the whole pipeline from bytes to the JSON, CSV, Markdown and HTML reports, with
/// the default rules, and the streamed CSV, JSON, Markdown and HTML checked against the held ones.
/// Built by .ci/fuzz.sh with `swiftc -sanitize=fuzzer,address` over the library's sources.
let fuzzEngine: RuleEngine? = try? Analyzer.defaultEngine()

/// One extraction session for the whole run, as the command keeps one per file in flight: its
/// token cache, carried from input to input, must find what a fresh one makes.
nonisolated(unsafe) var fuzzSession = AmountExtractor.Session()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks the layout, as a file extension would.
    let source = ["fuzz.md", "fuzz.txt", "fuzz.html", "fuzz"][Int(bytes.first ?? 0) % 4]
    // The reader's own UTF-8 validator must judge as the standard library does.
    precondition(
        bytes.withUnsafeBufferPointer(TextDecoding.isValidUTF8) == (String(validating: bytes, as: UTF8.self) != nil),
        "isValidUTF8 differs from String(validating:)")
    let read = MinutesReader.read(bytes, source: source)
    let document = AmountExtractor.extract(read)
    precondition(fuzzSession.extract(read) == document, "a carried token cache extracts otherwise than a fresh one")
    guard let engine = fuzzEngine else { return 0 }
    // The same meeting read twice under two names: its cases pass through two documents, so
    // the later one supersedes the earlier one's lines, as across a real corpus.
    var twin = document
    twin.source = "twin-" + source
    // One input in four has its twin read as another kommune's minutes: then no case joins the
    // two, and neither supersedes the other's lines.
    let otherMunicipality = bytes.count > 1 && bytes[1] % 4 == 0
    if otherMunicipality { (twin.municipality, twin.municipalitySource) = ((document.municipality ?? "") + "-anden", .masthead) }
    let documents = [document, twin]
    var impacts = documents.map { engine.apply(to: $0) }
    let status: StatusFilter = (bytes.last ?? 0) % 2 == 0 ? .all : .approved
    var ledger = CaseLedger()
    // Noted one document at a time and merged, as the streamed run notes them on its workers.
    var merged = CaseLedger()
    for (document, impact) in zip(documents, impacts) {
        ledger.add(document, impact: impact)
        var one = CaseLedger()
        one.add(document, impact: impact)
        merged.merge(one)
    }
    let (cases, supersededBy) = ledger.tracks()
    precondition(merged.tracks().tracks == cases && merged.tracks().supersededBy == supersededBy, "merged ledgers differ")
    if otherMunicipality, document.municipalitySource?.isKnown == true {
        precondition(cases.isEmpty && supersededBy.isEmpty, "another kommune's minutes joined a case")
    }
    // Spilled to disk in runs of one item and merged, as the streamed run keeps its ledger.
    let spilledTracks: CaseTrackList
    let spilledSuperseded: SupersededSteps
    do {
        let spilled = try SpilledCaseLedger(directory: nil, runSize: 1)
        for (document, impact) in zip(documents, impacts) {
            var one = CaseLedger(keepsTitles: true, keepsDecisions: false)
            one.add(document, impact: impact)
            try spilled.add(one)
        }
        let made = try spilled.tracks()
        var tracks: [CaseTrack] = []
        try made.tracks.forEach { tracks.append($0) }
        // The same tracks but for the decisions' text, which a streamed run does not keep.
        let withoutDecisions = cases.map { track in
            var track = track
            for index in track.steps.indices { track.steps[index].decision = nil }
            return track
        }
        precondition(tracks == withoutDecisions, "spilled ledger differs")
        // Every case of every document asked, in the documents' order as a report asks.
        var lookup = try made.supersededBy.lookup()
        for document in documents {
            for caseNumber in document.items.compactMap(\.caseNumber) {
                let key = CaseLedger.Key(source: document.source, caseNumber: caseNumber)
                let meeting = try lookup.meeting(for: key)
                precondition(meeting == supersededBy[key], "spilled superseded steps differ")
            }
        }
        (spilledTracks, spilledSuperseded) = made
    } catch {
        preconditionFailure("spilled ledger: \(error)")
    }
    CaseTrack.markSuperseded(&impacts, by: supersededBy)
    let report = AnalysisReport(
        documents: documents, impacts: impacts, errors: [], statusFilter: status, rulesOrigin: engine.rules.origin,
        populationTable: engine.population?.name, unusedRules: engine.unusedPlacementRules(in: impacts), cases: cases)
    // Each step's figure is that of its document's shown lines for the case, as the page once
    // gathered them from the lines when it was put together.
    for track in cases {
        for step in track.steps {
            let lines = impacts.flatMap(\.budgetLines).filter {
                $0.source == step.source && $0.caseNumber == track.caseNumber && status.shows($0)
            }
            let datedNet = lines.filter { $0.year != nil }.map(\.net).reduce(0, +)
            precondition(
                step.figures[status] == CaseTrack.Figure(hasLines: !lines.isEmpty, datedNet: datedNet), "a case step's figure differs from its lines'")
        }
    }
    let json = JSONReport.render(report)
    let csv = CSVReport.render(report)
    let markdown = MarkdownReport.render(report)
    let html = HTMLReport.render(report)
    // The streamed reports the command writes must be the held ones, byte for byte: fed the
    // documents in the report's order, before the superseding was known.
    do {
        let csvStream = try CSVReport.Stream(statusFilter: status)
        let jsonStream = try JSONReport.Stream(engine: engine, statusFilter: status)
        // The same JSON rendered whole where the document was analysed, as a small one is.
        let renderedStream = try JSONReport.Stream(engine: engine, statusFilter: status)
        let markdownStream = try MarkdownReport.Stream(
            statusFilter: status, rulesOrigin: engine.rules.origin, populationTable: engine.population?.name, directory: nil)
        let htmlStream = try HTMLReport.Stream(
            statusFilter: status, rulesOrigin: engine.rules.origin, populationTable: engine.population?.name, directory: nil)
        for document in report.documents {
            let impact = engine.apply(to: document)
            try csvStream.add(CSVReport.Rows(impact, dialect: csvStream.dialect, statusFilter: status))
            try jsonStream.add(document, impact: impact)
            try renderedStream.add(JSONReport.Rendered(document, impact: impact, statusFilter: status))
            try markdownStream.add(MarkdownReport.Pieces(document, impact: impact, statusFilter: status))
            try htmlStream.add(HTMLReport.Pieces(document, impact: impact, statusFilter: status))
        }
        var streamedCSV: [UInt8] = []
        try csvStream.finish(supersededBy: spilledSuperseded) { streamedCSV += $0 }
        precondition(streamedCSV == Array(csv.utf8), "streamed CSV differs from the held report's")
        var streamedJSON: [UInt8] = []
        try jsonStream.finish(cases: cases, supersededBy: supersededBy, errors: []) { streamedJSON += $0 }
        precondition(streamedJSON == Array(json.utf8), "streamed JSON differs from the held report's")
        var renderedJSON: [UInt8] = []
        try renderedStream.finish(cases: CaseTrackList(cases), supersededBy: spilledSuperseded, errors: []) { renderedJSON += $0 }
        precondition(renderedJSON == streamedJSON, "JSON rendered on the worker differs from the JSON rendered in turn")
        var streamedMarkdown: [UInt8] = []
        try markdownStream.finish(
            errors: [], filter: CorpusFilter(), filteredOut: 0, unusedRules: report.unusedRules, cases: spilledTracks,
            supersededBy: spilledSuperseded
        ) { streamedMarkdown += $0 }
        precondition(streamedMarkdown == Array(markdown.utf8), "streamed Markdown differs from the held report's")
        var streamedHTML: [UInt8] = []
        try htmlStream.finish(
            errors: [], filter: CorpusFilter(), filteredOut: 0, unusedRules: report.unusedRules, cases: spilledTracks,
            supersededBy: spilledSuperseded
        ) { streamedHTML += $0 }
        precondition(streamedHTML == Array(html.utf8), "streamed HTML differs from the held report's")
    } catch {
        preconditionFailure("spill file: \(error)")
    }
    return 0
}
