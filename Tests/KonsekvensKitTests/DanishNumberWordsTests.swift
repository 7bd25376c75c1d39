import Foundation
import Testing

@testable import KonsekvensKit

/// One phrase, split on spaces, with the value and word count `DanishNumberWords` should give.
struct NumberWordsCase: Sendable, CustomTestStringConvertible {
    var phrase: String
    var value: String
    var wordCount: Int

    init(_ phrase: String, _ value: String, _ wordCount: Int = 1) {
        self.phrase = phrase
        self.value = value
        self.wordCount = wordCount
    }

    var words: [String] { phrase.split(separator: " ").map(String.init) }
    var testDescription: String { "\"\(phrase)\" → \(value), \(wordCount)" }
}

@Suite struct DanishNumberWordsTests {
    static let unitsAndTeens: [NumberWordsCase] = [
        .init("nul", "0"), .init("en", "1"), .init("et", "1"), .init("én", "1"), .init("ét", "1"),
        .init("to", "2"), .init("tre", "3"), .init("fire", "4"), .init("fem", "5"),
        .init("seks", "6"), .init("syv", "7"), .init("otte", "8"), .init("ni", "9"),
        .init("ti", "10"), .init("elleve", "11"), .init("tolv", "12"), .init("tretten", "13"),
        .init("fjorten", "14"), .init("femten", "15"), .init("seksten", "16"),
        .init("sytten", "17"), .init("atten", "18"), .init("nitten", "19"),
    ]

    static let tens: [NumberWordsCase] = [
        .init("tyve", "20"), .init("tredive", "30"), .init("tredve", "30"),
        .init("fyrre", "40"), .init("fyrretyve", "40"),
        .init("halvtreds", "50"), .init("halvtredsindstyve", "50"),
        .init("tres", "60"), .init("tresindstyve", "60"),
        .init("halvfjerds", "70"), .init("halvfjerdsindstyve", "70"),
        .init("firs", "80"), .init("firsindstyve", "80"),
        .init("halvfems", "90"), .init("halvfemsindstyve", "90"),
    ]

    static let compounds: [NumberWordsCase] = [
        .init("toogtyve", "22"), .init("seksogtredive", "36"), .init("enogfyrre", "41"),
        .init("niogfirs", "89"), .init("femoghalvfems", "95"), .init("treogtresindstyve", "63"),
        .init("to og tyve", "22", 3),
        .init("hundrede", "100"), .init("tusind", "1000"), .init("tusinde", "1000"),
        .init("syvhundrede", "700"), .init("tretusinde", "3000"),
        .init("syvhundredetusinde", "700000"), .init("seksogtredivetusinde", "36000"),
        .init("tohundredeogfemogtyve", "225"),
        .init("et hundrede og tolv", "112", 4), .init("seks hundrede", "600", 2),
        .init("to tusinde og femogtyve", "2025", 4),
        .init("femten hundrede", "1500", 2), .init("nitten hundrede og femogfirs", "1985", 4),
        .init("to hundrede og tre tusinde", "203000", 5),
        .init("et tusinde to hundrede og halvtreds", "1250", 6),
        .init("to hundrede og to og tyve", "222", 6),
    ]

    static let scales: [NumberWordsCase] = [
        .init("en million", "1000000", 2), .init("to mio.", "2000000", 2),
        .init("tre millioner", "3000000", 2), .init("fire mill.", "4000000", 2),
        .init("fem mill", "5000000", 2), .init("seks mio", "6000000", 2),
        .init("en milliard", "1000000000", 2), .init("to milliarder", "2000000000", 2),
        .init("tre mia.", "3000000000", 2), .init("fire mrd.", "4000000000", 2),
        .init("tre millioner syvhundredetusinde", "3700000", 3),
        .init("to milliarder tre hundrede millioner", "2300000000", 5),
        .init("tusind millioner", "1000000000", 2),
        .init("to millioner og tre hundrede tusinde", "2300000", 6),
        .init("ni hundrede tusinde milliarder", "900000000000000", 4),
    ]

    static let fractions: [NumberWordsCase] = [
        .init("en halv", "0.5", 2), .init("et halvt", "0.5", 2), .init("en kvart", "0.25", 2),
        .init("halvanden", "1.5"), .init("trekvart", "0.75"),
        .init("en halv million", "500000", 3), .init("halvanden million", "1500000", 2),
        .init("en kvart mio.", "250000", 3), .init("en halv mia.", "500000000", 3),
        .init("trekvart million", "750000", 2), .init("et halvt hundrede", "50", 3),
        .init("halvanden tusinde", "1500", 2), .init("to og en halv million", "2500000", 5),
        .init("en og en halv million", "1500000", 5),
    ]

