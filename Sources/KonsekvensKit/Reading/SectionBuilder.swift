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
        } else if paragraph.isEmpty, !listColumns.isEmpty {
            // A paragraph indented past a marker is that item's text; one no deeper than the
            // list's first marker ends the list.
            level = listColumns.lastIndex { $0 < line.location.column }.map { $0 + 1 } ?? 0
            if level == 0 { listColumns = [] }
        }
        paragraph.append(Line(line.text, at: line.location, listLevel: level, wraps: line.wraps))
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
