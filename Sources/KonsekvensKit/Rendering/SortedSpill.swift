/// Elements too many to hold, sorted on disk: every `runSize` appended are sorted and written
/// to a spill file as a run, and the runs are read back merged (``SpillMerge``).
///
/// A merge reads some 64 KB of each run it reads side by side, so `fanIn` runs of one level are
/// merged into one run of the next as soon as they are written: a merge then reads at most
/// `fanIn - 1` runs a level, and what it holds grows with the logarithm of the elements, not
/// with their number (the ledger of a 15 GB corpus, some 200 runs, would be 13 MB read side by
/// side unmerged; merged, at most 30 runs, 2 MB). The runs merged stay in the file as space no
/// longer read, so the file is at most a few times the size of its elements.
final class SortedSpill<Element> {
    private let spill: SpillFile
    private let runSize: Int
    private let fanIn: Int
    private let encode: (Element) -> SpillRecord
    private let decode: (ArraySlice<UInt8>) -> Element
    private let precedes: (Element, Element) -> Bool
    private var pending: [Element] = []
    /// Whether the elements were read: no more are appended then.
    private var read = false
    /// The runs written, as parts of ``spill``, and how many merges made each.
    private var runs: [(part: Range<Int>, level: Int)] = []

    /// None yet, kept in `spill`, sorted by `precedes`, each element written as `encode` makes
    /// it and read as `decode` reads it.
    init(
        spill: SpillFile, runSize: Int, fanIn: Int = defaultFanIn, encode: @escaping (Element) -> SpillRecord,
        decode: @escaping (ArraySlice<UInt8>) -> Element, precedes: @escaping (Element, Element) -> Bool
    ) {
        (self.spill, self.runSize, self.fanIn) = (spill, max(1, runSize), max(2, fanIn))
        (self.encode, self.decode, self.precedes) = (encode, decode, precedes)
    }

    static var defaultFanIn: Int { 16 }

    /// The runs the elements are in now.
    var runCount: Int { runs.count }

    /// Adds an element; before the first ``sorted()``.
    func append(_ element: Element) throws {
        precondition(!read, "a sorted spill's elements are all appended before they are read")
        pending.append(element)
        if pending.count >= runSize { try writeRun() }
    }

    private func writeRun() throws {
        guard !pending.isEmpty else { return }
        pending.sort(by: precedes)
        var sorted = pending.makeIterator()
        try write(level: 0) { sorted.next() }
        pending.removeAll(keepingCapacity: true)
        while runs.count >= fanIn, let level = runs.last?.level, runs.suffix(fanIn).allSatisfy({ $0.level == level }) {
            var merge = try SpillMerge(spill, parts: runs.suffix(fanIn).map(\.part), decode: decode, precedes: precedes)
            runs.removeLast(fanIn)
            try write(level: level + 1) { try merge.pop() }
        }
    }

    /// Writes a run of the elements `next` gives until it gives nil.
    private func write(level: Int, _ next: () throws -> Element?) throws {
        let start = spill.endOffset
        while let element = try next() { try spill.append(bytes: encode(element).bytes) }
        runs.append((start..<spill.endOffset, level))
    }

    /// Every element appended, in order, read one at a time.
    func sorted() throws -> SpillMerge<Element> {
        if !read {
            try writeRun()
            // Some 3 MB of a ledger's items, not kept through the reports' passes.
            pending = []
            read = true
        }
        return try SpillMerge(spill, parts: runs.map(\.part), decode: decode, precedes: precedes)
    }

    /// Gives the file's space back now rather than when the spill is released.
    func remove() {
        spill.remove()
        runs = []
        pending = []
    }
}
