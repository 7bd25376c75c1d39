/// A line as a layout reader hands it to the structure parser: markup removed, with a hint of
/// how it was marked (heading, bold) and, for a table row, its cells.
struct RawLine: Sendable, Hashable {
    enum Style: Sendable, Hashable {
        case plain
        /// A Markdown `#` or HTML `<hN>` heading of the given level.
        case heading(Int)
        /// A line that is bold or emphasised as a whole ("**Økonomiske konsekvenser**").
        case strong
    }

    var text: String
    var location: SourceLocation
    var style: Style = .plain
    /// The cells when the line is a table row (pipe table, `<tr>`, tab- or space-aligned text).
    var cells: [Line]? = nil
    /// True for rows of a real table (pipe table, `<tr>`), false for columns guessed from spacing.
    var explicitTable = false
    /// Set on the line that follows a page break (form feed) in PDF text.
    var followsPageBreak = false
    /// How deeply nested the list item this line starts is (see ``Line/listLevel``).
    var listLevel = 0
    /// Where the text goes on on a later source line (see ``Line/wraps``).
    var wraps: [Line.Wrap] = []

    var isBlank: Bool { text.isEmpty && cells == nil }
    var isMarked: Bool { style != .plain }
}

extension Character {
    /// White space, including the non-breaking and zero-width spaces that exports leave behind.
    ///
    /// Decided on the first scalar, as `isWhitespace` is: the reader asks this of every
    /// character, and comparing whole `Character`s costs far more.
    var isSpaceLike: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x200B, 0xFEFF, 0x202F: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (non-breaking spaces included).
    var trimmed: String {
        if let range = utf8.withContiguousStorageIfAvailable({ LatinText.trimmedRange($0)?.range }), let range {
            // A slice of the text, as below: no copy when nothing is trimmed.
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return String(self[start..<utf8.index(start, offsetBy: range.count)])
        }
        guard let first = firstIndex(where: { !$0.isSpaceLike }) else { return "" }
        let last = lastIndex(where: { !$0.isSpaceLike })!
        return String(self[first...last])
    }
}

/// Splits text into lines on LF, CRLF or a lone CR; the n-th element is source line n + 1.
func sourceLines(of text: String) -> [Substring] {
    // On the bytes: a line break is always a grapheme boundary, so the slices are the same as
    // walking Characters, at a fraction of the cost.
    let breaks = text.utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>] in
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(start..<index)
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(start..<bytes.count)
        return lines
    }
    let utf8 = text.utf8
    if let breaks {
        return breaks.map { range in
            text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
    }
    var lines: [Substring] = []
    var start = utf8.startIndex
    var index = start
    while index < utf8.endIndex {
        let byte = utf8[index]
        if byte == 0x0A || byte == 0x0D {
            lines.append(text[start..<index])
            var next = utf8.index(after: index)
            if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            index = next
            start = next
        } else {
            index = utf8.index(after: index)
        }
    }
    lines.append(text[start..<utf8.endIndex])
    return lines
}

/// A line's text without the white space around it, and the column of its first character (1
/// for a blank line).
func trimmedWithColumn(_ line: Substring) -> (text: String, column: Int) {
    if let found = line.utf8.withContiguousStorageIfAvailable(LatinText.trimmedRange), let (range, leading) = found {
        let utf8 = line.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return (String(line[start..<utf8.index(start, offsetBy: range.count)]), range.isEmpty ? 1 : leading + 1)
    }
    let column = (line.firstIndex { !$0.isSpaceLike }).map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 1
    return (line.trimmed, column)
}

/// Splits a line of plain text into cells at tabs or runs of two or more spaces, when it has
/// at least two non-empty cells; otherwise nil. Each cell keeps its column.
func alignedCells(of line: Substring, lineNumber: Int) -> [Line]? {
    guard line.includes("\t") || line.includes("  ") else { return nil }
    let latin = line.utf8.withContiguousStorageIfAvailable { latinAlignedCells(of: $0, lineNumber: lineNumber) }
    if let latin, let latin { return latin.count >= 2 ? latin : nil }
    var cells: [Line] = []
    var current = ""
    var currentColumn = 0
    var column = 0
    var spaces = 0
    func finish() {
        let text = current.trimmed
        if !text.isEmpty { cells.append(Line(text, at: SourceLocation(line: lineNumber, column: currentColumn))) }
        current = ""
    }
    for character in line {
        column += 1
        if character == "\t" {
            finish()
            spaces = 0
            continue
        }
        if character == " " {
            spaces += 1
            if spaces == 2 { finish() }
            continue
        }
        if current.isEmpty {
            currentColumn = column
        } else if spaces == 1 {
            current.append(" ")
        }
        spaces = 0
        current.append(character)
    }
    finish()
    return cells.count >= 2 ? cells : nil
}

/// ``alignedCells(of:lineNumber:)`` on the bytes of ``LatinText``, where a cell's text is a
/// slice of the line; nil for other text.
private func latinAlignedCells(of bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> [Line]? {
    var cells: [Line] = []
    // The cell being read, as a byte range; -1 while it has no character.
    var start = -1, end = 0
    var currentColumn = 0
    var column = 0
    var spaces = 0
    func finish() {
        guard start >= 0 else { return }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        start = -1
        guard let trimmed = LatinText.trimmedRange(slice) else { return }
        if !trimmed.range.isEmpty {
            cells.append(Line(LatinText.string(slice, trimmed.range), at: SourceLocation(line: lineNumber, column: currentColumn)))
        }
    }
    var index = 0
    while index < bytes.count {
        guard let scalar = LatinScalar(in: bytes, at: index), !scalar.joins else { return nil }
        column += 1
        let byte = bytes[index]
        if byte == 0x09 {
            finish()
            spaces = 0
        } else if byte == 0x20 {
            spaces += 1
            if spaces == 2 { finish() }
        } else {
            if start < 0 {
                start = index
                currentColumn = column
            }
            end = index + scalar.length
            spaces = 0
        }
        index += scalar.length
    }
    finish()
    return cells
}
