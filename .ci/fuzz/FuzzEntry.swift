import Foundation

/// libFuzzer entry: the whole pipeline from bytes to the JSON report, with the default rules.
/// Built by .ci/fuzz.sh with `swiftc -sanitize=fuzzer,address` over the library's sources.
let fuzzEngine: RuleEngine? = try? Analyzer.defaultEngine()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks the layout, as a file extension would.
    let source = ["fuzz.md", "fuzz.txt", "fuzz.html", "fuzz"][Int(bytes.first ?? 0) % 4]
    let document = AmountExtractor.extract(MinutesReader.read(bytes, source: source))
    let impacts = fuzzEngine.map { [$0.apply(to: document)] } ?? []
    let report = AnalysisReport(documents: [document], impacts: impacts, errors: [])
    _ = JSONReport.render(report)
    _ = CSVReport.render(report)
    _ = MarkdownReport.render(report)
    return 0
}
