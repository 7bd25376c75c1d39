/// A kommune's name as minutes write it before "Kommune" or "Rådhus": one word, capitalised, of
/// letters and inner hyphens ("Sorø", "Lyngby-Taarbæk"), as every kommune's name is. One written
/// in capitals is the same name ("KØGE" is "Køge").
enum MunicipalityName {
    /// Capitalised words that stand before "Kommune" or "Rådhus" without naming a kommune.
    static let notNames: Set<String> = [
        "hver", "den", "denne", "en", "samme", "vores", "egen", "anden", "enhver", "nabo", "hele", "din", "jeres", "hvilken",
        "det", "gamle", "nye",
    ]

    /// The name `word` spells, or nil when it is none (lower-case, with digits or punctuation,
    /// of two letters or fewer, or one of ``notNames``).
    static func named(by word: Substring) -> String? {
        guard let first = word.first, first.isUppercase, word.count > 2, word.last != "-",
            word.allSatisfy({ $0.isLetter || $0 == "-" }), !notNames.contains(word.fastLowercased())
        else { return nil }
        guard word.allSatisfy({ !$0.isLowercase }) else { return String(word) }
        // In capitals: each part capitalised ("LYNGBY-TAARBÆK" → "Lyngby-Taarbæk").
        return word.split(separator: "-").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: "-")
    }
}
