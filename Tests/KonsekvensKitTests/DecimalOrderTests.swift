import Foundation
import Testing
@testable import KonsekvensKit

/// Comparisons decided by Doubles where they can be are those of Decimal arithmetic, also for
/// values that tie or differ in their last digits, where the Doubles cannot decide.
@Suite struct DecimalOrderTests {
    /// Values of minutes and of a population share (38 digits), with neighbours that differ by
    /// a single unit of their last digit, equal values written otherwise, and negatives.
    private static func samples(_ random: inout SplitMix64) -> [Decimal] {
        let share = Decimal(502_849) * Decimal(48_000) / Decimal(830_000)
        var values: [Decimal] = [0, 1, 32_083, 128_332, 500_000, 1_000_000, share, Decimal(string: "0.01")!, Decimal(string: "999999999999999.99")!]
        for _ in 0..<40 {
            let whole = Decimal(random.below(2_000_000))
            let cents = Decimal(random.below(100)) / 100
            let base = [whole, whole + cents, share + whole, whole * Decimal(random.below(1_000) + 1)][random.below(4)]
            let unit = Decimal(sign: .plus, exponent: -[0, 2, 20, 34][random.below(4)], significand: 1)
            values += [base, base + unit, base - unit, -base, Decimal(string: base.description)!]
        }
        return values
    }

    @Test func lessIsDecimalLess() {
        var random = SplitMix64(seed: 11)
        let values = Self.samples(&random)
        for a in values {
            for b in values.prefix(60) {
                #expect(DecimalOrder.isLess(a, than: b) == (a < b), "\(a) < \(b)")
            }
        }
    }

    /// The nearest value, the first of equals, as the Decimal distances find it: in lists that
    /// hold ties at the same distance on both sides of the target, and values one unit apart.
    @Test func nearestIsDecimalNearest() {
        var random = SplitMix64(seed: 12)
        let values = Self.samples(&random)
        var lists: [(target: Decimal, values: [Decimal])] = [(1, []), (5, [4, 6]), (5, [6, 4]), (5, [4, 4, 6])]
        for _ in 0..<2_000 {
            let target = values[random.below(values.count)]
            var list = (0..<random.below(8)).map { _ in values[random.below(values.count)] }
            if random.below(2) == 0 {
                // The same distance on either side of the target.
                let gap = values[random.below(values.count)]
                list.insert(target + gap, at: random.below(list.count + 1))
                list.insert(target - gap, at: random.below(list.count + 1))
            }
            lists.append((target, list))
        }
        for (target, list) in lists {
            #expect(
                DecimalOrder.indexOfNearest(to: target, in: list)
                    == DecimalOrder.indexOfNearestExactly(to: target, in: list, among: Array(list.indices)),
                "\(target) in \(list)")
        }
    }

    /// Sums and differences added as integers are Foundation's, to the byte (so they print the
    /// same, "2000" or "2.50"), for whole numbers stored every way, near Int64's ends, and for
    /// values that are not whole, which Foundation adds.
    @Test func integerSumsAreFoundationsToTheByte() {
        func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
        var random = SplitMix64(seed: 0x7375_6d73)
        var values = Self.samples(&random) + [Decimal(Int64.max), Decimal(Int64.min), Decimal(Int64.max) + 1, Decimal.nan, Decimal(string: "2.50")!]
        for _ in 0..<3_000 {
            let whole = Int64(bitPattern: random.next()) >> random.below(64)
            values += [Decimal(whole), Decimal(whole) * 1000, Decimal(sign: whole < 0 ? .minus : .plus, exponent: random.below(8), significand: Decimal(whole.magnitude))]
        }
        var wholePairs = 0
        for (index, a) in values.enumerated() {
            let b = values[(index * 7 + random.below(values.count)) % values.count]
            if a.wholeValue != nil, b.wholeValue != nil { wholePairs += 1 }
            #expect(bytes(a.plus(b)) == bytes(a + b) || (a + b).isNaN, "\(a) + \(b)")
            #expect(bytes(a.minus(b)) == bytes(a - b) || (a - b).isNaN, "\(a) - \(b)")
            var added = a
            added.add(b)
            #expect(bytes(added) == bytes(a + b) || (a + b).isNaN, "\(a) += \(b)")
        }
        #expect(wholePairs > values.count / 2)
        let some = Array(values.prefix(500)).filter { !$0.isNaN }
        #expect(bytes(some.sum) == bytes(some.reduce(0, +)))
    }
}

