import Foundation

/// The case ledger of a streamed run, kept on disk so that it does not grow in memory with the
/// corpus: the items noted are sorted by case number in runs of a fixed count, each run written
/// to a spill file, and the runs merged at the end, one case at a time.
///
/// In memory, the ledger of a CSV run over the generated 1 GB was 19 MB, some 100 bytes for each
/// of its 209.000 items with a case number, more with the items' titles (Markdown, HTML): the one
/// part of a streamed run that grew with the corpus. Spilled, the run's peaks with two jobs went
/// from 90 to 69 MB (CSV), 118 to 91 (JSON), 120 to 92 (Markdown) and 131 to 86 (HTML). The
/// tracks, the 7.725 cases there in more than one document, are still made in memory, and the
/// merge reads 64 KB of each run at a time (13 runs a GB).
final class SpilledCaseLedger {
    private let spill: SpillFile
    /// Items noted since the last run was written, each with its place in the order noted.
    private var pending: [(order: Int, item: CaseLedger.NotedStep)] = []
    /// The runs written, as parts of ``spill``, each sorted by case number and then order.
    private var runs: [Range<Int>] = []
    private var noted = 0
    private let runSize: Int

    /// A ledger with a spill file in `directory` (the system's temporary folder by default),
    /// written in runs of `runSize` items.
    init(directory: URL?, runSize: Int = 16_384) throws {
        spill = try SpillFile(directory: directory ?? FileManager.default.temporaryDirectory)
        self.runSize = max(1, runSize)
    }

    /// The runs written so far.
    var runCount: Int { runs.count }

    /// Adds what `ledger` noted, as if its documents had been added after those added before.
    func add(_ ledger: CaseLedger) throws {
        for item in ledger.notedSteps {
            pending.append((noted, item))
            noted += 1
        }
        if pending.count >= runSize { try writeRun() }
    }

    private func writeRun() throws {
        guard !pending.isEmpty else { return }
        pending.sort { a, b in a.item.caseNumber == b.item.caseNumber ? a.order < b.order : a.item.caseNumber < b.item.caseNumber }
        let start = spill.endOffset
        for (order, item) in pending { try spill.append(bytes: Self.record(order, item).bytes) }
        runs.append(start..<spill.endOffset)
        pending.removeAll(keepingCapacity: true)
    }

    /// The tracks of the cases in more than one document, as ``CaseLedger/tracks()`` makes
    /// them; the spill file is emptied afterwards.
    func tracks() throws -> (tracks: [CaseTrack], supersededBy: [CaseLedger.Key: String]) {
        defer { spill.remove() }
        try writeRun()
        var heads = Heads()
        for run in runs {
            var strings = try spill.strings(in: run)
            if let head = try Self.next(&strings) { heads.push(head, strings) }
        }
        var tracks = CaseLedger.Tracks()
        var group: [CaseLedger.NotedStep] = []
        while let item = try heads.pop()?.item {
            if let first = group.first, first.caseNumber != item.caseNumber {
                if group.count > 1 { tracks.add(first.caseNumber, group) }
                group.removeAll(keepingCapacity: true)
            }
            group.append(item)
        }
        if let first = group.first, group.count > 1 { tracks.add(first.caseNumber, group) }
        runs = []
        return (tracks.tracks, tracks.supersededBy)
    }

    private static func record(_ order: Int, _ item: CaseLedger.NotedStep) -> SpillRecord {
        var record = SpillRecord()
        record.append(item.caseNumber)
        record.append(order)
        record.append(item.step.source)
        record.append(item.step.itemNumber)
        record.append(item.step.title)
        record.append(item.step.body != nil ? 1 : 0)
        record.append(item.step.body ?? "")
        record.append(item.step.date.map { $0.year * 10_000 + $0.month * 100 + $0.day })
        record.append(DecisionStatus.allCases.firstIndex(of: item.step.status) ?? 0)
        record.append(item.step.decision != nil ? 1 : 0)
        record.append(item.step.decision ?? "")
        record.append(item.hasLines ? 1 : 0)
        return record
    }

    private static func next(_ strings: inout SpillFile.Strings) throws -> (order: Int, item: CaseLedger.NotedStep)? {
        guard let bytes = try strings.next() else { return nil }
        var reader = SpillRecord.Reader(bytes)
        let caseNumber = reader.string()
        let order = reader.int()
        let source = reader.string()
        let itemNumber = reader.optionalInt()
        let title = reader.string()
        let hasBody = reader.int() == 1
        let body = reader.string()
        let date = reader.optionalInt().flatMap { MeetingDate(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) }
        let status = DecisionStatus.allCases[reader.int()]
        let hasDecision = reader.int() == 1
        let decision = reader.string()
        let hasLines = reader.int() == 1
        let step = CaseTrack.Step(
            source: source, itemNumber: itemNumber, title: title, body: hasBody ? body : nil, date: date, status: status,
            decision: hasDecision ? decision : nil)
        return (order, CaseLedger.NotedStep(caseNumber: caseNumber, step: step, hasLines: hasLines))
    }

    /// The runs' next items, smallest first: a binary heap ordered by case number, then by
    /// the order noted.
    private struct Heads {
        private var heap: [(head: (order: Int, item: CaseLedger.NotedStep), rest: SpillFile.Strings)] = []

        private func precedes(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (heap[a].head, heap[b].head)
            return x.item.caseNumber == y.item.caseNumber ? x.order < y.order : x.item.caseNumber < y.item.caseNumber
        }

        mutating func push(_ head: (order: Int, item: CaseLedger.NotedStep), _ rest: SpillFile.Strings) {
            heap.append((head, rest))
            var child = heap.count - 1
            while child > 0, precedes(child, (child - 1) / 2) {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }

        /// The smallest head, its run's next item taking its place.
        mutating func pop() throws -> (order: Int, item: CaseLedger.NotedStep)? {
            // The head alone: a copy of the run's reader would copy its bytes when it reads on.
            guard let top = heap.first?.head else { return nil }
            if let next = try SpilledCaseLedger.next(&heap[0].rest) {
                heap[0].head = next
            } else {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            var parent = 0
            while true {
                let (left, right) = (2 * parent + 1, 2 * parent + 2)
                var smallest = parent
                if left < heap.count, precedes(left, smallest) { smallest = left }
                if right < heap.count, precedes(right, smallest) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
            return top
        }
    }
}
