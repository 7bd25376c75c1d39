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

    @Test func fastLowercasedIsLowercased() {
        for sample in Self.samples {
            #expect(sample.fastLowercased() == sample.lowercased(), "\(sample)")
            #expect(sample.dropFirst().fastLowercased() == sample.dropFirst().lowercased(), "\(sample)")
        }
    }

    @Test func fastLowercasedIsLowercasedOnRandomLatinText() {
        var random = SplitMix64(seed: 42)
        let alphabet = Array("aAzZæÆøØåÅéÉüÜ×ß .,-–\u{00A0}İΣĀ0123456789".unicodeScalars)
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.below(20) { text.append(alphabet[random.below(alphabet.count)]) }
            let string = String(text)
            #expect(string.fastLowercased() == string.lowercased(), "\(string)")
        }
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
}
