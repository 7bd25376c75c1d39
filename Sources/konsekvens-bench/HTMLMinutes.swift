/// Lays a meeting out as an HTML page: "<h2>Punkt N: …</h2>" items, "<h3>" sections, "<p>"
/// paragraphs, "<table>" budgets, and Danish letters as named entities in some files.
enum HTMLMinutes {
    static func render(_ meeting: GeneratedMeeting, random: inout SplitMix64) -> String {
        let entities = random.chance(60)
        let cells = TableCells(random: &random)
        func escape(_ text: String) -> String {
            var out = ""
            out.reserveCapacity(text.utf8.count + 16)
            var previous: Character = " "
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "æ" where entities: out += "&aelig;"
                case "ø" where entities: out += "&oslash;"
                case "å" where entities: out += "&aring;"
                case "Æ" where entities: out += "&AElig;"
                case "Ø" where entities: out += "&Oslash;"
                case "Å" where entities: out += "&Aring;"
                case "–" where entities: out += "&#8211;"
                // A number and its "kr." are often held together by a non-breaking space.
                case " " where previous.isNumber && entities: out += "&nbsp;"
                default: out.append(character)
                }
                previous = character
            }
            return out
        }
        var out = "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(escape(meeting.body.name)) – Referat – \(meeting.date.iso)</title>\n</head>\n<body>\n"
        out += "<div class=\"dagsorden\">\n<h1>\(escape(meeting.body.name)) – Referat</h1>\n"
        out += "<p class=\"moededato\">\(escape("Mødedato: \(meeting.date.danish) kl. \(meeting.time)"))<br>"
        out += "\(escape("Mødested: \(meeting.place)"))<br>\(escape("Deltagere: " + meeting.participants.joined(separator: ", ")))</p>\n"
        for item in meeting.items {
            let title = (item.closed ? "Lukket: " : "") + item.title
            out += "<section class=\"punkt\" id=\"punkt-\(item.number)\">\n<h2>Punkt \(item.number): \(escape(title))</h2>\n"
            out += "<p class=\"sagsnr\">\(escape(item.caseLine))</p>\n"
            for section in item.sections {
                out += "<h3>\(escape(section.heading))</h3>\n<div class=\"felt\">"
                for block in section.blocks {
                    switch block {
                    case .paragraph(let text): out += "<p>\(escape(text))</p>"
                    case .bullets(let lines): out += "\n<ul>\n" + lines.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
                    case .table(let table):
                        out += "\n<p>\(escape(table.caption))</p>\n<table class=\"oekonomi\">\n<tr><th></th>"
                        out += table.years.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
                        for row in table.rows {
                            out += "<tr><td>\(escape(row.label))</td>" + row.values.map { "<td>\(escape(cells.text($0)))</td>" }.joined() + "</tr>\n"
                        }
                        out += "</table>\n"
                    }
                }
                out += "</div>\n"
            }
            out += "</section>\n"
        }
        return out + "</div>\n</body>\n</html>\n"
    }
}
