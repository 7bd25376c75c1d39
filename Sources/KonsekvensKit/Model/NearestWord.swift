/// "Did you mean …?" for a mistyped name: an option, a rules field, a kind.
public enum NearestWord {
    /// "; did you mean 'payer'?" when a candidate is at most `distance` edits away, else "".
    public static func suggestion(for word: String, among candidates: some Collection<String>, quote: String = "\"", distance: Int = 3) -> String {
        let best = candidates.sorted().map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (name, found) = best, found <= distance else { return "" }
        return "; did you mean \(quote)\(name)\(quote)?"
    }

    /// Levenshtein distance in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
