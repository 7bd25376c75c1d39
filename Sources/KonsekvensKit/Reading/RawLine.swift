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
        guard let first = firstIndex(where: { !$0.isSpaceLike }) else { return "" }
        let last = lastIndex(where: { !$0.isSpaceLike })!
        return String(self[first...last])
    }
}

/// Splits text into lines on LF, CRLF or a lone CR; the n-th element is source line n + 1.
func sourceLines(of text: String) -> [Substring] {
    // Byte by byte: a line break is always a grapheme boundary, so the slices are the same as
    // walking Characters, at a fraction of the cost.
    var lines: [Substring] = []
    let bytes = text.utf8
    var start = bytes.startIndex
    var index = start
    while index < bytes.endIndex {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D {
            lines.append(text[start..<index])
            var next = bytes.index(after: index)
            if byte == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
            index = next
            start = next
        } else {
            index = bytes.index(after: index)
        }
    }
    lines.append(text[start..<bytes.endIndex])
    return lines
}

/// Splits a line of plain text into cells at tabs or runs of two or more spaces, when it has
/// at least two non-empty cells; otherwise nil. Each cell keeps its column.
func alignedCells(of line: Substring, lineNumber: Int) -> [Line]? {
    guard line.includes("\t") || line.includes("  ") else { return nil }
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