    /// Where the number ends: the caller needs the exact word count.
    static let boundaries: [NumberWordsCase] = [
        .init("to tusinde og femogtyve kr.", "2025", 4),
        .init("et hundrede og tolv kroner og firs øre", "112", 4),
        .init("firs øre", "80", 1), .init("tres øre", "60", 1),
        .init("en kommune", "1", 1), .init("et beløb", "1", 1), .init("en to tre", "1", 1),
        .init("to og", "2", 1), .init("tolv og kroner", "12", 1), .init("tolv og og tre", "12", 1),
        .init("tre og fire", "3", 1), .init("tyve og to", "20", 1), .init("tyve to", "20", 1),
        .init("tre fire", "3", 1), .init("to tyve", "2", 1),
        .init("tolv, tretten", "12", 1), .init("tolv. tretten", "12", 1), .init("tolv;", "12", 1),
        .init("fem mio. kr.", "5000000", 2), .init("fem mio. tre", "5000000", 2),
        .init("(to millioner) kr.", "2000000", 2), .init("to (tre)", "2", 1),
        .init("to tusinde tusinde", "2000", 2), .init("tre hundrede hundrede", "300", 2),
        .init("to millioner tre millioner", "2000000", 2),
        .init("en million en milliard", "1000000", 2),
        .init("nul kroner", "0", 1), .init("nul og fem", "0", 1), .init("nul millioner", "0", 1),
        .init("en halv time", "0.5", 2), .init("en halv, million", "0.5", 2),
        .init("halvanden og to", "1.5", 1), .init("en halv fem", "0.5", 2),
        .init("to halv", "2", 1), .init("to tusinde og hundrede", "2000", 2),
        .init("et tusindet", "1", 1), .init("to halvanden", "2", 1),
        .init("to tusinde og en halv", "2000", 2),
        .init("tre millioner et år", "3000000", 2), .init("to tusinde fem", "2000", 2),
        .init("to tusinde tre hundrede femogtyve", "2300", 4),
        .init("to tusinde tre hundrede og femogtyve", "2325", 6),
    ]

    static let notNumbers: [String] = [
        "kroner", "tillægsbevilling", "", "ogtyve", "tyveog", "og", "og tyve", "halv",
        "halv tolv", "kvart over tolv", "halvt", "millioner", "million", "mio.", "mia",
        "tredje", "femte", "tiende", "tusindvis", "hundredvis", "tusindet", "hundredet",
        "seksti", "tito", "tier", "(", ",", "fem-seks", "1", "toogtyvende", "enogtyveog",
        "ogtoogtyve",
    ]

    @Test(arguments: unitsAndTeens + tens)
    func readsSimpleNumbers(_ example: NumberWordsCase) {
        check(example)
    }

    @Test(arguments: compounds)
    func readsCompounds(_ example: NumberWordsCase) {
        check(example)
    }

    @Test(arguments: scales + fractions)
    func readsScalesAndFractions(_ example: NumberWordsCase) {
        check(example)
    }

    @Test(arguments: boundaries)
    func stopsWhereTheNumberEnds(_ example: NumberWordsCase) {
        check(example)
    }

    @Test(arguments: notNumbers)
    func rejectsWordsThatAreNotNumbers(_ phrase: String) {
        let words = phrase.split(separator: " ").map(String.init)
        #expect(DanishNumberWords.parse(ArraySlice(words.isEmpty ? [""] : words)) == nil)
    }

    @Test func emptyInputIsNotANumber() {
        #expect(DanishNumberWords.parse([]) == nil)
    }

    @Test func readsFromTheStartOfASlice() throws {
        let words = ["beløbet", "er", "to", "tusinde", "og", "femogtyve", "kroner"]
        let result = try #require(DanishNumberWords.parse(words[2...]))
        #expect(result.value == 2025)
        #expect(result.wordCount == 4)
        #expect(DanishNumberWords.parse(words[1...]) == nil)
        // The "en halv" look-ahead must not run past the end of the slice.
        let article = ["en", "halv"]
        #expect(DanishNumberWords.parse(article[0..<1])?.value == 1)
    }

