import Foundation

/// Compares what Konsekvens finds in the fixtures with hand-written gold files and reports
/// precision and recall:
/// - amounts, from `gold/NAME.tsv` (`line`, `value`, `text`, `note`): found when an amount with
///   the same line and value was extracted;
/// - budget lines, from `gold/NAME.lines.tsv` (`item`, `year`, `net`, `gross`, `kind`, `note`):
///   found when a line of the same item and year (or `total`) has the same net effect, and for
///   money that only moves (net 0) the same gross amount.
public enum AmountEvaluation {
    /// One fixture's score: found, and the spurious and missed entries as "key text".
    public struct FileScore: Sendable {
        public var source: String
        public var truePositives: Int
        public var falsePositives: [String]
        public var falseNegatives: [String]
    }

    /// What a gold file lists.
    public enum Subject: Sendable {
        case amounts, budgetLines

        var suffix: String { self == .amounts ? ".tsv" : ".lines.tsv" }
    }

    /// Scores every fixture that has a gold file of `subject` in `goldFolder`.
    public static func evaluate(
        _ subject: Subject = .amounts, fixtures: String, goldFolder: String, options: ExtractionOptions = ExtractionOptions(),
        engine: RuleEngine? = nil
    ) -> [FileScore] {
        let goldFiles = ((try? FileManager.default.contentsOfDirectory(atPath: goldFolder)) ?? []).filter { name in
            name.hasSuffix(subject.suffix) && (subject == .budgetLines || !name.hasSuffix(Subject.budgetLines.suffix))
        }.sorted()
        return goldFiles.compactMap { goldName in
            let source = (fixtures as NSString).appendingPathComponent(String(goldName.dropLast(subject.suffix.count)))
            guard let goldText = try? String(contentsOfFile: (goldFolder as NSString).appendingPathComponent(goldName), encoding: .utf8),
                let read = try? MinutesReader.read(contentsOf: source)
            else { return nil }
            let document = AmountExtractor.extract(read, options: options)
            let found: [(key: String, text: String)]
            switch subject {
            case .amounts:
                found = document.items.flatMap(\.amounts).map { ("\($0.location.line):\($0.value.plainDescription)", $0.text) }
            case .budgetLines:
                guard let engine else { return nil }
                found = engine.apply(to: document).budgetLines.map { line in
                    (lineKey(item: line.itemNumber.map(String.init) ?? "-", year: line.year.map(String.init) ?? "total",
                             net: line.net, gross: line.amount), line.quote)
                }
            }
            return score(source: source, found: found, expected: goldRows(goldText, subject: subject))
        }
    }

    static func lineKey(item: String, year: String, net: Decimal, gross: Decimal) -> String {
        "item \(item) \(year): \(net.plainDescription)" + (net == 0 ? " (gross \(gross.plainDescription))" : "")
    }

    private static func goldRows(_ text: String, subject: Subject) -> [(key: String, text: String)] {
        let posix = Locale(identifier: "en_US_POSIX")
        return text.split(separator: "\n").dropFirst().compactMap { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch subject {
            case .amounts:
                guard fields.count >= 2, let value = Decimal(string: fields[1], locale: posix) else { return nil }
                return ("\(fields[0]):\(value.plainDescription)", fields.count > 2 ? fields[2] : "")
            case .budgetLines:
                guard fields.count >= 4, let net = Decimal(string: fields[2], locale: posix),
                    let gross = Decimal(string: fields[3], locale: posix)
                else { return nil }
                return (lineKey(item: fields[0], year: fields[1], net: net, gross: gross), fields.count > 5 ? fields[5] : "")
            }
        }
    }

    private static func score(source: String, found: [(key: String, text: String)], expected: [(key: String, text: String)]) -> FileScore {
        var remaining: [String: Int] = [:]
        var texts: [String: String] = [:]
        for row in expected {
            remaining[row.key, default: 0] += 1
            texts[row.key] = row.text
        }
        var score = FileScore(source: source, truePositives: 0, falsePositives: [], falseNegatives: [])
        for row in found {
            if let count = remaining[row.key], count > 0 {
                remaining[row.key] = count - 1
                score.truePositives += 1
            } else {
                score.falsePositives.append("\(row.key) \(row.text)")
            }
        }
        for (key, count) in remaining.sorted(by: { $0.key < $1.key }) where count > 0 {
            for _ in 0..<count { score.falseNegatives.append("\(key) \(texts[key] ?? "")") }
        }
        return score
    }

    /// Precision and recall over all files: found / (found + spurious), found / (found + missed).
    public static func totals(_ scores: [FileScore]) -> (found: Int, spurious: Int, missed: Int) {
        (scores.map(\.truePositives).reduce(0, +), scores.map(\.falsePositives.count).reduce(0, +),
         scores.map(\.falseNegatives.count).reduce(0, +))
    }

    /// A table of the scores with totals, precision and recall.
    public static func render(_ scores: [FileScore], title: String = "amounts") -> String {
        var out = "file\tfound\tfalse positives\tmissed\n"
        for score in scores {
            out += "\(score.source)\t\(score.truePositives)\t\(score.falsePositives.count)\t\(score.falseNegatives.count)\n"
            for miss in score.falseNegatives { out += "  missed: \(miss)\n" }
            for extra in score.falsePositives { out += "  spurious: \(extra)\n" }
        }
        let (found, spurious, missed) = totals(scores)
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format: "%.1f %%", Double(part) * 100 / Double(whole))
        }
        out += "\n\(title) in gold files: \(found + missed), found by Konsekvens: \(found + spurious)\n"
        out += "\(title) precision: \(percent(found, found + spurious)), recall: \(percent(found, found + missed))\n"
        return out
    }
}
