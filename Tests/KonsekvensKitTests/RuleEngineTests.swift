import Foundation
import Testing
@testable import KonsekvensKit

/// The rule engine on the seeds and the fixtures, and the rules file's errors.
@Suite struct RuleEngineTests {
    static func impact(_ name: String) throws -> (Document, DocumentImpact) {
        let document = AmountExtractor.extract(try Project.read(name))
        return (document, try Analyzer.defaultEngine().apply(to: document))
    }

    /// A rules file matches the category, the code before its ":", whatever the name after it.
    @Test func categoriesAreTheCodesFirstPart() {
        let parties: [Party] = [
            .own, .municipality("Næstved"), .municipality(""), .otherMunicipalities, .municipalities, .region("Region Sjælland"),
            .state, .kkr, .fund("A.P. Møller Fonden"), .other("x:y"),
        ]
        for party in parties {
            #expect(party.category == String(party.code.split(separator: ":")[0]), "\(party)")
        }
        let financings: [Financing] = [.notStated, .cash, .withinFrame, .pool("puljen til x"), .unsettled("undersøges: a")]
        for financing in financings {
            #expect(financing.category == String(financing.code.split(separator: ":")[0]), "\(financing)")
        }
    }

    @Test func kalundborg2021GivesFourLinesOfItsOwnShare() throws {
        let (_, impact) = try Self.impact("kalundborg-direktion-2021-05-03.md")
        #expect(impact.budgetLines.count == 4)
        #expect(impact.budgetLines.map(\.year) == [2021, 2022, 2023, 2024])
        #expect(impact.budgetLines.allSatisfy { $0.amount == 32083 && $0.net == 32083 })
        #expect(impact.budgetLines.map(\.net).reduce(0, +) == 128_332)
        for line in impact.budgetLines {
            #expect([AmountKind.supplementaryGrant, .coFinancing].contains(line.kind))
            #expect(line.status == .approvedWithConditions)
            #expect(line.decidedBy == "Direktionen")
            #expect(line.itemNumber == 2)
            #expect(line.sources.map(\.line) == [77, 119])
            #expect(line.rule == "OwnAmountPerYear + MergeRepeatedAmount")
        }
        let share = try #require(impact.findings.first { $0.code == "ShareMatchesPopulation" })
        #expect(share.severity == .note)
        #expect(share.messageDanish.contains("500.000 kr. × 48.487 / 755.659 = 32.082,59 kr."))
        #expect(share.messageDanish.contains("inden for tolerancen"))
        let condition = try #require(impact.findings.first { $0.code == "FinancingConditionOpen" })
        #expect(condition.severity == .warning)
        #expect(condition.messageDanish.contains("finansiering indenfor rammen undersøges"))
        #expect(condition.locations.map(\.line) == [132])
        #expect(impact.findings.contains { $0.code == "ApprovalIsNotAGrant" && $0.itemNumber == 2 })
        // The 1 mio., Næstved's 500.000, the others' 500.000 and the Region's 2,5 mio. are context.
        let context = impact.placements.filter { if case .context = $0.disposition { true } else { false } }
        #expect(Set(context.map(\.amount.value)) == [1_000_000, 500_000, 2_500_000, 32083])
    }

    /// A kommune is found in the population table whatever its case, also after the table changed.
    @Test func populationTableFindsAKommuneInAnyCase() throws {
        var table = try PopulationTable.regionSjælland2021()
        #expect(table.key(for: "KALUNDBORG") == "Kalundborg")
        #expect(table.key(for: "næstved") == "Næstved")
        #expect(table.key(for: "Aarhus") == nil)
        table.counts["Aarhus"] = 360_000
        #expect(table.key(for: "aarhus") == "Aarhus")
        table.counts["Kalundborg"] = nil
        #expect(table.key(for: "kalundborg") == nil)
        // Names alike but for case: the first in code-point order, whatever the dictionary's order.
        #expect(PopulationTable(name: "t", counts: ["greve": 1, "Greve": 2]).key(for: "GREVE") == "Greve")
    }

