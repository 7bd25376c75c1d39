/// Reads plain text, as PDF exports give it: no markup, headings as bare lines, tables as
/// tab- or space-aligned columns, form feeds between pages.
enum PlainTextLayout {
    static func lines(of text: String) -> [RawLine] {
        var result: [RawLine] = []
        var pageBreakPending = false
        for (index, raw) in sourceLines(of: text).enumerated() {
            var line = raw
            if line.includes("\u{0C}") {
                pageBreakPending = true
                line = Substring(line.replacingOccurrences(of: "\u{0C}", with: ""))
            }
            let number = index + 1
            let (text, column) = trimmedWithColumn(line)
            var rawLine = RawLine(text: text, location: SourceLocation(line: number, column: column))
            if !text.isEmpty {
                rawLine.cells = alignedCells(of: line, lineNumber: number)
                rawLine.followsPageBreak = pageBreakPending
                pageBreakPending = false
            }
            result.append(rawLine)
        }
        return result
    }
}

/// Reads the Markdown that minutes are exported to: `#` headings, bold lines, pipe tables,
/// backslash escapes, and aligned columns as in plain text.
enum MarkdownLayout {
    static func lines(of text: String) -> [RawLine] {
        sourceLines(of: text).enumerated().compactMap { index, line in
            read(line, number: index + 1)
        }
    }

    private static func read(_ line: Substring, number: Int) -> RawLine? {
        var (text, column) = trimmedWithColumn(line)
        let location = SourceLocation(line: number, column: column)
        // The first byte before the Characters (`hasPrefix`), which most lines fail: comparing
        // Characters on every line was 0,3 % of a run (callgrind).
        let first = text.utf8.first
        if first == UInt8(ascii: "|"), text.hasPrefix("|") {
            let cells = pipeCells(of: text, lineNumber: number, column: column)
            // The |---|:---:| row under a header says nothing of its own.
            if cells.allSatisfy({ $0.text.allSatisfy { "-:= ".contains($0) } }) {
                return RawLine(text: "", location: location, cells: [], explicitTable: true)
            }
            return RawLine(text: cells.map(\.text).joined(separator: "\t"), location: location, cells: cells, explicitTable: true)
        }
        var style = RawLine.Style.plain
        if first == UInt8(ascii: "#"), text.hasPrefix("#") {
            let level = text.prefix { $0 == "#" }.count
            let rest = text.dropFirst(level)
            if level <= 6, rest.isEmpty || rest.first == " " {
                style = .heading(level)
                text = rest.trimmed
                while text.hasSuffix("#") { text.removeLast() }
                text = text.trimmed
            }
        }
        let inline = strippingInlineMarkup(text)
        if style == .plain, inline.wholeLineEmphasised, !inline.text.isEmpty { style = .strong }
        var rawLine = RawLine(text: inline.text, location: location, style: style)
        if style == .plain { rawLine.cells = alignedCells(of: line, lineNumber: number) }
        return rawLine
    }

    /// Removes `**`, `__` and whole-line `*…*`, and resolves backslash escapes.
    private static func strippingInlineMarkup(_ text: String) -> (text: String, wholeLineEmphasised: Bool) {
        var text = text
        // Most lines have no "*", "_" or "\\" at all: one look at the bytes settles them.
        let marks = text.withUTF8 { bytes in
            bytes.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "\\") }
        }
        guard marks else { return (text.trimmed, false) }
        var emphasised = false
        for marker in [UInt8(ascii: "*"), UInt8(ascii: "_")] {
            let pair = String(decoding: [marker, marker], as: UTF8.self)
            guard text.includes(pair) else { continue }
            if text.hasPrefix(pair), text.hasSuffix(pair), text.count > 4 { emphasised = true }
            text = removingPairs(of: marker, from: text)
        }
        // Characters counted last: most lines neither start nor end with "*".
        if text.hasPrefix("*"), text.hasSuffix("*"), text.count > 2, !text.hasPrefix("* ") {
            text = String(text.dropFirst().dropLast())
            emphasised = true
        }
        if text.includes("\\") { text = unescaped(text) }
        return (text.trimmed, emphasised)
    }

    /// The text without each pair of the ASCII `marker` ("**"), left to right as
    /// `replacingOccurrences(of:with:)` removes them, but on bytes (Foundation's search was a
    /// fiftieth of the run, callgrind). Bytes and Characters find the same pairs when each marker
    /// is followed by an ASCII byte or ends the text, since only what follows can join it into
    /// another Character; otherwise Foundation does it.
    static func removingPairs(of marker: UInt8, from text: String) -> String {
        var text = text
        let removed = text.withUTF8 { bytes -> [UInt8]? in
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == marker {
                    if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                    if index + 1 < bytes.count, bytes[index + 1] == marker {
                        if index + 2 < bytes.count, bytes[index + 2] >= 0x80 { return nil }
                        index += 2
                        continue
                    }
                }
                kept.append(byte)
                index += 1
            }
            return kept
        }
        guard let removed else {
            let pair = String(decoding: [marker, marker], as: UTF8.self)
            return text.replacingOccurrences(of: pair, with: "")
        }
        return String(decoding: removed, as: UTF8.self)
    }

    private static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                if !"\\`*_{}[]()#+-.!|<>~\"".contains(character) { result.append("\\") }
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    /// A cell's column is that of its first character, not of the padding after the "|".
    private static func pipeCells(of text: String, lineNumber: Int, column: Int) -> [Line] {
        var cells: [Line] = []
        var current = ""
        var cellStart = column
        var contentColumn: Int?
        var offset = column - 1
        var escaping = false
        var first = true
        func cell() -> Line {
            Line(strippingInlineMarkup(current).text, at: SourceLocation(line: lineNumber, column: contentColumn ?? cellStart))
        }
        for character in text {
            offset += 1
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                if contentColumn == nil { contentColumn = offset }
                escaping = true
            } else if character == "|" {
                if !first { cells.append(cell()) }
                first = false
                current = ""
                cellStart = offset + 1
                contentColumn = nil
            } else {
                if contentColumn == nil, !character.isSpaceLike { contentColumn = offset }
                current.append(character)
            }
        }
        if !current.trimmed.isEmpty { cells.append(cell()) }
        return cells
    }
}
