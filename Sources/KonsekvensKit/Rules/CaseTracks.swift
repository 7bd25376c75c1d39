import Foundation

/// The same case (Sagsnr.) of one kommune travels through several meetings (Direktion, a committee,
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
        /// What the meeting's budget lines for the case add up to.
        public var figures = Figures()
        /// The kommune whose minutes these are, when it is known (``MunicipalitySource/isKnown``):
        /// given, or read from the masthead or the rådhus, not guessed.
        public var municipality: String? = nil

        /// "Byråd 2025-08-22".
        public var meeting: String { [body ?? "ukendt organ", date?.description].compactMap { $0 }.joined(separator: " ") }
    }

    /// What some of a meeting's budget lines for a case add up to: whether there are any, and
    /// the net of those with a year (the page's case table shows it).
    public struct Figure: Sendable, Hashable {
        public var hasLines = false
        public var datedNet: Decimal = 0

        public init(hasLines: Bool = false, datedNet: Decimal = 0) {
            (self.hasLines, self.datedNet) = (hasLines, datedNet)
        }

        mutating func add(_ line: BudgetLine) {
            hasLines = true
            if line.year != nil { datedNet.add(line.net) }
        }
    }

    /// A meeting's figure for a case under each status filter, so that a report shows the
    /// figure of the lines it shows, whichever filter it is given.
    public struct Figures: Sendable, Hashable {
        public var all = Figure()
        public var approved = Figure()

        public init(all: Figure = Figure(), approved: Figure = Figure()) {
            (self.all, self.approved) = (all, approved)
        }

        /// The figure of the lines `filter` shows.
        public subscript(_ filter: StatusFilter) -> Figure {
            switch filter {
            case .all: all
            case .approved: approved
            }
        }

        /// Adds a budget line of the case.
        mutating func add(_ line: BudgetLine) {
            all.add(line)
            if StatusFilter.approved.shows(line) { approved.add(line) }
        }
    }

    public var caseNumber: String
    /// The meetings in order: earliest first, and on one day lowest body first.
    public var steps: [Step]
    /// The step whose figures count: the latest that states money for the case (a later
    /// "Godkendt." with no figures confirms them; a later "Udsat." leaves them as proposed).
    public var countedIndex: Int
    /// The kommune the track is followed in, when the run has minutes of another kommune with
    /// the same case number (each kommune's are a track of their own); nil otherwise.
    public var municipality: String? = nil

    /// The step whose figures count.
    public var counted: Step { steps[countedIndex] }

    /// The case number as reports show it: with the kommune when the track has one
    /// ("25/3377 (Kalundborg)").
    public var shownNumber: String { municipality.map { "\(caseNumber) (\($0))" } ?? caseNumber }

    /// Where a body stands in the chain: Direktion, fagudvalg, Økonomiudvalget, then the
    /// kommunalbestyrelse or byråd, which decides last.
    static func rank(of body: String?) -> Int {
        let name = (body ?? "").fastLowercased()
        if name.includes("kommunalbestyrelse") || name.includes("byråd") || name.includes("borgerrepræsentation") { return 3 }
        if name.includes("økonomiudvalg") { return 2 }
        if name.includes("direktion") { return 0 }
        return 1
    }

    /// Whether a step has budget lines that `filter` shows.
    func hasLines(shownBy filter: StatusFilter) -> Bool {
        steps.contains { $0.figures[filter].hasLines }
    }

    /// Every step that does not count, as its document and the case, with the meeting of the
    /// step that does, which supersedes its lines.
    var supersededSteps: [(key: CaseLedger.Key, meeting: String)] {
        let (source, meeting) = (counted.source, counted.meeting)
        return steps.filter { $0.source != source }.map { (CaseLedger.Key(source: $0.source, caseNumber: caseNumber), meeting) }
    }

    /// Marks every line of a step that does not count as superseded by the step that does.
    static func markSuperseded(_ impacts: inout [DocumentImpact], by supersededBy: [CaseLedger.Key: String]) {
        guard !supersededBy.isEmpty else { return }
        for index in impacts.indices {
            for line in impacts[index].budgetLines.indices {
                let budgetLine = impacts[index].budgetLines[line]
                guard let caseNumber = budgetLine.caseNumber else { continue }
                impacts[index].budgetLines[line].supersededBy = supersededBy[CaseLedger.Key(source: budgetLine.source, caseNumber: caseNumber)]
            }
        }
    }
}

