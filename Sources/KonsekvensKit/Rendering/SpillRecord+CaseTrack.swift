extension SpillRecord {
    /// A case's step, as ``Reader/step()`` reads it back.
    mutating func append(_ step: CaseTrack.Step) {
        append(step.source)
        append(step.itemNumber)
        append(step.title)
        append(step.body != nil ? 1 : 0)
        append(step.body ?? "")
        append(step.date.map { $0.year * 10_000 + $0.month * 100 + $0.day })
        append(DecisionStatus.allCases.firstIndex(of: step.status) ?? 0)
        append(step.decision != nil ? 1 : 0)
        append(step.decision ?? "")
        for figure in [step.figures.all, step.figures.approved] {
            append(figure.hasLines ? 1 : 0)
            append(figure.datedNet)
        }
    }

    /// A case's track: its case number, the step that counts and the steps.
    mutating func append(_ track: CaseTrack) {
        append(track.caseNumber)
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
        let hasBody = int() == 1
        let body = string()
        let date = optionalInt().flatMap { MeetingDate(year: $0 / 10_000, month: $0 / 100 % 100, day: $0 % 100) }
        let status = DecisionStatus.allCases[int()]
        let hasDecision = int() == 1
        let decision = string()
        let all = CaseTrack.Figure(hasLines: int() == 1, datedNet: decimal())
        let approved = CaseTrack.Figure(hasLines: int() == 1, datedNet: decimal())
        return CaseTrack.Step(
            source: source, itemNumber: itemNumber, title: title, body: hasBody ? body : nil, date: date, status: status,
            decision: hasDecision ? decision : nil, figures: CaseTrack.Figures(all: all, approved: approved))
    }

    mutating func track() -> CaseTrack {
        let caseNumber = string()
        let countedIndex = int()
        let steps = (0..<int()).map { _ in step() }
        return CaseTrack(caseNumber: caseNumber, steps: steps, countedIndex: countedIndex)
    }
}
