/// Collects an item's lines into sections, paragraphs and tables.
struct SectionBuilder {
    let format: SourceFormat
    private(set) var sections: [Section] = []
    private var paragraph: [Line] = []
    private var tableRows: [RawLine] = []
    /// The columns of the markers of the open lists in text, outermost first: text says how
    /// lists nest by indentation only.
    private var listColumns: [Int] = []

    init(format: SourceFormat) {
        self.format = format
    }

    var currentKind: SectionKind? { sections.last?.kind }
    var currentIsEmpty: Bool { (sections.last?.blocks.isEmpty ?? true) && paragraph.isEmpty && tableRows.isEmpty }

    mutating func startSection(name: String, kind: SectionKind, at location: SourceLocation) {
        endParagraph()
        listColumns = []
        sections.append(Section(name: name, kind: kind, heading: location))
    }

    mutating func add(_ line: RawLine) {
        if let cells = line.cells {
            if !paragraph.isEmpty { flushParagraph() }
            if !cells.isEmpty || line.explicitTable { tableRows.append(line) }
            return
        }
        flushTable()
        // HTML block elements are real line breaks; in text and Markdown consecutive lines run
        // on, but for a list item's marker, which starts a paragraph of its own.
        var level = line.listLevel
        if format == .html {
            flushParagraph()
        } else if ListMarker.starts(line.text) {
            flushParagraph()
            let column = line.location.column
            while let last = listColumns.last, last >= column { listColumns.removeLast() }
            listColumns.append(column)
            level = listColumns.count
        } else if paragraph.isEmpty, line.location.column <= listColumns.first ?? 0 {
            // A paragraph no deeper than the list's first marker: the list is over.
            listColumns = []
        }
        paragraph.append(Line(line.text, at: line.location, listLevel: level))
    }

    mutating func endParagraph() {
        flushParagraph()
        flushTable()
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        sections[sections.count - 1].blocks.append(.paragraph(paragraph))
        paragraph = []
    }

    private mutating func flushTable() {
        guard !tableRows.isEmpty else { return }
        let rows = tableRows.filter { !($0.cells ?? []).isEmpty }
        tableRows = []
        // Columns guessed from spacing make a table only when two or more rows line up.
        if rows.count >= 2 || rows.contains(where: \.explicitTable) {
            let table = Table(rows: rows.map { TableRow(cells: $0.cells ?? [], location: $0.location) })
            sections[sections.count - 1].blocks.append(.table(table))
        } else if let row = rows.first {
            sections[sections.count - 1].blocks.append(.paragraph([Line(row.text, at: row.location)]))
        }
    }
}

/// The marker that starts a list item in text: "- ", "* ", "+ ", "• ", "– ", "1. ", "12) ",
/// "a. ", "b) "; not the day of a date at a line's start ("1. januar 2025", "3. kvartal").
enum ListMarker {
    /// The words after a day's number: "1. januar", "3. kvartal".
    private static let dateWords: [[UInt8]] = (Array(DanishDates.months.keys) + ["kvartal", "halvår"]).map { Array($0.utf8) }

    static func starts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2, let first = bytes.first else { return false }
            switch first {
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                return bytes[1] == UInt8(ascii: " ")
            case 0xE2:
                // "•" and "–", then a space.
                return bytes.count >= 4 && bytes[1] == 0x80 && (bytes[2] == 0xA2 || bytes[2] == 0x93) && bytes[3] == UInt8(ascii: " ")
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                let isDigit = first <= UInt8(ascii: "9")
                var index = 1
                while isDigit, index < 2, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")"),
                    bytes[index + 1] == UInt8(ascii: " ")
                else { return false }
                guard isDigit, bytes[index] == UInt8(ascii: ".") else { return true }
                // Compared on the bytes: a String made of every numbered line's next word was
                // most of what this cost (callgrind).
                let next = bytes[(index + 2)...].prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ".") }
                return !dateWords.contains { word in
                    word.count == next.count && zip(word, next).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
                }
            default:
                return false
            }
        }
    }
}
