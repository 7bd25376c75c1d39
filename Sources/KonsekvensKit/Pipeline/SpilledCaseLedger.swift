import Foundation

/// The case ledger of a streamed run, kept on disk so that it does not grow in memory with the
/// corpus: the items noted are sorted by case number in runs of `runSize` in a spill file
/// (``SortedSpill``), and the runs are merged at the end, one case at a time.
///
/// In memory, the ledger of a CSV run over the generated 1 GB was 19 MB, some 100 bytes for each
/// of its 209.000 items with a case number, more with the items' titles (Markdown, HTML): the one
/// part of a streamed run that grew with the corpus. Spilled, the run's peaks with two jobs went
/// from 90 to 69 MB (CSV), 118 to 91 (JSON), 120 to 92 (Markdown) and 131 to 86 (HTML). The
/// merge reads 64 KB of each run at a time (13 runs a GB, 16 merged into one as they are
/// written); the tracks it makes go to a spill file of their own (``CaseTrackList``), and the
/// meetings that supersede steps to another (``SupersededSteps``).
final class SpilledCaseLedger {
    /// Each item noted, with its place in the order noted, sorted by case number and then order.
    private let items: SortedSpill<(order: Int, item: CaseLedger.NotedStep)>
    private let directory: URL
    private let runSize: Int
    private var noted = 0
    private var taken = false

    /// A ledger with a spill file in `directory` (the system's temporary folder by default),
    /// written in runs of `runSize` items.
    init(directory: URL?, runSize: Int = defaultRunSize) throws {
        self.directory = directory ?? FileManager.default.temporaryDirectory
        self.runSize = runSize
        items = SortedSpill(spill: try SpillFile(directory: self.directory), runSize: runSize, encode: Self.record, decode: Self.item) { a, b in
            CaseLedger.precedes((a.item.caseNumber, a.order), (b.item.caseNumber, b.order))
        }
    }

    /// Some 3 MB of items in memory before a run is written.
    static let defaultRunSize = 16_384

    /// The runs written so far.
    var runCount: Int { items.runCount }

    /// Adds what `ledger` noted, as if its documents had been added after those added before.
    func add(_ ledger: CaseLedger) throws {
        for item in ledger.notedSteps {
            try items.append((noted, item))
            noted += 1
        }
    }

    /// The tracks of the cases in more than one document, as ``CaseLedger/tracks()`` makes
    /// them, kept in a spill file of their own when `keepingTracks` (a CSV report needs only
    /// the superseded steps), and the superseded steps in another; the ledger's spill file is
    /// emptied, so this is called once.
    func tracks(keepingTracks: Bool = true) throws -> (tracks: CaseTrackList, supersededBy: SupersededSteps) {
        precondition(!taken, "a spilled ledger's tracks are made once")
        taken = true
        defer { items.remove() }
        var sorted = try items.sorted()
        let tracks = keepingTracks ? CaseTrackList(spill: try SpillFile(directory: directory)) : CaseTrackList([])
        let superseded = SupersededSteps(spill: try SpillFile(directory: directory), runSize: runSize)
        var group: [CaseLedger.NotedStep] = []
        func end() throws {
            if let first = group.first, group.count > 1 {
                for track in CaseLedger.tracks(first.caseNumber, group) {
                    for (key, meeting) in track.supersededSteps { try superseded.add(key, supersededBy: meeting) }
                    if keepingTracks { try tracks.append(track) }
                }
            }
            group.removeAll(keepingCapacity: true)
        }
        while let item = try sorted.pop()?.item {
            if let first = group.first, first.caseNumber != item.caseNumber { try end() }
            group.append(item)
        }
        try end()
        return (tracks, superseded)
    }

    private static func record(_ noted: (order: Int, item: CaseLedger.NotedStep)) -> SpillRecord {
        var record = SpillRecord()
        record.append(noted.item.caseNumber)
        record.append(noted.order)
        record.append(noted.item.step)
        return record
    }

    private static func item(_ bytes: ArraySlice<UInt8>) -> (order: Int, item: CaseLedger.NotedStep) {
        var reader = SpillRecord.Reader(bytes)
        let caseNumber = reader.string()
        let order = reader.int()
        return (order, CaseLedger.NotedStep(caseNumber: caseNumber, step: reader.step()))
    }
}
