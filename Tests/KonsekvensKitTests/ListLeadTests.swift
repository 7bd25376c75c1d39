import Foundation
import Testing
@testable import KonsekvensKit

/// A list's lead ("at der i 2022 meddeles tillægsbevilling til følgende afvigelser:") dates the
/// money in the items under it, as Greve's budget follow-ups (bevillingssager) write it.
@Suite struct ListLeadTests {
    /// A Greve-style meeting whose Indstilling is `recommendation` (HTML of the list).
    static func item(_ recommendation: String) -> AgendaItem {
        let html = """
            <html><body><h1>Byråd – Referat</h1><p>Mødedato: 3. oktober 2022</p>
            <h2>Punkt 1: Budgetopfølgning 2 2022, bevillingssag</h2><p>Sagsnr.: 22-000027</p>
            <h3>Indstilling</h3><div class="felt"><p><em>Center for Økonomi &amp; HR indstiller,</em></p>
            \(recommendation)
            </div><h3>Beslutning</h3><p>Godkendt.</p></body></html>
            """
        return AmountExtractor.extract(MinutesReader.read(Array(html.utf8), source: "greve/byraad.html")).items[0]
    }

    /// The list of Greve's bevillingssag of 3 October 2022: a lead, its items one level deeper,
    /// then the recommendation's next points.
    static let followUp = """
        <ol>
            <li><em>at der i 2022 meddeles tillægsbevilling til følgende
            afvigelser: </em></li>
            <ol>
                <li><em>mindreindtægt på 9,579 mio. kr. vedr. udligning og generelle tilskud for 2022 jf. bilag 3</em></li>
                <li><em>netto mindreudgift på 13,446 mio. kr. på tværs af udvalg, under drift inden for servicerammen jf. bilag 3a</em></li>
                <li><em>merudgift på 1,4 mio. kr. vedr. øvrige finansforskydninger jf. bilag 3c</em></li>
                <li><em>merudgift på 12,047 mio. kr. til opsparing vedr. anlægsforskydning til 2023-2026 jf. bilag 3c</em></li>
                <li><em>3,2 mio. kr. til vintertjeneste</em></li>
                <li><em>at punkt 1a-1e bevilges med modpost på kassen, som således forøges med 1,373 mio. kr.</em></li>
            </ol>
            <li><em>at alle kasseneutrale omplaceringer godkendes for 2022 samt 2023-26 jf. bilag 2</em></li>
            <li><em>at der meddeles anlægsbevilling på 1,53 mio. kr. til Klimabassin i Strandby Have finansieret af allerede afsat rådighedsbeløb.</em></li>
        </ol>
        """

    static func amount(_ value: Decimal, in item: AgendaItem) -> Amount? {
        item.amounts.first { $0.value == value }
    }

    /// HTML says how lists nest: the lead is an item of the outer list, its items of the inner.
    @Test func htmlListItemsHaveTheirLevel() {
        let lines = Self.item(Self.followUp).sections.first { $0.kind == .recommendation }!.lines
        let levels = Dictionary(lines.map { ($0.text.prefix(24), $0.listLevel) }, uniquingKeysWith: { first, _ in first })
        #expect(levels["Center for Økonomi & HR "] == 0)
        #expect(levels["- at der i 2022 meddeles"] == 1)
        #expect(levels["- mindreindtægt på 9,579"] == 2)
        #expect(levels["- at alle kasseneutrale "] == 1)
    }

    /// The items under the lead are 2022's; an item that names no kind is the lead's
    /// tillægsbevilling; the span a saving is shifted to is not its years.
    @Test func theLeadDatesItsItems() throws {
        let item = Self.item(Self.followUp)
        for value in ["9579000", "13446000", "1400000", "12047000", "3200000"] {
            let amount = try #require(Self.amount(decimal(value), in: item))
            #expect(amount.years == [2022], "\(value)")
            #expect(amount.recurrence == .oneTime, "\(value)")
        }
        #expect(Self.amount(13_446_000, in: item)?.kind == .reducedExpense)
        #expect(Self.amount(3_200_000, in: item)?.kind == .supplementaryGrant)
    }

