/// How one file spells the numbers in its budget tables: "÷ 310" or "-310", "1.500" or "1 500".
struct TableCells {
    var minus: String
    var thousands: String

    init(random: inout SplitMix64) {
        minus = random.pick(["÷ ", "-", "– "])
        thousands = random.pick([".", ".", " "])
    }

    func text(_ value: Int) -> String {
        var digits = Array(String(abs(value)))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(String(digits), at: 0)
        return (value < 0 ? minus : "") + groups.joined(separator: thousands)
    }
}
