import Foundation

/// The tracks of a run's cases, in the order of their case numbers, read as often as a report
/// needs them, from a spill file: on disk for a streamed run, where they do not grow in memory
/// with the corpus (the 7.725 cases of the generated 1 GB took some 10 MB as steps), in memory
/// for a held Markdown report or page, which are rendered by the same code as streamed ones.
final class CaseTrackList {
    private let spill: SpillFile
    /// The tracks appended.
    private(set) var count = 0
    /// The tracks appended with budget lines each status filter shows, counted as they come so
    /// that a report can say how many it lists before it reads them.
    private var countsWithLines: [StatusFilter: Int] = [:]

    /// An empty list kept in `spill`.
    init(spill: SpillFile) {
        self.spill = spill
    }

    /// The tracks `tracks`, held in memory.
    convenience init(_ tracks: [CaseTrack]) {
        self.init(spill: SpillFile())
        do {
            for track in tracks { try append(track) }
        } catch {
            preconditionFailure("a spill held in memory failed: \(error)")
        }
    }

    var isEmpty: Bool { count == 0 }

    /// Appends the track that follows the last in the order of case numbers.
    func append(_ track: CaseTrack) throws {
        var record = SpillRecord()
        record.append(track)
        try spill.append(bytes: record.bytes)
        count += 1
        for filter in StatusFilter.allCases where track.hasLines(shownBy: filter) { countsWithLines[filter, default: 0] += 1 }
    }

    /// How many tracks have a step with budget lines that `filter` shows.
    func count(withLinesShownBy filter: StatusFilter) -> Int {
        countsWithLines[filter] ?? 0
    }

    /// Calls `body` with every track, in order.
    func forEach(_ body: (CaseTrack) throws -> Void) throws {
        try spill.readBack { bytes in
            var reader = SpillRecord.Reader(bytes)
            try body(reader.track())
        }
    }
}
