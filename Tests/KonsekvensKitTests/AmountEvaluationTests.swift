import Foundation
import Testing
@testable import KonsekvensKit

/// Extraction against the hand-written gold files in Fixtures/gold: a guard against
/// regressions. The figures themselves are printed by `konsekvens evaluate Fixtures`.
@Suite struct AmountEvaluationTests {
    @Test func precisionAndRecallOverFixtures() {
        let scores = AmountEvaluation.evaluate(
            .amounts, fixtures: Project.root.appendingPathComponent("Fixtures").path,
            goldFolder: Project.root.appendingPathComponent("Fixtures/gold").path)
        #expect(scores.count >= 9)
        let found = scores.map(\.truePositives).reduce(0, +)
        let spurious = scores.map(\.falsePositives.count).reduce(0, +)
        let missed = scores.map(\.falseNegatives.count).reduce(0, +)
        #expect(found >= 200)
        #expect(Double(found) / Double(found + spurious) >= 0.99, "spurious: \(scores.flatMap(\.falsePositives))")
        #expect(Double(found) / Double(found + missed) >= 0.98, "missed: \(scores.flatMap(\.falseNegatives))")
    }

    /// Budget lines against the hand-written Fixtures/gold/*.lines.tsv. The figures are far from
    /// the amounts' (README): the guard keeps them from slipping while the rules improve.
    @Test func budgetLinePrecisionAndRecallOverFixtures() throws {
        let scores = AmountEvaluation.evaluate(
            .budgetLines, fixtures: Project.root.appendingPathComponent("Fixtures").path,
            goldFolder: Project.root.appendingPathComponent("Fixtures/gold").path, engine: try Analyzer.defaultEngine())
        #expect(scores.count >= 10)
        let (found, spurious, missed) = AmountEvaluation.totals(scores)
        #expect(found >= 76)
        #expect(Double(found) / Double(found + spurious) >= 0.95)
        #expect(Double(found) / Double(found + missed) >= 0.90)
        // The kind is what GrantHasFinancing reads; most misses are lines of no kind (README).
        #expect(found - scores.map(\.wrongKinds.count).reduce(0, +) >= 71, "\(scores.flatMap(\.wrongKinds))")
        // The seed is exact: four lines, nothing else.
        let seed = try #require(scores.first { $0.source.hasSuffix("kalundborg-direktion-2021-05-03.md") })
        #expect(seed.truePositives == 4 && seed.falsePositives.isEmpty && seed.falseNegatives.isEmpty)
    }

    /// A budget line of the right amount and the wrong kind is found, and listed as of the wrong
    /// kind; of two gold lines with one key, the one of the found kind is taken.
    @Test func aLineOfTheWrongKindIsFoundAndNamed() {
        typealias Entry = AmountEvaluation.Entry
        let score = AmountEvaluation.score(
            source: "x.md",
            found: [Entry(key: "a", text: "", kind: "merudgift"), Entry(key: "b", text: "", kind: "besparelse"), Entry(key: "c", text: "")],
            expected: [
                Entry(key: "a", text: "", kind: "tillægsbevilling"), Entry(key: "b", text: "", kind: "merudgift"),
                Entry(key: "b", text: "", kind: "besparelse"),
            ])
        #expect(score.truePositives == 2)
        #expect(score.wrongKinds == ["a: tillægsbevilling → merudgift"])
        #expect(score.falsePositives == ["c "])
        #expect(score.falseNegatives == ["b "])
    }

    @Test func kalundborgSeedAmounts() throws {
        let document = AmountExtractor.extract(try Project.read("kalundborg-direktion-2021-05-03.md"))
        let amounts = document.items[1].amounts
        #expect(amounts.map(\.value) == [32083, 1_000_000, 500_000, 500_000, 32083, 2_500_000, 32083])
        #expect(amounts.map(\.payer) == [.own, .municipalities, .municipality("Næstved"), .otherMunicipalities, .own, .region("Region Sjælland"), .own])
        let own = amounts.filter { $0.payer == .own }
        #expect(own.allSatisfy { $0.years == [2021, 2022, 2023, 2024] && $0.recurrence == .annual })
        #expect(own.map(\.kind) == [.coFinancing, .coFinancing, .supplementaryGrant])
        #expect(own.map(\.location.line) == [77, 97, 119])
        #expect(amounts[3].distributionKey == .population)
        #expect(amounts[1].years == [2021, 2022, 2023, 2024])
        #expect(amounts.filter { $0.payer != .own }.allSatisfy { $0.sign == .context })
        // The 2024 minutes name no amounts at all.
        let later = AmountExtractor.extract(try Project.read("kalundborg-direktion-2024-07-01.txt"))
        #expect(later.items.allSatisfy { $0.amounts.isEmpty })
    }
}
