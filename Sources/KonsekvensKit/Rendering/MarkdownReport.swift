import Foundation

/// Renders an ``AnalysisReport`` as Markdown for people: an overview of the whole run, then
/// per document its meeting, items, sections and decisions, each with the line it came from.
///
/// The held report and the streamed one (``StreamedReport``) are made by the same
/// ``Stream``: this one keeps its pieces in memory.
public enum MarkdownReport {
    /// The report as Markdown.
    public static func render(_ report: AnalysisReport) -> String {
        Stream.render(report)
    }

    /// The start of the report: its counts, the files that could not be read, the rules and the filter.
    static func header(
        _ counts: ItemCounts, errors: [ReadError], statusFilter: StatusFilter,
        rulesOrigin: String?, populationTable: String?, unusedRules: [String], filter: CorpusFilter, filteredOut: Int
    ) -> String {
        var out = "# Konsekvens – rapport\n\n"
        out += counts.sentence
        out += errors.isEmpty ? ".\n" : "; \(errors.count) filer kunne ikke læses.\n"
        if !errors.isEmpty {
            out += "\n## Fejl\n\n"
            for error in errors { out += "- \(escape(error.description))\n" }
        }
        if let rulesOrigin {
            let shown = statusFilter == .all ? "alle foreslåede budgetlinjer" : "kun godkendte budgetlinjer"
            out += "\nViser \(shown). Regler: \(escape(rulesOrigin))"
            if let populationTable { out += "; befolkningstal: \(escape(populationTable))" }
            out += ".\n"
            if !unusedRules.isEmpty {
                out += "Regler der ikke placerede noget beløb: \(unusedRules.joined(separator: ", ")).\n"
            }
        }
        if !filter.isEmpty {
            var parts: [String] = []
            if let from = filter.from { parts.append("fra \(from)") }
            if let to = filter.to { parts.append("til \(to)") }
            if let body = filter.body { parts.append("organ: \(escape(body))") }
            out += "Filter: \(parts.joined(separator: ", ")); \(filteredOut) dokumenter udeladt.\n"
        }
        return out
    }

    /// A document's part of the report up to its budget summary: the meeting, and each item
    /// with its sections, amounts, budget lines and decision.
    static func head(of document: Document, impact: DocumentImpact?, statusFilter: StatusFilter) -> String {
        // Into bytes: appending a String per piece, some 400 instructions each, was a sixth of a
        // Markdown run on generated minutes (callgrind).
        let out = ByteBuffer()
        let meeting = document.meeting
        out.append(literal: "### ")
        appendEscaped(document.source, to: out)
        out.append(literal: "\n\n- Møde: ")
        appendEscaped(meeting.body ?? "ukendt", to: out)
        out.append(literal: ", ")
        out.append(meeting.date?.description ?? "uden dato")
        if let place = meeting.place {
            out.append(literal: ", ")
            appendEscaped(place, to: out)
        }
        out.append(literal: "\n- Tegnsæt: ")
        out.append(document.encoding.rawValue)
        out.append(literal: ", format: ")
        out.append(document.format.rawValue)
        out.append(literal: "\n")
        if !meeting.participants.isEmpty {
            out.append(literal: "- Deltagere: ")
            appendEscaped(meeting.participants.joined(separator: ", "), to: out)
            out.append(literal: "\n")
        }
        // Each item's shown lines, found once: filtering (and copying) all of them for each item
        // was quadratic in a large document (the single generated 50 MB meeting took 389 s).
        var linesOfItem: [ItemKey: [BudgetLine]] = [:]
        for line in impact?.budgetLines ?? [] where statusFilter.shows(line) {
            linesOfItem[ItemKey(number: line.itemNumber, title: line.itemTitle), default: []].append(line)
        }
        let source = escape(document.source)
        for item in document.items {
            out.append(literal: "\n#### Punkt ")
            if let number = item.number { out.appendDigits(number) } else { out.append(literal: "–") }
            out.append(literal: ": ")
            appendEscaped(item.title, to: out)
            out.append(literal: "\n\nlinje ")
            out.appendDigits(item.location.line)
            if item.closed { out.append(literal: " · **lukket**: ingen tekst at analysere") }
            if let caseNumber = item.caseNumber {
                out.append(literal: " · sagsnr. ")
                out.append(caseNumber)
            }
            if let journal = item.journalNumber {
                out.append(literal: " · j.nr. ")
                out.append(journal)
            }
            if let caseType = item.caseType {
                out.append(literal: " · sagstype: ")
                appendEscaped(caseType, to: out)
            }
            out.append(literal: "\n")
            if !item.sections.isEmpty {
                out.append(literal: "\n| Afsnit | Art | Linjer |\n|---|---|---|\n")
                for section in item.sections {
                    out.append(literal: "| ")
                    appendEscaped(section.name.isEmpty ? "(uden overskrift)" : section.name, to: out)
                    out.append(literal: " | ")
                    out.append(section.kind.rawValue)
                    out.append(literal: " | ")
                    out.appendDigits(section.firstLine)
                    out.append(literal: "–")
                    out.appendDigits(section.lastLine)
                    out.append(literal: " |\n")
                }
            }
            if !item.amounts.isEmpty {
                out.append(literal: "\n| Beløb | Kr. | År | Gentagelse | Betaler | Art | Fortegn | Finansiering | Kilde |\n")
                out.append(literal: "|---|--:|---|---|---|---|---|---|---|\n")
                for amount in item.amounts {
                    out.append(literal: "| ")
                    appendEscaped(amount.text, to: out)
                    out.append(literal: " | ")
                    out.append(DanishFormat.kroner(amount.value))
                    out.append(literal: " | ")
                    out.append(amount.years.isEmpty ? "–" : Self.yearSpan(amount.years))
                    out.append(literal: " | ")
                    out.append(amount.recurrence.rawValue)
                    out.append(literal: " | ")
                    appendEscaped(amount.payer.code, to: out)
                    out.append(literal: " | ")
                    out.append(amount.kind.rawValue)
                    out.append(literal: " | ")
                    out.append(amount.sign.rawValue)
                    out.append(literal: " | ")
                    appendEscaped(amount.financing.code, to: out)
                    out.append(literal: " | ")
                    out.append(source)
                    out.append(literal: ":")
                    out.appendDigits(amount.location.line)
                    out.append(literal: " |\n")
                }
            }
            if let lines = linesOfItem[ItemKey(number: item.number, title: item.title)] {
                out.append(literal: "\n")
                appendBudgetTable(lines, source: source, to: out)
            }
            if let decision = item.decision {
                let firstLine = decision.text.split(separator: "\n").first.map(String.init) ?? ""
                out.append(literal: "\nBeslutning (")
                appendEscaped(decision.body ?? "ukendt organ", to: out)
                out.append(literal: ", linje ")
                out.appendDigits(decision.location.line)
                out.append(literal: "): ")
                appendEscaped(firstLine, to: out)
                out.append(literal: "\n")
            }
        }
        return out.withBytes(0..<out.count) { String(decoding: $0, as: UTF8.self) }
    }

