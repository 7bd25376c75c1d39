import Foundation

/// For every step of a case that does not count, the meeting whose step does: what a report
/// shows as its lines' "superseded by". Kept in a spill file in runs sorted by the steps'
/// sources (on disk for a streamed run, where as a dictionary it grew with the corpus, some
/// 8.600 steps and 2–5 MB a GB of generated minutes), and read through a ``Lookup``, which
/// takes the runs in the order of the sources, as a run's documents come.
final class SupersededSteps {
    private let steps: SortedSpill<Entry>

    /// A superseded step: its document and case, and the meeting that supersedes it.
    fileprivate struct Entry {
        var key: CaseLedger.Key
        var meeting: String
    }

    /// None yet, kept in `spill` in runs of `runSize` steps.
    init(spill: SpillFile, runSize: Int) {
        steps = SortedSpill(spill: spill, runSize: runSize, encode: Self.record, decode: Self.entry, precedes: Self.precedes)
    }

    /// The steps of `supersededBy`, held in memory.
    convenience init(_ supersededBy: [CaseLedger.Key: String]) {
        self.init(spill: SpillFile(), runSize: Int.max)
        do {
            for (key, meeting) in supersededBy { try add(key, supersededBy: meeting) }
        } catch {
            preconditionFailure("a spill held in memory failed: \(error)")
        }
    }

    /// Notes that the step `key` is superseded by `meeting`; before the first ``lookup()``.
    func add(_ key: CaseLedger.Key, supersededBy meeting: String) throws {
        try steps.append(Entry(key: key, meeting: meeting))
    }

    private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.key.source == b.key.source ? a.key.caseNumber < b.key.caseNumber : a.key.source < b.key.source
    }

    private static func record(_ entry: Entry) -> SpillRecord {
        var record = SpillRecord()
        record.append(entry.key.source)
        record.append(entry.key.caseNumber)
        record.append(entry.meeting)
        return record
    }

    private static func entry(_ bytes: ArraySlice<UInt8>) -> Entry {
        var reader = SpillRecord.Reader(bytes)
        let (source, caseNumber) = (reader.string(), reader.string())
        return Entry(key: CaseLedger.Key(source: source, caseNumber: caseNumber), meeting: reader.string())
    }

    /// A reader of the steps, for one pass over a run's documents.
    func lookup() throws -> Lookup {
        try Lookup(steps)
    }

    /// Finds the meeting that supersedes a step, reading the steps once when it is asked in
    /// the order of their sources (a run's documents are read in sorted order, and a report's
    /// passes over them keep it); a source before the last one asked starts it again from the
    /// first step, so any order gives the right answer.
    struct Lookup {
        private let steps: SortedSpill<Entry>
        private var merge: SpillMerge<Entry>
        /// The source last asked, and its steps by case number.
        private var source: String?
        private var meetings: [String: String] = [:]

        fileprivate init(_ steps: SortedSpill<Entry>) throws {
            self.steps = steps
            merge = try steps.sorted()
        }

        /// The meeting that supersedes the step `key`, or nil when it counts or is not a step of a case.
        mutating func meeting(for key: CaseLedger.Key) throws -> String? {
            if source != key.source {
                if let source, key.source < source { merge = try steps.sorted() }
                while let next = merge.first, next.key.source < key.source { try merge.pop() }
                meetings.removeAll(keepingCapacity: true)
                while let next = merge.first, next.key.source == key.source {
                    // A key noted twice (two items of one case in a document) has one meeting,
                    // that of its track's step that counts, so which comes last does not matter.
                    meetings[next.key.caseNumber] = next.meeting
                    try merge.pop()
                }
                source = key.source
            }
            return meetings[key.caseNumber]
        }
    }
}