    /// The item that says what the grants do to the cash restates their sum, and the next point
    /// of the recommendation (one level up again) is outside the list.
    @Test func theCashAndTheNextPointAreNotTheLeads() throws {
        let item = Self.item(Self.followUp)
        let cash = try #require(Self.amount(1_373_000, in: item))
        #expect(cash.years.isEmpty && cash.kind == .unknown)
        let grant = try #require(Self.amount(1_530_000, in: item))
        #expect(grant.years.isEmpty && grant.kind == .constructionGrant)
    }

    /// A lead in a paragraph of its own above the list; its year is the grant's ("i 2023"),
    /// not the year the money was saved in ("fra 2022", "i 2022").
    @Test func aParagraphLeadsTheListAfterIt() {
        let item = Self.item("""
            <p><i>2. at der som følge af mer- og mindreforbrug fra 2022 meddeles følgende tillægsbevillinger i 2023 \
            på tværs af udvalg og som finansieres af et tilsvarende netto mindreforbrug i 2022.</i></p>
            <ol>
                <li><em>at der meddeles tillægsbevilling til merudgifter på netto 0,566 mio. kr. vedrørende "En Pose Penge".</em></li>
                <li><em>at der meddeles tillægsbevilling på netto merindtægter på 3,518 mio. kr. vedrørende salg af jord.</em></li>
            </ol>
            <p>Der er afsat 2 mio. kr. til formålet.</p>
            """)
        #expect(Self.amount(566_000, in: item)?.years == [2023])
        #expect(Self.amount(3_518_000, in: item)?.years == [2023])
        #expect(Self.amount(2_000_000, in: item)?.years == [])
    }

    /// An item that names its money's kind gives its other amounts none of the lead's; a total
    /// restating the item before is not dated; a lead that grants nothing (a story, no year)
    /// dates nothing.
    @Test func whatTheLeadDoesNotGive() throws {
        let item = Self.item("""
            <ol><li><em>at der i 2023 gives tillægsbevilling til følgende afvigelser:</em></li>
            <ol>
                <li><em>mindreforbrug på et udbud på 8,7 mio. kr. (3,7 mio. kr. på drift og 5,0 mio. kr. på anlæg)</em></li>
                <li><em>af de samlede -28,7 mio. kr. der lægges i kassen finansieres merforbrug på 13,9 mio. kr.</em></li>
            </ol></ol>
            <p>På trods heraf har det været nødvendigt med tillægsbevillinger til området:</p>
            <ul><li>Der forventes en udfordring i størrelsesorden 20-22 mio. kr.</li></ul>
            """)
        let part = try #require(Self.amount(3_700_000, in: item))
        #expect(part.years == [2023] && part.kind == .unknown)
        #expect(Self.amount(8_700_000, in: item)?.kind == .reducedExpense)
        #expect(Self.amount(-28_700_000, in: item)?.years == [])
        #expect(Self.amount(13_900_000, in: item)?.years == [2023])
        let story = try #require(item.amounts.first { $0.high == 22_000_000 })
        #expect(story.years.isEmpty && story.kind == .unknown)
    }

    /// The lead's year is the one nearest its grant; a lead of several years, or of grants given
    /// before, dates nothing.
    @Test(arguments: [
        ("at der i 2022 meddeles tillægsbevilling til følgende projekter, som blev udskudt i 2021:", [2022]),
        ("at der meddeles tillægsbevilling i 2023 og 2024 til følgende:", []),
        ("at der meddeles tillægsbevilling i 2023 og overslagsårene til følgende:", []),
        ("at der for 2023 ff. meddeles tillægsbevilling til følgende:", []),
        ("Byrådet har tidligere i 2022 givet følgende tillægsbevillinger til projektet:", []),
        ("at det tages til efterretning, at der i 2022 er givet følgende tillægsbevillinger:", []),
        ("Det er nødvendigt at se på følgende tillægsbevillinger i 2022:", []),
        ("Byrådet besluttede, at der i 2022 meddeles tillægsbevilling til følgende:", [2022]),
    ])
    func theLeadsOneYear(lead: String, years: [Int]) {
        let item = Self.item("<ol><li><em>\(lead)</em></li><ol><li><em>2 mio. kr. til veje</em></li></ol></ol>")
        #expect(Self.amount(2_000_000, in: item)?.years == years)
    }

