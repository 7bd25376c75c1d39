import Foundation

extension JSONReport {
    /// The JSON of a run too large to hold: each document is rendered as it arrives and kept
    /// in a spill file on disk; `supersededBy`, the cases, the unused rules and the errors,
    /// which depend on the whole run, are filled in by ``finish(cases:supersededBy:errors:write:)``.
    /// The bytes are those of ``render(_:)`` for the same run.
    public final class Stream {
        public let statusFilter: StatusFilter
        private let rulesOrigin: String?
        private let populationTable: String?
        private let placementRules: [String]
        private var usedRules = Set<String>()
        private let documents: DeferredText
        private var documentCount = 0
        /// How much of a document's JSON is held before it goes to the spill file.
        let drainSize: Int

        /// For a run with `engine`'s rules; opens a spill file in `directory` (the system's
        /// temporary folder by default).
        public convenience init(engine: RuleEngine, statusFilter: StatusFilter = .all, directory: URL? = nil) throws {
            try self.init(engine: engine, statusFilter: statusFilter, directory: directory, drainSize: JSONWriter.defaultDrainSize)
        }

        /// With `drainSize` bytes of a document's JSON held at most before they are written out
        /// (tests make it small, so that every document is written in pieces).
        init(engine: RuleEngine, statusFilter: StatusFilter, directory: URL?, drainSize: Int) throws {
            self.drainSize = drainSize
            self.statusFilter = statusFilter
            rulesOrigin = engine.rules.origin
            populationTable = engine.population?.name
            placementRules = engine.rules.placements.map(\.name)
            documents = try DeferredText(directory: directory)
        }

        /// Adds a document rendered beforehand (on any thread) for this stream's status filter.
        func add(_ rendered: Rendered) throws {
            usedRules.formUnion(rendered.usedRules)
            for (bytes, key) in rendered.pieces { try documents.append(bytes: bytes, then: key) }
            try documents.endDocument()
            documentCount += 1
        }

        /// Renders one document with its impact.
        public func add(_ document: Document, impact: DocumentImpact?) throws {
            usedRules.formUnion(impact?.placements.compactMap(\.rule) ?? [])
            // Written as an element of the report's "documents" array: two levels in.
            // Its pieces go to the spill file as they fill up, and the rest at the end.
            var json = JSONWriter(level: 2)
            let spill = documents
            let append: (UnsafeBufferPointer<UInt8>, String?) throws -> Void = { bytes, key in try spill.append(bytes: bytes, then: key) }
            json.draining(every: drainSize, into: append)
            JSONReport.document(document, impact: impact, statusFilter: statusFilter, deferringSuperseded: true, to: &json)
            try json.forEachSegment(append)
            try documents.endDocument()
            documentCount += 1
        }

        /// Writes the whole report through `write`, given the run's cases, and empties the
        /// spill file.
        public func finish(cases: [CaseTrack], supersededBy: [CaseLedger.Key: String], errors: [ReadError], write: ReportWriter) throws {
            try finish(cases: CaseTrackList(cases), supersededBy: SupersededSteps(supersededBy), errors: errors, write: write)
        }

        /// Writes the whole report through `write`, and empties the spill file.
        func finish(cases: CaseTrackList, supersededBy: SupersededSteps, errors: [ReadError], write: ReportWriter) throws {
            var json = JSONWriter()
            json.object { json in
                JSONReport.header(
                    statusFilter: statusFilter, rules: rulesOrigin, populationTable: populationTable,
                    unusedRules: placementRules.filter { !usedRules.contains($0) }, to: &json)
                json.key("cases")
                if cases.isEmpty {
                    json.array { _ in }
                } else {
                    json.deferred("cases")
                }
                json.key("documents")
                if documentCount == 0 {
                    json.array { _ in }
                } else {
                    json.deferred("documents")
                }
                JSONReport.errors(errors, to: &json)
            }
            // As the writer lays out an array member of the top-level object: elements two
            // levels in, the closing bracket one.
            let indentation = JSONWriter.indentation(level: 2), closing = JSONWriter.indentation(level: 1)
            try json.forEachSegment { bytes, key in
                try write(Array(bytes))
                switch key {
                case "cases":
                    var batch = WriteBatch()
                    var first = true
                    try cases.forEach { track in
                        try batch.add((first ? "[\n" : ",\n") + indentation, to: write)
                        first = false
                        var json = JSONWriter(level: 2, capacity: 1024)
                        JSONReport.caseTrack(track, to: &json)
                        try json.forEachSegment { bytes, _ in try batch.add(bytes: bytes, to: write) }
                    }
                    try batch.add("\n" + closing + "]", to: write)
                    try batch.flush(to: write)
                case "documents":
                    try write(Array(("[\n" + indentation).utf8))
                    let count = documentCount
                    var superseded = try supersededBy.lookup()
                    try documents.replay(write) { key in
                        JSONWriter.text(of: try CaseLedger.Key(encoded: key).flatMap { try superseded.meeting(for: $0) })
                    } documentEnd: { index in
                        index + 1 < count ? ",\n" + indentation : "\n"
                    }
                    try write(Array((closing + "]").utf8))
                default: break
                }
            }
            try write([UInt8(ascii: "\n")])
        }
    }

    /// One document's JSON, rendered whole on the thread that analysed it, in the pieces cut
    /// at its deferred values; for a document small enough to hold whole (``renders(_:impact:limit:)``).
    struct Rendered: Sendable {
        fileprivate var pieces: [([UInt8], String?)] = []
        fileprivate var usedRules: [String]

        /// The JSON of the document with its impact, as ``Stream/add(_:impact:)`` writes it.
        init(_ document: Document, impact: DocumentImpact?, statusFilter: StatusFilter) {
            usedRules = impact?.placements.compactMap(\.rule) ?? []
            var json = JSONWriter(level: 2)
            JSONReport.document(document, impact: impact, statusFilter: statusFilter, deferringSuperseded: true, to: &json)
            var pieces: [([UInt8], String?)] = []
            // Held in memory: forEachSegment throws only what a drain threw, and there is none.
            try? json.forEachSegment { bytes, key in pieces.append((Array(bytes), key)) }
            self.pieces = pieces
        }

        /// Whether a document's JSON is rendered where it was analysed: one of at most `limit`
        /// amounts, budget lines and placements (by default ``largestRendered``, about a
        /// megabyte of JSON). A larger one is rendered by the thread that keeps the order, a
        /// megabyte at a time into the spill file, so that a large meeting's JSON is never held whole.
        static func renders(_ document: Document, impact: DocumentImpact?, limit: Int = largestRendered) -> Bool {
            let amounts = document.items.reduce(0) { $0 + $1.amounts.count }
            return amounts + (impact.map { $0.budgetLines.count + $0.placements.count } ?? 0) <= limit
        }

        static let largestRendered = 2_000
    }
}