    /// An item as its budget lines name it.
    private struct ItemKey: Hashable {
        var number: Int?
        var title: String
    }

    /// What of a budget line a document's summary adds up.
    struct Figure {
        var year: Int?
        var net: Decimal
        var amount: Decimal
        var kind: AmountKind
    }

    /// A document's net per year and kind, and its totals without years, of the lines that
    /// count (those of a case decided later at another meeting are shown above, not summed here).
    static func budgetSummary(_ lines: [Figure]) -> String {
        guard !lines.isEmpty else { return "" }
        var out = "\n**Budgetvirkning (netto) pr. år og art**\n\n"
        let years = Set(lines.compactMap(\.year)).sorted()
        out += "| Art | " + years.map(String.init).joined(separator: " | ") + " | I alt |\n"
        out += "|---|" + String(repeating: "--:|", count: years.count + 1) + "\n"
        for kind in AmountKind.allCases {
            let ofKind = lines.filter { $0.kind == kind && $0.year != nil }
            guard !ofKind.isEmpty else { continue }
            let cells = years.map { year in DanishFormat.kroner(ofKind.filter { $0.year == year }.map(\.net).sum) }
            out += "| \(kind.rawValue) | " + cells.joined(separator: " | ")
            out += " | \(DanishFormat.kroner(ofKind.map(\.net).sum)) |\n"
        }
        let periodTotals = lines.filter { $0.year == nil }
        if !periodTotals.isEmpty {
            out += "\nTotaler uden årsfordeling (ikke medregnet ovenfor): "
            out += periodTotals.map { "\($0.kind.rawValue) \(DanishFormat.kroner($0.amount)) kr." }.joined(separator: "; ") + "\n"
        }
        return out
    }

