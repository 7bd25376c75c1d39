import Foundation
import Testing
@testable import KonsekvensKit

/// The streamed run, which the command uses for CSV and JSON so that memory does not grow with
/// the corpus, gives the same documents in the same order and the same bytes as the run that
/// holds everything.
@Suite struct StreamingTests {
    /// The report a streamed run writes, as text.
    static func streamed(
        _ format: StreamedReport.Format, _ paths: [String], status: StatusFilter, jobs: Int, filter: CorpusFilter = CorpusFilter(),
        drainSize: Int = JSONWriter.defaultDrainSize, renderedLimit: Int = JSONReport.Rendered.largestRendered,
        ledgerRunSize: Int = SpilledCaseLedger.defaultRunSize
    ) throws -> String {
        let report = try StreamedReport(
            format: format, engine: try Analyzer.defaultEngine(), statusFilter: status, directory: nil, jsonDrainSize: drainSize,
            jsonRenderedLimit: renderedLimit, ledgerRunSize: ledgerRunSize)
        _ = try report.analyze(paths: paths, filter: filter, jobs: jobs)
        var output: [UInt8] = []
        try report.finish { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }

    @Test(arguments: CSVReport.Dialect.allCases, StatusFilter.allCases)
    func streamedCSVIsTheReportsCSV(dialect: CSVReport.Dialect, status: StatusFilter) throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let report = Analyzer.analyze(paths: ["Fixtures"], engine: try Analyzer.defaultEngine(), statusFilter: status)
        let expected = CSVReport.render(report, dialect: dialect)
        // The fixtures hold a case through three meetings, so superseded_by is filled in.
        #expect(report.allShownLines.contains { $0.supersededBy != nil })
        #expect(try Self.streamed(.csv(dialect), ["Fixtures"], status: status, jobs: 1) == expected)
        #expect(try Self.streamed(.csv(dialect), ["Fixtures"], status: status, jobs: 3) == expected)
    }

