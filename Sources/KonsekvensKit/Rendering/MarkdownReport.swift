/// Renders an ``AnalysisReport`` as Markdown for people: per document its meeting, items,
/// sections and decisions, each with the line it came from.
public enum MarkdownReport {
    public static func render(_ report: AnalysisReport) -> String {
        var out = "# Konsekvens – rapport\n\n"
        let items = report.documents.flatMap(\.items)
        out += "\(report.documents.count) dokumenter, \(items.count) punkter, "
        out += "\(items.filter(\.closed).count) lukkede, \(items.filter { $0.decision != nil }.count) med beslutning"
        out += report.errors.isEmpty ? ".\n" : "; \(report.errors.count) filer kunne ikke læses.\n"
        if !report.errors.isEmpty {
            out += "\n## Fejl\n\n"
            for error in report.errors { out += "- \(escape(error.description))\n" }
        }
        for document in report.documents {
            out += "\n" + render(document)
        }
        return out
    }

    static func render(_ document: Document) -> String {
        let meeting = document.meeting
        var out = "## \(escape(document.source))\n\n"
        out += "- Møde: \(escape(meeting.body ?? "ukendt")), \(meeting.date?.description ?? "uden dato")"
        if let place = meeting.place { out += ", \(escape(place))" }
        out += "\n- Tegnsæt: \(document.encoding.rawValue), format: \(document.format.rawValue)\n"
        if !meeting.participants.isEmpty {
            out += "- Deltagere: \(escape(meeting.participants.joined(separator: ", ")))\n"
        }
        for item in document.items {
            out += "\n### Punkt \(item.number.map(String.init) ?? "–"): \(escape(item.title))\n\n"
            var facts = ["linje \(item.location.line)"]
            if item.closed { facts.append("**lukket**: ingen tekst at analysere") }
            if let caseNumber = item.caseNumber { facts.append("sagsnr. \(caseNumber)") }
            if let journal = item.journalNumber { facts.append("j.nr. \(journal)") }
            if let caseType = item.caseType { facts.append("sagstype: \(escape(caseType))") }
            out += facts.joined(separator: " · ") + "\n"
            if !item.sections.isEmpty {
                out += "\n| Afsnit | Art | Linjer |\n|---|---|---|\n"
                for section in item.sections {
                    let name = section.name.isEmpty ? "(uden overskrift)" : section.name
                    out += "| \(escape(name)) | \(section.kind.rawValue) | \(section.firstLine)–\(section.lastLine) |\n"
                }
            }
            if !item.amounts.isEmpty {
                out += "\n| Beløb | Kr. | År | Gentagelse | Betaler | Art | Fortegn | Finansiering | Kilde |\n"
                out += "|---|--:|---|---|---|---|---|---|---|\n"
                for amount in item.amounts {
                    let years = amount.years.isEmpty ? "–" : Self.yearSpan(amount.years)
                    out += "| \(escape(amount.text)) | \(DanishFormat.kroner(amount.value)) | \(years) | \(amount.recurrence.rawValue) "
                    out += "| \(escape(amount.payer.code)) | \(amount.kind.rawValue) | \(amount.sign.rawValue) "
                    out += "| \(escape(amount.financing.code)) | \(escape(document.source)):\(amount.location.line) |\n"
                }
            }
            if let decision = item.decision {
                let firstLine = decision.text.split(separator: "\n").first.map(String.init) ?? ""
                out += "\nBeslutning (\(escape(decision.body ?? "ukendt organ")), linje \(decision.location.line)): "
                out += "\(escape(firstLine))\n"
            }
        }
        let notable = document.diagnostics.filter { $0.severity == .warning }
        if !notable.isEmpty {
            out += "\n**Advarsler**\n\n"
            for diagnostic in notable {
                out += "- \(escape(document.source)):\(diagnostic.location.line): [\(diagnostic.code)] \(escape(diagnostic.message))\n"
            }
        }
        return out
    }

    /// "2021–2024" for consecutive years, else the years listed.
    static func yearSpan(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        if years.count > 1, years == Array(first...last) { return "\(first)–\(last)" }
        return years.map(String.init).joined(separator: ", ")
    }

    /// Escapes what Markdown would read as markup or table structure.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "*", "_", "`", "[", "]", "<", ">", "#", "\\": out.append("\\"); out.append(character)
            case "\n", "\r", "\t": out.append(" ")
            default: out.append(character)
            }
        }
        return out
    }
}
