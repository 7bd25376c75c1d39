import Testing
@testable import KonsekvensKit

/// The two Kalundborg seeds, read item by item with their line numbers.
@Suite struct SeedReadingTests {
    @Test func markdownSeedMeeting() throws {
        let document = try Project.read("kalundborg-direktion-2021-05-03.md")
        #expect(document.format == .markdown)
        #expect(document.encoding == .utf8)
        #expect(document.meeting.body == "Direktionen")
        #expect(document.meeting.date?.description == "2021-05-03")
        #expect(document.meeting.place == "Kombinationsmøde, dels på Holbækvej, dels virtuelt")
        #expect(document.tableOfContents.count == 7)
        #expect(document.items.count == 7)
        #expect(document.items.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(document.items.map(\.closed) == [false, false, false, false, true, true, false])
        #expect(document.items[4].title == "Orientering om sager på vej")
    }

    @Test func markdownSeedItemTwo() throws {
        let item = try Project.read("kalundborg-direktion-2021-05-03.md").items[1]
        #expect(item.title == "Medfinansiering af viden- og erhvervsklynge for byggeri samt status for etablering af flere klynger")
        #expect(item.location.line == 55)
        #expect(item.caseNumber == "326-2021-16031")
        #expect(item.journalNumber == "24.10.00")
        #expect(item.documentNumber == "326-2021-103969")
        // "Beslutning" under Sagstype is the case type, not a decision.
        #expect(item.caseType == "Beslutning")
        #expect(item.sectionKinds == [.caseType, .summary, .recommendation, .procedure, .caseDescription, .economy, .attachments, .decision, .attachments])
        #expect(item.section(.recommendation)?.firstLine == 75)
        #expect(item.section(.recommendation)?.lines.first?.location.line == 77)
        #expect(item.section(.caseDescription)?.firstLine == 83)
        #expect(item.section(.economy)?.firstLine == 117)
        #expect(item.section(.economy)?.text == "Det indstilles at der gives en tillægsbevilling på 32.083 kr. årligt i 2021 - 2024")
        #expect(item.section(.economy)?.lines.first?.location.line == 119)
        let decision = try #require(item.decision)
        #expect(decision.text == "Godkendt idet finansiering indenfor rammen undersøges.")
        #expect(decision.location.line == 132)
        #expect(decision.body == "Direktionen")
        #expect(decision.date?.description == "2021-05-03")
        #expect(decision.heading == "Direktionens møde den 3. maj 2021:")
    }

    @Test(arguments: [
        (0, 19, "326-2017-43971", "Drøftelse", 53, "Drøftet."),
        (2, 148, "326-2021-6077", "Drøftelse", 238, "Direktionen besluttede, at analysen sendes i høring hos:"),
        (3, 260, "326-2017-43896", "Drøftelse", 292, "Drøftet."),
    ])
    func markdownSeedOtherOpenItems(index: Int, line: Int, caseNumber: String, caseType: String, decisionLine: Int, decision: String) throws {
        let item = try Project.read("kalundborg-direktion-2021-05-03.md").items[index]
        #expect(item.location.line == line)
        #expect(item.caseNumber == caseNumber)
        #expect(item.caseType == caseType)
        #expect(item.decision?.location.line == decisionLine)
        #expect(item.decision?.text.hasPrefix(decision) == true)
        #expect(item.section(.economy)?.text == "Ingen.")
    }

    @Test func markdownSeedLastItemHasOnlyADecision() throws {
        let item = try Project.read("kalundborg-direktion-2021-05-03.md").items[6]
        #expect(item.title == "Eventuelt")
        #expect(item.sectionKinds == [.decision])
        #expect(item.decision?.location.line == 310)
        #expect(item.documentNumber == "326-2020-300071")
    }

    @Test func textSeedMeeting() throws {
        let document = try Project.read("kalundborg-direktion-2024-07-01.txt")
        #expect(document.format == .text)
        #expect(document.meeting.body == "Direktionen")
        #expect(document.meeting.date?.description == "2024-07-01")
        #expect(document.meeting.place == "Direktionens kontor")
        #expect(document.meeting.participants == ["Jan Lysgaard Thomsen", "Michel van der Linden", "Michael Gravesen", "Søren Ole Sørensen"])
        #expect(document.tableOfContents.count == 8)
        #expect(document.items.count == 8)
        #expect(document.items.map(\.closed) == [true, true, false, false, true, true, true, false])
        #expect(document.items.map(\.caseNumber) == ["24-007264", "24-000149", "23-003752", "24-000149", nil, nil, nil, nil])
        #expect(document.items.filter(\.closed).allSatisfy { $0.sections.isEmpty })
    }

    @Test func textSeedDecisionComesFirst() throws {
        let document = try Project.read("kalundborg-direktion-2024-07-01.txt")
        let item = document.items[2]
        #expect(item.location.line == 30)
        #expect(item.title == "Høring ift. Den socialøkonomiske og virksomhedsrettede rummelighedsstrategi")
        #expect(item.sectionKinds == [.decision, .summary, .recommendation, .procedure, .caseDescription, .economy])
        #expect(item.decision?.text == "Anbefales.")
        #expect(item.decision?.location.line == 36)
        #expect(item.section(.summary)?.firstLine == 40)
        #expect(item.section(.economy)?.firstLine == 77)
        #expect(item.section(.economy)?.text == "Ingen.")

        let followUp = document.items[3]
        #expect(followUp.decision?.location.line == 87)
        #expect(followUp.decision?.text.hasPrefix("Drøftet.") == true)
        #expect(document.items[7].decision?.text == "Ingen bemærkninger.")
        #expect(document.items[7].decision?.location.line == 121)
    }

    /// Both layouts read to the same model: the same shape of meeting, items and sections.
    @Test func bothLayoutsGiveTheSameShape() throws {
        let markdown = try Project.read("kalundborg-direktion-2021-05-03.md")
        let text = try Project.read("kalundborg-direktion-2024-07-01.txt")
        for document in [markdown, text] {
            #expect(document.meeting.body == "Direktionen")
            #expect(document.items.allSatisfy { !$0.title.isEmpty && $0.number != nil })
            #expect(document.items.filter { !$0.closed }.allSatisfy { $0.decision != nil })
        }
    }
}
