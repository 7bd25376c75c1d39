import Foundation
import Testing
@testable import KonsekvensKit

/// A case number is one kommune's: a run over several kommuners' minutes follows each
/// kommune's cases apart, so that one kommune's meeting never supersedes another's lines; and
/// which kommune's minutes a document is.
@Suite struct CaseMunicipalityTests {
    /// A document of `source`, kommune `municipality` read from its masthead (or as `source`
    /// says), with item 1 of case 25/3377 and a budget line for it, met by `body` on `day` March 2025.
    static func minutes(
        _ source: String, _ municipality: String?, _ body: String, day: Int, known: MunicipalitySource = .masthead
    ) -> (Document, DocumentImpact) {
        var document = Document(
            source: source, encoding: .utf8, format: .markdown, meeting: Meeting(body: body, date: MeetingDate(year: 2025, month: 3, day: day)))
        (document.municipality, document.municipalitySource) = (municipality, municipality.map { _ in known })
        document.items = [AgendaItem(number: 1, title: "Sag i \(source)", caseNumber: "25/3377", decisions: [], location: SourceLocation(line: 1))]
        var line = CSVReportTests.line()
        (line.source, line.caseNumber) = (source, "25/3377")
        return (document, DocumentImpact(source: source, budgetLines: [line], placements: [], findings: []))
    }

    /// The held ledger's and the spilled ledger's tracks of the documents, which must agree.
    static func tracks(_ documents: [(Document, DocumentImpact)]) throws -> (tracks: [CaseTrack], supersededBy: [CaseLedger.Key: String]) {
        var held = CaseLedger()
        let spilled = try SpilledCaseLedger(directory: nil, runSize: 1)
        for (document, impact) in documents {
            held.add(document, impact: impact)
            var one = CaseLedger()
            one.add(document, impact: impact)
            try spilled.add(one)
        }
        let result = held.tracks()
        let (spilledTracks, spilledSuperseded) = try spilled.tracks()
        #expect(try spilledTracks.all() == result.tracks)
        let keys = documents.map { CaseLedger.Key(source: $0.0.source, caseNumber: "25/3377") }
        #expect(try spilledSuperseded.meetings(keys) == result.supersededBy)
        return result
    }