    @Test func kalundborg2024GivesNoLinesTwoNoneItemsAndFiveClosed() throws {
        let (_, impact) = try Self.impact("kalundborg-direktion-2024-07-01.txt")
        #expect(impact.budgetLines.isEmpty)
        #expect(impact.findings.filter { $0.code == "EconomyStatesNone" }.map(\.itemNumber) == [3, 4])
        #expect(impact.findings.filter { $0.code == "ClosedItemNotAnalysed" }.map(\.itemNumber) == [1, 2, 5, 6, 7])
        #expect(impact.findings.allSatisfy { $0.severity == .note })
    }

    /// Amounts found = budget lines' sources + context + unplaced, in every fixture.
    @Test func everyAmountIsPlacedExactlyOnce() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let report = Analyzer.analyze(paths: ["Fixtures"], engine: try Analyzer.defaultEngine())
        #expect(report.impacts.count == report.documents.count)
        for (document, impact) in zip(report.documents, report.impacts) {
            let found = document.items.flatMap(\.amounts).count
            let balance = impact.reconciliation
            #expect(balance.found == found, "\(document.source)")
            #expect(balance.balances, "\(document.source)")
            let sources = Set(impact.budgetLines.flatMap(\.sources))
            #expect(sources.count == balance.inBudgetLines, "\(document.source)")
            let unplacedFindings = impact.findings.filter { $0.code == "AmountNotPlaced" }.count
            #expect(unplacedFindings == balance.unplaced, "\(document.source)")
        }
    }

    @Test func releaseAndReallocationHaveNoNetEffect() throws {
        let (_, impact) = try Self.impact("greve-stil-budgetopfoelgning-2025-05-12.md")
        let moved = impact.budgetLines.filter { $0.kind == .release || $0.kind == .reallocation }
        #expect(!moved.isEmpty)
        #expect(moved.allSatisfy { $0.net == 0 && $0.amount != 0 })
    }

    @Test func tableRowsThatDoNotAddUpAreFound() throws {
        let text = """
            Punkt 1: Tillægsbevilling

            Økonomiske konsekvenser

            Beløb i 1.000 kr.
            \t2025\t2026
            Drift\t100\t200
            Anlæg\t50\t0
            I alt\t150\t250

            Udgiften finansieres af kassebeholdningen.
            """
        let document = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "t.txt"))
        let impact = try Analyzer.defaultEngine().apply(to: document)
        let findings = impact.findings.filter { $0.code == "TableRowsSumToTotal" }
        #expect(findings.count == 1)
        #expect(findings.first?.messageDanish.contains("2026") == true)
        #expect(impact.budgetLines.map(\.net) == [100_000, 200_000, 50_000])
        #expect(impact.budgetLines.allSatisfy { $0.financing == .cash })
    }

    @Test func totalOverPeriodIsKeptAsATotalOrSplitAsTheRulesSay() throws {
        let text = "Punkt 1: Pulje\n\nØkonomiske konsekvenser\n\nDer gives en tillægsbevilling på i alt 2 mio. kr. over perioden 2022-2025, finansieret af kassebeholdningen.\n"
        let document = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "t.txt"))
        var engine = try Analyzer.defaultEngine()
        let kept = engine.apply(to: document).budgetLines
        #expect(kept.count == 1)
        #expect(kept.first?.year == nil)
        #expect(kept.first?.periodYears == [2022, 2023, 2024, 2025])
        engine.rules.totalsOverPeriod = .splitEvenly
        let split = engine.apply(to: document).budgetLines
        #expect(split.map(\.year) == [2022, 2023, 2024, 2025])
        #expect(split.map(\.net) == [500_000, 500_000, 500_000, 500_000])
    }

    @Test(arguments: [
        ("Godkendt.", DecisionStatus.approved), ("Vedtaget.", .approved),
        ("Godkendt idet finansiering indenfor rammen undersøges.", .approvedWithConditions),
        ("Godkendt med den bemærkning, at der afholdes et borgermøde.", .approvedWithConditions),
        ("Anbefales.", .recommended), ("Indstillingen anbefales.", .recommended),
        ("Anbefales over for Byrådet.", .recommended), ("Drøftet.", .noted), ("Taget til efterretning.", .noted),
        ("Orientering og status på sagen.", .noted), ("Afvist.", .rejected), ("Ikke godkendt.", .rejected),
        ("Udsat.", .postponed), ("Sagen sendes tilbage til fagudvalget.", .sentBack), ("", .none), (".", .none),
        // One line per body: the last decides; a single body's line is read whole.
        ("Udvalget den 2. april 2025: Anbefales.\nKommunalbestyrelsen den 24. april 2025: Ikke godkendt.", .rejected),
        ("Udvalget den 2. april 2025: Udsat.\nKommunalbestyrelsen den 24. april 2025: Godkendt.", .approved),
        ("Kommunalbestyrelsen den 24. april 2025: Udsat, idet sagen: afventer.", .postponed),
        ("Anbefales: se bilag.\nGodkendt.", .recommended),
    ])
    func decisionStatus(text: String, status: DecisionStatus) {
        #expect(DecisionReader.status(of: text).0 == status)
    }

    /// A decision's lines and its spaced lower case, made on bytes, are the bytes the
    /// Characters give: "\r\n" is no line feed, and a mark after one does not join it.
    @Test func decisionLinesAndLowerCaseOnBytes() {
        var random = SplitMix64(seed: 0x6465_6369)
        let pieces = [
            "Godkendt", "Udvalget den 2. april 2025:", " ", "\n", "\n\n", "\r\n", "\r", "\n\u{301}", "\u{301}", "Æ", "ǅ", "\u{130}", ":", "ÅBENT", "\t",
        ]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<random.below(10) { text += pieces[random.below(pieces.count)] }
            let lines = text.split(separator: "\n").map { Array($0.utf8) }
            #expect(DecisionReader.lines(of: text).map { Array($0.utf8) } == lines, "\(text.debugDescription)")
            let lower = [0x20] + text.fastLowercased().utf8.map { $0 == 0x0A ? 0x20 : $0 }
            #expect(Array(DecisionReader.spacedLowercase(text).utf8) == lower, "\(text.debugDescription)")
        }
    }

    /// The phrase that decides is the one the plain search finds first, each phrase searched in
    /// turn (the way it was read before one pass found which occur), over random decisions made
    /// of the phrases and words between them.
    @Test func decidingPhraseIsTheFirstFound() {
        var random = SplitMix64(seed: 41)
        let pieces = DecisionReader.phrases.map(\.0) + ["Sagen ", " blev ", ". ", " og ", "GODKENDT", "Anbe", "fales", " idet ", "\n"]
        for _ in 0..<3_000 {
            let text = (0..<random.below(7)).map { _ in pieces[random.below(pieces.count)] }.joined(separator: random.below(2) == 0 ? " " : "")
            let lower = " " + String(decoding: text.fastLowercased().utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
            var best: (position: Int, status: DecisionStatus)?
            for (phrase, status) in DecisionReader.phrases {
                guard let position = lower.utf8Offset(of: phrase) else { continue }
                if best == nil || position < best!.position { best = (position, status) }
            }
            var read = DecisionReader.status(of: text).0
            if read == .approvedWithConditions { read = .approved }
            #expect(read == best?.status ?? DecisionStatus.none, "\(text.debugDescription)")
        }
    }
}

