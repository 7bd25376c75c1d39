extension SpillRecord {
    /// A case's step, as ``Reader/step()`` reads it back.
    mutating func append(_ step: CaseTrack.Step) {
        append(step.source)
        append(step.itemNumber)
        append(step.title)
        append(step.body)
        append(step.date.map { $0.year * 10_000 + $0.month * 100 + $0.day })
        append(DecisionStatus.allCases.firstIndex(of: step.status) ?? 0)
        append(step.decision)
        for figure in [step.figures.all, step.figures.approved] {
            append(figure.hasLines ? 1 : 0)
            append(figure.datedNet)
        }
        append(step.municipality)
    }

    /// A case's track: its case number and kommune, the step that counts and the steps.
    mutating func append(_ track: CaseTrack) {
        append(track.caseNumber)
        append(track.municipality)
        append(track.countedIndex)
        append(track.steps.count)
        for step in track.steps { append(step) }
    }
}

extension SpillRecord.Reader {
    mutating func step() -> CaseTrack.Step {
        let source = string()
        let itemNumber = optionalInt()
        let title = string()
        let body = optionalString()
        let date = optionalInt().flatMap { MeetingDate(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) }
        let status = DecisionStatus.allCases[int()]
        let decision = optionalString()
        let all = CaseTrack.Figure(hasLines: int() == 1, datedNet: decimal())
        let approved = CaseTrack.Figure(hasLines: int() == 1, datedNet: decimal())
        let municipality = optionalString()
        return CaseTrack.Step(
            source: source, itemNumber: itemNumber, title: title, body: body, date: date, status: status,
            decision: decision, figures: CaseTrack.Figures(all: all, approved: approved), municipality: municipality)
    }

    mutating func track() -> CaseTrack {
        let caseNumber = string()
        let municipality = optionalString()
        let countedIndex = int()
        let steps = (0..<int()).map { _ in step() }
        return CaseTrack(caseNumber: caseNumber, steps: steps, countedIndex: countedIndex, municipality: municipality)
    }
}
