/// Reads what a decision did from its words: "Godkendt", "Godkendt idet …", "Anbefales",
/// "Drøftet", "Afvist", "Udsat", "Sagen sendes tilbage …".
enum DecisionReader {
    /// Phrases and the status they give, checked in order: the first that the decision's text
    /// starts with (or, failing that, contains) wins.
    static let phrases: [(String, DecisionStatus)] = [
        ("ikke godkendt", .rejected), ("ikke anbefalet", .rejected), ("ikke anbefales", .rejected), ("afvist", .rejected),
        ("afvises", .rejected), ("forkastet", .rejected), ("faldt", .rejected),
        ("udsat", .postponed), ("udsættes", .postponed), ("sagen blev udsat", .postponed),
        ("sendes tilbage", .sentBack), ("sendt tilbage", .sentBack), ("tilbagesendt", .sentBack), ("returneres", .sentBack),
        ("indstillingen anbefales", .recommended), ("anbefales", .recommended), ("anbefalet", .recommended),
        ("anbefaler", .recommended), ("oversendes", .recommended),
        ("godkendt", .approved), ("godkendes", .approved), ("vedtaget", .approved), ("vedtages", .approved),
        ("bevilget", .approved), ("bevilges", .approved), ("tiltrådt", .approved), ("tiltrædes", .approved),
        ("besluttet", .approved), ("indstillingen godkendt", .approved),
        ("drøftet", .noted), ("drøftede", .noted), ("taget til efterretning", .noted), ("tages til efterretning", .noted),
        ("til efterretning", .noted), ("orientering", .noted), ("orienteret", .noted), ("orienterede", .noted),
        ("ingen bemærkninger", .noted), ("besluttede", .noted), ("afholdt", .noted), ("holdt", .noted),
    ]

    private static let phraseSet = NeedleSet(phrases.map(\.0))

    /// Words after an approval that attach a condition.
    static let conditionMarkers = [" idet ", " med den bemærkning", " med bemærkning", " på betingelse af", " under forudsætning af",
        " dog således", " med følgende", " med de bemærkninger", " med den tilføjelse", " med tilføjelse", " såfremt "]

    /// The text's lines, as `split(separator: "\n")` gives them, cut on bytes: splitting the
    /// Characters of long decisions was a two-hundredth of reading Greve's meetings (callgrind).
    /// A line feed is a Character of its own but after a carriage return ("\r\n" is one, and
    /// no separator), for nothing joins what follows it to it.
    static func lines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
                if index > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            if bytes.count > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return lines
        }
    }

    /// The text in lower case with a space before it and a space for each line feed, for the
    /// phrases' search, written in one pass: Foundation's replacingOccurrences was a twentieth
    /// of reading a Greve meeting, and mapping the lower case's bytes into an array, then
    /// joining a space to it, a two-hundredth (callgrind).
    static func spacedLowercase(_ text: String) -> String {
        var lower = text.fastLowercased()
        return lower.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + 1) { buffer in
                buffer[0] = 0x20
                for (offset, byte) in bytes.enumerated() { buffer[offset + 1] = byte == 0x0A ? 0x20 : byte }
                return bytes.count + 1
            }
        }
    }

    static func status(of text: String) -> (DecisionStatus, condition: String?) {
        // "Børne- og Læringsudvalget den 2. april 2025: Anbefales." / "Kommunalbestyrelsen den
        // 24. april 2025: Godkendt.": one section listing each body's decision; the last decides.
        // Each such line has a colon of its own: a text of fewer than two is read whole, without
        // splitting its Characters into lines (a sixtieth of reading a Greve meeting, callgrind).
        var colons = 0
        for byte in text.utf8 where byte == UInt8(ascii: ":") {
            colons += 1
            if colons == 2 { break }
        }
        let lines = colons < 2 ? [] : self.lines(of: text)
        let perBody = lines.filter { line in
            guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
            return DanishDates.firstDate(in: String(line[..<colon])) != nil
        }
        if perBody.count >= 2, let last = perBody.last, last != text {
            let colon = last.utf8.firstIndex(of: UInt8(ascii: ":"))!
            return status(of: String(last[last.utf8.index(after: colon)...]))
        }
        let lower = spacedLowercase(text)
        var best: (position: Int, status: DecisionStatus)?
        // One pass finds which phrases occur; only those are searched for their place. Searching
        // the text for each of the forty in turn was a fiftieth of reading a Greve meeting (callgrind).
        let occurring = phraseSet.occurring(in: lower)
        for (index, (phrase, status)) in phrases.enumerated() where occurring & 1 << UInt64(index) != 0 {
            guard let position = lower.utf8Offset(of: phrase) else { continue }
            if best == nil || position < best!.position { best = (position, status) }
        }
        guard let (position, status) = best else { return (.none, nil) }
        guard status == .approved || status == .recommended else { return (status, nil) }
        let rest = lower.utf8.dropFirst(position)
        for marker in conditionMarkers {
            guard let offset = Substring(rest).utf8Offset(of: marker) else { continue }
            var condition = String(Substring(rest.dropFirst(offset + marker.utf8.count))).trimmed
            if condition.startsWithBytes(",") { condition = String(condition.dropFirst()).trimmed }
            let sentence = condition.prefix { $0 != "." && $0 != "\n" }
            return (status == .approved ? .approvedWithConditions : status, String(sentence).trimmed)
        }
        return (status, nil)
    }
}
