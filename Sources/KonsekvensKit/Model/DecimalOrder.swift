import Foundation

/// Decimal comparisons decided by Doubles where the Doubles are far enough apart to be sure,
/// and by Decimal arithmetic where they are not: a Decimal subtraction is some 8.000
/// instructions and a comparison some 2.000, a conversion to Double some 150 (callgrind). The
/// answers are those of Decimal arithmetic.
enum DecimalOrder {
    /// Far more than a conversion and a subtraction in Doubles can be off by, as a fraction of
    /// the magnitudes involved: a Double holds 16 digits, and the conversion loses a few units in
    /// the last place.
    private static let relativeError = 1e-9

    /// Whether `a` is less than `b`.
    static func isLess(_ a: Decimal, than b: Decimal) -> Bool {
        let (x, y) = (approximate(a), approximate(b))
        guard x.isFinite, y.isFinite else { return a < b }
        let margin = relativeError * (abs(x) + abs(y)) + .leastNormalMagnitude
        if x < y - margin { return true }
        if x > y + margin { return false }
        return a < b
    }

    /// The index of the value nearest `target`, the first of equals; nil for none.
    static func indexOfNearest(to target: Decimal, in values: [Decimal]) -> Int? {
        let t = approximate(target)
        var distances: [Double] = []
        var margins: [Double] = []
        distances.reserveCapacity(values.count)
        margins.reserveCapacity(values.count)
        var best: Int?
        for value in values {
            let x = approximate(value)
            guard x.isFinite, t.isFinite else { return indexOfNearestExactly(to: target, in: values, among: Array(values.indices)) }
            distances.append(abs(x - t))
            margins.append(relativeError * (abs(x) + abs(t)) + .leastNormalMagnitude)
            if best == nil || distances[distances.count - 1] < distances[best!] { best = distances.count - 1 }
        }
        guard let best else { return nil }
        // A value whose distance may be as short as the best one's: only these can be nearest.
        let bound = distances[best] + margins[best]
        let open = values.indices.filter { distances[$0] - margins[$0] <= bound }
        return open.count == 1 ? best : indexOfNearestExactly(to: target, in: values, among: open)
    }

    /// ``indexOfNearest(to:in:)`` in Decimal arithmetic, over the indices `among`, in order.
    static func indexOfNearestExactly(to target: Decimal, in values: [Decimal], among indices: [Int]) -> Int? {
        var closest: (index: Int, distance: Decimal)?
        for index in indices {
            let distance = abs(values[index] - target)
            if closest == nil || distance < closest!.distance { closest = (index, distance) }
        }
        return closest?.index
    }

    private static func approximate(_ value: Decimal) -> Double {
        Double(truncating: value as NSNumber)
    }
}
