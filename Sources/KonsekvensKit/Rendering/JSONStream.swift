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

        /// For a run with `engine`'s rules; opens a spill file in `directory` (the system's
        /// temporary folder by default).
        public init(engine: RuleEngine, statusFilter: StatusFilter = .all, directory: URL? = nil) throws {
            self.statusFilter = statusFilter
            rulesOrigin = engine.rules.origin
            populationTable = engine.population?.name
            placementRules = engine.rules.placements.map(\.name)
            documents = try DeferredText(directory: directory)
        }

        /// Renders one document with its impact.
        public func add(_ document: Document, impact: DocumentImpact?) throws {
            usedRules.formUnion(impact?.placements.compactMap(\.rule) ?? [])
            let value = JSONReport.document(document, impact: impact, statusFilter: statusFilter, deferringSuperseded: true)
            for piece in value.segments(indent: 2) { try documents.append(piece.text, then: piece.deferred) }
            try documents.endDocument()
            documentCount += 1
        }

        /// Writes the whole report through `write`, and empties the spill file.
        public func finish(cases: [CaseTrack], supersededBy: [CaseLedger.Key: String], errors: [ReadError], write: (String) throws -> Void) throws {
            let report = JSONValue.object([
                ("schemaVersion", .int(schemaVersion)),
                ("statusFilter", .string(statusFilter.rawValue)),
                ("rules", .optional(rulesOrigin)),
                ("populationTable", .optional(populationTable)),
                ("unusedRules", .array(placementRules.filter { !usedRules.contains($0) }.map(JSONValue.string))),
                ("cases", .array(cases.map(caseTrack))),
                ("documents", .deferred("documents")),
                ("errors", .array(errors.map { .object([("path", .string($0.path)), ("message", .string($0.description))]) })),
            ])
            let pieces = report.segments(indent: 0)
            try write(pieces[0].text)
            guard documentCount > 0 else {
                try write("[]")
                for piece in pieces.dropFirst() { try write(piece.text) }
                try write("\n")
                return
            }
            // As JSONValue writes an array member of the top-level object: elements two levels in.
            var indentation = "", closing = ""
            JSONValue.indent(&indentation, 2)
            JSONValue.indent(&closing, 1)
            try write("[\n" + indentation)
            let count = documentCount
            try documents.replay(write) { key in
                JSONValue.optional(CaseLedger.Key(encoded: key).flatMap { supersededBy[$0] }).segments(indent: 0)[0].text
            } documentEnd: { index in
                try write(index + 1 < count ? ",\n" + indentation : "\n")
            }
            try write(closing + "]")
            for piece in pieces.dropFirst() { try write(piece.text) }
            try write("\n")
        }
    }
}
