import Foundation

/// Recognises the lines that give a document its structure: item starts, section headings,
/// and the metadata lines of an item (Sagsnr., J.nr., Åbent).
enum HeadingClassifier {
    /// A section heading: its kind, and for a decision the body and date it names.
    struct SectionHeading: Equatable {
        var kind: SectionKind
        var body: String?
        var date: MeetingDate?
    }

    /// Decision headings already read in one document, by their text: every item of a meeting
    /// repeats its body's ("Beslutning i Økonomiudvalget den 3. maj 2021"), the parser asks of a
    /// line more than once, and reading one (its date, its body) was some 90.000 instructions
    /// (callgrind).
    final class DecisionMemo {
        fileprivate var headings: [String: SectionHeading?] = [:]
    }

    /// The section a line heads, or nil. `marked` lines (Markdown or HTML headings, bold lines)
    /// may also carry words after a known name ("Supplerende sagsfremstilling til …"). `memo`
    /// keeps the decision headings read, for the next line that asks.
    static func sectionHeading(_ text: String, marked: Bool, memo: DecisionMemo? = nil) -> SectionHeading? {
        // At most 140 characters; counting them is dear, and no more bytes than that is fewer.
        guard text.utf8.count <= 140 || (text.utf8.count <= 560 && text.count <= 140) else { return nil }
        // Asked of nearly every line, and normalising each was a twentieth of the run (callgrind).
        guard marked || mayHeadUnmarked(text) else { return nil }
        return fullSectionHeading(text, marked: marked, memo: memo)
    }

    /// ``sectionHeading(_:marked:memo:)`` without its quick tests (length, and the test of
    /// unmarked lines): the reading those tests may skip.
    static func fullSectionHeading(_ text: String, marked: Bool, memo: DecisionMemo? = nil) -> SectionHeading? {
        let key = SectionHeadings.normalized(text)
        // A key longer than the longest name is none (the only name with a letter that
        // decomposes, "resumé", is far shorter), so it is not hashed.
        if key.utf8.count <= SectionHeadings.longestName, let kind = SectionHeadings.names[key] { return SectionHeading(kind: kind) }
        if let decision = decisionHeading(text, key: key, memo: memo) { return decision }
        guard marked else { return nil }
        for (name, kind) in SectionHeadings.names where key.startsWithBytes(name) && key.utf8.dropFirst(name.utf8.count).first == 0x20 {
            let next = key.dropFirst(name.count + 1).split(separator: " ").first ?? ""
            if linkWords.contains(next) { return SectionHeading(kind: kind) }
        }
        return nil
    }

    /// The words after a section's name that keep a marked line its heading ("Indstilling til
    /// Byrådet"). Made once: a Set made at every marked line was a hundred and twentieth of
    /// reading Greve's meetings (callgrind).
    private static let linkWords: Set<Substring> = ["til", "i", "den", "fra", "for", "-", "–", "ved", "på"]

