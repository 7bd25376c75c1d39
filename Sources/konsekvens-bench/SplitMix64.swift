/// A small seeded generator (SplitMix64, Steele, Lea & Flood 2014), so the same seed gives the
/// same corpus byte for byte on every platform and toolchain. The standard library's
/// `random(in:using:)` helpers are not used: their algorithms are not promised to stay fixed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`; the modulo bias is far below anything a corpus can show.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        int(in: 0...99) < percent
    }

    /// One element of a non-empty pool.
    mutating func pick<T>(_ pool: [T]) -> T {
        pool[int(in: 0...(pool.count - 1))]
    }
}
