import Foundation
import Testing

@testable import KonsekvensKit

@Suite struct SortedSpillTests {
    /// A number and the order it was appended in: equal numbers must come back in that order.
    typealias Element = (number: Int, order: Int)

    static func spill(onDisk: Bool, runSize: Int, fanIn: Int) throws -> SortedSpill<Element> {
        let file = onDisk ? try SpillFile(directory: FileManager.default.temporaryDirectory) : SpillFile()
        return SortedSpill(
            spill: file, runSize: runSize, fanIn: fanIn,
            encode: { element in
                var record = SpillRecord()
                record.append(element.number)
                record.append(element.order)
                return record
            },
            decode: { bytes in
                var reader = SpillRecord.Reader(bytes)
                return (reader.int(), reader.int())
            },
            precedes: { a, b in (a.number, a.order) < (b.number, b.order) })
    }

    /// Whatever the runs and however many are merged as they are written, the elements come
    /// back sorted, every one of them, on disk and in memory.
    @Test(arguments: [false, true])
    func elementsComeBackSorted(onDisk: Bool) throws {
        var random = SplitMix64(seed: 0x736f_7274)
        for _ in 0..<200 {
            let (runSize, fanIn) = (1 + random.below(5), 2 + random.below(4))
            let spill = try Self.spill(onDisk: onDisk, runSize: runSize, fanIn: fanIn)
            var appended: [Element] = []
            for order in 0..<random.below(120) {
                let element = (random.below(20) - 10, order)
                appended.append(element)
                try spill.append(element)
            }
            var merge = try spill.sorted()
            var sorted: [Element] = []
            while let element = try merge.pop() { sorted.append(element) }
            let expected = appended.sorted { ($0.number, $0.order) < ($1.number, $1.order) }
            #expect(sorted.map(\.number) == expected.map(\.number) && sorted.map(\.order) == expected.map(\.order))
        }
    }

    /// Runs of one element merged two at a time as they are written leave one run for each bit
    /// of the count, as a binary counter: the runs read side by side grow with the logarithm of
    /// the elements, not with their number.
    @Test func runsAreMergedAsTheyAreWritten() throws {
        let spill = try Self.spill(onDisk: true, runSize: 1, fanIn: 2)
        for order in 0..<1_000 {
            try spill.append((1_000 - order, order))
            #expect(spill.runCount == (order + 1).nonzeroBitCount)
        }
        let sixteen = try Self.spill(onDisk: false, runSize: 1, fanIn: 16)
        for order in 0..<4_095 { try sixteen.append((order % 7, order)) }
        // 4.095 = 15 × 256 + 15 × 16 + 15: fifteen runs of each of three levels.
        #expect(sixteen.runCount == 45)
        try sixteen.append((0, 4_095))
        #expect(sixteen.runCount == 1)
    }
}