    /// A quick necessary test for an unmarked line to head a section: it is no longer than the
    /// longest name, counting only its ASCII letters and digits, which its normalised key keeps
    /// byte for byte; or it says "beslutning" or "møde", which every decision heading does.
    /// Both are looked for on the bytes, ignoring ASCII case (and a little more, which only
    /// lets more lines through).
    static func mayHeadUnmarked(_ text: String) -> Bool {
        let may = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var alphanumerics = 0
            for byte in bytes {
                let folded = byte | 0x20
                if (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                    alphanumerics += 1
                }
            }
            guard alphanumerics > SectionHeadings.longestName else { return true }
            return bytes.containsFolded(Self.decisionWord) || bytes.containsFolded(Self.meetingWord)
        }
        return may ?? true
    }

    private static let decisionWord = Array("beslutning".utf8)
    private static let meetingWord = Array("møde".utf8)

    /// "Direktionens møde den 3. maj 2021:", "Beslutning i Økonomiudvalget den 15. januar 2025",
    /// "Byrådets beslutning den 28. november 2024".
    private static func decisionHeading(_ text: String, key: String, memo: DecisionMemo?) -> SectionHeading? {
        // Every form below shows in the normalised key; most lines have none, and reading
        // their dates was a tenth of the reader's time (perf).
        // On the key's bytes: it is asked of nearly every line, and `hasPrefix` compares Characters.
        guard SectionHeadings.decisionPrefixes.contains(where: { key.startsWithBytes($0) })
            || SectionHeadings.datedDecisionInfixes.contains(where: { key.includes($0) })
            || SectionHeadings.undatedDecisionSuffixes.contains(where: { key.endsWithBytes($0) })
        else { return nil }
        if let memo, let known = memo.headings[text] { return known }
        let heading = readDecisionHeading(text, key: key)
        memo?.headings[text] = heading
        return heading
    }

    /// The decision heading of a line whose key has one of the forms, if it is one.
    private static func readDecisionHeading(_ text: String, key: String) -> SectionHeading? {
        let original = text.trimmed
        let date = DanishDates.firstDate(in: original)
        // A heading that names a date ends with it: "Dagsordenen for Byrådets møde den 28.
        // november 2024 forelægges til godkendelse." is a sentence, not a decision heading.
        if date != nil, !DanishDates.endsWithDate(original) { return nil }
        for prefix in SectionHeadings.decisionPrefixes where key.hasPrefix(prefix) {
            var body = String(original.dropFirst(prefix.count))
            if let range = body.range(of: " den ", options: .caseInsensitive) { body = String(body[..<range.lowerBound]) }
            return plausibleBody(body).map { SectionHeading(kind: .decision, body: $0, date: date) }
        }
        for infix in SectionHeadings.datedDecisionInfixes where date != nil {
            guard let range = original.range(of: infix, options: .caseInsensitive) else { continue }
            return plausibleBody(String(original[..<range.lowerBound])).map { SectionHeading(kind: .decision, body: $0, date: date) }
        }
        for suffix in SectionHeadings.undatedDecisionSuffixes where key.hasSuffix(suffix) {
            guard let range = original.range(of: suffix, options: [.caseInsensitive, .backwards]) else { continue }
            return plausibleBody(String(original[..<range.lowerBound])).map { SectionHeading(kind: .decision, body: $0, date: date) }
        }
        return nil
    }

    /// A body's name is a few words that start with a capital letter ("Økonomiudvalget").
    private static func plausibleBody(_ text: String) -> String? {
        let body = text.trimmed
        guard !body.isEmpty, body.count <= 60, body.split(separator: " ").count <= 6,
            body.first?.isUppercase == true
        else { return nil }
        return body
    }

    /// "Punkt 3: Høring ift. …", "Punkt 5: Lukket: Orientering …", "Punkt 2. Title".
    static func punktHeading(_ text: String) -> (number: Int, title: String)? {
        // Asked of every line: most are ruled out on their first byte, before reading Characters;
        // and the rest by their first six, not by counting every Character of a long line
        // (callgrind: 0,4 % of a run over generated minutes).
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "p"), text.utf8.count > 6,
            text.prefix(6).fastLowercased() == "punkt ", !text.dropFirst(6).isEmpty
        else { return nil }
        let rest = text.dropFirst(6)
        let digits = rest.prefix(while: \.isASCIIDigitCharacter)
        // Up to six digits: a generated 50 MB meeting has eleven thousand items, and every item
        // after "Punkt 9999" read as text of that one made its rules quadratic.
        guard let number = Int(digits), digits.count <= 6 else { return nil }
        var title = rest.dropFirst(digits.count)
        guard let separator = title.first, ":.-–".contains(separator) || separator == " " else { return nil }
        title = title.dropFirst()
        return (number, title.trimmed)
    }

    /// "3. Title" or "3 Title": a numbered line that may start an item.
    static func numberedHeading(_ text: String) -> (number: Int, title: String)? {
        guard let first = text.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        let digits = text.prefix(while: \.isASCIIDigitCharacter)
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        var rest = text.dropFirst(digits.count)
        if rest.first == "." { rest = rest.dropFirst() }
        guard rest.first == " " || rest.first == "\u{00A0}" else { return nil }
        let title = rest.trimmed
        guard let first = title.first, first.isLetter, first.isUppercase else { return nil }
        return (number, title)
    }

    /// Splits "Lukket: Orientering …" into closed and the title.
    static func closedPrefix(_ title: String) -> (closed: Bool, title: String) {
        for prefix in ["lukket:", "lukket punkt:", "lukket -", "(lukket)"] where title.fastLowercased().hasPrefix(prefix) {
            return (true, String(title.dropFirst(prefix.count)).trimmed)
        }
        return (false, title)
    }

    /// A case number alone on a line: "23-003752", "326-2021-16031", "EMN-2025-005495",
    /// "24/00213" (year and serial, as Sorø and Lejre write them).
    static func isCaseNumber(_ text: String) -> Bool {
        // Every form is digits, upper-case letters, "/" and "-": a line with a space or a
        // lower-case ASCII letter is none, decided on its bytes before it is split.
        if text.utf8.contains(where: { $0 == 0x20 || ($0 >= 0x61 && $0 <= 0x7A) }) { return false }
        let slashed = text.split(separator: "/", omittingEmptySubsequences: false)
        if slashed.count == 2 {
            // Four or more digits after the slash, so a page number ("3/12") is never one.
            return slashed[0].count == 2 && slashed[0].allSatisfy(\.isASCIIDigitCharacter)
                && (4...7).contains(slashed[1].count) && slashed[1].allSatisfy(\.isASCIIDigitCharacter)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, text.count <= 24 else { return false }
        let last = parts[parts.count - 1]
        guard last.count >= 3, last.allSatisfy(\.isASCIIDigitCharacter) else { return false }
        if parts.count == 2 {
            return parts[0].count == 2 && parts[0].allSatisfy(\.isASCIIDigitCharacter) && last.count >= 5
        }
        let first = parts[0], middle = parts[1]
        guard middle.count == 4, middle.allSatisfy(\.isASCIIDigitCharacter) else { return false }
        return (first.allSatisfy(\.isASCIIDigitCharacter) && (1...4).contains(first.count))
            || (first.allSatisfy { $0.isUppercase && $0.isLetter } && (2...5).contains(first.count))
    }

    /// Values read from a metadata line ("Sagsnr.: 326-2021-16031 J.nr.: 24.10.00 Dokumentnr.: …").
    struct Identifiers: Equatable {
        var caseNumber: String?
        var journalNumber: String?
        var documentNumber: String?
        /// Words on the line besides the labels and their values ("Sagsnr.: 21-1234 Udvalget
        /// bevilger 2 mio. kr."): the line is text of the item too, not only its metadata.
        var otherWords: [String] = []

        enum Field: Sendable {
            case caseNumber, journalNumber, documentNumber
        }

        subscript(field: Field) -> String? {
            get {
                switch field {
                case .caseNumber: caseNumber
                case .journalNumber: journalNumber
                case .documentNumber: documentNumber
                }
            }
            set {
                switch field {
                case .caseNumber: caseNumber = newValue
                case .journalNumber: journalNumber = newValue
                case .documentNumber: documentNumber = newValue
                }
            }
        }
    }

    private static let identifierLabels: [(label: String, field: Identifiers.Field)] = [
        ("sagsnr", .caseNumber), ("sags nr", .caseNumber), ("sagsnummer", .caseNumber), ("sag nr", .caseNumber),
        ("j.nr", .journalNumber), ("j nr", .journalNumber), ("journalnr", .journalNumber), ("kle", .journalNumber),
        ("dokumentnr", .documentNumber), ("dok.nr", .documentNumber), ("dok nr", .documentNumber),
    ]

    /// The identifiers on a line that starts with one of their labels, or nil.
    static func identifiers(_ text: String) -> Identifiers? {
        // Only a line that starts with a label is read whole.
        guard mayBeginLabel(text), startsWithLabelWord(text) else { return nil }
        let split = LatinText.words(of: text)
        let head = labelHead(of: text, words: split)
        guard let first = head.first, label(of: first, next: head.dropFirst().first) != nil else { return nil }
        let words = split.map(String.init)
        var result = Identifiers()
        var index = 0
        while index < words.count {
            if let (field, used) = label(of: words[index], next: index + 1 < words.count ? words[index + 1] : nil) {
                index += used
                // The value is the next word; "Sagsnr." may be followed by ":" on its own.
                while index < words.count, words[index] == ":" { index += 1 }
                if index < words.count, label(of: words[index], next: nil) == nil {
                    result[field] = words[index].trimming(ascii: ",;")
                    index += 1
                }
            } else {
                if words[index] != ":" { result.otherWords.append(words[index]) }
                index += 1
            }
        }
        return result
    }

    /// The first two words of the line's first 40 Characters, where a label is looked for:
    /// the line's first two `words` when they end within its first 40 scalars, and so within
    /// 40 Characters. Splitting the 40 Characters again was a hundredth of reading Greve's
    /// meetings (callgrind), for the lines whose first word starts a label.
    static func labelHead(of text: String, words: [Substring]) -> [String] {
        let two = words.prefix(2)
        if let end = two.last?.endIndex, text.unicodeScalars[..<end].count <= 40 { return two.map(String.init) }
        return text.prefix(40).split(whereSeparator: \.isSpaceLike).prefix(2).map(String.init)
    }

    private static let oneWordLabels = Dictionary(
        identifierLabels.filter { !$0.label.includes(" ") }.map { ($0.label, $0.field) }, uniquingKeysWith: { first, _ in first })
    private static let twoWordLabels = Dictionary(
        identifierLabels.filter { $0.label.includes(" ") }.map { ($0.label, $0.field) }, uniquingKeysWith: { first, _ in first })

    /// The first words of the labels, as bytes, without the periods around them.
    private static let labelFirstWords: [[UInt8]] = Array(Set(identifierLabels.map { label in
        Array(label.label.split(separator: " ")[0].utf8.drop { $0 == 0x2E }.reversed().drop { $0 == 0x2E }.reversed())
    })).sorted { $0.lexicographicallyPrecedes($1) }

    /// A cheap necessary test: the line's first ASCII word, without the "." and ":" around it,
    /// is the first word of a label ("Sagsnr.:", "J.", "Dok."). Most lines fail it at once, and
    /// without an allocation: gathering the word into an array and hashing it was a fiftieth of
    /// the run (callgrind).
    private static func startsWithLabelWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var end = 0
            while end < bytes.count {
                let byte = bytes[end]
                // A non-ASCII character may be a space or lower-case to ASCII (the Kelvin sign to "k"):
                // the full reading decides.
                if byte >= 0x80 { return true }
                guard byte != 0x20, !(0x09...0x0D).contains(byte) else { break }
                end += 1
                if end > 24 { return true }  // a long run of "." or ":" is left to the full reading
            }
            var start = 0
            while start < end, bytes[start] == 0x2E || bytes[start] == 0x3A { start += 1 }
            while end > start, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x3A { end -= 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return labelFirstWords.contains { label in
                label.count == word.count && zip(label, word).allSatisfy { $0 == $1 | (($1 >= 0x41 && $1 <= 0x5A) ? 0x20 : 0) }
            }
        }
    }

    /// The ASCII bytes a label starts with, in either case ("SsJjKkDd"), from the labels.
    private static let labelInitials: [Bool] = identifierLabels.reduce(into: [Bool](repeating: false, count: 128)) { table, label in
        let initial = Int(label.label.utf8.first!)
        table[initial] = true
        table[initial - 0x20] = true
    }

    /// Whether the text may begin with a letter a label starts with, on its first byte where
    /// that decides it: a Character compared as such, and every word lower-cased and looked
    /// up, was most of reading a metadata line (callgrind). It may pass more than a label's
    /// first letter ("S\u{301}"): the label lookup that follows lower-cases the whole word.
    private static func mayBeginLabel(_ text: String) -> Bool {
        guard let lead = text.utf8.first else { return false }
        if lead < 0x80 { return labelInitials[Int(lead)] }
        // No scalar of two bytes is canonically equivalent to an ASCII letter ("Ø", "Å" and
        // the like begin many lines); a longer one may be (the Kelvin sign to "K").
        if lead <= 0xDF { return false }
        guard let folded = text.prefix(1).fastLowercased().utf8.first else { return false }
        return folded < 0x80 && labelInitials[Int(folded)]
    }

    /// Whether a word may be a label or a label's first word: after the "." and ":" that
    /// ``label(of:next:)`` trims, a label starts with one of ``labelInitials``; a word whose
    /// first byte is another ASCII letter, digit or sign is none.
    private static func mayBeLabel(_ word: String) -> Bool {
        guard let lead = word.utf8.first else { return true }
        if lead >= 0x80 || lead == UInt8(ascii: ".") || lead == UInt8(ascii: ":") { return true }
        return labelInitials[Int(lead)]
    }

    private static func label(of word: String, next: String?) -> (Identifiers.Field, Int)? {
        guard mayBeLabel(word) else { return nil }
        let lower = word.fastLowercased().trimming(ascii: ".:")
        if let field = oneWordLabels[lower] { return (field, 1) }
        if let next {
            let pair = lower + " " + next.fastLowercased().trimming(ascii: ".:")
            if let field = twoWordLabels[pair] { return (field, 2) }
        }
        return nil
    }

    /// "Åbent", "Åben", "Lukket" alone on a line: the item's access status.
    static func accessStatus(_ text: String) -> Bool? {
        guard text.utf8.count <= 40 else { return nil }
        // Each form starts with "å" (or "a" and a combining ring, as an HTML entity may write it)
        // or "l": a line whose first letter is another ASCII one is none.
        if let first = text.utf8.first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }), first < 0x80,
            first | 0x20 != UInt8(ascii: "l"), first | 0x20 != UInt8(ascii: "a")
        {
            return nil
        }
        switch SectionHeadings.normalized(text) {
        case "åbent", "åben", "åbent punkt": return false
        case "lukket", "lukket punkt": return true
        default: return nil
        }
    }
}
