/// The same case (Sagsnr.) travels through several meetings (Direktion, a committee,
/// Økonomiudvalget, Kommunalbestyrelsen). Its money is counted once, at its latest decision:
/// the latest meeting, and on the same day the body highest in the chain.
public struct CaseTrack: Sendable, Hashable {
    /// One meeting's handling of the case.
    public struct Step: Sendable, Hashable {
        public var source: String
        public var itemNumber: Int?
        public var title: String
        public var body: String?
        public var date: MeetingDate?
        public var status: DecisionStatus
        public var decision: String?

        /// "Byråd 2025-08-22".
        public var meeting: String { [body ?? "ukendt organ", date?.description].compactMap { $0 }.joined(separator: " ") }
    }

    public var caseNumber: String
    /// The meetings in order: earliest first, and on one day lowest body first.
    public var steps: [Step]
    /// The step whose figures count: the latest that states money for the case (a later
    /// "Godkendt." with no figures confirms them; a later "Udsat." leaves them as proposed).
    public var countedIndex: Int

    /// The step whose figures count.
    public var counted: Step { steps[countedIndex] }

    /// Tracks of the cases that appear in more than one document, sorted by case number.
    public static func tracks(in documents: [Document]) -> [CaseTrack] {
        var byCase: [String: [Step]] = [:]
        for document in documents {
            for item in document.items {
                guard let caseNumber = item.caseNumber else { continue }
                byCase[caseNumber, default: []].append(
                    Step(
                        source: document.source, itemNumber: item.number, title: item.title, body: document.meeting.body,
                        date: document.meeting.date, status: item.decision?.status ?? .none, decision: item.decision?.text))
            }
        }
        return byCase.compactMap { caseNumber, steps in
            guard Set(steps.map(\.source)).count > 1 else { return nil }
            let ordered = steps.sorted { a, b in
                (a.date?.description ?? "", rank(of: a.body), a.source) < (b.date?.description ?? "", rank(of: b.body), b.source)
            }
            return CaseTrack(caseNumber: caseNumber, steps: ordered, countedIndex: ordered.count - 1)
        }.sorted { $0.caseNumber < $1.caseNumber }
    }

    /// Where a body stands in the chain: Direktion, fagudvalg, Økonomiudvalget, then the
    /// kommunalbestyrelse or byråd, which decides last.
    static func rank(of body: String?) -> Int {
        let name = (body ?? "").fastLowercased()
        if name.includes("kommunalbestyrelse") || name.includes("byråd") || name.includes("borgerrepræsentation") { return 3 }
        if name.includes("økonomiudvalg") { return 2 }
        if name.includes("direktion") { return 0 }
        return 1
    }

    /// Chooses each track's counted step, the latest with budget lines for the case, and marks
    /// the lines of every other step as superseded by it.
    static func markSuperseded(_ impacts: inout [DocumentImpact], tracks: inout [CaseTrack]) {
        var withLines = Set<String>()
        for impact in impacts {
            for line in impact.budgetLines {
                if let caseNumber = line.caseNumber { withLines.insert(key(line.source, caseNumber)) }
            }
        }
        var supersededBy: [String: String] = [:]
        for index in tracks.indices {
            let track = tracks[index]
            if let latest = track.steps.lastIndex(where: { withLines.contains(key($0.source, track.caseNumber)) }) {
                tracks[index].countedIndex = latest
            }
            let counted = tracks[index].counted
            for step in track.steps where step.source != counted.source {
                supersededBy[key(step.source, track.caseNumber)] = counted.meeting
            }
        }
        guard !supersededBy.isEmpty else { return }
        for index in impacts.indices {
            for line in impacts[index].budgetLines.indices {
                let budgetLine = impacts[index].budgetLines[line]
                guard let caseNumber = budgetLine.caseNumber else { continue }
                impacts[index].budgetLines[line].supersededBy = supersededBy[key(budgetLine.source, caseNumber)]
            }
        }
    }

    private static func key(_ source: String, _ caseNumber: String) -> String { source + "\u{0}" + caseNumber }
}
