import Foundation

/// A per-file survey of what the reader found: items, decisions and economy sections, and the
/// headings it did not recognise. A tool for finding what the reader misses in a corpus.
public enum SurveyReport {
    /// One tab-separated line per file, then totals and the most frequent unknown headings.
    public static func render(_ report: AnalysisReport) -> String {
        let survey = Stream(spill: SpillFile())
        var out: [UInt8] = []
        do {
            for document in report.documents { try survey.add(Entry(document)) }
            try survey.finish(errors: report.errors) { out += $0 }
        } catch {
            // A spill kept in memory is never written to a file, and `out` takes every byte.
            preconditionFailure("a survey held in memory failed: \(error)")
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What the survey says of one document, made on the thread that read it.
    public struct Entry: Sendable {
        var line: String
        var items = 0, open = 0, decisions = 0, economy = 0, titled = 0
        var unknownHeadings: [String]

        /// The document's line of the survey and its counts.
        public init(_ document: Document) {
            let open = document.items.filter { !$0.closed }
            let unknown = document.diagnostics.filter { $0.code == "UnknownHeading" }
            items = document.items.count
            self.open = open.count
            decisions = open.filter { $0.decision != nil }.count
            economy = open.filter { !$0.sections(.economy).isEmpty }.count
            titled = document.items.filter { !$0.title.isEmpty }.count
            unknownHeadings = unknown.map(\.message)
            line = "\(document.source)\t\(items)\t\(items - self.open)\t\(decisions)/\(self.open)\t\(economy)/\(self.open)\t\(unknown.count)\n"
        }
    }

    /// The survey of a run too large to hold: each file's line goes to a spill file as it
    /// comes; only the totals and the count of each unknown heading stay in memory.
    public final class Stream {
        private let lines: SpillFile
        private var documents = 0
        private var totals = (items: 0, open: 0, decisions: 0, economy: 0, titled: 0)
        private var unknownCounts: [String: Int] = [:]

        /// Opens a spill file in `directory` (the system's temporary folder by default).
        public convenience init(directory: URL? = nil) throws {
            self.init(spill: try SpillFile(directory: directory ?? FileManager.default.temporaryDirectory))
        }

        init(spill: SpillFile) {
            lines = spill
        }

        /// Adds the next file's entry.
        public func add(_ entry: Entry) throws {
            try lines.append(entry.line)
            documents += 1
            totals.items += entry.items
            totals.open += entry.open
            totals.decisions += entry.decisions
            totals.economy += entry.economy
            totals.titled += entry.titled
            for message in entry.unknownHeadings { unknownCounts[message, default: 0] += 1 }
        }

        /// Writes the survey through `write`: the files' lines, the files that could not be
        /// read, the totals and the most frequent unknown headings.
        public func finish(errors: [ReadError], write: ReportWriter) throws {
            var batch = WriteBatch()
            try batch.add("file\titems\tclosed\tdecisions\teconomy\tunknown headings\n", to: write)
            try lines.readBack { try batch.add(bytes: $0, to: write) }
            lines.remove()
            var out = ""
            for error in errors { out += "\(error.description)\n" }
            func share(_ part: Int, _ whole: Int) -> String {
                whole == 0 ? "–" : String(Double(part * 1000 / whole) / 10) + " %"
            }
            out += "\ndocuments: \(documents), unreadable: \(errors.count)\n"
            out += "items: \(totals.items), open: \(totals.open), with a title: \(totals.titled)\n"
            out += "open items with a decision: \(totals.decisions) (\(share(totals.decisions, totals.open)))\n"
            out += "open items with an economy section: \(totals.economy) (\(share(totals.economy, totals.open)))\n"
            if !unknownCounts.isEmpty {
                out += "\nheadings not recognised (most frequent first):\n"
                for (message, count) in unknownCounts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(40) {
                    out += "\(count)\t\(message)\n"
                }
            }
            try batch.add(out, to: write)
            try batch.flush(to: write)
        }
    }
}