    /// A document's part of the report after its budget summary: its findings by severity and
    /// its reconciliation (when rules were applied), then the reader's warnings.
    static func tail(of document: Document, impact: DocumentImpact?) -> String {
        var out = ""
        if let impact {
            if !impact.findings.isEmpty {
                out += "\n**Fund**\n\n"
                for severity in Finding.Severity.allCases {
                    for finding in impact.findings where finding.severity == severity {
                        let lines = finding.locations.map { String($0.line) }.joined(separator: ",")
                        out += "- \(severity.rawValue): [\(finding.code)] \(escape(impact.source)):\(lines) "
                        out += "(punkt \(finding.itemNumber.map(String.init) ?? "–")): \(escape(finding.messageDanish))\n"
                    }
                }
            }
            let balance = impact.reconciliation
            out += "\nAfstemning: \(balance.found) beløb fundet = \(balance.inBudgetLines) i budgetlinjer + \(balance.context) kontekst "
            out += "+ \(balance.unplaced) uplacerede\(balance.balances ? "" : " (STEMMER IKKE)").\n"
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

    /// Budget lines as a table: a row per line, with the year, the amount and its net effect;
    /// `source` is the document's, escaped.
    static func budgetTable(_ lines: [BudgetLine], source: String) -> String {
        let out = ByteBuffer(capacity: 256)
        appendBudgetTable(lines, source: source, to: out)
        return out.withBytes(0..<out.count) { String(decoding: $0, as: UTF8.self) }
    }

    /// ``budgetTable(_:source:)`` appended to `out`.
    static func appendBudgetTable(_ lines: [BudgetLine], source: String, to out: ByteBuffer) {
        out.append(literal: "| År | Beløb | Netto | Art | Drift/anlæg | Finansiering | Status | Regel | Kilde |\n")
        out.append(literal: "|---|--:|--:|---|---|---|---|---|---|\n")
        for line in lines {
            out.append(literal: "| ")
            if let year = line.year {
                out.appendDigits(year)
            } else if line.periodYears.isEmpty {
                out.append(literal: "uden år")
            } else {
                out.append(literal: "i alt ")
                out.append(yearSpan(line.periodYears))
            }
            out.append(literal: " | ")
            out.append(DanishFormat.kroner(line.amount))
            out.append(literal: " | ")
            out.append(DanishFormat.kroner(line.net))
            out.append(literal: " | ")
            out.append(line.kind.rawValue)
            out.append(literal: " | ")
            out.append(line.area?.rawValue ?? "–")
            out.append(literal: " | ")
            appendEscaped(line.financing.code, to: out)
            out.append(literal: " | ")
            out.append(line.status.rawValue)
            if let decidedBy = line.decidedBy {
                out.append(literal: " (")
                appendEscaped(decidedBy, to: out)
                out.append(literal: ")")
            }
            out.append(literal: " | ")
            out.append(line.rule)
            out.append(literal: " | ")
            for (index, place) in line.sources.enumerated() {
                if index > 0 { out.append(literal: ", ") }
                out.append(source)
                out.append(literal: ":")
                out.appendDigits(place.line)
            }
            out.append(literal: " |\n")
        }
    }

    /// "2021–2024" for consecutive years, else the years listed.
    static func yearSpan(_ written: [Int]) -> String {
        // In order, as the CSV writes them: "i 2025 og 2022" made a range of 2025 to 2022, which traps.
        let years = written.sorted()
        guard let first = years.first, let last = years.last else { return "" }
        if years.count > 1, years == Array(first...last) { return "\(first)–\(last)" }
        return years.map(String.init).joined(separator: ", ")
    }

    /// Escapes what Markdown would read as markup or table structure, and writes a line break
    /// ("\n", "\r" or "\r\n") or tab as a space, so that a table row stays one line.
    ///
    /// On UTF-8 bytes: every character escaped is ASCII, and no byte of a longer character is.
    /// (By Characters it was nearly half of a Markdown run on generated minutes, callgrind; and
    /// a "|" with a combining mark after it, one Character, was let through.)
    static func escape(_ text: String) -> String {
        escaping(text, needs: needsEscaping) { appendEscaped($0, to: $1) }
    }

    /// ``escape(_:)`` of `text`, appended to `out`.
    static func appendEscaped(_ text: String, to out: ByteBuffer) {
        appendEscaping(text, to: out, needs: needsEscaping) { appendEscaped($0, to: $1) }
    }

    /// Whether some byte of UTF-8 `bytes` is one ``escape(_:)`` changes.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Read once: a static read in the loop checked its initialisation at every byte (a
        // hundredth of a Markdown run, callgrind).
        let escaped = Self.escaped
        return bytes.contains { $0 < 0x80 && escaped[Int($0)] }
    }

    /// The bytes of ``escape(_:)`` of UTF-8 `bytes`, appended to `out`.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        let escaped = Self.escaped
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte < 0x80, escaped[Int(byte)] else {
                out.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\r"):
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                out.append(UInt8(ascii: " "))
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"): out.append(UInt8(ascii: " "))
            default:
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            }
        }
    }

    /// The ASCII bytes ``escape(_:)`` changes.
    private static let escaped: [Bool] = (0..<128).map { Array("|*_`[]<>#\\\n\r\t".utf8).contains(UInt8($0)) }
}
