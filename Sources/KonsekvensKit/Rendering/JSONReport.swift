/// Renders an ``AnalysisReport`` as JSON in the documented shape (README, "JSON report").
public enum JSONReport {
    /// Bumped when a field changes meaning or disappears; adding fields keeps the version.
    public static let schemaVersion = 1

    /// The report as pretty-printed JSON.
    public static func render(_ report: AnalysisReport) -> String {
        var json = JSONWriter()
        json.object { json in
            header(
                statusFilter: report.statusFilter, rules: report.rulesOrigin, populationTable: report.populationTable,
                unusedRules: report.unusedRules, to: &json)
            json.key("cases")
            json.array { json in for track in report.cases { caseTrack(track, to: &json) } }
            json.key("documents")
            json.array { json in
                for document in report.documents {
                    self.document(document, impact: report.impact(of: document), statusFilter: report.statusFilter, to: &json)
                }
            }
            errors(report.errors, to: &json)
        }
        return json.text + "\n"
    }

    /// The report's members before its cases and documents.
    static func header(
        statusFilter: StatusFilter, rules: String?, populationTable: String?, unusedRules: [String], to json: inout JSONWriter
    ) {
        json.field("schemaVersion", schemaVersion)
        json.field("statusFilter", statusFilter.rawValue)
        json.field("rules", rules)
        json.field("populationTable", populationTable)
        json.field("unusedRules", elements: unusedRules)
    }

    /// The report's member after its documents.
    static func errors(_ errors: [ReadError], to json: inout JSONWriter) {
        json.key("errors")
        json.array { json in
            for error in errors {
                json.object { json in
                    json.field("path", error.path)
                    json.field("message", error.description)
                }
            }
        }
    }

    /// A document's object; with `deferringSuperseded`, a budget line of a case gets its
    /// `supersededBy` as a deferred value, filled in when the run is over.
    static func document(
        _ document: Document, impact: DocumentImpact?, statusFilter: StatusFilter, deferringSuperseded: Bool = false,
        to json: inout JSONWriter
    ) {
        let rules = Dictionary(
            (impact?.placements ?? []).map { ($0.amount.location, $0) }, uniquingKeysWith: { first, _ in first })
        json.object { json in
            json.field("source", document.source)
            json.field("encoding", document.encoding.rawValue)
            json.field("format", document.format.rawValue)
            json.field("municipality", document.municipality)
            json.key("meeting")
            meeting(document.meeting, to: &json)
            json.field("tableOfContents", elements: document.tableOfContents)
            json.key("items")
            json.array { json in for item in document.items { self.item(item, placements: rules, to: &json) } }
            json.key("diagnostics")
            json.array { json in for diagnostic in document.diagnostics { self.diagnostic(diagnostic, to: &json) } }
            guard let impact else { return }
            json.key("budgetLines")
            json.array { json in
                for line in impact.budgetLines where statusFilter.shows(line) {
                    budgetLine(line, deferringSuperseded: deferringSuperseded, to: &json)
                }
            }
            json.key("findings")
            json.array { json in for finding in impact.findings { self.finding(finding, to: &json) } }
            let balance = impact.reconciliation
            json.key("reconciliation")
            json.object { json in
                json.field("amountsFound", balance.found)
                json.field("inBudgetLines", balance.inBudgetLines)
                json.field("context", balance.context)
                json.field("unplaced", balance.unplaced)
                json.field("balances", balance.balances)
            }
        }
    }

    static func caseTrack(_ track: CaseTrack, to json: inout JSONWriter) {
        json.object { json in
            json.field("caseNumber", track.caseNumber)
            json.field("municipality", track.municipality)
            json.field("counted", track.counted.meeting)
            json.key("steps")
            json.array { json in
                for step in track.steps {
                    json.object { json in
                        json.field("source", step.source)
                        json.field("item", step.itemNumber)
                        json.field("body", step.body)
                        json.field("date", step.date?.description)
                        json.field("status", step.status.rawValue)
                    }
                }
            }
        }
    }

