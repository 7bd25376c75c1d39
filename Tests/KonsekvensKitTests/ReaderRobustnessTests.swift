import Foundation
import Testing
@testable import KonsekvensKit

/// The reader takes any bytes: random and mutated input never crashes it and always gives a
/// document whose locations make sense. Encodings and line endings keep line numbers right,
/// and HTML entities, tables and headings read as in the exported minutes.
@Suite struct ReaderRobustnessTests {
    // MARK: Fuzzing

    /// A few thousand seeded inputs: random bytes, mutated fixtures, random UTF-8, UTF-16 with
    /// lone surrogates, NUL bytes, "<" and "&" soup, very long lines. The seed is fixed, so a
    /// failure names an input that can be replayed.
    @Test func randomAndMutatedInputKeepTheInvariants() throws {
        let seeds = try Self.fixtureBytes()
        var random = SplitMix64(seed: 0x4B6F_6E73_656B_7665)
        let sources = ["fuzz.md", "fuzz.txt", "fuzz.html", "fuzz"]
        var failures = 0
        var withItems = 0
        for round in 0..<2_400 {
            let bytes: [UInt8]
            switch round % 8 {
            case 0: bytes = Self.randomBytes(&random, count: random.below(600))
            case 1, 2: bytes = Self.mutated(seeds[random.below(seeds.count)], seeds: seeds, &random)
            case 3: bytes = Array(Self.randomMinutesText(&random, tokens: random.below(300)).utf8)
            case 4: bytes = Self.utf16WithLoneSurrogates(&random, bigEndian: random.below(2) == 0)
            case 5: bytes = Array(Self.markupSoup(&random, tokens: random.below(400)).utf8)
            case 6: bytes = Self.sliceOfFixture(seeds[random.below(seeds.count)], &random)
            default: bytes = Self.withNULsAndBreaks(seeds[random.below(seeds.count)], &random)
            }
            let source = sources[round % sources.count]
            let document = MinutesReader.read(bytes, source: source)
            if !document.items.isEmpty { withItems += 1 }
            let problems = Self.invariantViolations(document, bytes: bytes)
            if !problems.isEmpty {
                failures += 1
                if failures <= 5 {
                    Issue.record("round \(round) (\(source), \(bytes.count) bytes): \(problems.prefix(3).joined(separator: "; "))")
                }
            }
        }
        #expect(failures == 0)
        // Most mutated fixtures still read as minutes, so the invariants are tested on real structure.
        #expect(withItems > 600, "only \(withItems) inputs gave items")
    }

    /// Lines of hundreds of thousands of characters, in every layout.
    @Test(arguments: ["long.md", "long.txt", "long.html"])
    func veryLongLines(source: String) {
        let pieces = [
            String(repeating: "a ", count: 60_000),
            String(repeating: "|", count: 50_000),
            String(repeating: "1.000  ", count: 20_000),
            String(repeating: "<b>&amp;", count: 20_000),
            "Punkt 1: " + String(repeating: "Beslutning ", count: 20_000),
            String(repeating: "&#", count: 40_000),
            "<!--" + String(repeating: "-", count: 50_000),
            String(repeating: "<td>", count: 20_000),
        ]
        for piece in pieces {
            let bytes = Array((piece + "\nBeslutning\n" + piece).utf8)
            let document = MinutesReader.read(bytes, source: source)
            #expect(Self.invariantViolations(document, bytes: bytes).isEmpty)
        }
    }

    /// Reading is pure: the same bytes give the same document.
    @Test func readingIsDeterministic() throws {
        for bytes in try Self.fixtureBytes() {
            for source in ["a.md", "a.txt", "a.html"] {
                #expect(MinutesReader.read(bytes, source: source) == MinutesReader.read(bytes, source: source))
            }
        }
    }

    // MARK: Encodings and line endings

