/// Collects an item's lines into sections, paragraphs and tables.
struct SectionBuilder {
    let format: SourceFormat
    private(set) var sections: [Section] = []
    private var paragraph: [Line] = []
    private var tableRows: [RawLine] = []

    init(format: SourceFormat) {
        self.format = format
    }

    var currentKind: SectionKind? { sections.last?.kind }
    var currentIsEmpty: Bool { (sections.last?.blocks.isEmpty ?? true) && paragraph.isEmpty && tableRows.isEmpty }

    mutating func startSection(name: String, kind: SectionKind, at location: SourceLocation) {
        endParagraph()
        sections.append(Section(name: name, kind: kind, heading: location))
    }

    mutating func add(_ line: RawLine) {
        if let cells = line.cells {
            if !paragraph.isEmpty { flushParagraph() }
            if !cells.isEmpty || line.explicitTable { tableRows.append(line) }
            return
        }
        flushTable()
        // HTML block elements are real line breaks; in text and Markdown consecutive lines run on.
        if format == .html { flushParagraph() }
        paragraph.append(Line(line.text, at: line.location, listLevel: line.listLevel))
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