    static func budgetLine(_ line: BudgetLine, deferringSuperseded: Bool = false, to json: inout JSONWriter) {
        json.object { json in
            json.field("item", line.itemNumber)
            json.field("caseNumber", line.caseNumber)
            json.field("year", line.year)
            json.field("periodYears", elements: line.periodYears)
            json.field("amount", line.amount)
            json.field("net", line.net)
            json.field("kind", line.kind.rawValue)
            json.field("area", line.area?.rawValue)
            json.field("financing", line.financing.code)
            json.field("status", line.status.rawValue)
            json.field("decidedBy", line.decidedBy)
            json.field("decidedOn", line.decidedOn?.description)
            json.field("rule", line.rule)
            json.key("supersededBy")
            switch (deferringSuperseded, line.caseNumber) {
            case (true, let caseNumber?): json.deferred(CaseLedger.Key(source: line.source, caseNumber: caseNumber).encoded)
            // Only a line of a case is superseded.
            case (true, nil): json.null()
            case (false, _): json.value(line.supersededBy)
            }
            json.field("sources", elements: line.sources.map(\.line))
            json.field("quote", line.quote)
        }
    }

    static func finding(_ finding: Finding, to json: inout JSONWriter) {
        json.object { json in
            json.field("severity", finding.severity.rawValue)
            json.field("code", finding.code)
            json.field("item", finding.itemNumber)
            json.field("messageDa", finding.messageDanish)
            json.field("messageEn", finding.messageEnglish)
            json.field("lines", elements: finding.locations.map(\.line))
        }
    }

    static func meeting(_ meeting: Meeting, to json: inout JSONWriter) {
        json.object { json in
            json.field("body", meeting.body)
            json.field("date", meeting.date?.description)
            json.field("place", meeting.place)
            json.field("participants", elements: meeting.participants)
        }
    }

    static func item(_ item: AgendaItem, placements: [SourceLocation: AmountPlacement], to json: inout JSONWriter) {
        json.object { json in
            json.field("number", item.number)
            json.field("title", item.title)
            json.field("closed", item.closed)
            json.field("line", item.location.line)
            json.field("caseNumber", item.caseNumber)
            json.field("journalNumber", item.journalNumber)
            json.field("documentNumber", item.documentNumber)
            json.field("caseType", item.caseType)
            json.key("sections")
            json.array { json in for section in item.sections { self.section(section, to: &json) } }
            json.key("decision")
            if let decision = item.decision { self.decision(decision, to: &json) } else { json.null() }
            json.key("decisions")
            json.array { json in for decision in item.decisions { self.decision(decision, to: &json) } }
            json.key("amounts")
            json.array { json in for amount in item.amounts { self.amount(amount, placement: placements[amount.location], to: &json) } }
        }
    }

    static func section(_ section: Section, to json: inout JSONWriter) {
        json.object { json in
            json.field("name", section.name)
            json.field("kind", section.kind.rawValue)
            json.field("firstLine", section.firstLine)
            json.field("lastLine", section.lastLine)
            json.field("tables", section.tableCount)
        }
    }

    static func decision(_ decision: Decision, to json: inout JSONWriter) {
        json.object { json in
            json.field("text", decision.text)
            json.field("line", decision.location.line)
            json.field("heading", decision.heading)
            json.field("body", decision.body)
            json.field("date", decision.date?.description)
            json.field("status", decision.status.rawValue)
            json.field("condition", decision.condition)
            json.field("grantsAppropriation", decision.grantsAppropriation)
        }
    }

    static func amount(_ amount: Amount, placement: AmountPlacement?, to json: inout JSONWriter) {
        let disposition: String? = placement.map {
            switch $0.disposition {
            case .budgetLine: "budget-line"
            case .context: "context"
            case .unplaced: "unplaced"
            }
        }
        json.object { json in
            json.field("text", amount.text)
            json.field("value", amount.value)
            json.field("low", amount.low)
            json.field("high", amount.high)
            json.field("approximate", amount.approximate)
            json.field("unit", amount.unit)
            json.field("line", amount.location.line)
            json.field("column", amount.location.column)
            json.field("section", amount.section.rawValue)
            json.field("years", elements: amount.years)
            json.field("recurrence", amount.recurrence.rawValue)
            json.field("payer", amount.payer.code)
            json.field("kind", amount.kind.rawValue)
            json.field("sign", amount.sign.rawValue)
            json.field("financing", amount.financing.code)
            json.field("area", amount.area?.rawValue)
            json.field("rate", amount.rate)
            json.field("total", amount.isTotal)
            json.field("distributionKey", amount.distributionKey?.rawValue)
            json.field("rowLabel", amount.rowLabel)
            json.field("pattern", amount.pattern)
            json.field("placement", disposition)
            json.field("rule", placement?.rule)
        }
    }

    static func diagnostic(_ diagnostic: Diagnostic, to json: inout JSONWriter) {
        json.object { json in
            json.field("severity", diagnostic.severity.rawValue)
            json.field("code", diagnostic.code)
            json.field("message", diagnostic.message)
            json.field("line", diagnostic.location.line)
        }
    }
}
