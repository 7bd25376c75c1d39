/// A per-file survey of what the reader found: items, decisions and economy sections, and the
/// headings it did not recognise. A tool for finding what the reader misses in a corpus.
public enum SurveyReport {
    /// One tab-separated line per file, then totals and the most frequent unknown headings.
    public static func render(_ report: AnalysisReport) -> String {
        var out = "file\titems\tclosed\tdecisions\teconomy\tunknown headings\n"
        var totals = (items: 0, open: 0, decisions: 0, economy: 0, titled: 0)
        var unknownCounts: [String: Int] = [:]
        for document in report.documents {
            let open = document.items.filter { !$0.closed }
            let decisions = open.filter { $0.decision != nil }.count
            let economy = open.filter { !$0.sections(.economy).isEmpty }.count
            let unknown = document.diagnostics.filter { $0.code == "UnknownHeading" }
            for diagnostic in unknown { unknownCounts[diagnostic.message, default: 0] += 1 }
            totals.items += document.items.count
            totals.open += open.count
            totals.decisions += decisions
            totals.economy += economy
            totals.titled += document.items.filter { !$0.title.isEmpty }.count
            out += "\(document.source)\t\(document.items.count)\t\(document.items.count - open.count)\t"
            out += "\(decisions)/\(open.count)\t\(economy)/\(open.count)\t\(unknown.count)\n"
        }
        for error in report.errors { out += "\(error.description)\n" }
        func share(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(Double(part * 1000 / whole) / 10) + " %"
        }
        out += "\ndocuments: \(report.documents.count), unreadable: \(report.errors.count)\n"
        out += "items: \(totals.items), open: \(totals.open), with a title: \(totals.titled)\n"
        out += "open items with a decision: \(totals.decisions) (\(share(totals.decisions, totals.open)))\n"
        out += "open items with an economy section: \(totals.economy) (\(share(totals.economy, totals.open)))\n"
        if !unknownCounts.isEmpty {
            out += "\nheadings not recognised (most frequent first):\n"
            for (message, count) in unknownCounts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(40) {
                out += "\(count)\t\(message)\n"
            }
        }
        return out
    }
}