    /// The lead's year is one the grant is given in: "fra 2022" says where the money comes from.
    @Test func aYearFromIsNoGrantsYear() {
        let item = Self.item("""
            <ol><li><em>at der som følge af mindreforbrug fra 2022 meddeles tillægsbevilling til følgende:</em></li>
            <ol><li><em>netto merudgift på 0,566 mio. kr. vedrørende "En Pose Penge"</em></li></ol></ol>
            """)
        #expect(Self.amount(566_000, in: item)?.years == [])
    }

    /// "<li><p>…</p></li>": the item's text, not a line of its marker alone, has the item's level.
    @Test func anItemsParagraphHasItsLevel() {
        let item = Self.item("<ol><li><p>at der i 2022 meddeles tillægsbevilling til følgende:</p><ol><li><p>2 mio. kr. til veje</p></li></ol></li></ol>")
        let lines = item.sections[0].lines
        #expect(!lines.contains { $0.text == "-" })
        #expect(lines.map(\.listLevel).suffix(2) == [1, 2])
        #expect(Self.amount(2_000_000, in: item)?.years == [2022])
    }

    /// The dash the reader writes for HTML's <li>, and Markdown's, is a bullet before an amount,
    /// not a minus; a dash within a line, or joined to the number, still is.
    @Test func aBulletIsNoMinus() {
        let item = Self.item("<ul><li>3,2 mio. kr. til vintertjeneste i 2024</li></ul><p>Netto -2 mio. kr. i 2024, i alt - 4 mio. kr.</p><p>- 1 mio. kr. til stier</p>")
        #expect(item.amounts.map(\.value) == [3_200_000, -2_000_000, -4_000_000, 1_000_000])
        #expect(item.amounts.first?.text == "3,2 mio. kr.")
        let markdown = "# Punkt 1: Veje\n\n## Indstilling\n\n- 2 mio. kr. i 2024 til veje\n- 3 mio. kr. i 2024 til stier\n-5 mio. kr. i 2024\n"
        let amounts = AmountExtractor.extract(MinutesReader.read(Array(markdown.utf8), source: "t.md")).items[0].amounts
        #expect(amounts.map(\.value) == [2_000_000, 3_000_000, -5_000_000])
        #expect(amounts.map(\.location.column) == [3, 3, 1])
    }

    /// Text says how lists nest by indentation: a list item's marker starts a paragraph of its
    /// own, one indented deeper than the item before is under it, and a paragraph no deeper
    /// than the list's first marker ends the list.
    @Test(arguments: ["t.txt", "t.md"])
    func textNestsListsByIndentation(source: String) {
        let text = """
            Punkt 1: Budgetopfølgning

            Indstilling

            Center for Økonomi indstiller,
            1. at der i 2022 meddeles tillægsbevilling til følgende afvigelser:
               a. netto mindreudgift på 13,446 mio. kr. på tværs af udvalg
               b. merudgift på 1,4 mio. kr. vedr. øvrige
                  finansforskydninger

                  som aftalt med KL
               c. merudgift på 0,2 mio. kr. til løn
            2. at der meddeles anlægsbevilling på 1,53 mio. kr. til Klimabassin
            3. at følgende tillægsbevilliges i 2023:

               - 2 mio. kr. til veje

            Der er afsat 5 mio. kr. til formålet.

              - 1 mio. kr. i 2024
            """
        let item = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: source)).items[0]
        let paragraphs = item.sections[0].blocks.compactMap { block -> [Line]? in
            if case .paragraph(let lines) = block { lines } else { nil }
        }
        #expect(paragraphs.map { $0[0].listLevel } == [0, 1, 2, 2, 2, 2, 1, 1, 2, 0, 1])
        #expect(paragraphs[3].count == 2)
        #expect(item.amounts.map(\.years) == [[2022], [2022], [2022], [], [2023], [], [2024]])
    }

    /// A list item's marker, and what only looks like one at a line's start.
    @Test func listMarkers() {
        for marker in ["- a", "* a", "+ a", "• a", "– a", "1. at", "12) at", "a. mindre", "b) mindre", "3. Marts-puljen"] {
            #expect(ListMarker.starts(marker), "\(marker)")
        }
        for text in ["-2 mio. kr.", "1. januar 2025", "3. kvartal", "15. Maj", "2.500 kr.", "kr. 5.000", "123. at", "at", "-", "1.", "ab. c"] {
            #expect(!ListMarker.starts(text), "\(text)")
        }
    }
}