    private static let sample = """
        REFERAT Økonomiudvalget d. 10-03-2025

        Punkt 1: Godkendelse af dagsorden

        25-000231

        Beslutning

        Godkendt på mødet – 1.000 € årligt.
        """

    /// Every decoding and line ending gives the same document, down to each line number, in
    /// plain text and in Markdown.
    @Test(arguments: [
        ("UTF-8", [UInt8](), TextEncoding.utf8, "\n"),
        ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF], .utf8WithBOM, "\n"),
        ("UTF-16LE", [0xFF, 0xFE], .utf16LittleEndian, "\n"),
        ("UTF-16BE", [0xFE, 0xFF], .utf16BigEndian, "\n"),
        ("CRLF", [], .utf8, "\r\n"),
        ("lone CR", [], .utf8, "\r"),
        ("UTF-16LE CRLF", [0xFF, 0xFE], .utf16LittleEndian, "\r\n"),
    ] as [(String, [UInt8], TextEncoding, String)], ["txt", "md"])
    func encodingsKeepLineNumbers(variant: (name: String, bom: [UInt8], encoding: TextEncoding, newline: String), fileExtension: String) throws {
        let (name, bom, encoding, newline) = variant
        let text = Self.sample.replacingOccurrences(of: "\n", with: newline)
        var bytes = bom
        switch encoding {
        case .utf16LittleEndian: bytes += text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BigEndian: bytes += text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: bytes += Array(text.utf8)
        }
        let document = MinutesReader.read(bytes, source: "sample.\(fileExtension)")
        #expect(document.encoding == encoding, "\(name)")
        #expect(document.meeting.body == "Økonomiudvalget", "\(name)")
        #expect(document.meeting.date?.description == "2025-03-10", "\(name)")
        #expect(document.items.count == 1, "\(name)")
        let item = try #require(document.items.first)
        #expect(item.location.line == 3, "\(name)")
        #expect(item.caseNumber == "25-000231", "\(name)")
        #expect(item.section(.decision)?.firstLine == 7, "\(name)")
        #expect(item.decision?.location.line == 9, "\(name)")
        #expect(item.decision?.text == "Godkendt på mødet – 1.000 € årligt.", "\(name)")
    }

    /// Bytes that are not UTF-8 are Windows-1252: 0xE6 0xF8 0xE5 is "æøå", 0x80 is "€",
    /// 0x96 is "–"; line numbers count the same.
    @Test func windows1252Bytes() throws {
        var bytes = Array("Direktionen\n\nPunkt 1: Bevilling til ".utf8) + [0xE6, 0xF8, 0xE5]
        bytes += Array("\r\n\r\nBeslutning\r\n\r\nGodkendt: 5 ".utf8) + [0x80, 0x20, 0x96, 0x20, 0xC6, 0xD8, 0xC5] + Array(".\n".utf8)
        let document = MinutesReader.read(bytes, source: "cp1252.txt")
        #expect(document.encoding == .windows1252)
        let item = try #require(document.items.first)
        #expect(item.title == "Bevilling til æøå")
        #expect(item.location.line == 3)
        #expect(item.decision?.text == "Godkendt: 5 € – ÆØÅ.")
        #expect(item.decision?.location.line == 7)
    }

    /// Every Windows-1252 byte becomes the character the code page names: Latin-1 from 0xA0,
    /// "€", "Š", "ƒ", "–", "™", … in 0x80–0x9F, U+FFFD for its five unassigned bytes.
    @Test func everyWindows1252Byte() {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
            0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
            0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        let bytes = (1...255).map(UInt8.init) + [0x81]  // 0x81 alone is not UTF-8
        var expected = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            expected.append(Unicode.Scalar(value)!)
        }
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(Array(decoded.text.unicodeScalars) == Array(expected))
        // Runs of ASCII of every length between the others, which are decoded eight at a time.
        var random = SplitMix64(seed: 1252)
        for _ in 0..<500 {
            var sample: [UInt8] = [0x81]
            for _ in 0..<Int(random.next() % 40) {
                sample += (0..<Int(random.next() % 20)).map { _ in UInt8(0x20 + random.next() % 0x5F) }
                sample.append(UInt8(0x80 + random.next() % 0x80))
            }
            let scalars = sample.map { byte in
                Unicode.Scalar((0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte))!
            }
            #expect(Array(TextDecoding.decode(sample).text.unicodeScalars) == scalars)
        }
    }

    /// A meeting of more than 9.999 items keeps them apart: "Punkt 10000" starts an item too.
    @Test func itemNumbersOfFiveAndSixDigits() {
        #expect(HeadingClassifier.punktHeading("Punkt 10035: Tillægsbevilling til vintertjeneste")?.number == 10035)
        #expect(HeadingClassifier.punktHeading("Punkt 999999: Sidste punkt")?.number == 999_999)
        #expect(HeadingClassifier.punktHeading("Punkt 1234567: For mange cifre") == nil)
        #expect(HeadingClassifier.punktHeading("Punkt ") == nil)
        #expect(HeadingClassifier.punktHeading("PUNKT 7 Kort")?.number == 7)
        #expect(HeadingClassifier.punktHeading("Punkt\u{00A0}7: Hårdt mellemrum") == nil)
        var text = "Direktionen\n\n"
        for number in 9_998...10_001 { text += "Punkt \(number): Sag \(number)\n\nSagsfremstilling\n\nTekst.\n\n" }
        let document = MinutesReader.read(Array(text.utf8), source: "many.md")
        #expect(document.items.map(\.number) == [9_998, 9_999, 10_000, 10_001])
    }

    /// A BOM followed by bytes that are not UTF-8 falls back to Windows-1252 without the BOM.
    @Test func brokenUTF8AfterBOM() {
        let decoded = TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x41, 0xE6, 0x0A, 0x42])
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "Aæ\nB")
    }

    /// A lone surrogate in UTF-16 becomes U+FFFD; the text around it survives.
    @Test func utf16LoneSurrogate() {
        let units: [UInt16] = [0x41, 0xD800, 0x0A, 0x42, 0xDC00, 0x43]
        let decoded = TextDecoding.decode([0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(decoded.encoding == .utf16LittleEndian)
        #expect(decoded.text == "A\u{FFFD}\nB\u{FFFD}C")
        // An odd trailing byte is dropped.
        #expect(TextDecoding.decode([0xFE, 0xFF, 0x00, 0x41, 0x00]).text == "A")
    }

    /// A form feed starts a page, not a line; CR, LF and CRLF each end one line.
    @Test func formFeedIsNoLineBreak() {
        let text = "a\u{0C}b\nc\r\nd\re\n\u{0C}f"
        #expect(sourceLines(of: text).map(String.init) == ["a\u{0C}b", "c", "d", "e", "\u{0C}f"])
        let lines = PlainTextLayout.lines(of: text)
        #expect(lines.map(\.location.line) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.text) == ["ab", "c", "d", "e", "f"])
        #expect(lines[4].followsPageBreak)
    }

    // MARK: HTML

    private static let greveSnippet = """
        <html><head><title>Referat &#8211; &Oslash;konomiudvalget</title>
        <style>h2 { color: red; }</style></head>
        <body>
        <h1>&Oslash;konomiudvalget &#8211; Referat</h1>
        <p>M&oslash;dedato: 12.&nbsp;marts 2025</p>
        <h2>Punkt 1: Till&aelig;gsbevilling til vejbelysning</h2>
        <p>Sagsnr.: 25-001122</p>
        <h3>&Oslash;konomiske konsekvenser</h3>
        <p>Bel&oslash;b i 1.000&nbsp;kr. &#8211; &aelig;ndret</p>
        <table>
          <tr><th>&nbsp;</th><th>2025</th><th>2026</th></tr>
          <tr>
            <td>Drift &amp; vedligehold</td>
            <td>1.200</td><td>850</td>
          </tr>
        </table>
        <h3>Beslutning</h3>
        <p>Godkendt.</p>
        </body></html>
        """

    /// The references told by their bytes and those looked up decode alike; an unknown one is
    /// an "&" of its own.
    @Test func entitiesDecode() {
        let cases = [
            ("&amp;", "&"), ("&nbsp;", "\u{00A0}"), ("&aring;", "å"), ("&Aring;", "Å"), ("&aelig;", "æ"), ("&AElig;", "Æ"),
            ("&oslash;", "ø"), ("&Oslash;", "Ø"), ("&auml;", "ä"), ("&#8211;", "–"), ("&amq;", "&"), ("&arin;", "&"),
        ]
        for (reference, expected) in cases {
            let (text, length) = HTMLEntities.decode(Array(reference.utf8), at: 0)
            #expect(text == expected && length == (expected == "&" && reference != "&amp;" ? 1 : reference.utf8.count), "\(reference)")
        }
        // The common ones are told without a String, to the same bytes; any other is not.
        for name in ["nbsp", "oslash", "aring", "aelig", "Oslash", "Aring", "AElig"] {
            let bytes = Array("x&\(name);y".utf8)
            let common = HTMLEntities.common(bytes, at: 1)
            let decoded = HTMLEntities.decode(bytes, at: 1)
            #expect(common.map { [$0.utf8.0, $0.utf8.1] } == Array(decoded.text.utf8) && common?.length == decoded.length, "\(name)")
        }
        for text in ["&amp;", "&nbsp", "&nbspx;", "&nbs;", "&aelig", "&#229;", "&", "&Nbsp;"] {
            #expect(HTMLEntities.common(Array(text.utf8), at: 0) == nil, "\(text)")
        }
    }

    /// Entities, a `<table>` with its cells and their lines, h2 items and h3 sections; with any
    /// line ending.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func greveStyleHTML(newline: String) throws {
        let html = Self.greveSnippet.replacingOccurrences(of: "\n", with: newline)
        let document = MinutesReader.read(Array(html.utf8), source: "greve.html")
        #expect(document.format == .html)
        #expect(document.meeting.body == "Økonomiudvalget")
        #expect(document.meeting.date?.description == "2025-03-12")
        let item = try #require(document.items.first)
        #expect(document.items.count == 1)
        #expect(item.number == 1)
        #expect(item.title == "Tillægsbevilling til vejbelysning")
        #expect(item.location == KonsekvensKit.SourceLocation(line: 6, column: 5))
        #expect(item.caseNumber == "25-001122")
        #expect(item.sectionKinds == [.economy, .decision])
        let economy = try #require(item.section(.economy))
        #expect(economy.name == "Økonomiske konsekvenser")
        #expect(economy.firstLine == 8)
        #expect(economy.lines.first?.text == "Beløb i 1.000\u{00A0}kr. – ændret")
        let table = try #require(economy.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table } else { return nil }
        }.first)
        #expect(table.rows.count == 2)
        #expect(table.rows[0].cells.map(\.text) == ["", "2025", "2026"])
        #expect(table.rows[0].location.line == 11)
        #expect(table.rows[1].cells.map(\.text) == ["Drift & vedligehold", "1.200", "850"])
        #expect(table.rows[1].cells.map(\.location.line) == [13, 14, 14])
        #expect(table.rows[1].cells[0].location.column == 9)
        #expect(table.firstLine == 11 && table.lastLine == 13)
        #expect(item.decision?.text == "Godkendt.")
        #expect(item.section(.decision)?.firstLine == 17)
        #expect(item.decision?.location == KonsekvensKit.SourceLocation(line: 18, column: 4))
    }

    /// Markup that is broken, unknown or unterminated is skipped, never fatal.
    @Test(arguments: [
        "<p>a < b &amp c &unknown; &#xZZ; &#0; &#99999999999;</p>",
        "<h2>Punkt 1: Titel<h3>Beslutning</h2>Godkendt.",
        "<table><tr><td>1<table><tr><td>x</td></tr></table></td><td>2</td></tr>",
        "<script>if (a < b) { document.write('<h2>Punkt 9: x</h2>') }",
        "<!-- never closed <h2>Punkt 1: x</h2>",
        "<p title='>'>text</p><br/><br><hr>&",
    ])
    func brokenHTML(_ html: String) {
        let bytes = Array(html.utf8)
        let document = MinutesReader.read(bytes, source: "broken.html")
        #expect(Self.invariantViolations(document, bytes: bytes).isEmpty)
    }

    @Test func htmlEntities() {
        let cases: [(String, String)] = [
            ("&aelig;", "æ"), ("&oslash;", "ø"), ("&aring;", "å"), ("&AElig;", "Æ"), ("&Oslash;", "Ø"), ("&#8211;", "–"),
            ("&#x2013;", "–"), ("&nbsp;", "\u{00A0}"), ("&#150;", "–"), ("&amp;", "&"), ("&bogus;", "&"),
        ]
        for (entity, text) in cases {
            let decoded = HTMLEntities.decode(Array(entity.utf8), at: 0)
            #expect(decoded.text == text, "\(entity)")
        }
        #expect(HTMLEntities.decode(Array("&amp;x".utf8), at: 0).length == 5)
        #expect(HTMLEntities.decode(Array("& x".utf8), at: 0).length == 1)
        // The name is read from the position given, digits and all, and ends at its ";".
        let frac = HTMLEntities.decode(Array("1&frac12; mio.".utf8), at: 1)
        #expect(frac.text == "½" && frac.length == 8)
        #expect(HTMLEntities.decode(Array("&Aring;&aring;".utf8), at: 7).text == "å")
        for text in ["&nb-sp;", "&æble;", "&" + String(repeating: "a", count: 40) + ";", "&nbsp", "&#;", "&#x;"] {
            #expect(HTMLEntities.decode(Array(text.utf8), at: 0) == ("&", 1), "\(text)")
        }
    }

    // MARK: Invariants

    /// What must hold for any document, whatever the input.
    static func invariantViolations(_ document: Document, bytes: [UInt8]) -> [String] {
        let lineCount = Self.lineCount(TextDecoding.decode(bytes).text)
        let valid = 1...(lineCount + 1)
        var problems: [String] = []
        func check(_ location: KonsekvensKit.SourceLocation, _ what: String) {
            if !valid.contains(location.line) { problems.append("\(what) at line \(location.line) of \(lineCount)") }
            if location.column < 1 { problems.append("\(what) at column \(location.column)") }
        }
        var previousItem = 0
        for item in document.items {
            check(item.location, "item")
            if item.location.line <= previousItem { problems.append("item at \(item.location.line) after \(previousItem)") }
            previousItem = item.location.line
            for section in item.sections {
                check(section.heading, "section")
                if section.firstLine > section.lastLine { problems.append("section \(section.firstLine) > \(section.lastLine)") }
                if section.firstLine < item.location.line { problems.append("section at \(section.firstLine) before its item") }
                if section.blocks.isEmpty { problems.append("empty section at \(section.firstLine)") }
                var previousLine = section.firstLine
                for block in section.blocks {
                    if block.lines.isEmpty { problems.append("empty block in section at \(section.firstLine)") }
                    for line in block.lines {
                        check(line.location, "line")
                        if line.location.line < previousLine { problems.append("line \(line.location.line) after \(previousLine)") }
                        previousLine = line.location.line
                    }
                    if case .table(let table) = block {
                        for row in table.rows { for cell in row.cells { check(cell.location, "cell") } }
                    }
                }
            }
            for decision in item.decisions {
                check(decision.location, "decision")
                if !(item.location.line...item.lastLine).contains(decision.location.line) {
                    problems.append("decision at \(decision.location.line) outside its item")
                }
            }
        }
        for diagnostic in document.diagnostics { check(diagnostic.location, "diagnostic") }
        return problems
    }

    /// Lines counted independently of the reader: LF, CRLF and a lone CR each end one.
    static func lineCount(_ text: String) -> Int {
        var count = 1
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousCR { count += 1 }
                previousCR = false
            } else if scalar == "\r" {
                count += 1
                previousCR = true
            } else {
                previousCR = false
            }
        }
        return count
    }

    // MARK: Input generators

    /// A fixed list, so that adding a fixture does not change the seeded inputs.
    static let fuzzSeeds = [
        "faxe-punkt-enkeltstaaende.md", "holbaek-oekonomiudvalget-2025-03-10-crlf.txt", "kalundborg-direktion-2021-05-03.md",
        "kalundborg-direktion-2024-07-01.txt", "koege-direktion-2025-04-07-decision-first.txt",
        "lejre-kommunalbestyrelse-2025-05-27.md", "odsherred-direktion-2025-02-03-export.html",
        "roskilde-udvalg-2025-01-15-nbsp.md", "soroe-byraad-2024-11-28-cp1252.txt",
    ]

    static func fixtureBytes() throws -> [[UInt8]] {
        try fuzzSeeds.map { name in
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: Project.fixture(name))))
        }
    }

    static func randomBytes(_ random: inout SplitMix64, count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// A fixture with a few bytes flipped, inserted or deleted and fragments of others spliced in.
    static func mutated(_ bytes: [UInt8], seeds: [[UInt8]], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<(1 + random.below(12)) {
            let position = random.below(bytes.count + 1)
            switch random.below(6) {
            case 0 where position < bytes.count:
                bytes[position] ^= UInt8(1 << random.below(8))
            case 1:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            case 2 where position < bytes.count:
                bytes.removeSubrange(position..<min(bytes.count, position + 1 + random.below(200)))
            case 3:
                let other = seeds[random.below(seeds.count)]
                let start = random.below(other.count)
                bytes.insert(contentsOf: other[start..<min(other.count, start + random.below(400))], at: position)
            case 4:
                let interesting: [[UInt8]] = [[0], [0x0C], [0x0D], [0x0A], [0x0D, 0x0A], [0xC3], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x7C], [0x3C], [0x26]]
                bytes.insert(contentsOf: interesting[random.below(interesting.count)], at: position)
            default:
                // Keep the head, drop the tail: a truncated download.
                bytes.removeSubrange(position...)
            }
        }
        return bytes
    }

    private static let words = [
        "Punkt 1:", "Punkt 2.", "Punkt 99999:", "3.", "12 ", "Lukket:", "Åbent", "Sagsnr.:", "24/00213", "25-000231",
        "EMN-2025-005495", "J.nr.:", "Beslutning", "Indstilling", "Økonomiske konsekvenser", "Sagsfremstilling",
        "Byrådets beslutning den 28. november 2024", "Beslutning i Økonomiudvalget", "Indholdsfortegnelse",
        "Side 2 af 4", "3/12", "- 4 -", "REFERAT", "Direktionen", "d. 03-05-2021", "Mødedato:", "Mødested:", "kr.",
        "1.000", "2,5 mio.", "÷ 310", "#", "##", "###", "**", "*", "|", "|---|", "\\", "\t", "  ", "\n", "\n\n",
        "\r\n", "\r", "\u{0C}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "æøå", "ÆØÅ", "…", ".....", "–", "<", "&", "é",
        "\u{0301}", "👩‍👩‍👧", "\u{0000}",
    ]

    /// Words that minutes are made of, and the characters that give them structure, at random.
    static func randomMinutesText(_ random: inout SplitMix64, tokens: Int) -> String {
        var text = ""
        for _ in 0..<tokens {
            if random.below(4) == 0 {
                let value = UInt32(random.below(0x2FFFF))
                if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            } else {
                text += words[random.below(words.count)]
                if random.below(2) == 0 { text += " " }
            }
        }
        return text
    }

    /// UTF-16 with a BOM: random minutes text with lone surrogates and an odd byte at the end.
    static func utf16WithLoneSurrogates(_ random: inout SplitMix64, bigEndian: Bool) -> [UInt8] {
        var units = Array(randomMinutesText(&random, tokens: random.below(120)).utf16)
        for _ in 0..<random.below(6) {
            units.insert(UInt16(0xD800 + random.below(0x800)), at: random.below(units.count + 1))
        }
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in units {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        if random.below(3) == 0 { bytes.append(0x41) }
        return bytes
    }

    private static let markup = [
        "<", ">", "&", ";", "</", "<p>", "</p>", "<br>", "<div>", "</div>", "<h2>", "</h2>", "<h3>", "</h3>",
        "<h7>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<b>", "</b>", "<strong>",
        "<li>", "<script>", "</script>", "<style>", "<!--", "-->", "<!DOCTYPE html>", "<?xml?>", "&amp;",
        "&nbsp;", "&aelig;", "&#8211;", "&#x", "&#", "&#150;", "&#55296;", "&#1114112;", "'", "\"", "=",
        "Punkt 1: Titel", "Beslutning", "Godkendt.", "Sagsnr.: 25-000847", "\n", "\r", " ", "\u{0C}",
    ]

    static func markupSoup(_ random: inout SplitMix64, tokens: Int) -> String {
        (0..<tokens).map { _ in markup[random.below(markup.count)] }.joined()
    }

    static func sliceOfFixture(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        let start = random.below(bytes.count)
        return Array(bytes[start..<min(bytes.count, start + random.below(2_000))])
    }

    /// A fixture with NUL bytes, form feeds and stray carriage returns scattered through it.
    static func withNULsAndBreaks(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<(1 + random.below(20)) {
            bytes.insert([0x00, 0x0C, 0x0D][random.below(3)], at: random.below(bytes.count + 1))
        }
        return bytes
    }

    /// The table of contents is found under its heading however the heading is written: in
    /// capitals, with a colon, after a non-breaking space, in HTML; and not under a line that
    /// only ends with the word.
    @Test func tableOfContentsHeadingInAnyForm() {
        let entries = "Budgetopfølgning.....\t3\nEventuelt.....\t4\n\nPunkt 1: Budgetopfølgning\n\nPunkt 2: Eventuelt\n"
        for heading in ["Indholdsfortegnelse", "INDHOLDSFORTEGNELSE:", "indholdsfortegnelse.", "\u{00A0}Indholdsfortegnelse", "Indholds\u{00AD}fortegnelse"] {
            let document = MinutesReader.read(Array("REFERAT Direktionen\n\n\(heading)\n\n\(entries)".utf8), source: "toc.txt")
            let expected = heading.contains("\u{00AD}") ? [] : ["Budgetopfølgning", "Eventuelt"]
            #expect(document.tableOfContents == expected, "\(heading.debugDescription)")
            #expect(document.items.map(\.number) == [1, 2], "\(heading.debugDescription)")
        }
        let html = "<html><body><h1>Referat</h1><p>&nbsp;Indholdsfortegnelse</p><p>Budgetopfølgning.....3</p><h2>Punkt 1: Budgetopfølgning</h2></body></html>"
        #expect(MinutesReader.read(Array(html.utf8), source: "toc.html").tableOfContents == ["Budgetopfølgning"])
        let notHeading = MinutesReader.read(Array("REFERAT\n\nSe indholdsfortegnelse\n\n\(entries)".utf8), source: "toc.txt")
        #expect(notHeading.tableOfContents.isEmpty)
    }
}

/// SplitMix64: a small, seeded generator, so every fuzzing run sees the same inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }
}
