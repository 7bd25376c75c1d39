extension DanishNumberWords {
    private static let starts = [
        "nul", "en", "et", "én", "ét", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve",
        "tolv", "fjorten", "sytten", "atten", "tyve", "fyrre", "halv", "tres", "firs", "hundred", "tusind",
        "kvart", "million", "milliard",
    ]

    /// The starts by their first UTF-8 byte, as bytes.
    private static let startsByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for start in starts { table[Int(start.utf8.first!)].append(Array(start.utf8)) }
        return table
    }()

    /// A cheap test before ``parse(_:)``: whether a word can begin a number in words. On
    /// bytes: it is asked of nearly every word near a currency word.
    static func couldStart(_ word: String) -> Bool {
        let bytes = word.utf8
        guard let first = bytes.first else { return false }
        return startsByFirstByte[Int(first)].contains { bytes.starts(with: $0) }
    }
}