/// What a run needs to know of every document to follow its cases, collected one document at
/// a time: a held run keeps it whole; a streamed run notes each document in one and spills its
/// items to disk (``SpilledCaseLedger``), so it keeps neither the documents nor this.
public struct CaseLedger: Sendable {
    /// A case in one document.
    public struct Key: Sendable, Hashable {
        public var source: String
        public var caseNumber: String

        /// The case `caseNumber` in the document read from `source`.
        public init(source: String, caseNumber: String) {
            self.source = source
            self.caseNumber = caseNumber
        }

        /// One string for the key: source, NUL, case number.
        var encoded: String { source + "\u{0}" + caseNumber }

        init?(encoded: String) {
            // Found as a byte: a NUL byte is always the NUL scalar, and NUL a Character of its own,
            // so the index is the one `firstIndex(of:)` finds by Characters, some 20.000 instructions
            // a key sooner (callgrind).
            guard let separator = encoded.utf8.firstIndex(of: 0) else { return nil }
            self.init(source: String(encoded[..<separator]), caseNumber: String(encoded[encoded.index(after: separator)...]))
        }
    }

    /// A document the ledger noted items of, kept once for all its items.
    private struct Noted: Sendable {
        var source: String
        var body: String?
        var date: MeetingDate?
        var municipality: String?
    }

    /// An item with a case number, in the order noted, its document's source and meeting kept
    /// once in ``documents``: some 100 bytes an item (before its figures, some 40 more), where a
    /// step of its own in an array of its own per case took some 210 (19 and 42 MB for the
    /// 209.000 items of the generated 1 GB).
    private struct Entry: Sendable {
        var caseNumber: String
        var document: Int32
        var itemNumber: Int?
        var status: DecisionStatus
        /// What the document's budget lines for the case add up to; the track counts at the
        /// latest step with any, whatever their status.
        var figures: CaseTrack.Figures
        var title: String
        var decision: String?
    }

    private var documents: [Noted] = []
    private var entries: [Entry] = []
    private let keepsTitles: Bool
    private let keepsDecisions: Bool

    /// With `keepsTitles` false, steps keep no item title, and with `keepsDecisions` false no
    /// decision text: no report renders the decision of a step, and a streamed CSV or JSON
    /// report no title either, so a streamed run keeps less memory per item.
    public init(keepsTitles: Bool = true, keepsDecisions: Bool = true) {
        self.keepsTitles = keepsTitles
        self.keepsDecisions = keepsDecisions
    }

    /// Notes the document's items that carry a case number, which of its cases have lines, and
    /// what each case's lines add up to.
    /// The impact is the document's: its lines carry the document's source and its items' case
    /// numbers, as the rule engine makes them.
    public mutating func add(_ document: Document, impact: DocumentImpact?) {
        var figures: [String: CaseTrack.Figures] = [:]
        for line in impact?.budgetLines ?? [] {
            guard let caseNumber = line.caseNumber else { continue }
            figures[caseNumber, default: CaseTrack.Figures()].add(line)
        }
        var noted = false
        for item in document.items {
            guard let caseNumber = item.caseNumber else { continue }
            if !noted {
                let known = document.municipalitySource?.isKnown == true ? document.municipality : nil
                documents.append(Noted(source: document.source, body: document.meeting.body, date: document.meeting.date, municipality: known))
                noted = true
            }
            entries.append(
                Entry(
                    caseNumber: caseNumber, document: Int32(documents.count - 1), itemNumber: item.number,
                    status: item.decision?.status ?? .none, figures: figures[caseNumber] ?? CaseTrack.Figures(),
                    title: keepsTitles ? item.title : "",
                    decision: keepsDecisions ? item.decision?.text : nil))
        }
    }

    /// Adds what `other` noted, as if its documents had been added after this ledger's: a
    /// worker can note one document and the ledger that keeps the run take it in order.
    public mutating func merge(_ other: CaseLedger) {
        let offset = Int32(documents.count)
        documents.append(contentsOf: other.documents)
        entries.append(contentsOf: other.entries.lazy.map { entry in
            var entry = entry
            entry.document += offset
            return entry
        })
    }

    /// An item the ledger noted: its case number and its step.
    struct NotedStep: Sendable, Equatable {
        var caseNumber: String
        var step: CaseTrack.Step
    }

