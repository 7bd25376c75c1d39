import Foundation
import Testing
@testable import KonsekvensKit

/// The compiled placement matches must choose the rule that asking ``RuleEngine/matches(_:_:_:_:meetingYear:)``
/// of each rule in turn chooses: for the default rules and for random rules, on the amounts of
/// the fixtures and on amounts with random sections, payers, kinds, patterns and labels.
@Suite struct PlacementMatcherTests {
    @Test func compiledMatchesChooseTheRuleThePlainOnesChoose() throws {
        let defaults = try Analyzer.defaultEngine()
        var random = SplitMix64(seed: 0x706C_6163)
        let documents = try Self.fixtureDocuments()
        var amounts = documents.flatMap { document in document.items.flatMap { item in item.amounts.map { (item, $0) } } }
        #expect(amounts.count > 200)
        for (item, amount) in amounts.prefix(2_000) { amounts.append((Self.randomItem(item, &random), Self.randomAmount(amount, &random))) }
        var engines = [defaults]
        for _ in 0..<40 {
            var rules = defaults.rules
            rules.placements = (0..<Int(random.next() % 12 + 1)).map { index in
                PlacementRule(name: "r\(index)", description: "", match: Self.randomMatch(&random), produce: .budgetLines)
            }
            engines.append(RuleEngine(rules: rules))
        }
        var chosen = 0
        for engine in engines {
            let matcher = try #require(PlacementMatcher(engine.rules.placements))
            for (item, amount) in amounts {
                let tableYears = Set(item.amounts.filter { $0.pattern == "table-cell" && [.economy, .recommendation].contains($0.section) }.flatMap(\.years))
                // Meetings of 2026, 2024 and of no known date.
                let meetingYear = [2026, 2024, nil][Int(amount.value.magnitude.description.utf8.count % 3)]
                let plain = engine.rules.placements.indices.first {
                    engine.matches(engine.rules.placements[$0].match, amount, item, tableYears, meetingYear: meetingYear)
                }
                let compiled = matcher.first(amount, decisionHolds: matcher.decisionHolds(item), tableYears: tableYears, meetingYear: meetingYear)
                #expect(compiled == plain, "\(amount.text) \(amount.pattern)")
                if plain != nil { chosen += 1 }
            }
        }
        #expect(chosen > 1_000)
    }

    /// A payer's and a financing's category, which the matcher looks up by index, is its code
    /// before the ":", and each index names its own category.
    @Test func categoriesAreTheCodesBeforeTheirColon() {
        let parties: [Party] = [
            .own, .municipality("Næstved"), .otherMunicipalities, .municipalities, .region("Region Sjælland"), .state, .kkr,
            .fund("A.P. Møller Fonden"), .other("Vejdirektoratet"),
        ]
        #expect(parties.map(\.category) == parties.map { String($0.code.split(separator: ":")[0]) })
        #expect(parties.map(\.categoryIndex) == Array(Party.categories.indices))
        let financings: [Financing] = [.notStated, .cash, .withinFrame, .pool("puljen til grøn"), .unsettled("undersøges")]
        #expect(financings.map(\.category) == financings.map { String($0.code.split(separator: ":")[0]) })
        #expect(financings.map(\.categoryIndex) == Array(Financing.categories.indices))
    }

