/// Removes what a PDF export repeats on every page (page numbers such as "Side 3 af 12", and a
/// running title) so that it becomes neither an item nor a section, and lets a paragraph broken
/// by a page break run on.
enum PageFurniture {
    static func removing(from lines: [RawLine]) -> (lines: [RawLine], removed: Int) {
        var furniture = Set<Int>()
        var pageMarks: [Int] = []
        for index in lines.indices where isPageNumber(lines[index].text) {
            furniture.insert(index)
            pageMarks.append(index)
        }
        for index in lines.indices where lines[index].followsPageBreak { pageMarks.append(index) }
        guard !pageMarks.isEmpty else { return (lines, 0) }

        // A running header or footer: a line that recurs beside page marks.
        var neighbours: [String: [Int]] = [:]
        for mark in pageMarks {
            for index in nonBlankNeighbours(of: mark, in: lines) where !furniture.contains(index) {
                neighbours[lines[index].text, default: []].append(index)
            }
        }
        let candidates = neighbours.filter { $0.value.count >= 2 && $0.key.count >= 8 }
        // Where each candidate stands, gathered in one pass that hashes only lines of a
        // candidate's length: searching all lines for each was quadratic in a long export, and
        // hashing every line (Swift normalises a String to hash it) a thirtieth of the run.
        let lengths = Set(candidates.keys.map(\.utf8.count))
        var positions: [String: [Int]] = [:]
        for index in lines.indices where !lengths.isEmpty && lengths.contains(lines[index].text.utf8.count) {
            let text = lines[index].text
            if candidates[text] != nil { positions[text, default: []].append(index) }
        }
        for text in candidates.keys
        where (positions[text]?.count ?? 0) >= 3 && HeadingClassifier.sectionHeading(text, marked: false) == nil {
            // The first appearance is the document's own title; keep it.
            for index in (positions[text] ?? []).dropFirst() { furniture.insert(index) }
        }

        var result: [RawLine] = []
        var index = 0
        while index < lines.count {
            guard furniture.contains(index) else {
                result.append(lines[index])
                index += 1
                continue
            }
            // Skip the furniture and the blank lines around it; keep one blank line unless the
            // text before plainly runs on (no full stop or colon at its end).
            while index < lines.count, furniture.contains(index) || lines[index].isBlank { index += 1 }
            while let last = result.last, last.isBlank { result.removeLast() }
            if let last = result.last, let end = last.text.last, ".:!?".contains(end) || last.isMarked {
                result.append(RawLine(text: "", location: last.location))
            }
        }
        return (result, furniture.count)
    }

    /// "Side 3 af 12", "Side 3", "Page 3 of 12", "- 3 -", "3/12".
    static func isPageNumber(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        // Every form starts with a digit, "side", "page" or "-" once white space is skipped, and
        // no other scalar lower-cases to "s" or "p": most lines fail on their first byte.
        if let lead = text.utf8.first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }), lead < 0x80,
            !(lead &- 0x30 < 10 || lead | 0x20 == UInt8(ascii: "s") || lead | 0x20 == UInt8(ascii: "p") || lead == UInt8(ascii: "-"))
        {
            return false
        }
        // Nor has any form an ASCII byte but digits, white space, "/", "-", the letters of
        // "side", "page", "af" and "of" in either case, and the "." or ":" a key drops: table
        // rows and short lines fail here before they are normalised and split (callgrind).
        for byte in text.utf8 where !mayBeInPageNumber[Int(byte)] { return false }
        let words = SectionHeadings.normalized(text).split(separator: " ")
        func number(_ word: Substring) -> Bool { !word.isEmpty && word.count <= 4 && word.allSatisfy(\.isASCIIDigitCharacter) }
        switch words.count {
        case 1:
            // "3/12", but not a case number such as "25/5102": a page is at most the page count.
            let parts = words[0].split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ number($0) && $0.count <= 3 }),
                let page = Int(parts[0]), let pages = Int(parts[1])
            else { return false }
            return page >= 1 && page <= pages
        case 2:
            return (words[0] == "side" || words[0] == "page") && number(words[1])
        case 3:
            return words[0] == "-" && number(words[1]) && words[2] == "-"
        case 4:
            return (words[0] == "side" || words[0] == "page") && number(words[1])
                && (words[2] == "af" || words[2] == "of") && number(words[3])
        default:
            return false
        }
    }

    /// Whether a page number may have the byte (``isPageNumber(_:)``): every byte of a scalar
    /// beyond ASCII, and these ASCII ones. A load, not a hash.
    private static let mayBeInPageNumber: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "0123456789/-.: \t\n\u{0B}\u{0C}\rsidepagfoSIDEPAGFO".utf8 { table[Int(byte)] = true }
        for byte in 0x80...0xFF { table[byte] = true }
        return table
    }()

    private static func nonBlankNeighbours(of index: Int, in lines: [RawLine]) -> [Int] {
        var result: [Int] = []
        var before = index - 1, found = 0
        while before >= 0, found < 1 {
            if !lines[before].isBlank, !isPageNumber(lines[before].text) {
                result.append(before)
                found += 1
            }
            before -= 1
        }
        var after = lines[index].followsPageBreak ? index : index + 1
        found = 0
        while after < lines.count, found < 1 {
            if !lines[after].isBlank, !isPageNumber(lines[after].text) {
                result.append(after)
                found += 1
            }
            after += 1
        }
        return result
    }
}