    /// Fractions come out in their shortest written form, and large numbers up to the limit exactly.
    @Test func fractionsAndLargeNumbersAreExact() {
        let cases: [(String, String, Int)] = [
            ("en halv", "0.5", 2), ("halvanden", "1.5", 1), ("trekvart", "0.75", 1), ("en kvart", "0.25", 2),
            ("fem og en kvart", "5.25", 4), ("to og en halv million", "2500000", 5), ("en kvart million", "250000", 3),
            ("halvanden milliard", "1500000000", 2), ("tre", "3", 1), ("nul", "0", 1),
            ("ni hundrede nioghalvfems milliarder ni hundrede nioghalvfems millioner", "999999000000", 8),
            ("en million milliarder", "1000000", 2), ("tusind milliarder", "1000000000000", 2),
        ]
        for (text, value, count) in cases {
            let parsed = DanishNumberWords.parse(text.split(separator: " ").map(String.init))
            #expect(parsed?.value.plainDescription == value, "\(text)")
            #expect(parsed?.wordCount == count, "\(text)")
        }
        #expect(DanishNumberWords.parse(["en", "og", "en", "kvart"])?.value == decimal("1.25"))
    }

    @Test func returnsNilAboveTheLimit() {
        let words = ["nioghalvfems", "hundrede", "nioghalvfems", "tusinde", "milliarder"]
        #expect(DanishNumberWords.parse(ArraySlice(words)) == nil)
    }

    @Test func survivesLongAndRepetitiveInput() {
        let thousands = Array(repeating: "tusinde", count: 1000)
        #expect(DanishNumberWords.parse(ArraySlice(thousands))?.wordCount == 1)
        let connectors = Array(repeating: "og", count: 10_000)
        #expect(DanishNumberWords.parse(ArraySlice(connectors)) == nil)
        let halves = Array(repeating: ["en", "halv"], count: 5000).flatMap { $0 }
        #expect(DanishNumberWords.parse(ArraySlice(halves))?.wordCount == 2)
        let glued = String(repeating: "toogtyve", count: 100_000)
        #expect(DanishNumberWords.parse([glued]) == nil)
        let alternating = Array(repeating: ["to", "og"], count: 5000).flatMap { $0 }
        #expect(DanishNumberWords.parse(ArraySlice(alternating))?.wordCount == 1)
    }

    /// Random phrases from a mix of number words and others: never a crash, always a sane count.
    @Test func randomPhrasesGiveSaneResults() {
        let vocabulary = [
            "en", "et", "to", "og", "halv", "kvart", "halvanden", "tyve", "toogtyve", "hundrede",
            "tusinde", "million", "mio.", "milliarder", "mia.", "nul", "kroner", "tolv,", "(tre",
            "", "firs", "trekvart", "femten",
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var phrase: [String] = []
            for _ in 0..<8 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                phrase.append(vocabulary[Int(seed >> 33) % vocabulary.count])
            }
            guard let result = DanishNumberWords.parse(ArraySlice(phrase)) else { continue }
            #expect(result.wordCount >= 1 && result.wordCount <= phrase.count)
            #expect(phrase[result.wordCount - 1] != "og")
            #expect(
                result.value >= 0
                    && result.value <= Decimal(sign: .plus, exponent: 15, significand: 1))
        }
    }

    /// The scanner tries to read a number in words only at a word that
    /// ``DanishNumberWords/canBegin(_:)``: every phrase that parses begins with one, punctuation
    /// and all, and words that are not glued whole from number pieces do not.
    @Test func everyNumberBeginsWithAWordThatCanBeginOne() {
        let tables = Self.unitsAndTeens + Self.tens + Self.compounds + Self.scales + Self.fractions + Self.boundaries
        var phrases = tables.map(\.words)
        let vocabulary = [
            "en", "et", "én", "(ét", "«to", "„tre", "“fire", "‘fem", "[seks", "\"syv", "'otte", "to.", "halv", "tyve,",
            "hundrede", "tusinde", "million", "mio.", "og", "kroner", "halvanden", "trekvart", "femogtyve.", "(tolv)",
        ]
        var seed: UInt64 = 7
        for _ in 0..<2000 {
            phrases.append((0..<4).map { _ in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return vocabulary[Int(seed >> 33) % vocabulary.count]
            })
        }
        var parsed = 0
        for words in phrases where DanishNumberWords.parse(words) != nil {
            #expect(DanishNumberWords.canBegin(words[0]), "\(words)")
            parsed += 1
        }
        #expect(parsed > 1000)
        for word in ["kroner", "tillægsbevilling", "til", "tier", "halv", "kvart", "mio.", "mia", "og", "ogtyve", "", "(", "beløb", "tusindvis"] {
            #expect(!DanishNumberWords.canBegin(word), "\(word)")
        }
    }

    private func check(
        _ example: NumberWordsCase, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let result = DanishNumberWords.parse(ArraySlice(example.words))
        #expect(result?.value == Decimal(string: example.value), sourceLocation: sourceLocation)
        #expect(result?.wordCount == example.wordCount, sourceLocation: sourceLocation)
    }
}
