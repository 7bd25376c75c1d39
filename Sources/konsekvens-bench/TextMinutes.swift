/// Lays a meeting out as text taken from a PDF: bare headings, lines hard-wrapped near 80
/// characters, "Side 2 af 5" with a running title at each page break, and tables aligned with
/// tabs or runs of spaces.
enum TextMinutes {
    static func render(_ meeting: GeneratedMeeting, random: inout SplitMix64) -> String {
        let width = random.int(in: 72...88)
        let tabs = random.chance(40)
        let punktPrefix = random.chance(60)
        let cells = TableCells(random: &random)
        var lines: [String] = [
            "\(meeting.municipality) Kommune", meeting.body.name, "", "REFERAT", "",
            "Mødedato: \(random.pick(Phrases.weekdays).capitalized) den \(meeting.date.danish)",
            "Mødetidspunkt: Kl. \(meeting.time)", "Mødested: \(meeting.place)",
            "Deltagere: \(meeting.participants.joined(separator: ", "))", "",
        ]
        for item in meeting.items {
            let title = (item.closed ? "Lukket: " : "") + item.title
            lines.append(punktPrefix ? "Punkt \(item.number): \(title)" : "\(item.number). \(title)")
            lines.append("")
            lines.append(item.caseLine)
            lines.append("")
            for section in item.sections {
                lines.append(section.heading)
                lines.append("")
                for block in section.blocks {
                    switch block {
                    case .paragraph(let text): lines += wrap(text, width: width)
                    case .bullets(let items):
                        for (index, line) in items.enumerated() { lines += wrap("\(index + 1). \(line)", width: width) }
                    case .table(let table):
                        let header = [table.caption] + table.years.map(String.init)
                        let rows = [header] + table.rows.map { [$0.label] + $0.values.map(cells.text) }
                        for row in rows {
                            if tabs {
                                lines.append(row.joined(separator: "\t"))
                            } else {
                                var line = row[0].padding(toLength: 26, withPad: " ", startingAt: 0)
                                for cell in row.dropFirst() {
                                    line += String(repeating: " ", count: max(2, 10 - cell.count)) + cell
                                }
                                lines.append(line)
                            }
                        }
                    }
                    lines.append("")
                }
            }
        }
        return paginate(lines, runningTitle: "Referat – \(meeting.body.name) \(meeting.date.danish)", random: &random)
    }

    /// Breaks a paragraph into lines of at most `width` characters at spaces.
    private static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Inserts the page number and running title a PDF export leaves between pages.
    private static func paginate(_ lines: [String], runningTitle: String, random: inout SplitMix64) -> String {
        let pageLength = random.int(in: 45...60)
        let pages = (lines.count + pageLength - 1) / pageLength
        var out = ""
        for (index, line) in lines.enumerated() {
            out += line + "\n"
            if (index + 1) % pageLength == 0 && index + 1 < lines.count {
                out += "\nSide \((index + 1) / pageLength) af \(pages)\n\(runningTitle)\n\n"
            }
        }
        return out + "\nSide \(pages) af \(pages)\n"
    }
}
