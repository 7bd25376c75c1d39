extension DanishNumberWords {
    private static let starts = [
        "nul", "en", "et", "én", "ét", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve",
        "tolv", "fjorten", "sytten", "atten", "tyve", "fyrre", "halv", "tres", "firs", "hundred", "tusind",
        "kvart", "million", "milliard",
    ]

    /// A cheap test before ``parse(_:)``: whether a word can begin a number in words.
    static func couldStart(_ word: String) -> Bool {
        guard let first = word.first, "nefthsaokmé".contains(first) else { return false }
        return starts.contains { word.hasPrefix($0) }
    }
}
