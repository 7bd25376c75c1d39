import Foundation

/// Compares the amounts extraction finds with hand-written gold files
/// (`Fixtures/gold/NAME.tsv`: line, value, text, note) and reports precision and recall.
/// An amount counts as found when one with the same line and value was extracted.
public enum AmountEvaluation {
    public struct FileScore: Sendable {
        public var source: String
        public var truePositives: Int
        public var falsePositives: [String]
        public var falseNegatives: [String]
    }

    /// Scores every fixture that has a gold file in `goldFolder`.
    public static func evaluate(fixtures: String, goldFolder: String, options: ExtractionOptions = ExtractionOptions()) -> [FileScore] {
        let manager = FileManager.default
        let goldFiles = ((try? manager.contentsOfDirectory(atPath: goldFolder)) ?? []).filter { $0.hasSuffix(".tsv") }.sorted()
        return goldFiles.compactMap { goldName in
            let source = (fixtures as NSString).appendingPathComponent(String(goldName.dropLast(4)))
            guard let goldText = try? String(contentsOfFile: (goldFolder as NSString).appendingPathComponent(goldName), encoding: .utf8),
                let document = try? MinutesReader.read(contentsOf: source)
            else { return nil }
            let extracted = AmountExtractor.extract(document, options: options).items.flatMap(\.amounts)
            var expected: [String: Int] = [:]
            var expectedText: [String: String] = [:]
            for row in goldText.split(separator: "\n").dropFirst() {
                let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2, let value = Decimal(string: String(fields[1]), locale: Locale(identifier: "en_US_POSIX")) else { continue }
                let key = "\(fields[0]):\(value.plainDescription)"
                expected[key, default: 0] += 1
                expectedText[key] = fields.count > 2 ? String(fields[2]) : ""
            }
            var score = FileScore(source: source, truePositives: 0, falsePositives: [], falseNegatives: [])
            for amount in extracted {
                let key = "\(amount.location.line):\(amount.value.plainDescription)"
                if let count = expected[key], count > 0 {
                    expected[key] = count - 1
                    score.truePositives += 1
                } else {
                    score.falsePositives.append("\(key) \(amount.text)")
                }
            }
            for (key, count) in expected.sorted(by: { $0.key < $1.key }) where count > 0 {
                for _ in 0..<count { score.falseNegatives.append("\(key) \(expectedText[key] ?? "")") }
            }
            return score
        }
    }

    /// A table of the scores with totals, precision and recall.
    public static func render(_ scores: [FileScore]) -> String {
        var out = "file\tfound\tfalse positives\tmissed\n"
        var found = 0, spurious = 0, missed = 0
        for score in scores {
            out += "\(score.source)\t\(score.truePositives)\t\(score.falsePositives.count)\t\(score.falseNegatives.count)\n"
            for miss in score.falseNegatives { out += "  missed: \(miss)\n" }
            for extra in score.falsePositives { out += "  spurious: \(extra)\n" }
            found += score.truePositives
            spurious += score.falsePositives.count
            missed += score.falseNegatives.count
        }
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format: "%.1f %%", Double(part) * 100 / Double(whole))
        }
        out += "\namounts in gold files: \(found + missed), extracted: \(found + spurious)\n"
        out += "precision: \(percent(found, found + spurious)), recall: \(percent(found, found + missed))\n"
        return out
    }
}
