import Foundation
import Testing
@testable import KonsekvensKit

/// The byte-level text helpers the reader and extraction use for speed give exactly what the
/// standard library gives, for Danish text and for anything else.
@Suite struct TextBytesTests {
    static let samples = [
        "", "kr.", "KR.", "Mio. Kr.", "ÆBLE ØST ÅEN", "Æble", "Økonomiske konsekvenser", "Å", "ÉN ÜBER", "×÷ÞÐ",
        "Straße", "İstanbul", "ΑΒΓ", "Ǆ", "Ⅻ", "1.250 T.KR. – “Citat” …", "A\u{0301}B", "ÅRLIGT\u{00A0}I\u{202F}2024", "😀 KR",
        "Ÿ", "µ", "ǅ", "ﬀ", "Kommunens\tBudget\n2025",
    ]

    /// White space is the listed spaces and what Unicode calls white space, for every scalar of
    /// the planes minutes use: the Latin-1 shortcut included.
    @Test func spaceLikeIsWhiteSpaceOrAListedSpace() {
        let listed: Set<UInt32> = [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x200B, 0xFEFF, 0x202F]
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isSpaceLike == (listed.contains(value) || scalar.properties.isWhitespace), "U+\(String(value, radix: 16))")
        }
    }

    @Test func fastLowercasedIsLowercased() {
        for sample in Self.samples {
            #expect(sample.fastLowercased() == sample.lowercased(), "\(sample)")
            #expect(sample.dropFirst().fastLowercased() == sample.dropFirst().lowercased(), "\(sample)")
        }
    }

    /// Random text of fewer than `length` scalars drawn from `alphabet`.
    static func randomText(_ random: inout SplitMix64, from alphabet: String, shorterThan length: Int) -> String {
        let scalars = Array(alphabet.unicodeScalars)
        var text = String.UnicodeScalarView()
        for _ in 0..<random.below(length) { text.append(scalars[random.below(scalars.count)]) }
        return String(text)
    }

    /// Trimming ASCII characters on the bytes, and making non-breaking spaces plain, give what
    /// Foundation gives, on random text with those characters, other scalars and combining marks;
    /// but a non-breaking space a combining mark follows is made plain too (Foundation keeps the
    /// Character whole).
    @Test func asciiTrimmingAndPlainSpacesAsFoundationGives() {
        var random = SplitMix64(seed: 11)
        let alphabet = ".:,; aæ1\u{A0}\u{0301}\u{202F}Ø😀\u{C2}"
        for _ in 0..<5_000 {
            let text = Self.randomText(&random, from: alphabet, shorterThan: 12)
            #expect(text.trimming(ascii: ".:") == text.trimmingCharacters(in: CharacterSet(charactersIn: ".:")), "\(text.debugDescription)")
            #expect(text.trimming(ascii: ".,;:") == text.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:")), "\(text.debugDescription)")
            if !text.includes("\u{00A0}\u{0301}") {
                #expect(text.withPlainSpaces == text.replacingOccurrences(of: "\u{00A0}", with: " "), "\(text.debugDescription)")
            }
        }
        #expect("1\u{00A0}\u{0301}kr".withPlainSpaces == "1 \u{0301}kr")
    }

    /// The loop that looks for a unit's stem answers as the general scan of the lower-cased text,
    /// on random mixes of the stems' pieces in both cases, Latin-1, dashes and quotes, and
    /// scalars whose lower case only Unicode knows (the Kelvin sign, "İ").
    @Test func unitStemsAreFoundAsTheGeneralScanFindsThem() {
        let pieces = [
            "kr", "KR", "Kr", "k", "K", "r", "R", "m", "M", "i", "I", "o", "O", "a", "l", "L", "rd", "RD", "ø", "Ø", "re", "Re", "d", "D",
            "kk", "KK", "t", "T", "u", "s", "sind", "SIND", "tusind", "n", " ", ".", "x", "é", "É", "–", "”", "€", "\u{212A}", "İ", "Ω",
            "\u{0301}", "\u{00A0}", "æ",
        ]
        var random = SplitMix64(seed: 0x756e_6974)
        var found = 0
        for _ in 0..<20_000 {
            let text = (0..<random.below(9)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let general = MoneyScanner.unitStems.occursAny(in: text.fastLowercased())
            #expect(MoneyScanner.mayHoldUnit(text) == general, "\(text.debugDescription)")
            #expect(MoneyScanner.unitStems.occursAny(inLowercased: text) == general, "\(text.debugDescription)")
            if general { found += 1 }
        }
        #expect(found > 2_000)
        #expect(MoneyScanner.mayHoldUnit("1 \u{212A}R") && !MoneyScanner.mayHoldUnit("Ingen økonomi."))
    }

    /// Trimming punctuation gives what Foundation gives, on random text of ASCII punctuation and
    /// symbols, letters, combining marks and punctuation beyond ASCII.
    @Test func punctuationTrimmingAsFoundationGives() {
        var random = SplitMix64(seed: 12)
        let alphabet = ".,;:-()\"'!?$+<=>^|~ aæ1\u{0301}–«»¿Ø😀"
        for _ in 0..<5_000 {
            let text = Self.randomText(&random, from: alphabet, shorterThan: 10)
            #expect(text.trimmingPunctuation() == text.trimmingCharacters(in: .punctuationCharacters), "\(text.debugDescription)")
        }
        #expect("puljen til skolekapacitet ,".trimmingPunctuation() == "puljen til skolekapacitet ")
    }

    @Test func fastLowercasedIsLowercasedOnRandomLatinText() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let string = Self.randomText(&random, from: "aAzZæÆøØåÅéÉüÜ×ß .,-–\u{00A0}İΣĀ0123456789", shorterThan: 20)
            #expect(string.fastLowercased() == string.lowercased(), "\(string)")
        }
    }

    /// Markdown's "**" and "__" are removed on bytes as Foundation removes them, also next to
    /// marks that join a "*" into another Character.
    @Test func markerPairsAreRemovedAsFoundationRemovesThem() {
        var random = SplitMix64(seed: 2026_12_02)
        for _ in 0..<3_000 {
            let string = Self.randomText(&random, from: "**__a b\u{301}\u{20E3}ø\u{FE0F}", shorterThan: 12)
            for marker in ["*", "_"] {
                let reference = string.replacingOccurrences(of: marker + marker, with: "")
                #expect(MarkdownLayout.removingPairs(of: marker.utf8.first!, from: string) == reference, "\(string.unicodeScalars.map(\.value))")
            }
        }
        #expect(MarkdownLayout.removingPairs(of: UInt8(ascii: "*"), from: "***fed***") == "*fed*")
    }

    @Test func stringFromScalarsEncodesEveryPlane() {
        for sample in Self.samples {
            let scalars = Array(sample.unicodeScalars)
            #expect(String(scalars: scalars[...]) == sample)
            if scalars.count > 2 {
                #expect(String(scalars: scalars[1..<(scalars.count - 1)]) == String(String.UnicodeScalarView(scalars[1..<(scalars.count - 1)])))
            }
        }
    }

    @Test func byteSearchFindsTheFirstOccurrence() {
        #expect("32.083 kr. årligt".utf8Offset(of: "kr.") == 7)
        #expect("kr. kr.".utf8Offset(of: "kr.") == 0)
        #expect("årligt kr.".utf8Offset(of: "kr.") == 8)  // "å" is two bytes
        #expect("mio".utf8Offset(of: "mio.") == nil)
        #expect("abc".utf8Offset(of: "") == 0)
        #expect("aab".utf8Offset(of: "ab") == 1)
        #expect("".utf8Offset(of: "a") == nil)
        #expect("xx mio. kr.".dropFirst(3).utf8Offset(of: "kr") == 5)
        #expect("ØKONOMI".includes("KONO") && !"ØKONOMI".includes("kono"))
    }

    /// A phrase set finds what searching for each phrase in turn finds, on random text made of
    /// the phrases' own pieces (so they occur, overlap and stand at either end).
    @Test func needleSetFindsWhatEachSearchFinds() {
        let phrases = [" i alt ", " alt ", "kasse", "kassebeholdning", " årligt ", "år", "øre", " pr. år ", "ab", "aba", "en gang"]
        let set = NeedleSet(phrases)
        var random = SplitMix64(seed: 7)
        let pieces = [" ", "i", "alt", "kasse", "beholdning", "år", "ligt", "ø", "re", "pr.", "a", "b", "en", "gang", "x", "Å"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<random.below(12) { text += pieces[random.below(pieces.count)] }
            let mask = set.occurring(in: text)
            for (index, phrase) in phrases.enumerated() {
                #expect((mask & 1 << UInt64(index) != 0) == text.includes(phrase), "\(phrase) in \(text)")
            }
            #expect(set.firstOccurring(in: text) == phrases.firstIndex { text.includes($0) }, "\(text)")
            #expect(set.occurring(in: text.dropFirst()) == set.occurring(in: String(text.dropFirst())), "\(text)")
            // The same from a slice of an array and from a collection without contiguous storage.
            let bytes = Array(text.utf8)
            #expect(set.groups(inBytes: bytes[...]).mask == mask, "\(text)")
            #expect(set.groups(inBytes: bytes.reversed().reversed()).mask == mask, "\(text)")
        }
    }

    /// Found in the lower-case text without writing it, as in the text `fastLowercased()` writes.
    @Test func needleSetFindsInLowerCase() {
        let set = NeedleSet(["kr", "mio", "øre", "tusind", "krone", "þø"])
        var random = SplitMix64(seed: 3)
        let pieces = [
            "K", "r", "KR", "Mio", "MIO", "Ø", "ø", "RE", "re", "Tusind", " ", "–", "\u{00A0}", "Σ", "İ", "\u{212A}R", "x", "ÆØÅ",
            "\u{200D}", "×", "Þ", "é", "\u{2028}", "€", "kR", "ONE",
        ]
        for _ in 0..<6_000 {
            var text = ""
            for _ in 0..<random.below(8) { text += pieces[random.below(pieces.count)] }
            #expect(set.occursAny(inLowercased: text) == set.occursAny(in: text.fastLowercased()), "\(text)")
        }
    }

    @Test func needleSetGroups() {
        let set = NeedleSet(groups: [[" årligt ", " om året "], [" i alt "], [" engangs"]])
        let found = set.groups(in: " 2 mio. kr. om året i alt ")
        #expect(found.contains(0) && found.contains(1) && !found.contains(2))
        #expect(set.groups(in: "").mask == 0 && set.groups(in: " ").mask == 0)
        #expect(set.groups(in: " engangsbeløb ").contains(2))
    }

    /// The byte prefix and suffix tests agree with `hasPrefix` and `hasSuffix` on composed text.
    @Test func bytePrefixAndSuffix() {
        let words = ["øre", "ørebro", "kr.", "kr", "", "befolkningstal", "fonden", "Nordea-fonden", "styrelsen.", "å"]
        for word in words {
            for other in words {
                #expect(word.startsWithBytes(other) == word.hasPrefix(other), "\(word) \(other)")
                #expect(word.endsWithBytes(other) == word.hasSuffix(other), "\(word) \(other)")
            }
        }
    }

    /// Words split on bytes are the words split on Characters, with every kind of space and
    /// with the text that takes the Character path (combining marks, joiners, other scripts).
    @Test func wordsSplitOnBytesAsOnCharacters() {
        var random = SplitMix64(seed: 11)
        let pieces = [
            "Greve", "Kommune", "Kommunes.", " ", "  ", "\u{00A0}", "\u{202F}", "\u{2003}", "\u{200B}", "\u{0085}", "\r\n", "\t", "æøå",
            "–", "“", "a\u{0301}", "\u{200D}", "\u{205F}", "ΑΒΓ", "\u{FEFF}", "x", "\u{00AD}",
        ]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<random.below(10) { text += pieces[random.below(pieces.count)] }
            #expect(LatinText.words(of: text) == text.split(whereSeparator: \.isSpaceLike), "\(text.debugDescription)")
            #expect(LatinText.words(of: text, at: .space) == text.split(separator: " "), "\(text.debugDescription)")
        }
    }

    /// A word's kind is that of the first stem in the list it contains, none for a word that
    /// is a transfer to citizens (overførselsudgifter, DOMAIN.md) though it holds "overfør".
    @Test func kindOfAWord() {
        let cases: [(String, AmountKind?)] = [
            ("tillægsbevilling", .supplementaryGrant), ("tillægsbevillingen", .supplementaryGrant), ("overføres", .carryOver),
            ("overførselsudgifter", nil), ("overførselsindkomster", nil), ("anlægstilskud", .subsidy),
            ("medfinansieringsbidrag", .coFinancing), ("merudgiftsbesparelse", .saving), ("mindreindtægt", .reducedIncome),
            ("merindtægter", .additionalIncome), ("spare", .saving), ("spar", nil), ("kroner", nil), ("", nil),
        ]
        for (word, kind) in cases { #expect(ClauseContext.kind(of: word) == kind, "\(word)") }
    }

    /// The kind a caption names is that of its first word, split at spaces, that names one,
    /// though a caption with no kind's stem is not split: over random text of stems in every
    /// case, joined to other words, after combining marks, and every line of the fixtures.
    @Test func firstKindIsTheFirstWordsKind() throws {
        func expected(_ text: String) -> AmountKind? {
            text.split(separator: " ").compactMap { ClauseContext.kind(of: $0.fastLowercased()) }.first
        }
        var random = SplitMix64(seed: 31)
        let pieces = [
            "Tillægsbevilling", "ANLÆGSBEVILLING", "anlægs", "bevilling", "BESPARELSE", "overførselsudgift", "Overfør", "merindtægt",
            "tilskud", "Støtte", " ", "  ", "\u{00A0}", "\t", "a\u{0301}", "\u{0301}", "\u{200D}", "ΣΑΣ", "i alt", "kr.", "2025", "æøå", "Å",
        ]
        var named = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<random.below(8) { text += pieces[random.below(pieces.count)] }
            let kind = ClauseContext.kinds(inWordsOf: text).first
            #expect(kind == expected(text), "\(text.debugDescription)")
            if kind != nil { named += 1 }
        }
        #expect(named > 500)
        for line in try Self.tokenSamples() { #expect(ClauseContext.kinds(inWordsOf: line).first == expected(line), "\(line)") }
    }

    /// The names before "Kommune" read on bytes are those read from Characters with
    /// Foundation's trimming: over random text of names, case and punctuation around
    /// "Kommune", and every line of the fixtures.
    @Test func municipalityNamesOnBytesAsOnCharacters() throws {
        var random = SplitMix64(seed: 29)
        let pieces = [
            "Greve", "Køge", "Næstved", "Region", "Den", "Ny", "AB", "Greve1", "Kalundborg", " ", "  ", "\u{00A0}", "\n", "Kommune",
            "Kommunes", "KOMMUNE", "kommune", "KommunE", "Kommuner", "Kommunesammenlægning", "Kommune.", "Kommune,", "Kommunes.",
            "Kommune's", "Kommune.s", "Kommune»", "Kommune…", "Kommune)", "Kommune$", "Kommune-", "Kommune+", "Kommune:", ".", ",",
            "a\u{0301}", "\u{200D}", "Kommune\u{0301}", "(", "\"", "Komune", "Kommunen", "S",
            "Ærø", "ærø", "ÆRØ", "Ø×", "Ñoño", "µ", "ª", "ºbc", "Åb", "A\u{2019}", "b\u{00AD}", "×Ab", "Ab2", "Hver", "Þ", "ß", "÷",
        ]
        var texts: [String] = []
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<random.below(12) { text += pieces[random.below(pieces.count)] }
            texts.append(text)
        }
        texts += try Self.tokenSamples()
        texts += ["ºbc", "ªb", "Ab2", "Ærø", "ærø", "Ab", "A\u{2019}b", "Ab\u{AD}c", "×Ab", "Hver", "Ñoño", "ÞÆØ"].map { $0 + " Kommune" }
        var named = 0
        for text in texts {
            let names = MunicipalityGuess.names(in: text)
            #expect(names == MunicipalityGuess.namesReadAsCharacters(in: text), "\(text.debugDescription)")
            named += names.count
        }
        #expect(named > 500)
        // (That a Latin scalar is a letter where its Character is one: latinLettersAreLetters.)
        #expect(
            MunicipalityGuess.names(in: "Greve Kommune, Køge Kommunes, KØGE KOMMUNE; Den Kommune, Næstved Kommunen og Ny Kommune.")
                == ["Greve", "Køge", "KØGE"])
    }

    /// The letter test's fast paths agree with Unicode's Alphabetic property, and, below U+0300
    /// and among the Latin scalars up to U+203F, with their Characters': the readings on
    /// scalars (header years, names before "Kommune") rely on it.
    @Test func latinLettersAreLetters() {
        for value in Array(UInt32(0)..<0x300) + Array(UInt32(0x2000)..<0x2040) {
            let scalar = Unicode.Scalar(value)!
            #expect(scalar.isLetter == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
            #expect(scalar.isLetter == Character(scalar).isLetter, "U+\(String(value, radix: 16))")
        }
    }

    /// The byte prechecks of currency and scale words let every word of the vocabulary through,
    /// with or without a sentence's final period.
    @Test func everyCurrencyAndScaleWordPassesItsPrecheck() {
        func word(_ text: String) -> TextToken {
            TextToken(kind: .word, text: text, lower: text, bare: text, start: 0, end: text.unicodeScalars.count, spaceBefore: true)
        }
        for currency in MoneyScanner.currencyWords {
            #expect(MoneyScanner.isCurrency(word(currency)), "\(currency)")
            #expect(MoneyScanner.isCurrency(word(currency + ".")), "\(currency).")
        }
        for scale in MoneyScanner.scaleWords.keys {
            #expect(MoneyScanner.scale(of: word(scale)) != nil, "\(scale)")
            #expect(MoneyScanner.scale(of: word(scale + ".")) != nil, "\(scale).")
        }
        for other in ["til", "med", "tre", "mod", "kommune", "dag", "t", "m", "k"] {
            #expect(!MoneyScanner.isCurrency(word(other)) && MoneyScanner.scale(of: word(other)) == nil, "\(other)")
        }
    }

    /// Heading names compare in lower case with single spaces and no final ":" or ".".
    @Test func headingsNormalise() {
        let cases = [
            ("Økonomiske  konsekvenser:", "økonomiske konsekvenser"), ("  Beslutning . ", "beslutning"),
            ("RESUMÉ\u{00A0}OG\u{202F}SAGENS BAGGRUND", "resumé og sagens baggrund"), ("Bilag:.:", "bilag"), ("", ""),
            ("\u{2003}Sagsfremstilling\u{200B}", "sagsfremstilling"), ("Direktionens møde den 3. maj 2021:", "direktionens møde den 3. maj 2021"),
        ]
        for (text, key) in cases {
            #expect(SectionHeadings.normalized(text) == key, "\(text)")
        }
    }

    /// The minutes in Fixtures and Fixtures/greve (Markdown, text, HTML), as paths from the project root.
    static func fixtureMinutes() throws -> [String] {
        let folder = Project.root.appendingPathComponent("Fixtures")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { "Fixtures/\($0)" }
            + FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("greve").path).sorted().map { "Fixtures/greve/\($0)" }
        return names.filter { name in [".md", ".txt", ".html"].contains(where: name.hasSuffix) }
    }

    /// Lines to try the heading fast paths on: the section names in several dresses, decision
    /// headings long and short, every line of the fixture files, and random mixes of awkward
    /// pieces (decomposed letters, the Kelvin sign, odd spaces, case).
    static func headingSamples() throws -> [String] {
        var texts = SectionHeadings.names.keys.sorted().flatMap { [$0, $0.uppercased() + ":", "  \($0) . "] } + [
            "Direktionens møde den 3. maj 2021:", "DIREKTIONENS MØDE DEN 3. MAJ 2021", "Byrådets beslutning",
            "Beslutning i Klima-, Teknik- og Miljøudvalget den 15. september 2025",
            "BESLUTNING I KLIMA-, TEKNIK- OG MILJØUDVALGET DEN 15. SEPTEMBER 2025",
            "Kommunalbestyrelsens beslutning den 28. november 2024 om budget for 2025 og overslagsårene",
            "Socialudvalgets, Sundhedsudvalgets og Beskæftigelsesudvalgets møde den 12. december 2024",
            "Klima-, Teknik- og Miljøudvalgets møde den 15. september 2025",
            "KLIMA-, TEKNIK- OG MILJØUDVALGETS MØDE DEN 15. SEPTEMBER 2025",
            "Supplerende sagsfremstilling til Økonomiudvalgets møde den 15. januar 2025",
        ]
        for name in try Self.fixtureMinutes() {
            let text = String(decoding: try Data(contentsOf: Project.root.appendingPathComponent(name)), as: UTF8.self)
            texts += text.split(whereSeparator: \.isNewline).map(String.init)
        }
        var random = SplitMix64(seed: 0x6865_6164)
        let pieces = [
            "beslutning", "BESLUTNING", "Beslutning i ", "møde", "MØDE", "s ", " den ", "i ", "Økonomi", "resumé", "RESUMÉ",
            "e\u{301}", " ", "\u{00A0}", "\u{2003}", "\u{200B}", ":", ".", "3. maj ", "2025", "K", "\u{212A}", "İ", "ǅ",
            "abcdefghij", "Æ", "å", "\t", "–", "Direktionen",
        ]
        for _ in 0..<5_000 {
            texts.append((0..<Int(random.next() % 14)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        return texts
    }

    /// The byte path of heading keys gives the keys of the scalar path, wherever it runs.
    @Test func headingKeysOnBytesAreTheScalarKeys() throws {
        for text in try Self.headingSamples() {
            // As bytes, as the keys are compared: String equality would take "é" and "e\u{301}" for the same.
            #expect(Array(SectionHeadings.normalized(text).utf8) == Array(SectionHeadings.normalizedScalars(text).utf8), "\(text.prefix(80))")
        }
    }

    /// A memo of decision headings shared by every line, asked twice, gives each line the heading
    /// it has alone, for lines that differ only in case or spacing (the same key, other bodies).
    @Test func decisionMemoGivesEachLineItsOwnHeading() throws {
        let memo = HeadingClassifier.DecisionMemo()
        var decisions = 0
        let samples = try Self.headingSamples() + [
            "Beslutning i Økonomiudvalget den 3. maj 2021", "BESLUTNING I ØKONOMIUDVALGET DEN 3. MAJ 2021",
            "Beslutning i  Økonomiudvalget den 3. maj 2021", "Beslutning i Økonomiudvalget den 4. maj 2021",
            "beslutning i økonomiudvalget den 3. maj 2021",
        ]
        for text in samples + samples.reversed() {
            for marked in [false, true] {
                let alone = HeadingClassifier.sectionHeading(text, marked: marked)
                #expect(HeadingClassifier.sectionHeading(text, marked: marked, memo: memo) == alone, "\(text.prefix(80))")
                if alone?.kind == .decision { decisions += 1 }
            }
        }
        #expect(decisions > 100)
    }

    /// A marked line that names a section and goes on with a link word heads that section; with
    /// another word, or unmarked, it does not.
    @Test func markedHeadingsGoOnWithLinkWords() {
        for word in ["til", "i", "den", "fra", "for", "-", "–", "ved", "på"] {
            let text = "Indstilling \(word) Byrådet"
            #expect(HeadingClassifier.fullSectionHeading(text, marked: true)?.kind == .recommendation, "\(text)")
            #expect(HeadingClassifier.fullSectionHeading(text, marked: false) == nil, "\(text)")
        }
        #expect(HeadingClassifier.fullSectionHeading("Indstilling om budget", marked: true) == nil)
    }

    /// No line that the quick test of unmarked lines turns away is a heading read in full.
    @Test func unmarkedLinesTurnedAwayAreNoHeadings() throws {
        var turnedAway = 0
        for text in try Self.headingSamples() where !HeadingClassifier.mayHeadUnmarked(text) {
            #expect(HeadingClassifier.fullSectionHeading(text, marked: false) == nil, "\(text.prefix(80))")
            turnedAway += 1
        }
        #expect(turnedAway > 1_000)
        // Headings too long for a name, let through only for "beslutning" or "møde", in either case.
        let alphanumerics = { (text: String) in text.utf8.filter { $0 < 0x80 && Character(Unicode.Scalar($0)).isLetter || ($0 >= 0x30 && $0 <= 0x39) }.count }
        for text in [
            "Beslutning i Klima-, Teknik- og Miljøudvalget den 15. september 2025", "KLIMA-, TEKNIK- OG MILJØUDVALGETS MØDE DEN 15. SEPTEMBER 2025",
        ] {
            #expect(alphanumerics(text) > SectionHeadings.longestName, "\(text)")
            #expect(HeadingClassifier.sectionHeading(text, marked: false)?.kind == .decision, "\(text)")
        }
    }

    /// Danish thousands and decimals, for messages and the HTML report.
    @Test func kronerAreGroupedTheDanishWay() {
        let cases: [(Decimal, String)] = [
            (32083, "32.083"), (-2_500_000, "-2.500.000"), (Decimal(string: "1450.5")!, "1.450,5"), (0, "0"), (999, "999"),
            (1000, "1.000"), (-1, "-1"), (Decimal(string: "0.05")!, "0,05"), (Decimal(string: "-1234567.891")!, "-1.234.567,891"),
            (Decimal(string: "100000")!, "100.000"),
        ]
        for (value, written) in cases {
            #expect(DanishFormat.kroner(value) == written, "\(value)")
        }
    }

    /// The words extraction compares byte for byte (`equalsBytes`, `isOne(of:)`); keep in step
    /// with the code.
    static let comparedWords = [
        "(", ")", ",", "-", ".", "/", ":", "af", "alt", "fra", "i", "kommune", "kommuner", "kommunerne", "kommunes", "landets",
        "mellem", "minus", "og", "op", "per", "pr.", "samlede", "samlet", "t.", "til", "totalt", "÷", "øre", "øre.", "–", "—", "−",
    ]

    /// None of the compared words' characters decomposes, and no other scalar decomposes into
    /// them alone: so a text is canonically such a word only when it has its bytes.
    @Test func comparedWordsHaveOneCanonicalForm() {
        let characters = Set(Self.comparedWords.flatMap(\.unicodeScalars))
        for scalar in characters {
            #expect(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar]), "\(scalar)")
        }
        for value in UInt32(0x80)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value), !characters.contains(scalar) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            #expect(!decomposed.allSatisfy(characters.contains), "U+\(String(value, radix: 16))")
        }
    }

    /// `equalsBytes` and `isOne(of:)` say what `==` says for the compared words, over the
    /// fixtures' words and texts built to be equal only canonically.
    @Test func equalsBytesIsEqualityForComparedWords() throws {
        var words = ["\u{037E}", "\u{212A}", "a\u{030A}", "\u{212B}", "o\u{0308}g", "o\u{0338}re", "ti\u{0301}l", "", "tilt", "ti", "K"]
        for text in try Self.tokenSamples().prefix(3_000) { words += Tokenizer.tokens(of: Array(text.utf8)).map(\.lower) }
        for literal in Self.comparedWords {
            for word in words + Self.comparedWords {
                #expect(word.equalsBytes(literal) == (word == literal), "\(word) \(literal)")
            }
        }
        #expect("og".isOne(of: "x", "og") && "–".isOne(of: "-", "—", "–") && !"til".isOne(of: "ti", "tilt", "t", "l"))
    }

    /// The byte test of a word's first letter agrees with Character's.
    @Test func startsUppercaseAsCharacterSays() {
        let words = ["Kommunen", "kommunen", "Ærø", "ærø", "A\u{030A}rhus", "a\u{030A}", "Énergi", "1. januar", "", "(Region", "Ω", "ß", "Z", "z", "@"]
        for word in words {
            #expect(word.startsUppercase == (word.first?.isUppercase == true), "\(word)")
        }
    }

    /// Whole numbers print from their integer, everything else through NSDecimalString: both
    /// ways give NSDecimalString's text, for values made every way the pipeline makes them.
    @Test func plainDescriptionIsNSDecimalString() {
        var random = SplitMix64(seed: 0x706C_6169_6E)
        var values: [Decimal] = [
            0, -0, 1, -1, Decimal(string: "-0")!, Decimal(Int64.max), Decimal(Int64.min), Decimal(string: "9223372036854775808")!,
            Decimal(string: "123456789012345678901234567890")!, Decimal(string: "0.000001")!, Decimal(string: "2.50")!,
            Decimal(string: "1e-30")!, Decimal(string: "1e30")!, Decimal(sign: .plus, exponent: -2, significand: 250), Decimal(25) / 10,
            Decimal(1_000_000) * Decimal(string: "2.5")!, Decimal(1) / 3, Decimal(9_007_199_254_740_993),
        ]
        values += [Decimal.nan, Decimal(UInt64.max), Decimal(string: "18446744073709551616")!, Decimal(sign: .plus, exponent: 5, significand: 0)]
        values += [Decimal(sign: .minus, exponent: 127, significand: Decimal(UInt64.max)), Decimal(sign: .minus, exponent: -128, significand: Decimal(UInt64.max))]
        for _ in 0..<2_000 {
            let integer = Decimal(Int64(bitPattern: random.next()) >> random.below(64))
            let exponent = random.below(9) - 4
            values.append(integer)
            values.append(Decimal(sign: random.below(2) == 0 ? .plus : .minus, exponent: exponent, significand: integer < 0 ? -integer : integer))
            values.append(Decimal(sign: .plus, exponent: random.below(61) - 30, significand: integer < 0 ? -integer : integer))
            values.append(integer * 1000 / Decimal(1 + random.below(7)))
            var share = integer / 7, rounded = Decimal()
            NSDecimalRound(&rounded, &share, random.below(5), .plain)
            values.append(rounded)
        }
        var readFromStorage = 0
        for value in values {
            var copy = value
            #expect(value.plainDescription == NSDecimalString(&copy, Locale(identifier: "en_US_POSIX")), "\(value)")
            if value.parts != nil { readFromStorage += 1 }
        }
        // The digits are read from the storage here, not by Foundation's slower ways.
        #expect(Decimal.storageLayoutIsKnown)
        #expect(readFromStorage > values.count / 2)
    }

    /// Grouping the Danish way is grouping the plain digits, for values of every kind.
    @Test func kronerGroupThePlainDigits() {
        func reference(_ value: Decimal) -> String {
            var digits = Array(value.plainDescription.utf8)[...]
            let negative = digits.first == UInt8(ascii: "-")
            if negative { digits = digits.dropFirst() }
            let point = digits.firstIndex(of: UInt8(ascii: "."))
            let integer = digits[..<(point ?? digits.endIndex)]
            var grouped: [UInt8] = negative ? [UInt8(ascii: "-")] : []
            for (offset, digit) in integer.enumerated() {
                if offset > 0, (integer.count - offset) % 3 == 0 { grouped.append(UInt8(ascii: ".")) }
                grouped.append(digit)
            }
            if let point, point + 1 < digits.endIndex {
                grouped.append(UInt8(ascii: ","))
                grouped.append(contentsOf: digits[(point + 1)...])
            }
            return String(decoding: grouped, as: UTF8.self)
        }
        var random = SplitMix64(seed: 0x6b72_6f6e)
        var values: [Decimal] = [0, Decimal.nan, Decimal(string: "123456789012345678901234567890.5")!, Decimal(1) / 3]
        for _ in 0..<3_000 {
            let integer = Decimal(Int64(bitPattern: random.next()) >> random.below(64))
            values.append(Decimal(sign: random.below(2) == 0 ? .plus : .minus, exponent: random.below(41) - 20, significand: integer < 0 ? -integer : integer))
        }
        for value in values {
            #expect(DanishFormat.kroner(value) == reference(value), "\(value)")
        }
    }

    /// Numbers built from their digits print as Decimal(string:) made them: the CSV and JSON
    /// write `plainDescription`, so a trailing zero kept or dropped would show.
    @Test func numbersKeepTheirDecimalForm() throws {
        let posix = Locale(identifier: "en_US_POSIX")
        let cases = [
            ("2,50", "2.50"), ("10,0", "10.0"), ("1.000", "1000"), ("32.083", "32083"), ("0,6", "0.6"), ("2.5", "2.5"),
            ("1 250 000", "1250000"), ("100", "100"), ("1,450", "1.450"), ("0,05", "0.05"), ("999.999.999.999.999", "999999999999999"),
            ("123456789012345,123", "123456789012345.123"), ("0", "0"), ("7,000", "7.000"),
        ]
        for (written, literal) in cases {
            let parsed = try #require(DanishNumber.parse(written), "\(written)")
            let expected = try #require(Decimal(string: literal, locale: posix))
            #expect(parsed == expected, "\(written)")
            #expect(parsed.plainDescription == expected.plainDescription, "\(written)")
        }
        #expect(DanishNumber.parse("1.0.0") == nil)
        #expect(DanishNumber.isTooLong("1234567890123456") && !DanishNumber.isTooLong("123456789012345"))
    }

    /// Text written decomposed ("a" and a combining ring, as some PDF tools write "å") is read
    /// composed, so the byte-level comparisons see the same letters.
    @Test func decomposedTextIsReadComposed() throws {
        let text = "Punkt 1: Tilskud til la\u{030A}n\n\nØkonomiske konsekvenser\n\nDer gives 40.000 kr. a\u{030A}rligt i 2025-2026.\n\nBeslutning\n\nTiltra\u{030A}dt.\n"
        let document = AmountExtractor.extract(MinutesReader.read(Array(text.utf8), source: "nfd.txt"))
        let item = try #require(document.items.first)
        #expect(item.title == "Tilskud til lån")
        #expect(item.decision?.status == .approved)
        #expect(item.amounts.first?.recurrence == .annual)
        #expect(item.amounts.first?.years == [2025, 2026])
    }

    /// The words a label is looked for in are the first two of the line's first 40 Characters,
    /// whether they are taken from the line's words or split again.
    @Test func labelHeadsAreTheFirstFortyCharacters() {
        var random = SplitMix64(seed: 0x6865_6164)
        let pieces = [
            "Sag", "Sagsnr.:", "J.", "nr.", "nr", "Dok", " ", "  ", "\t", "\r\n", "\u{A0}", "\u{2009}", "x", "æøå", "e\u{301}", "\u{301}",
            "👩‍👩‍👧", String(repeating: "a", count: 17), String(repeating: " ", count: 13), "24.10.00",
        ]
        for _ in 0..<4_000 {
            var line = ""
            for _ in 0..<random.below(10) { line += pieces[random.below(pieces.count)] }
            let expected = line.prefix(40).split(whereSeparator: \.isSpaceLike).prefix(2).map(String.init)
            #expect(HeadingClassifier.labelHead(of: line, words: LatinText.words(of: line)) == expected, "\(line.unicodeScalars.map(\.value))")
        }
    }

    /// The byte prechecks of the metadata lines admit every line the full reading accepts.
    @Test func metadataLinesAreReadWhateverTheirForm() throws {
        let journal = [
            "J.nr.: 24.10.00", "J. nr.: 24.10.00", "J. nr. 24.10.00", "j.nr 24.10.00", "Journalnr.: 24.10.00", "KLE: 24.10.00",
            "KLE 24.10.00", "\u{212A}LE: 24.10.00",
        ]
        for line in journal {
            #expect(HeadingClassifier.identifiers(line)?.journalNumber == "24.10.00", "\(line)")
        }
        #expect(HeadingClassifier.identifiers("Dok. nr. 12345")?.documentNumber == "12345")
        #expect(HeadingClassifier.identifiers("Dok.nr.: 12345")?.documentNumber == "12345")
        let all = HeadingClassifier.identifiers("Sagsnr.: 326-2021-16031 J.nr.: 24.10.00 Dokumentnr.: 123")
        #expect(all?.caseNumber == "326-2021-16031" && all?.journalNumber == "24.10.00" && all?.documentNumber == "123")
        #expect(HeadingClassifier.identifiers("Sags nr.\u{00A0}21-012521")?.caseNumber == "21-012521")
        #expect(HeadingClassifier.identifiers("Sagen drejer sig om 24.10.00") == nil)
        #expect(HeadingClassifier.identifiers("Sagsfremstilling") == nil)
        #expect(HeadingClassifier.identifiers("SAGSNR.: 21-1234")?.caseNumber == "21-1234")
        #expect(HeadingClassifier.identifiers("Sag nr. 11 blev taget af dagsorden.")?.otherWords.first == "blev")
        for line in ["Sagsnumre 21-1234", "Kl. 10.00", "Dok", "Sa 21-1234", "Sagsnrr. 21-1234", "D", "S\u{0301}agsnr.: 21-1234", "Øvrigt: 21-1234"] {
            #expect(HeadingClassifier.identifiers(line) == nil, "\(line)")
        }
        // The label is looked for in the line's first 40 Characters, which may cut its second
        // word: "nr" of "nrx" makes "Sag nr" a label there, and the line is read as one (as
        // it was read before its head was taken from its words).
        #expect(HeadingClassifier.identifiers("Sag" + String(repeating: " ", count: 35) + "nrx 12")?.otherWords == ["Sag", "nrx", "12"])
        // A label after a period or a colon is read once they are trimmed.
        #expect(HeadingClassifier.identifiers("Sagsnr.: 21-1234 .J.nr.: 24.10.00")?.journalNumber == "24.10.00")
        #expect(HeadingClassifier.identifiers("Sagsnr.: 21-1234 :Dok.nr.: 12")?.documentNumber == "12")
        // A line whose first scalar has two UTF-8 bytes is passed on that byte: no such scalar
        // is, as a Character, the first letter of a label.
        for value in 0x80...0x7FF {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(!"SsJjKkDd".contains(Character(scalar)), "U+\(String(value, radix: 16))")
        }
        #expect(HeadingClassifier.accessStatus("Åbent") == false)
        #expect(HeadingClassifier.accessStatus("A\u{030A}bent punkt") == false)
        #expect(HeadingClassifier.accessStatus("  Lukket:") == true)
        #expect(HeadingClassifier.accessStatus("Anden tekst") == nil)
        #expect(HeadingClassifier.accessStatus("Beslutning") == nil)
    }

    /// A token's traits, decided once on bytes, are what their String definitions say, and so
    /// is its bare form: over every line of the fixtures and words chosen to be awkward.
    /// Awkward words, and every line of the fixtures.
    static func tokenSamples() throws -> [String] {
        var texts = Self.samples + [
            "Kr. 32.083 DKK kr.- kr., KRONER. kroner Mio.kr. T.KR. t.kr tkr. tusinde. Milliarder mia.kr.",
            "øre ØRE. Øresund øre. ører A.P. Møller m.fl. bl.a. f.eks. kr.? slut. Næste. i alt; færdig! nej? pkt. 3. januar",
            "Ǆemal Éclair ½ mio. kr. – ÷ 250.000 kr. (1.000 kr.) ²",
            "\u{0} a\u{0}b kr\u{0} \u{1}\u{1} abcdefgh abcdefghi ABCDEFGH Abcdefgh 12345678 123456789",
            "Ca. ca CIRKA cirkatal knapt knap. Omkring omkringliggende anslået ANSLÅEDE godt godtgørelse c a",
            "Staten staten. STATENS Socialstyrelsen. Fonden fond. KKR Region Regions. kommunen. Kommune KOMMUNES kommune. "
                + "Kommunerne kommunal Vejdirektoratet. Undervisningsministeriet fonde fondene styrelse m.fl. Næstved Kommune Kulturfond Tipsfonden. y.fonden.",
            // Every party word, and words of a party word's length that share its first byte
            // or its first two but are none ("kommunex", "kxmmunen").
            ClauseContext.partyWords.keys.sorted().map { word in
                let bytes = Array(word.utf8)
                let nearMisses = [bytes.dropLast() + [UInt8(ascii: "x")], bytes.prefix(1) + [UInt8(ascii: "x")] + bytes.dropFirst(2)]
                return ([word] + nearMisses.map { String(decoding: $0, as: UTF8.self) }).joined(separator: " ")
            }.joined(separator: " "),
            "kommune kommunes kommunex kommunesx kommun Kommunes.",
        ]
        for name in try Self.fixtureMinutes() {
            let bytes = try [UInt8](Data(contentsOf: Project.root.appendingPathComponent(name)))
            let document = MinutesReader.read(bytes, source: name)
            for item in document.items {
                for section in item.sections { texts += section.lines.map(\.text) }
            }
        }
        return texts
    }

    /// Tokens made with a cache shared across texts are the tokens each text makes alone.
    @Test func cachedTokensAreTheTokensMadeAfresh() throws {
        var cache = TokenCache()
        var compared = 0
        for text in try Self.tokenSamples() + Self.tokenSamples().reversed() {
            let bytes = Array(text.utf8)
            let cached = Tokenizer.tokens(of: bytes, cache: &cache)
            #expect(cached == Tokenizer.tokens(of: bytes), "\(text.prefix(80))")
            compared += cached.count
        }
        #expect(compared > 20_000)
    }

    /// A run passes one token cache from document to document: each document's amounts are
    /// those it has with a cache of its own, and the spellings made for one are found by the next.
    @Test func documentsShareTheirTokenCache() throws {
        let documents = try Self.fixtureMinutes().map { name in
            MinutesReader.read(try [UInt8](Data(contentsOf: Project.root.appendingPathComponent(name))), source: name)
        }
        #expect(documents.count > 10)
        var session = AmountExtractor.Session()
        for document in documents + documents.reversed() {
            #expect(session.extract(document) == AmountExtractor.extract(document), "\(document.source)")
        }
        let kroner = try #require("kr.".utf8.withContiguousStorageIfAvailable(TokenCache.key) ?? nil)
        let carried = try #require(session.tokens.spelling(for: kroner))
        let tokens = Tokenizer.tokens(of: Array("2 mio. kr.".utf8), cache: &session.tokens)
        #expect(tokens.last?.spelling === carried)
    }

    /// Tokens spelt alike share one spelling, made once; tokens compare by what they say, not
    /// by which spelling they hold, and differ where any of it differs.
    @Test func tokensSpeltAlikeShareTheirSpelling() {
        let bytes = Array("kr. og Kr. og kr. og økonomiudvalget økonomiudvalget".utf8)
        let tokens = Tokenizer.tokens(of: bytes)
        #expect(tokens[0].spelling === tokens[4].spelling)
        #expect(tokens[6].spelling === tokens[7].spelling)
        #expect(tokens[0].spelling !== tokens[2].spelling)
        #expect(tokens[0].lower == tokens[2].lower && tokens[0].text != tokens[2].text)
        #expect(tokens[0] != tokens[2])
        let made = TextToken(kind: .word, text: "kr.", lower: "kr.", bare: "kr.", start: 0, end: 3, spaceBefore: true)
        #expect(made.spelling !== tokens[0].spelling)
        #expect(made == tokens[0])
        #expect(made.traits.contains(.currency) && made.traits.contains(.abbreviation))
        var later = made
        later.start = 8
        #expect(later != made)
    }

    /// Long and non-ASCII tokens, twice as many as the long table has slots, share them: each
    /// is still its own token, whatever stood in its slot before (of the same length, too).
    @Test func longTokensSharingSlotsAreTheirOwn() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyzæøåÆØÅ")
        func word(_ number: Int, length: Int) -> String {
            var number = number
            return String((0..<length).map { _ in
                defer { number /= letters.count }
                return letters[number % letters.count]
            })
        }
        var cache = TokenCache()
        var words: [String] = []
        for number in 0..<2 * TokenCache.longSlots { words.append(word(number * 7919, length: 9 + number % 30)) }
        words += ["på", "år", "Økonomiudvalget.", "KOMMUNALBESTYRELSEN", String(repeating: "lang", count: 9), "1.250.000"]
        for text in [words.joined(separator: " "), words.reversed().joined(separator: " ")] {
            let bytes = Array(text.utf8)
            let cached = Tokenizer.tokens(of: bytes, cache: &cache)
            let fresh = Tokenizer.tokens(of: bytes)
            let spelt = text.split(separator: " ").map(String.init)
            try #require(cached.count == spelt.count && fresh.count == spelt.count)
            // The first token that is not its own, named rather than tens of thousands printed.
            let wrong = spelt.indices.first { cached[$0].text != spelt[$0] || cached[$0] != fresh[$0] }
            #expect(wrong == nil, "token \(wrong ?? 0): \(wrong.map { cached[$0].text } ?? "") for \(wrong.map { spelt[$0] } ?? "")")
        }
    }

    /// A word with an inner period loses its last Character before it is read as a party, also
    /// where a letter that joins what follows stands before the period.
    @Test func aPartyAfterAnInnerPeriodLosesItsLastCharacter() {
        for (text, party) in [("fra x.styrelsen\u{0D4E}.", Party.state), ("fra y.fonden.", .fund("y.fonden")), ("fra staten.", .state)] {
            let tokens = Tokenizer.tokens(of: Array(text.utf8))
            #expect(ClauseContext.party(at: 1, in: tokens[...], municipality: "Greve") == party, "\(text)")
        }
    }

    @Test func tokenTraitsAgreeWithTheirDefinitions() throws {
        let texts = try Self.tokenSamples()
        var checked = 0
        for text in texts {
            for token in Tokenizer.tokens(of: Array(text.utf8)) {
                let lower = token.lower
                let isWord = token.kind == .word
                let withoutPeriod = isWord && lower.hasSuffix(".") ? String(lower.dropLast()) : nil
                var expected: TextToken.Traits = []
                if MoneyScanner.currencyWords.contains(lower) || withoutPeriod.map(MoneyScanner.currencyWords.contains) == true {
                    expected.insert(.currency)
                }
                if MoneyScanner.scaleWords[lower] != nil || withoutPeriod.flatMap({ MoneyScanner.scaleWords[$0] }) != nil {
                    expected.insert(.scale)
                }
                if isWord, lower.hasPrefix("øre") { expected.insert(.øre) }
                if isWord, lower.hasSuffix(".") {
                    expected.insert(.finalPeriod)
                    if lower.dropLast().contains(".") { expected.insert(.innerPeriod) }
                    if Sentences.abbreviations.contains(lower) {
                        expected.insert(.abbreviation)
                    } else if !Sentences.isInitials(token.text) {
                        expected.insert(.sentenceEnd)
                    }
                }
                if token.kind == .symbol, [".", "!", "?", ";"].contains(token.text) { expected.insert(.sentenceEnd) }
                if token.text.first?.isUppercase == true { expected.insert(.uppercase) }
                if isWord, DanishNumberWords.canBegin(lower) { expected.insert(.numberWordStart) }
                if MoneyScanner.vulgarFractions[token.text] != nil { expected.insert(.vulgarFraction) }
                if isWord, MoneyScanner.approximateWords.contains(lower) { expected.insert(.approximate) }
                // As the payer reads a word: an inner period's word loses its last Character, any
                // other its final period's byte (the bare word).
                let partyForm = !isWord || !lower.hasSuffix(".") || Sentences.abbreviations.contains(lower) ? lower
                    : lower.dropLast().contains(".") ? String(lower.dropLast()) : token.bare
                if isWord, ClauseContext.partyWords[partyForm] != nil
                    || ["styrelsen", "fonden", "ministeriet", "direktoratet", "fond"].contains(where: partyForm.hasSuffix)
                {
                    expected.insert(.partyWord)
                }
                if lower == "kommune" || lower == "kommunes" { expected.insert(.municipalityWord) }
                #expect(token.traits == expected, "\(token.text) in \(text.prefix(80))")
                let bare = isWord && lower.hasSuffix(".") && !lower.dropLast().contains(".") && !Sentences.abbreviations.contains(lower)
                    ? String(lower.dropLast()) : lower
                #expect(token.bare == bare, "\(token.text)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
        #expect(MoneyScanner.approximateWords.allSatisfy { $0.utf8.count >= 2 })
    }

    /// The one UTF-8 decoder of the byte paths reads what the standard library's reads, at every
    /// position of random bytes, of text in every plane, and of overlong forms and surrogates
    /// (U+FFFD and one byte where the bytes are not UTF-8).
    @Test func scalarsDecodeAsTheStandardLibraryDecodes() {
        var random = SplitMix64(seed: 5)
        var samples: [[UInt8]] = [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80], [0xC3]]
        samples.append(Array("aæ–😀\u{10FFFF}\u{0}ÿ".utf8))
        for _ in 0..<3_000 { samples.append((0..<random.below(12)).map { _ in UInt8(truncatingIfNeeded: random.next()) }) }
        for _ in 0..<1_000 { samples.append(Array(Self.randomText(&random, from: "aæ–😀\u{0301}\u{2009}€", shorterThan: 8).utf8)) }
        for sample in samples {
            sample.withUnsafeBufferPointer { bytes in
                for index in bytes.indices {
                    var iterator = bytes[index...].makeIterator()
                    var decoder = UTF8()
                    let expected: (Unicode.Scalar, Int)
                    if case .scalarValue(let scalar) = decoder.decode(&iterator) { expected = (scalar, UTF8.width(scalar)) } else { expected = ("\u{FFFD}", 1) }
                    let found = Unicode.Scalar.decoded(in: bytes, at: index)
                    #expect(found.0 == expected.0 && found.1 == expected.1, "\(sample) at \(index)")
                }
            }
        }
    }

    /// The tokenizer reads bytes: every token is the bytes it spans, on scalar boundaries, and
    /// only white space stands between tokens, over the fixtures' texts and random text of
    /// multi-byte letters, spaces and symbols.
    @Test func tokensAreTheBytesTheySpan() throws {
        var random = SplitMix64(seed: 7)
        var texts = try Self.tokenSamples()
        let alphabet = "ab Kr.,1234567890 \u{A0}\u{202F}\u{2009}\u{2003}æøåÆØÅé–½²³😀\u{0301}\u{0}\t\n×÷"
        for _ in 0..<3_000 { texts.append(Self.randomText(&random, from: alphabet, shorterThan: 40)) }
        for text in texts {
            let bytes = Array(text.utf8)
            var previousEnd = 0
            for token in Tokenizer.tokens(of: bytes) {
                #expect(token.start >= previousEnd && token.end > token.start, "\(text)")
                #expect(token.text == String(decoding: bytes[token.start..<token.end], as: UTF8.self), "\(text)")
                let gap = String(decoding: bytes[previousEnd..<token.start], as: UTF8.self)
                #expect(gap.unicodeScalars.allSatisfy({ $0.isSpaceLike }) && !gap.contains("\u{FFFD}"), "\(text)")
                #expect(token.spaceBefore == (previousEnd == 0 || !gap.isEmpty), "\(text)")
                previousEnd = token.end
            }
            let rest = String(decoding: bytes[previousEnd...], as: UTF8.self)
            #expect(rest.unicodeScalars.allSatisfy({ $0.isSpaceLike }), "\(text)")
        }
    }

    /// A paragraph's spaced words are its tokens' bare words, each between spaces, for every
    /// range of tokens and every pair of ranges, and a single space for none; a token's bare
    /// word is copied from the text exactly when it is spelt so there.
    @Test func spacedWordsAreTheBareWordsBetweenSpaces() throws {
        for text in try Self.tokenSamples().prefix(400) + ["", "Kroner. kr. Økonomiudvalget 1.250 t.kr. – ½"] {
            let bytes = Array(text.utf8)
            let tokens = Tokenizer.tokens(of: bytes)
            let words = SpacedWords(tokens, in: bytes)
            for token in tokens {
                #expect(token.spelling.bareIsSpelt == (Array(token.bare.utf8) == Array(bytes[token.start..<token.end])), "\(token.text)")
            }
            // As bytes: a combining mark after a space would join it into one Character.
            func expected(_ range: Range<Int>) -> [UInt8] { Array((" " + tokens[range].map { $0.bare + " " }.joined()).utf8) }
            #expect(Array(words.words(0..<tokens.count)) == expected(0..<tokens.count), "\(text)")
            for start in stride(from: 0, through: tokens.count, by: max(1, tokens.count / 7)) {
                for end in stride(from: start, through: tokens.count, by: max(1, tokens.count / 5)) {
                    #expect(Array(words.words(start..<end)) == expected(start..<end), "\(text)")
                    #expect(words.withWords(0..<start, start..<end) { Array($0) } == expected(0..<start) + expected(start..<end).dropFirst(), "\(text)")
                    // The words after, then those before, as the period is read around an amount.
                    #expect(words.withWords(start..<end, 0..<start) { Array($0) } == expected(start..<end) + expected(0..<start).dropFirst(), "\(text)")
                }
            }
        }
    }

    /// Numbers grouped by any of the spaces Danish exports use, letters beyond ASCII, and the
    /// symbols minutes write, as the tokenizer splits them.
    @Test func tokensOfMultiByteText() {
        let cases: [(String, [String])] = [
            ("1 250 000 kr", ["1 250 000", "kr"]), ("1\u{A0}250\u{A0}000 kr.", ["1\u{A0}250\u{A0}000", "kr."]),
            ("2\u{202F}500\u{2009}000", ["2\u{202F}500\u{2009}000"]), ("2\u{2003}500", ["2", "500"]), ("2 2025", ["2", "2025"]),
            ("Ærø–½ mio.kr. m² t.kr.", ["Ærø", "–", "½", "mio.kr.", "m²", "t.kr."]), ("på år 😀 ÷", ["på", "år", "😀", "÷"]),
            ("Økonomiudvalget.", ["Økonomiudvalget."]), ("Ǆemal", ["Ǆemal"]),
        ]
        for (text, expected) in cases {
            #expect(Tokenizer.tokens(of: Array(text.utf8)).map(\.text) == expected, "\(text)")
        }
        #expect(Tokenizer.tokens(of: Array("1\u{A0}250 Ø".utf8)).map(\.kind) == [.number, .word])
    }
}