    @Test func eachMunicipalitysStepsAreACaseOfTheirOwn() throws {
        let (tracks, supersededBy) = try Self.tracks([
            Self.minutes("lejre-1.md", "Lejre", "Økonomiudvalget", day: 3),
            Self.minutes("ringsted-1.md", "Ringsted", "Økonomiudvalget", day: 4),
            Self.minutes("lejre-2.md", "Lejre", "Kommunalbestyrelsen", day: 10),
            Self.minutes("ringsted-2.md", "Ringsted", "Byrådet", day: 11),
            Self.minutes("ukendt.md", nil, "Byrådet", day: 20),
        ])
        #expect(tracks.map(\.municipality) == ["Lejre", "Ringsted"])
        #expect(tracks.map { $0.steps.map(\.source) } == [["lejre-1.md", "lejre-2.md"], ["ringsted-1.md", "ringsted-2.md"]])
        #expect(tracks.map(\.shownNumber) == ["25/3377 (Lejre)", "25/3377 (Ringsted)"])
        // Each kommune's later meeting supersedes its own earlier one only; the minutes of no
        // kommune read belong to neither, and their line counts.
        #expect(
            supersededBy == [
                CaseLedger.Key(source: "lejre-1.md", caseNumber: "25/3377"): "Kommunalbestyrelsen 2025-03-10",
                CaseLedger.Key(source: "ringsted-1.md", caseNumber: "25/3377"): "Byrådet 2025-03-11",
            ])
    }

    /// One kommune and minutes whose kommune was not read: followed together, as in a run of
    /// one kommune's minutes, with no kommune named on the track.
    @Test func oneMunicipalityAndMinutesOfNoneKnownAreOneCase() throws {
        let (tracks, supersededBy) = try Self.tracks([
            Self.minutes("lejre-1.md", "Lejre", "Økonomiudvalget", day: 3),
            Self.minutes("ukendt.md", nil, "Kommunalbestyrelsen", day: 10),
        ])
        #expect(tracks.count == 1)
        #expect(tracks.first?.municipality == nil)
        #expect(tracks.first?.shownNumber == "25/3377")
        #expect(supersededBy == [CaseLedger.Key(source: "lejre-1.md", caseNumber: "25/3377"): "Kommunalbestyrelsen 2025-03-10"])
    }

    /// Fixtures: Lejre's Kommunalbestyrelse (27 May 2025) and Ringsted's Økonomiudvalg (2 June
    /// 2025) both have a case 25/3377, two different cases. Lejre's anlægsbevilling of 3,2 mio.
    /// kr. counts; it was dropped as superseded by Ringsted's meeting before cases were told
    /// apart by kommune.
    @Test func anotherMunicipalitysLaterMeetingSupersedesNothing() throws {
        let paths = ["lejre-kommunalbestyrelse-2025-05-27.md", "ringsted-oekonomiudvalget-2025-06-02-samme-sagsnr.md"]
            .map { Project.root.appendingPathComponent("Fixtures").appendingPathComponent($0).path }
        let report = Analyzer.analyze(paths: paths, engine: try Analyzer.defaultEngine())
        #expect(report.documents.map(\.municipality) == ["Lejre", "Ringsted"])
        #expect(report.cases.isEmpty)
        let lines = report.impacts.flatMap(\.budgetLines).filter { $0.caseNumber == "25/3377" }
        #expect(lines.contains { $0.source == paths[0] && $0.amount == 3_200_000 && $0.kind == .constructionGrant })
        #expect(lines.contains { $0.source == paths[1] && $0.amount == 850_000 })
        #expect(lines.allSatisfy { $0.supersededBy == nil })
    }

    /// One kommune written in two cases is one kommune, named as first noted, and kommuner are
    /// ordered ignoring case.
    @Test func municipalitiesAreToldApartIgnoringCase() throws {
        let (tracks, _) = try Self.tracks([
            Self.minutes("koege-1.md", "KØGE", "Direktionen", day: 3),
            Self.minutes("koege-2.md", "Køge", "Byrådet", day: 10),
        ])
        #expect(tracks.count == 1 && tracks.first?.municipality == nil)
        let (split, _) = try Self.tracks([
            Self.minutes("lyngby-1.md", "LYNGBY-TAARBÆK", "Direktionen", day: 3),
            Self.minutes("koege-1.md", "KØGE", "Direktionen", day: 3),
            Self.minutes("lyngby-2.md", "Lyngby-Taarbæk", "Byrådet", day: 10),
            Self.minutes("koege-2.md", "Køge", "Byrådet", day: 10),
        ])
        #expect(split.map(\.municipality) == ["KØGE", "LYNGBY-TAARBÆK"])
        #expect(split.map { $0.steps.count } == [2, 2])
    }

    /// A kommune only guessed from the items keeps no case apart: the items of one kommune's
    /// minutes may name a neighbour most.
    @Test func aGuessedMunicipalityKeepsNoCaseApart() throws {
        let (tracks, supersededBy) = try Self.tracks([
            Self.minutes("lejre-1.md", "Lejre", "Økonomiudvalget", day: 3),
            Self.minutes("lejre-2.md", "Roskilde", "Kommunalbestyrelsen", day: 10, known: .mostNamed),
        ])
        #expect(tracks.count == 1 && tracks.first?.municipality == nil)
        #expect(supersededBy.count == 1)
    }

    /// The masthead's kommune first, then the rådhus of the meeting's place, then the kommune
    /// the items name most.
    @Test func theMunicipalityOfMinutes() throws {
        var document = Document(source: "a.md", encoding: .utf8, format: .markdown)
        let lines = ["Næstved Kommune og Ringsted Kommune deler udgiften.", "Næstved Kommune betaler resten."].enumerated().map { index, text in
            Line(text, at: SourceLocation(line: index + 1))
        }
        document.items = [
            AgendaItem(
                number: 1, title: "Klyngesekretariat", sections: [Section(name: "Sagsfremstilling", kind: .caseDescription, heading: SourceLocation(line: 1), blocks: [.paragraph(lines)])],
                location: SourceLocation(line: 1))
        ]
        #expect(MunicipalityGuess.of(document)! == ("Næstved", .mostNamed))
        // A folder of a kommune the items name, nearest the file first; one they do not name
        // (a user's home folder) is no guess.
        document.source = "arkiv/naestved/2025/ringsted/a.md"
        #expect(MunicipalityGuess.of(document)! == ("Ringsted", .folder))
        document.source = "/home/odder/referater/a.md"
        #expect(MunicipalityGuess.of(document)! == ("Næstved", .mostNamed))
        document.meeting.place = "Byrådssalen, Ringsted Rådhus"
        #expect(MunicipalityGuess.of(document)! == ("Ringsted", .townHall))
        document.meeting.publisher = "Sorø"
        #expect(MunicipalityGuess.of(document)! == ("Sorø", .masthead))
        #expect(AmountExtractor.extract(document, options: ExtractionOptions(municipality: "Slagelse")).municipalitySource == .option)
    }

    @Test(arguments: [
        ("Byrådssalen, Sorø Rådhus", "Sorø"), ("Mødelokale 1, Ringsted Rådhus", "Ringsted"), ("Køge Rådhus", "Køge"),
        ("Mødelokale 2, Lyngby-Taarbæk Rådhus", "Lyngby-Taarbæk"), ("KØGE RÅDHUS", "Køge"), ("Rådhuset", nil), ("Rådhus", nil),
        ("Mødelokale 1", nil), ("Byrådssalen, det gamle Rådhus", nil), ("Det Gamle Rådhus", nil), ("Byrådssalen, Gamle Rådhus", nil),
        ("Direktionens kontor", nil), ("Lokale 2, 3. Rådhus", nil),
        // A town that is no kommune's name, and a kommune's in the genitive.
        ("Byrådssalen, Korsør Rådhus", nil), ("Mødesal 1, Nykøbing Rådhus", nil), ("Københavns Rådhus", "København"),
        ("Nordfyns Rådhus", "Nordfyns"), ("Mødelokale 1, Ærø Rådhus", "Ærø"),
    ] as [(String, String?)])
    func theTownOfTheTownHall(place: String, town: String?) {
        #expect(MunicipalityGuess.townHall(in: place) == town)
    }

    /// The 98 kommuner, each a name as ``MunicipalityName/named(by:)`` reads one; "Københavns"
    /// in a masthead is København, as its rådhus is.
    @Test func theKommunerAreNames() {
        #expect(MunicipalityName.kommuner.count == 98)
        for name in MunicipalityName.kommuner {
            #expect(MunicipalityName.named(by: Substring(name.prefix(1).uppercased() + name.dropFirst())) != nil, "\(name)")
        }
        #expect(MinutesParser.issuerName("Københavns Kommune") == "København")
        #expect(MinutesParser.issuerName("Nordfyns Kommune") == "Nordfyns")
    }

    @Test(arguments: [
        ("Sorø Kommune", "Sorø"), ("Byrådet i Sorø Kommune", "Sorø"), ("Referat – Sorø Kommune", "Sorø"),
        ("Økonomiudvalget, Sorø Kommune", "Sorø"), ("KØGE KOMMUNE", "Køge"), ("Lyngby-Taarbæk Kommune", "Lyngby-Taarbæk"),
        ("Hele Kommune", nil), ("2025 Kommune", nil), ("Sorø, Kommune", nil),
    ] as [(String, String?)])
    func theMunicipalityOfAMasthead(line: String, name: String?) {
        #expect(MinutesParser.issuerName(line) == name)
    }

    /// A folder's name is a kommune's in the spellings of archives and web addresses, and the
    /// folder nearest the file, past folders of years, counts; the file's own name and folders
    /// further up do not.
    @Test(arguments: [
        ("arkiv/greve/2024/a.html", "Greve"), ("Greve Kommune/a.html", "Greve"), ("KOEGE/a.md", "Køge"),
        ("koge/a.md", "Køge"), ("lyngby_taarbaek_kommune/a.md", "Lyngby-Taarbæk"), ("hoeje-taastrup/a.md", "Høje-Taastrup"),
        ("Københavns Kommune/a.md", "København"), ("nordfyn/a.md", "Nordfyns"), ("aero/a.md", "Ærø"), ("aarhus/a.md", "Aarhus"),
        ("greve/koege/a.md", "Køge"), ("greve/2024/2024-05/a.md", "Greve"), ("greve/udvalg/a.md", nil),
        ("/home/odder/referater/a.md", nil), ("/tmp/referater/a.md", nil), ("greve.md", nil),
        ("kommune/a.md", nil), ("-", nil), ("korsoer/a.md", nil),
    ] as [(String, String?)])
    func theMunicipalityOfAFolder(source: String, name: String?) {
        #expect(MunicipalityGuess.folder(of: source) == name)
    }

    /// Every kommune's name is its folder's in each spelling, and no spelling is two kommuners'.
    @Test func everyMunicipalityIsAFolder() {
        for kommune in MunicipalityName.kommuner {
            let spelt = { (æ: String, ø: String, å: String) in
                kommune.replacingOccurrences(of: "æ", with: æ).replacingOccurrences(of: "ø", with: ø).replacingOccurrences(of: "å", with: å)
            }
            for spelling in [kommune, spelt("ae", "oe", "aa"), spelt("a", "o", "a"), kommune.uppercased()] {
                #expect(MunicipalityName.kommune(folder: spelling)?.fastLowercased() == kommune, "\(spelling)")
            }
        }
    }

    /// Two kommuner's minutes that name neither masthead nor rådhus, in folders of their own,
    /// are told apart by them: the same case number is two cases, and neither kommune's later
    /// meeting makes the other's lines not count.
    @Test func foldersKeepMunicipalitiesCasesApart() throws {
        func minutes(_ folder: String, day: Int, body: String) -> String {
            """
            # Referat – \(body)

            **Mødedato:** \(day). marts 2025

            # Punkt 1: Tilskud til foreningerne

            Sagsnr.: 25-003377

            ## Indstilling

            Administrationen indstiller, at der gives en tillægsbevilling på 100.000 kr. i 2025 til \(folder)s foreninger.

            ## Beslutning

            Godkendt.
            """
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("konsekvens-folders-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var paths: [String] = []
        for (folder, day, body) in [("greve", 3, "Økonomiudvalget"), ("koege", 10, "Byrådet")] {
            let directory = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("referat.md")
            try minutes(folder, day: day, body: body).write(to: file, atomically: true, encoding: .utf8)
            paths.append(file.path)
        }
        let report = Analyzer.analyze(paths: paths, engine: try Analyzer.defaultEngine())
        #expect(report.documents.map(\.municipality) == ["Greve", "Køge"])
        #expect(report.documents.map(\.municipalitySource) == [.folder, .folder])
        let lines = report.impacts.flatMap(\.budgetLines)
        #expect(lines.map(\.amount) == [100_000, 100_000])
        #expect(lines.allSatisfy { $0.supersededBy == nil })
    }

    /// The masthead above the meeting names the kommune that publishes the minutes.
    @Test func theMastheadNamesThePublisher() throws {
        #expect(try Project.read("soroe-byraad-2024-11-28-cp1252.txt").meeting.publisher == "Sorø")
        #expect(try Project.read("koege-direktion-2025-04-07-decision-first.txt").meeting.publisher == "Køge")
        // No masthead: the place tells.
        let lejre = try Project.read("lejre-kommunalbestyrelse-2025-05-27.md")
        #expect(lejre.meeting.publisher == nil)
        #expect(AmountExtractor.extract(lejre).municipality == "Lejre")
        #expect(AmountExtractor.extract(try Project.read("holbaek-oekonomiudvalget-2025-03-10-crlf.txt")).municipality == "Holbæk")
    }
}
