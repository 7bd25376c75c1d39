import Foundation

/// libFuzzer entry: the whole pipeline from bytes to the JSON, CSV and Markdown reports, with
/// the default rules, and the streamed CSV and JSON checked against the held ones.
/// Built by .ci/fuzz.sh with `swiftc -sanitize=fuzzer,address` over the library's sources.
let fuzzEngine: RuleEngine? = try? Analyzer.defaultEngine()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks the layout, as a file extension would.
    let source = ["fuzz.md", "fuzz.txt", "fuzz.html", "fuzz"][Int(bytes.first ?? 0) % 4]
    let document = AmountExtractor.extract(MinutesReader.read(bytes, source: source))
    let impacts = fuzzEngine.map { [$0.apply(to: document)] } ?? []
    let report = AnalysisReport(
        documents: [document], impacts: impacts, errors: [], rulesOrigin: fuzzEngine?.rules.origin,
        populationTable: fuzzEngine?.population?.name, unusedRules: fuzzEngine?.unusedPlacementRules(in: impacts) ?? [])
    let json = JSONReport.render(report)
    let csv = CSVReport.render(report)
    _ = MarkdownReport.render(report)
    // The streamed reports the command writes must be the held ones, byte for byte.
    if let engine = fuzzEngine, let impact = impacts.first {
        var ledger = CaseLedger(keepsTitles: false)
        ledger.add(document, impact: impact)
        let (cases, supersededBy) = ledger.tracks()
        do {
            let csvStream = try CSVReport.Stream()
            try csvStream.add(impact)
            var streamedCSV = ""
            try csvStream.finish(supersededBy: supersededBy) { streamedCSV += $0 }
            precondition(streamedCSV == csv, "streamed CSV differs from the held report's")
            let jsonStream = try JSONReport.Stream(engine: engine)
            try jsonStream.add(document, impact: impact)
            var streamedJSON = ""
            try jsonStream.finish(cases: cases, supersededBy: supersededBy, errors: []) { streamedJSON += $0 }
            precondition(streamedJSON == json, "streamed JSON differs from the held report's")
        } catch {
            preconditionFailure("spill file: \(error)")
        }
    }
    return 0
}
