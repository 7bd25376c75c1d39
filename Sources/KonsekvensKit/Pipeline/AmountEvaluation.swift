import Foundation

/// Compares what Konsekvens finds in the fixtures with hand-written gold files and reports
/// precision and recall:
/// - amounts, from `gold/NAME.tsv` (`line`, `value`, `text`, `note`): found when an amount with
///   the same line and value was extracted;
/// - budget lines, from `gold/NAME.lines.tsv` (`item`, `year`, `net`, `gross`, `kind`, `note`):
///   found when a line of the same item and year (or `total`) has the same net effect, and for
///   money that only moves (net 0) the same gross amount. A line found is also compared with the
///   gold file's kind (tillægsbevilling, merudgift, …): a line of the wrong kind is found, and
///   listed apart, since a check such as GrantHasFinancing reads the kind.
public enum AmountEvaluation {
    /// One fixture's score: found, and the spurious and missed entries as "key text".
    public struct FileScore: Sendable {
        public var source: String
        public var truePositives: Int
        public var falsePositives: [String]
        public var falseNegatives: [String]
        /// Budget lines found with another kind than the gold file's, as "key: gold → found".
        public var wrongKinds: [String] = []
    }

    /// One entry of a gold file or of what was found: its key, its text, and a budget line's kind.
    struct Entry {
        var key: String
        var text: String
        var kind: String? = nil
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
            let found: [Entry]
            switch subject {
            case .amounts:
                found = document.items.flatMap(\.amounts).map { Entry(key: "\($0.location.line):\($0.value.plainDescription)", text: $0.text) }
            case .budgetLines:
                guard let engine else { return nil }
                found = engine.apply(to: document).budgetLines.map { line in
                    Entry(
                        key: lineKey(item: line.itemNumber.map(String.init) ?? "-", year: line.year.map(String.init) ?? "total",
                                     net: line.net, gross: line.amount), text: line.quote, kind: line.kind.rawValue)
                }
            }
            return score(source: source, found: found, expected: goldRows(goldText, subject: subject))
        }
    }

    static func lineKey(item: String, year: String, net: Decimal, gross: Decimal) -> String {
        "item \(item) \(year): \(net.plainDescription)" + (net == 0 ? " (gross \(gross.plainDescription))" : "")
    }

    private static func goldRows(_ text: String, subject: Subject) -> [Entry] {
        let posix = Locale(identifier: "en_US_POSIX")
        return text.split(separator: "\n").dropFirst().compactMap { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch subject {
            case .amounts:
                guard fields.count >= 2, let value = Decimal(string: fields[1], locale: posix) else { return nil }
                return Entry(key: "\(fields[0]):\(value.plainDescription)", text: fields.count > 2 ? fields[2] : "")
            case .budgetLines:
                guard fields.count >= 4, let net = Decimal(string: fields[2], locale: posix),
                    let gross = Decimal(string: fields[3], locale: posix)
                else { return nil }
                return Entry(
                    key: lineKey(item: fields[0], year: fields[1], net: net, gross: gross), text: fields.count > 5 ? fields[5] : "",
                    kind: fields.count > 4 ? fields[4] : nil)
            }
        }
    }

    static func score(source: String, found: [Entry], expected: [Entry]) -> FileScore {
        // The gold entries of each key not yet found, in order.
        var remaining: [String: [Entry]] = [:]
        for row in expected { remaining[row.key, default: []].append(row) }
        var score = FileScore(source: source, truePositives: 0, falsePositives: [], falseNegatives: [])
        for row in found {
            guard var candidates = remaining[row.key], !candidates.isEmpty else {
                score.falsePositives.append("\(row.key) \(row.text)")
                continue
            }
            // Of several gold lines with one key, the one of the same kind is the one found.
            let gold = candidates.remove(at: candidates.firstIndex { $0.kind == row.kind } ?? 0)
            remaining[row.key] = candidates
            score.truePositives += 1
            if let expectedKind = gold.kind, let kind = row.kind, expectedKind != kind {
                score.wrongKinds.append("\(row.key): \(expectedKind) → \(kind)")
            }
        }
        for (key, rows) in remaining.sorted(by: { $0.key < $1.key }) {
            for row in rows { score.falseNegatives.append("\(key) \(row.text)") }
        }
        return score
    }

    /// Precision and recall over all files: found / (found + spurious), found / (found + missed).
    public static func totals(_ scores: [FileScore]) -> (found: Int, spurious: Int, missed: Int) {
        (scores.map(\.truePositives).reduce(0, +), scores.map(\.falsePositives.count).reduce(0, +),
         scores.map(\.falseNegatives.count).reduce(0, +))
    }

    /// A table of the scores with totals, precision and recall.
    public static func render(_ scores: [FileScore], subject: Subject = .amounts) -> String {
        let title = subject == .amounts ? "amounts" : "budget lines"
        var out = "file\tfound\tfalse positives\tmissed\n"
        for score in scores {
            out += "\(score.source)\t\(score.truePositives)\t\(score.falsePositives.count)\t\(score.falseNegatives.count)\n"
            for miss in score.falseNegatives { out += "  missed: \(miss)\n" }
            for extra in score.falsePositives { out += "  spurious: \(extra)\n" }
            for wrong in score.wrongKinds { out += "  wrong kind: \(wrong)\n" }
        }
        let (found, spurious, missed) = totals(scores)
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format: "%.1f %%", Double(part) * 100 / Double(whole))
        }
        out += "\n\(title) in gold files: \(found + missed), found by Konsekvens: \(found + spurious)\n"
        out += "\(title) precision: \(percent(found, found + spurious)), recall: \(percent(found, found + missed))\n"
        if subject == .budgetLines {
            let wrong = scores.map(\.wrongKinds.count).reduce(0, +)
            out += "\(title) found with the gold kind: \(found - wrong) of \(found) (\(percent(found - wrong, found)))\n"
        }
        return out
    }
}