    /// The streamed JSON, Markdown and page are the held ones. The Markdown and the page keep
    /// each document's pieces on disk and add up their overview, totals, chart and cases when
    /// the run is over: the lines of cases decided later (with years and without) are set apart
    /// and left out of the totals, as in the held report.
    @Test(arguments: ["json", "markdown", "html"], StatusFilter.allCases)
    func streamedReportIsTheHeldReport(format: String, status: StatusFilter) throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let paths = ["Fixtures", "Fixtures/no-such-file.md"]
        let report = Analyzer.analyze(paths: paths, engine: try Analyzer.defaultEngine(), statusFilter: status)
        #expect(report.allShownLines.contains { $0.supersededBy != nil && $0.year == nil })
        #expect(report.allShownLines.contains { $0.supersededBy != nil && $0.year != nil })
        #expect(report.cases.count > 1 && !report.errors.isEmpty)
        let (streamedFormat, expected): (StreamedReport.Format, String) =
            switch format {
            case "json": (.json, JSONReport.render(report))
            case "markdown": (.markdown, MarkdownReport.render(report))
            default: (.html, HTMLReport.render(report))
            }
        #expect(try Self.streamed(streamedFormat, paths, status: status, jobs: 1) == expected)
        #expect(try Self.streamed(streamedFormat, paths, status: status, jobs: 3) == expected)
        // The case ledger spilled in runs of one item, and of three, merged at the end.
        #expect(try Self.streamed(streamedFormat, paths, status: status, jobs: 2, ledgerRunSize: 1) == expected)
        #expect(try Self.streamed(streamedFormat, paths, status: status, jobs: 1, ledgerRunSize: 3) == expected)
        if format == "json" {
            // Each document rendered in its turn and written out in pieces as it is rendered, as a
            // large meeting's is; and every document rendered where it was analysed.
            #expect(try Self.streamed(.json, paths, status: status, jobs: 1, drainSize: 1, renderedLimit: -1) == expected)
            #expect(try Self.streamed(.json, paths, status: status, jobs: 2, drainSize: 4096, renderedLimit: -1) == expected)
            #expect(try Self.streamed(.json, paths, status: status, jobs: 3, renderedLimit: .max) == expected)
        }
    }

    /// A run of no documents has no overview; one whose documents have no money says so, and
    /// that no rule placed anything; a document without items is a warning below the documents.
    @Test func streamedReportsOfLittleAreTheHeldReports() throws {
        let folder = try Project.temporaryFolder("little-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = try Analyzer.defaultEngine()
        func check(_ expectations: (String, String) -> Void = { _, _ in }) throws {
            let held = Analyzer.analyze(paths: [folder.path], engine: engine)
            let markdown = MarkdownReport.render(held), html = HTMLReport.render(held)
            expectations(markdown, html)
            #expect(try Self.streamed(.markdown, [folder.path], status: .all, jobs: 2) == markdown)
            #expect(try Self.streamed(.html, [folder.path], status: .all, jobs: 2) == html)
        }
        try check { markdown, html in
            #expect(!markdown.contains("Bevillingsoversigt") && html.contains("Ingen dokumenter."))
        }
        let text = "# Direktionen – Referat\n\n**Mødedato:** 3. maj 2021\n\n### Punkt 1: Orientering\n\n#### Beslutning\n\nTaget til efterretning.\n"
        try text.write(to: folder.appendingPathComponent("orientering.md"), atomically: true, encoding: .utf8)
        try "Et notat uden punkter.\n".write(to: folder.appendingPathComponent("notat.md"), atomically: true, encoding: .utf8)
        try check { markdown, html in
            #expect(markdown.contains("Ingen budgetlinjer.") && markdown.contains("Regler der ikke placerede noget beløb: "))
            #expect(markdown.contains("[NoItems]") && html.contains("Advarsler fra læsningen") && html.contains("<code>NoItems</code>"))
            #expect(html.contains("Ingen fund."))
            #expect(html.contains("Ingen budgetlinjer at vise.") && html.contains("Ingen beløb betalt af andre."))
        }
    }

    /// The survey the command streams is the one of the held run, lines, errors and totals.
    @Test func theCommandStreamsTheSurvey() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let paths = ["Fixtures", "Fixtures/no-such-file.md"]
        let report = Analyzer.analyze(paths: paths, engine: try Analyzer.defaultEngine())
        let held = SurveyReport.render(report)
        #expect(held.contains("no-such-file.md") && held.contains("headings not recognised"))
        let items = report.documents.flatMap(\.items)
        #expect(held.contains("documents: \(report.documents.count), unreadable: 1\nitems: \(items.count), open: \(items.count { !$0.closed })"))
        #expect(held.split(separator: "\n").count { $0.hasPrefix("Fixtures/") && $0.contains("\t") } == report.documents.count)
        let run = try CommandLineTests.run(["survey"] + paths)
        #expect(run.status == 1)
        #expect(run.output == held)
    }

    /// The filter is applied where the documents are analysed: what it leaves out is counted,
    /// and neither rendered nor noted in the case tracks.
    @Test(arguments: [1, 2])
    func streamedReportsAreFilteredAsTheHeldReport(jobs: Int) throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let filter = CorpusFilter(body: "byråd")
        let engine = try Analyzer.defaultEngine()
        let held = Analyzer.analyze(paths: ["Fixtures"], engine: engine, filter: filter)
        #expect(held.filteredOut > 0 && !held.documents.isEmpty)
        let formats = [
            (StreamedReport.Format.csv(.excelDanish), CSVReport.render(held)), (.json, JSONReport.render(held)),
            (.markdown, MarkdownReport.render(held)), (.html, HTMLReport.render(held)),
        ]
        // (The Markdown says how many documents the filter left out.)
        #expect(MarkdownReport.render(held).contains("Filter: organ: byråd; \(held.filteredOut) dokumenter udeladt."))
        for (format, expected) in formats {
            #expect(try Self.streamed(format, ["Fixtures"], status: .all, jobs: jobs, filter: filter) == expected)
        }
    }

    /// A case through three meetings of which the last has no money: its lines count where
    /// they were last stated, at the second meeting, and the first meeting's are superseded.
    static let caseThroughThreeMeetings = [
        ("1-oekonomiudvalget.md", "Økonomiudvalget", "3. marts 2025", "en anlægsbevilling på 2,0 mio. kr. i 2025"),
        ("2-oekonomiudvalget.md", "Økonomiudvalget", "10. marts 2025", "en anlægsbevilling på 2,5 mio. kr. i 2025"),
        ("3-kommunalbestyrelsen.md", "Kommunalbestyrelsen", "24. marts 2025", "at sagen udsættes"),
    ]

    static func writeCaseThroughThreeMeetings(to folder: URL) throws {
        for (name, body, date, proposal) in caseThroughThreeMeetings {
            let text = """
                # \(body) – Referat

                **Mødedato:** \(date)

                ### Punkt 1: Ny cykelsti

                Sagsnr.: 25/1234

                #### Indstilling

                Administrationen indstiller \(proposal).

                #### Beslutning

                Godkendt.

                """
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// Ledgers noted one document each and merged in order are the ledger that noted them all.
    @Test func mergedLedgersAreTheLedgerOfTheWholeRun() throws {
        let folder = try Project.temporaryFolder("ledger")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeCaseThroughThreeMeetings(to: folder)
        let report = Analyzer.analyze(paths: [folder.path], engine: try Analyzer.defaultEngine())
        var whole = CaseLedger(), merged = CaseLedger()
        for document in report.documents {
            let impact = report.impact(of: document)
            whole.add(document, impact: impact)
            var one = CaseLedger()
            one.add(document, impact: impact)
            merged.merge(one)
        }
        let (tracks, supersededBy) = whole.tracks()
        let track = try #require(tracks.first)
        #expect(track.steps.count == 3)
        #expect(track.counted.source.hasSuffix("2-oekonomiudvalget.md"))
        #expect(supersededBy.count == 2)
        #expect(merged.tracks().tracks == tracks)
        #expect(merged.tracks().supersededBy == supersededBy)
    }

    /// A step's figure adds up the case's lines that a status filter shows, dated ones into its
    /// net: with every line shown, and with the approved ones only.
    @Test(arguments: [(StatusFilter.all, true, Decimal(1_500)), (.approved, true, 1_000), (.approved, false, 0), (.all, false, 1_500)])
    func aStepsFigureAddsUpTheShownLines(filter: StatusFilter, approvedFirst: Bool, net: Decimal) throws {
        var document = Document(source: "a.md", encoding: .utf8, format: .markdown, meeting: Meeting(body: "Byrådet", date: nil))
        document.items = [AgendaItem(number: 1, title: "Punkt 1", caseNumber: "25/1234", decisions: [], location: SourceLocation(line: 1))]
        var lines: [BudgetLine] = []
        for (amount, year, approved) in [(Decimal(1_000), 2025 as Int?, approvedFirst), (500, 2026, false), (7_000, nil, false)] {
            var line = CSVReportTests.line(year: year, amount: amount)
            (line.source, line.caseNumber, line.status) = ("a.md", "25/1234", approved ? .approved : .recommended)
            lines.append(line)
        }
        var ledger = CaseLedger()
        ledger.add(document, impact: DocumentImpact(source: "a.md", budgetLines: lines, placements: [], findings: []))
        let figure = try #require(ledger.notedSteps.first).step.figures[filter]
        #expect(figure == CaseTrack.Figure(hasLines: filter == .all || approvedFirst, datedNet: net))
    }

    /// A ledger that noted nothing, or no item with a case number, makes no tracks, spilled or not.
    @Test func emptyLedgersMakeNoTracks() throws {
        let spilled = try SpilledCaseLedger(directory: nil, runSize: 1)
        try spilled.add(CaseLedger())
        var noCase = CaseLedger()
        noCase.add(Document(source: "a.md", encoding: .utf8, format: .markdown, meeting: Meeting(body: nil, date: nil)), impact: nil)
        try spilled.add(noCase)
        let (tracks, supersededBy) = try spilled.tracks()
        #expect(tracks.isEmpty)
        #expect(try supersededBy.meetings([CaseLedger.Key(source: "a.md", caseNumber: "25/1")]).isEmpty)
        #expect(CaseLedger().tracks().tracks.isEmpty)
    }

    /// The ledger's tracks are those of a ledger that keeps a step for every item in an array
    /// per case (``ReferenceLedger``, as it kept them before 2026-12-07), noted whole or merged
    /// one document at a time, over random runs that share case numbers (one written composed
    /// and decomposed), sources, bodies and dates, with and without budget lines, and sources
    /// of two kommuner or of none read.
    @Test func ledgerTracksAreThoseOfStepsKeptPerCase() throws {
        var random = SplitMix64(seed: 0x6c65_6467)
        var runs = 0
        let caseNumbers = ["25/1234", "25/1235", "24-007264", "\u{C5}-1", "A\u{30A}-1"]
        // Two spellings of one name among them: sorted and looked up as the same source.
        let sources = ["a.md", "b.md", "\u{E5}.md", "a\u{30A}.md"]
        let bodies: [String?] = ["Økonomiudvalget", "Kommunalbestyrelsen", "Direktionen", nil]
        let dates: [MeetingDate?] = [MeetingDate(year: 2025, month: 3, day: 3), MeetingDate(year: 2025, month: 3, day: 10), nil]
        let decisions = ["Godkendt.", "Udsat.", "Anbefales.", ""]
        // Kommuner known, in two spellings, guessed only (which keeps no case apart), or none.
        let municipalities: [(String, MunicipalitySource)?] = [("Lejre", .masthead), ("LEJRE", .townHall), ("Ringsted", .masthead), ("Ringsted", .mostNamed), nil]
        var tracked = 0
        var split = 0
        for _ in 0..<600 {
            var reference = ReferenceLedger(), whole = CaseLedger(), merged = CaseLedger()
            // Each source is one kommune's minutes, or minutes whose kommune was not read (the
            // two spellings of one name one source).
            var municipalityOf: [String: (String, MunicipalitySource)?] = [:]
            for source in sources where !municipalityOf.keys.contains(source) {
                municipalityOf[source] = municipalities[random.below(municipalities.count)]
            }
            // Spilled in runs of one to three items, so that most runs merge several.
            let spilled = try SpilledCaseLedger(directory: nil, runSize: 1 + random.below(3))
            for _ in 0..<(1 + random.below(8)) {
                let meeting = Meeting(body: bodies[random.below(bodies.count)], date: dates[random.below(dates.count)])
                var document = Document(source: sources[random.below(sources.count)], encoding: .utf8, format: .markdown, meeting: meeting)
                (document.municipality, document.municipalitySource) = (municipalityOf[document.source]!?.0, municipalityOf[document.source]!?.1)
                var lines: [BudgetLine] = []
                for number in 1...(1 + random.below(3)) {
                    var decision = Decision(text: decisions[random.below(decisions.count)], location: SourceLocation(line: 1), heading: "Beslutning")
                    decision.status = [.approved, .postponed, .recommended, .none][random.below(4)]
                    let caseNumber = random.below(5) == 0 ? nil : caseNumbers[random.below(caseNumbers.count)]
                    document.items.append(
                        AgendaItem(number: number, title: "Punkt \(number)", caseNumber: caseNumber, decisions: [decision], location: SourceLocation(line: number)))
                    if let caseNumber, random.below(2) == 0 {
                        var line = CSVReportTests.line()
                        (line.source, line.caseNumber) = (document.source, caseNumber)
                        lines.append(line)
                    }
                }
                let impact = random.below(4) == 0 ? nil : DocumentImpact(source: document.source, budgetLines: lines, placements: [], findings: [])
                reference.add(document, impact: impact)
                whole.add(document, impact: impact)
                var one = CaseLedger()
                one.add(document, impact: impact)
                merged.merge(one)
                try spilled.add(one)
            }
            runs += spilled.runCount
            let expected = reference.tracks()
            let (spilledTracks, spilledSupersededBy) = try spilled.tracks()
            // Every case of every source asked, in the order of the sources as a report's
            // passes ask, and in no order.
            let keys = sources.flatMap { source in caseNumbers.map { CaseLedger.Key(source: source, caseNumber: $0) } }
            let askedInOrder = try spilledSupersededBy.meetings(keys)
            let askedAtRandom = try spilledSupersededBy.meetings(keys.shuffled(using: &random))
            for (tracks, supersededBy) in [whole.tracks(), merged.tracks(), (try spilledTracks.all(), askedInOrder)] {
                #expect(tracks == expected.tracks)
                #expect(tracks.map { Array($0.caseNumber.utf8) } == expected.tracks.map { Array($0.caseNumber.utf8) })
                #expect(supersededBy == expected.supersededBy)
            }
            #expect(askedAtRandom == expected.supersededBy)
            tracked += expected.tracks.count
            split += expected.tracks.filter { $0.municipality != nil }.count
        }
        #expect(tracked > 500)
        #expect(split > 10)
        #expect(runs > 1_000)
    }

    @Test func streamedJSONOfNothingIsTheReportsJSON() throws {
        let folder = try Project.temporaryFolder("empty-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = JSONReport.render(Analyzer.analyze(paths: [folder.path], engine: try Analyzer.defaultEngine()))
        #expect(try Self.streamed(.json, [folder.path], status: .all, jobs: 2) == expected)
    }

    @Test func theCommandStreamsTheJSONOfReports() throws {
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", "json"])
        #expect(run.status == 0)
        #expect(Data(run.output.utf8) == (try Data(contentsOf: Project.root.appendingPathComponent("Reports/konsekvens.json"))))
    }

    @Test func documentsArriveInReportOrder() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let files = InputFiles.collect(["Fixtures"]).files
        var sources: [String] = []
        let summary = Analyzer.stream(paths: files.reversed(), jobs: 2) { document, _ in sources.append(document.source) }
        #expect(summary.errors.isEmpty)
        #expect(sources == files.sorted())
        #expect(sources == Analyzer.analyze(paths: ["Fixtures"]).documents.map(\.source))
    }

    @Test(arguments: [("markdown", "Reports/konsekvens.md"), ("html", "Reports/konsekvens.html")])
    func theCommandStreamsTheReports(format: String, golden: String) throws {
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", format])
        #expect(run.status == 0)
        #expect(Data(run.output.utf8) == (try Data(contentsOf: Project.root.appendingPathComponent(golden))))
    }

    @Test func theCommandStreamsTheCSVOfReports() throws {
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        #expect(Data(run.output.utf8) == (try Data(contentsOf: Project.root.appendingPathComponent("Reports/konsekvens.csv"))))
    }

    /// A report that cannot be written is an error naming the file and the reason, with exit
    /// status 1, and the spill file is gone (its name is removed as soon as it is open).
    @Test func anUnwritableOutputIsAnErrorAndLeavesNoSpill() throws {
        let spills = { (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))?.filter { $0.hasPrefix("konsekvens-spill-") } ?? [] }
        let before = Set(spills())
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", "csv", "--output", "/nonexistent-folder/report.csv"])
        #expect(run.status == 1)
        #expect(run.errors.contains("/nonexistent-folder/report.csv: error: cannot write report:"))
        #expect(run.errors.contains("No such file or directory") || run.errors.contains("doesn’t exist") || run.errors.contains("couldn’t be"))
        #expect(run.output.isEmpty)
        #expect(Set(spills()).subtracting(before).isEmpty)
    }

    /// A streamed report that cannot have its temporary file says where it tried.
    @Test func noTemporaryFolderIsAnError() throws {
        let run = try CommandLineTests.run(["analyze", "Fixtures", "--format", "json"], environment: ["TMPDIR": "/nonexistent-tmp"])
        #expect(run.status == 1)
        #expect(run.errors.contains("konsekvens: error: cannot create a temporary file in /nonexistent-tmp: No such file or directory"))
        #expect(run.output.isEmpty)
    }

    /// On disk, and in memory as a held report keeps it.
    @Test(arguments: [true, false])
    func spillFileGivesBackWhatWasWritten(onDisk: Bool) throws {
        let spill = onDisk ? try SpillFile(directory: FileManager.default.temporaryDirectory) : SpillFile()
        defer { spill.remove() }
        // Empty strings, multi-byte text, and strings that straddle the megabyte buffer.
        let written = ["", "32.083 kr.", "Økonomi\u{0}Sag", String(repeating: "æ", count: 700_000), "", String(repeating: "x", count: 1_500_000), "slut"]
        for text in written { try spill.append(text) }
        var read: [String] = []
        try spill.readBack { read.append(String(decoding: $0, as: UTF8.self)) }
        #expect(read == written)
    }

    /// Parts of a spill read side by side give back each part's strings, on disk and in memory;
    /// the parts hold strings longer than a read, and a part that is not whole is an error.
    @Test(arguments: [true, false])
    func spillPartsAreReadSideBySide(onDisk: Bool) throws {
        let spill = onDisk ? try SpillFile(directory: FileManager.default.temporaryDirectory) : SpillFile()
        defer { spill.remove() }
        let parts = [
            ["", "25/1234", String(repeating: "æ", count: 50_000), "slut"],
            (0..<3_000).map { "sag \($0) Økonomiudvalget" },
            [],
            ["", String(repeating: "x", count: 1_500_000)],
        ]
        var ranges: [Range<Int>] = []
        for part in parts {
            let start = spill.endOffset
            for text in part { try spill.append(text) }
            ranges.append(start..<spill.endOffset)
        }
        var readers = try ranges.map { try spill.strings(in: $0) }
        var read = parts.map { _ in [String]() }
        // Half of the second part read, then more appended, flushed over what is being read.
        for _ in 0..<1_500 { read[1].append(String(decoding: try #require(try readers[1].next()), as: UTF8.self)) }
        for _ in 0..<3 { try spill.append(String(repeating: "ø", count: 600_000)) }
        var reading = true
        while reading {
            reading = false
            for index in readers.indices {
                guard let bytes = try readers[index].next() else { continue }
                read[index].append(String(decoding: bytes, as: UTF8.self))
                reading = true
            }
        }
        #expect(read == parts)
        var cut = try spill.strings(in: ranges[0].lowerBound..<(ranges[0].upperBound - 1))
        for _ in 0..<3 { _ = try cut.next() }
        #expect(throws: SpillError.self) { try cut.next() }
    }

    /// A record's values come back as they were appended, an amount to the last digit.
    @Test func spillRecordGivesBackItsValues() throws {
        let amounts: [Decimal] = [0, 32_083, -2_500_000, Decimal(string: "0.6")!, Decimal(string: "-123456789012345678901234567.5")!]
        var record = SpillRecord()
        for (index, amount) in amounts.enumerated() {
            record.append(index == 2 ? nil : index - 1)
            record.append(amount)
            record.append(["", "Økonomiudvalget\u{0}24-001726", "kr."][index % 3])
        }
        var reader = SpillRecord.Reader(record.bytes[...])
        for (index, amount) in amounts.enumerated() {
            #expect(reader.optionalInt() == (index == 2 ? nil : index - 1))
            #expect(reader.decimal() == amount)
            #expect(reader.string() == ["", "Økonomiudvalget\u{0}24-001726", "kr."][index % 3])
        }
        #expect(reader.isAtEnd)
    }

    /// Replayed text is the text appended, with each deferred place filled and each document's
    /// end marked, whole across the megabyte pieces it is written in.
    @Test func deferredTextReplaysWhatWasAppended() throws {
        let deferred = try DeferredText(directory: nil)
        var expected = ""
        var pieces = 0
        for document in 0..<3 {
            for index in 0..<40 {
                // Texts of two-byte letters and odd lengths, over several megabyte pieces.
                let text = String(repeating: "æ", count: 7_001 + index) + "\(document).\(index) kr."
                let key = index % 3 == 0 ? "key\(index)" : nil
                try deferred.append(text, then: key)
                expected += text + (key.map { "<\($0)>" } ?? "")
            }
            try deferred.endDocument()
            expected += "|\(document)|"
        }
        var written: [UInt8] = []
        try deferred.replay({ bytes in
            written += bytes
            pieces += 1
        }, value: { "<\($0)>" }, documentEnd: { "|\($0)|" })
        #expect(pieces > 1)
        // Compared as a whole, so that a failure does not print two megabytes.
        #expect(written.count == expected.utf8.count)
        #expect(written.elementsEqual(expected.utf8), "the replayed bytes differ from those appended")
    }
}

extension SupersededSteps {
    /// The meeting of each of `keys` that has one, asked in the order given through one lookup.
    func meetings(_ keys: [CaseLedger.Key]) throws -> [CaseLedger.Key: String] {
        var lookup = try lookup()
        var meetings: [CaseLedger.Key: String] = [:]
        for key in keys { meetings[key] = try lookup.meeting(for: key) }
        return meetings
    }
}

extension CaseTrackList {
    /// Every track, in order.
    func all() throws -> [CaseTrack] {
        var tracks: [CaseTrack] = []
        try forEach { tracks.append($0) }
        return tracks
    }
}

/// The case ledger as it was kept before 2026-12-07, a step for every item in an array per
/// case (since split by kommune), kept to compare the ledger with.
struct ReferenceLedger {
    private var stepsByCase: [String: [CaseTrack.Step]] = [:]
    private var withLines = Set<CaseLedger.Key>()

    mutating func add(_ document: Document, impact: DocumentImpact?) {
        for item in document.items {
            guard let caseNumber = item.caseNumber else { continue }
            // The figures added since: the item's case's lines in its document, all and approved.
            func figure(_ filter: StatusFilter) -> CaseTrack.Figure {
                let lines = (impact?.budgetLines ?? []).filter { $0.caseNumber == caseNumber && filter.shows($0) }
                return CaseTrack.Figure(hasLines: !lines.isEmpty, datedNet: lines.filter { $0.year != nil }.map(\.net).reduce(0, +))
            }
            stepsByCase[caseNumber, default: []].append(
                CaseTrack.Step(
                    source: document.source, itemNumber: item.number, title: item.title, body: document.meeting.body,
                    date: document.meeting.date, status: item.decision?.status ?? .none, decision: item.decision?.text,
                    figures: CaseTrack.Figures(all: figure(.all), approved: figure(.approved)),
                    municipality: document.municipalitySource == .mostNamed ? nil : document.municipality))
        }
        for line in impact?.budgetLines ?? [] {
            if let caseNumber = line.caseNumber { withLines.insert(CaseLedger.Key(source: line.source, caseNumber: caseNumber)) }
        }
    }

    /// A case number's steps, and its kommune, for each case it is: one case, unless the steps
    /// are of more than one kommune (in any case of letters), when each kommune's steps are one,
    /// named as its first step spells it, and the steps of no kommune none.
    private static func cases(of steps: [CaseTrack.Step]) -> [(municipality: String?, steps: [CaseTrack.Step])] {
        let named = Set(steps.compactMap { $0.municipality?.lowercased() })
        guard named.count > 1 else { return [(nil, steps)] }
        return named.map { name in
            let own = steps.filter { $0.municipality?.lowercased() == name }
            return (own.first!.municipality, own)
        }
    }

    func tracks() -> (tracks: [CaseTrack], supersededBy: [CaseLedger.Key: String]) {
        var tracks: [CaseTrack] = stepsByCase.flatMap { caseNumber, steps in
            Self.cases(of: steps).compactMap { municipality, steps -> CaseTrack? in
                guard Set(steps.map(\.source)).count > 1 else { return nil }
                let ordered = steps.sorted { a, b in
                    (a.date?.description ?? "", CaseTrack.rank(of: a.body), a.source)
                        < (b.date?.description ?? "", CaseTrack.rank(of: b.body), b.source)
                }
                return CaseTrack(caseNumber: caseNumber, steps: ordered, countedIndex: ordered.count - 1, municipality: municipality)
            }
        }.sorted { ($0.caseNumber, $0.municipality?.lowercased() ?? "") < ($1.caseNumber, $1.municipality?.lowercased() ?? "") }
        var supersededBy: [CaseLedger.Key: String] = [:]
        for index in tracks.indices {
            let track = tracks[index]
            if let latest = track.steps.lastIndex(where: { withLines.contains(CaseLedger.Key(source: $0.source, caseNumber: track.caseNumber)) }) {
                tracks[index].countedIndex = latest
            }
            let counted = tracks[index].counted
            for step in track.steps where step.source != counted.source {
                supersededBy[CaseLedger.Key(source: step.source, caseNumber: track.caseNumber)] = counted.meeting
            }
        }
        return (tracks, supersededBy)
    }
}
