/// Lays a meeting out as a Markdown export: "# Punkt N: …" or "### Punkt N: …" items, "####"
/// or bold section headings, and pipe tables.
enum MarkdownMinutes {
    static func render(_ meeting: GeneratedMeeting, random: inout SplitMix64) -> String {
        let itemLevel = random.pick(["#", "###", "##"])
        let boldSections = random.chance(40)
        let numbered = random.chance(80)
        let cells = TableCells(random: &random)
        var out = "# \(meeting.body.name) – Referat\n\n"
        out += "**Mødedato:** \(random.pick(Phrases.weekdays).capitalized) den \(meeting.date.danish) kl. \(meeting.time)\n\n"
        out += "**Mødested:** \(meeting.place)\n\n"
        out += "**Deltagere:** \(meeting.participants.joined(separator: ", "))\n\n"
        if itemLevel != "#" { out += "## Beslutningspunkter\n\n" }
        for item in meeting.items {
            let title = (item.closed ? "Lukket: " : "") + item.title
            out += numbered ? "\(itemLevel) Punkt \(item.number): \(title)\n\n" : "\(itemLevel) \(item.number). \(title)\n\n"
            out += item.caseLine + "\n\n"
            for section in item.sections {
                out += boldSections ? "**\(section.heading)**\n\n" : "#### \(section.heading)\n\n"
                for block in section.blocks {
                    switch block {
                    case .paragraph(let text): out += text + "\n\n"
                    case .bullets(let lines):
                        for (index, line) in lines.enumerated() { out += "\(index + 1). \(line)\n" }
                        out += "\n"
                    case .table(let table):
                        out += "| \(table.caption) | " + table.years.map(String.init).joined(separator: " | ") + " |\n"
                        out += "|---|" + String(repeating: "---:|", count: table.years.count) + "\n"
                        for row in table.rows {
                            out += "| \(row.label) | " + row.values.map(cells.text).joined(separator: " | ") + " |\n"
                        }
                        out += "\n"
                    }
                }
            }
        }
        return out
    }
}
