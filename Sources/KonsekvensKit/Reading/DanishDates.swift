/// Finds dates as minutes write them: "3. maj 2021", "den 10. januar 2022", "03-05-2021",
/// "3.5.2021", "2021-05-03".
enum DanishDates {
    static let months: [String: Int] = [
        "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
        "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "okt": 10, "nov": 11, "dec": 12,
    ]

    /// The words after a day's or an ordinal's period ("1. januar", "1. jan.", "3. kvartal"), in
    /// lower case: the months, their abbreviations with a period, and a year's parts.
    static let wordsAfterDay: Set<String> = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
        "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "dec.",
        "kvartal", "halvår",
    ]

    /// The first date in `text`, or nil.
    static func firstDate(in text: String) -> MeetingDate? {
        let words = LatinText.words(of: text)
        for (index, word) in words.enumerated() {
            // Both forms start with a digit ("3.", "03-05-2021"), or a sign Int(_:) reads ("+3.").
            guard let lead = word.utf8.first, lead &- 0x30 < 10 || lead == 0x2B || lead == 0x2D else { continue }
            if let date = numericDate(word) { return date }
            // "3." "maj" "2021"
            if word.hasSuffix("."), let day = Int(word.dropLast()), index + 2 < words.count,
                let month = months[String(Substring(words[index + 1].fastLowercased()).trimmingSuffix("."))],
                let year = Int(words[index + 2].trimmingSuffix(".").trimmingSuffix(",").trimmingSuffix(":"))
            {
                if let date = MeetingDate(year: year, month: month, day: day) { return date }
            }
        }
        return nil
    }

    /// Whether `text` ends with a date, apart from a time ("kl. 18.00") and closing
    /// punctuation: "Byrådets beslutning den 28. november 2024:", "REFERAT Direktionen d. 03-05-2021".
    static func endsWithDate(_ text: String) -> Bool {
        var words = LatinText.words(of: text)
        // No word of more than five bytes lower-cases to "kl." (the Kelvin sign takes three).
        if let time = words.lastIndex(where: { $0.utf8.count <= 5 && ($0.fastLowercased() == "kl." || $0.fastLowercased() == "kl") }),
            time > 0
        {
            words.removeSubrange(time...)
        }
        while let last = words.last, last.allSatisfy({ ".,:;–-".contains($0) }) { words.removeLast() }
        guard var last = words.last else { return false }
        while let end = last.last, ".,:;)".contains(end) { last = last.dropLast() }
        if numericDate(last) != nil { return true }
        guard last.count == 4, last.allSatisfy(\.isASCIIDigitCharacter), words.count >= 3 else { return false }
        let month = Substring(words[words.count - 2].fastLowercased()).trimmingSuffix(".")
        return months[String(month)] != nil
    }

    /// "03-05-2021", "3.5.2021", "03.05.2021", "2021-05-03", "26.4.2021" (trailing punctuation allowed).
    static func numericDate(_ word: Substring) -> MeetingDate? {
        // Every form starts with a digit; most words are ruled out by their first byte.
        guard let lead = word.utf8.first, lead &- 0x30 < 10 else { return nil }
        var word = word
        while let last = word.last, ".,:;)".contains(last) { word = word.dropLast() }
        for separator in ["-", ".", "/"] {
            let parts = word.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) else { continue }
            let numbers = parts.compactMap { Int($0) }
            guard numbers.count == 3 else { continue }
            if parts[0].count == 4 { return MeetingDate(year: numbers[0], month: numbers[1], day: numbers[2]) }
            if parts[2].count == 4 { return MeetingDate(year: numbers[2], month: numbers[1], day: numbers[0]) }
        }
        return nil
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}