/// A rules file that cannot be used stops the run with an error naming the file, the rule and
/// what is wrong.
@Suite struct RulesFileTests {
    static func parse(_ json: String) -> RulesError? {
        do {
            _ = try RuleFileParser.parse(Data(json.utf8), file: "mine.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultRulesLoad() throws {
        let rules = try RuleSet.defaults()
        #expect(rules.placements.first?.name == "OthersMoneyIsContext")
        #expect(rules.checks.contains { $0.name == "ShareMatchesPopulation" })
    }

    @Test func malformedFile() {
        let error = Self.parse("{ \"placement\": [ { \"name\": \"A\", ")
        #expect(error?.description.hasPrefix("mine.json: error: not valid JSON") == true)
    }

    @Test func unknownFieldIsNamedWithItsRule() {
        let error = Self.parse(#"{"placement": [{"name": "Mine", "match": {"paer": ["own"]}, "produce": "context"}]}"#)
        #expect(error?.description == #"mine.json: error: rule 'Mine': unknown field "paer"; did you mean "payer"?"#)
    }

    @Test func ruleThatMatchesNothingIsAnError() {
        let empty = Self.parse(#"{"placement": [{"name": "Never", "match": {"kind": []}, "produce": "context"}]}"#)
        #expect(empty?.description.contains("rule 'Never': \"kind\" must be a non-empty list of words; it would match nothing") == true)
        let unknown = Self.parse(#"{"placement": [{"name": "Typo", "match": {"kind": ["tillægsbevilliing"]}, "produce": "context"}]}"#)
        #expect(unknown?.description.contains(#"unknown kind "tillægsbevilliing"; did you mean "tillægsbevilling"?"#) == true)
    }

    @Test func wrongValuesAreNamed() {
        #expect(Self.parse(#"{"placement": [{"name": "A", "produce": "lines"}]}"#)?.description.contains("\"produce\" cannot be \"lines\"") == true)
        #expect(Self.parse(#"{"placement": [{"name": "A", "match": {"total": "yes"}, "produce": "context"}]}"#)?.description.contains("\"total\" must be true or false") == true)
        #expect(Self.parse(#"{"placement": [{"name": "A", "produce": "context"}, {"name": "A", "produce": "context"}]}"#)?.description.contains("used twice") == true)
        for wrong in ["0", "1.5", "\"2\"", "true", "101"] {
            let error = Self.parse(#"{"placement": [{"name": "A", "match": {"yearsAgo": "# + wrong + #"}, "produce": "context"}]}"#)
            #expect(error?.description.contains("\"yearsAgo\" must be a whole number of years from 1 to 100") == true, "\(wrong)")
        }
        #expect(Self.parse(#"{"placement": [{"name": "A", "match": {"yearsAgo": 2}, "produce": "context"}]}"#) == nil)
        #expect(Self.parse(#"{"version": 2, "placement": []}"#)?.description.contains("unsupported version") == true)
        #expect(Self.parse(#"{"checks": [{"name": "C", "check": "population-shares"}]}"#)?.description.contains("did you mean \"population-share\"") == true)
    }

    /// Money of years two or more before the meeting's is history (PastYearsAreContext); the
    /// year just closed and the years ahead are not; nor is any year of a meeting of no date.
    @Test(arguments: [("3. maj 2023", 2021, "PastYearsAreContext"), ("3. maj 2023", 2022, "OwnAmountPerYear"), ("3. maj 2023", 2024, "OwnAmountPerYear"), ("", 2021, "OwnAmountPerYear")])
    func pastYearsAreHistory(date: String, year: Int, rule: String) throws {
        let text = """
            # Direktionen\(date.isEmpty ? "" : " – " + date)

            ## Punkt 1: Udsatte børn

            ### Økonomiske konsekvenser

            I \(year) blev der givet tillægsbevillinger på 7,8 mio. kr.
            """
        let document = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "t.md"))
        let impact = try Analyzer.defaultEngine().apply(to: document)
        #expect(impact.placements.map(\.rule) == [rule])
        #expect(impact.budgetLines.count == (rule == "PastYearsAreContext" ? 0 : 1))
    }

    /// A placement rule that places nothing in a run is named in the report.
    @Test func unusedRulesAreReported() throws {
        var engine = try Analyzer.defaultEngine()
        engine.rules.placements.insert(
            PlacementRule(name: "NeverUsed", description: "", match: AmountMatch(kinds: [.carryOver], patterns: ["nothing"]), produce: .context), at: 0)
        let document = AmountExtractor.extract(try Project.read("kalundborg-direktion-2021-05-03.md"))
        #expect(engine.unusedPlacementRules(in: [engine.apply(to: document)]).contains("NeverUsed"))
    }

    @Test func extendingRulesComeFirst() throws {
        let folder = try Project.temporaryFolder("rules")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rules.json")
        try Data(#"{"extends": "default", "placement": [{"name": "SkipAll", "match": {}, "produce": "context"}]}"#.utf8).write(to: file)
        let rules = try RuleSet.load(contentsOf: file.path)
        #expect(rules.placements.first?.name == "SkipAll")
        #expect(rules.placements.count == (try RuleSet.defaults()).placements.count + 1)
        let document = AmountExtractor.extract(try Project.read("kalundborg-direktion-2021-05-03.md"))
        #expect(RuleEngine(rules: rules).apply(to: document).budgetLines.isEmpty)
    }
}