    /// The order in which a run takes its items to make tracks: by case number, then in the
    /// order noted. A ledger spilled to disk sorts and merges by it too, so it makes the same
    /// tracks, with the same spelling of each case number, the first noted.
    static func precedes(_ a: (caseNumber: String, order: Int), _ b: (caseNumber: String, order: Int)) -> Bool {
        a.caseNumber == b.caseNumber ? a.order < b.order : a.caseNumber < b.caseNumber
    }

    /// Every item noted, in the order noted.
    var notedSteps: [NotedStep] { entries.map(noted) }

    private func noted(_ entry: Entry) -> NotedStep {
        let document = documents[Int(entry.document)]
        return NotedStep(
            caseNumber: entry.caseNumber,
            step: CaseTrack.Step(
                source: document.source, itemNumber: entry.itemNumber, title: entry.title, body: document.body, date: document.date,
                status: entry.status, decision: entry.decision, figures: entry.figures, municipality: document.municipality))
    }

    /// The cases that appear in more than one document, sorted by case number (a number of
    /// several kommuner is a case of each, by kommune: ``tracks(_:_:)``), each counted at its
    /// latest step with budget lines; and for every other step of them, the meeting that
    /// supersedes its lines.
    public func tracks() -> (tracks: [CaseTrack], supersededBy: [Key: String]) {
        // Each case's entries in the order noted: the entries' indices sorted by case number,
        // then by index, so that only the cases in more than one document are made into steps.
        let order = entries.indices.sorted { a, b in Self.precedes((entries[a].caseNumber, a), (entries[b].caseNumber, b)) }
        var made: [CaseTrack] = []
        var supersededBy: [Key: String] = [:]
        var groupStart = 0
        while groupStart < order.count {
            let caseNumber = entries[order[groupStart]].caseNumber
            var groupEnd = groupStart + 1
            while groupEnd < order.count, entries[order[groupEnd]].caseNumber == caseNumber { groupEnd += 1 }
            let group = order[groupStart..<groupEnd]
            groupStart = groupEnd
            guard group.count > 1 else { continue }
            for track in Self.tracks(caseNumber, group.map { noted(entries[$0]) }) {
                made.append(track)
                for (key, meeting) in track.supersededSteps { supersededBy[key] = meeting }
            }
        }
        return (made, supersededBy)
    }

    /// The tracks of the case number `caseNumber`, given its items in the order noted: one
    /// track of the items in more than one document; the held and the spilled ledger make tracks
    /// by this alone.
    ///
    /// A case number is one kommune's: where the run has minutes of more than one known kommune
    /// with it (``CaseTrack/Step/municipality``), each kommune's items are a track of their own,
    /// so that one kommune's meeting never supersedes another's lines. An item of minutes whose
    /// kommune is not known is then in no track, as it cannot be told whose it is: its lines
    /// count where they are. Where at most one kommune is known, every item is followed
    /// together, as when the run is one kommune's.
    static func tracks(_ caseNumber: String, _ items: [NotedStep]) -> [CaseTrack] {
        // Kommuner told apart ignoring case ("KØGE", "Køge"), each named as first noted.
        let keys = items.map { $0.step.municipality?.fastLowercased() }
        var names: [String: String] = [:]
        for (key, item) in zip(keys, items) { if let key, names[key] == nil { names[key] = item.step.municipality } }
        guard names.count > 1 else { return track(caseNumber, items, municipality: nil).map { [$0] } ?? [] }
        return names.sorted { $0.key < $1.key }.compactMap { key, name in
            track(caseNumber, zip(keys, items).filter { $0.0 == key }.map(\.1), municipality: name)
        }
    }

    /// The track of the items, when they are in more than one document.
    private static func track(_ caseNumber: String, _ items: [NotedStep], municipality: String?) -> CaseTrack? {
        guard Set(items.map(\.step.source)).count > 1 else { return nil }
        // A step with any budget lines for the case, whatever the report shows of them.
        let withLines = Set(items.filter(\.step.figures.all.hasLines).map(\.step.source))
        let ordered = items.map(\.step).sorted { a, b in
            (a.date?.description ?? "", CaseTrack.rank(of: a.body), a.source)
                < (b.date?.description ?? "", CaseTrack.rank(of: b.body), b.source)
        }
        var track = CaseTrack(caseNumber: caseNumber, steps: ordered, countedIndex: ordered.count - 1, municipality: municipality)
        if let latest = ordered.lastIndex(where: { withLines.contains($0.source) }) { track.countedIndex = latest }
        return track
    }
}