    /// The byte comparison answers as Foundation's `contains(_:)`, on texts with Danish letters,
    /// combining accents, CR LF and emoji.
    @Test func containsAnswersAsFoundation() {
        let pieces = ["a", "e", "n", "ø", "æ", "å", "é", "\u{301}", "\r", "\n", "\r\n", " ", "😀", "af", "finansieret", "-", "Ø"]
        var random = SplitMix64(seed: 0x636F_6E74)
        var found = 0
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 10)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let word = (0..<Int(random.next() % 3)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let foundation = text.range(of: word) != nil
            #expect(PlacementMatcher.contains(text, word) == foundation, "\(Array(text.unicodeScalars)) \(Array(word.unicodeScalars))")
            if foundation { found += 1 }
        }
        #expect(found > 1_000)
    }

    static func fixtureDocuments() throws -> [Document] {
        let folder = Project.root.appendingPathComponent("Fixtures")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        var documents: [Document] = []
        for name in names.sorted() where [".md", ".txt", ".html"].contains(where: { name.hasSuffix($0) }) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            documents.append(AmountExtractor.extract(try Project.read(name), options: ExtractionOptions(municipality: "Kalundborg")))
        }
        return documents
    }

    static func pick<T>(_ values: [T], _ random: inout SplitMix64) -> T { values[Int(random.next() % UInt64(values.count))] }

    static func subset<T: Hashable>(_ values: [T], _ random: inout SplitMix64) -> Set<T>? {
        guard random.next() % 3 == 0 else { return nil }
        return Set(values.filter { _ in random.next() % 3 == 0 })
    }

    static func flag(_ random: inout SplitMix64) -> Bool? { random.next() % 4 == 0 ? random.next() % 2 == 0 : nil }

    static let patterns = ["table-cell", "table-total-column", "unit-table-cell", "paragraph", "kr", "mio", "unknown-pattern"]
    static let words = ["finansieret af", "af", "ø", "é", "e\u{301}", "lån", "tillæg"]

    static func randomMatch(_ random: inout SplitMix64) -> AmountMatch {
        var match = AmountMatch()
        match.sections = subset(SectionKind.allCases, &random)
        match.payers = subset(Array(AmountMatch.payerCategories) + ["nobody"], &random)
        match.kinds = subset(AmountKind.allCases, &random)
        match.recurrences = subset(Recurrence.allCases, &random)
        match.signs = subset(Array(AmountMatch.signNames), &random)
        match.financing = subset(Array(AmountMatch.financingCategories), &random)
        match.total = flag(&random)
        match.rate = flag(&random)
        match.fromTable = flag(&random)
        match.hasYears = flag(&random)
        match.itemHasYearTable = flag(&random)
        if random.next() % 3 == 0 { match.yearsAgo = Int(random.next() % 3 + 1) }
        match.decisions = subset(DecisionStatus.allCases, &random)
        match.patterns = subset(patterns, &random)
        if random.next() % 4 == 0 { match.rowLabelWords = (0..<Int(random.next() % 3 + 1)).map { _ in pick(words, &random) } }
        if random.next() % 4 == 0 { match.decisionWords = (0..<Int(random.next() % 3 + 1)).map { _ in pick(words, &random) } }
        return match
    }

    static func randomAmount(_ amount: Amount, _ random: inout SplitMix64) -> Amount {
        var amount = amount
        if random.next() % 2 == 0 { amount.section = pick(SectionKind.allCases, &random) }
        if random.next() % 2 == 0 { amount.kind = pick(AmountKind.allCases, &random) }
        if random.next() % 2 == 0 { amount.recurrence = pick(Recurrence.allCases, &random) }
        if random.next() % 2 == 0 { amount.payer = pick([.own, .municipality("Næstved"), .otherMunicipalities, .state, .fund("x")], &random) }
        if random.next() % 2 == 0 { amount.sign = pick([.expenditure, .income, .context], &random) }
        if random.next() % 2 == 0 { amount.financing = pick([.notStated, .cash, .withinFrame, .pool("p"), .unsettled("u")], &random) }
        if random.next() % 2 == 0 { amount.pattern = pick(patterns, &random) }
        if random.next() % 2 == 0 { amount.rowLabel = random.next() % 4 == 0 ? nil : "Lån " + pick(words, &random).uppercased() }
        if random.next() % 2 == 0 { amount.years = random.next() % 3 == 0 ? [] : [2024 + Int(random.next() % 3)] }
        if random.next() % 2 == 0 { amount.isTotal.toggle() }
        if random.next() % 2 == 0 { amount.rate = amount.rate == nil ? "5 %" : nil }
        return amount
    }

    static func randomItem(_ item: AgendaItem, _ random: inout SplitMix64) -> AgendaItem {
        var item = item
        if !item.decisions.isEmpty, random.next() % 2 == 0 {
            item.decisions[item.decisions.count - 1].status = pick(DecisionStatus.allCases, &random)
            item.decisions[item.decisions.count - 1].text += " " + pick(words, &random)
        }
        return item
    }
}
