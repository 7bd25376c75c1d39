import Foundation

/// What a report that is put together from each document's pieces when the run is over makes
/// of one document: the Markdown report's and the HTML page's.
protocol DocumentPieces: Sendable {
    init(_ document: Document, impact: DocumentImpact?, statusFilter: StatusFilter)
}

/// A report put together from each document's ``DocumentPieces`` in report order, kept in
/// spill files until the run is over (the streamed Markdown report and HTML page). A held
/// report is made by the same stream with its spills in memory (``render(_:)``), so the two
/// give the same bytes.
protocol PieceStream: AnyObject {
    associatedtype Pieces: DocumentPieces

    var statusFilter: StatusFilter { get }
    /// The placement rules that placed an amount.
    var usedRules: Set<String> { get }

    /// A stream whose spill files `spill` makes.
    init(statusFilter: StatusFilter, rulesOrigin: String?, populationTable: String?, spill: () throws -> SpillFile) rethrows

    /// Adds the next document's pieces.
    func add(_ pieces: Pieces) throws

    /// Writes the whole report through `write`, given what depends on the whole run, and
    /// empties the spill files.
    func finish(
        errors: [ReadError], filter: CorpusFilter, filteredOut: Int, unusedRules: [String], cases: CaseTrackList,
        supersededBy: SupersededSteps, write: ReportWriter
    ) throws
}

extension PieceStream {
    /// A stream kept in memory.
    init(statusFilter: StatusFilter, rulesOrigin: String?, populationTable: String?) {
        self.init(statusFilter: statusFilter, rulesOrigin: rulesOrigin, populationTable: populationTable) { SpillFile() }
    }

    /// A stream kept in spill files in `directory` (the system's temporary folder by default).
    init(statusFilter: StatusFilter, rulesOrigin: String?, populationTable: String?, directory: URL?) throws {
        let folder = directory ?? FileManager.default.temporaryDirectory
        try self.init(statusFilter: statusFilter, rulesOrigin: rulesOrigin, populationTable: populationTable) {
            try SpillFile(directory: folder)
        }
    }

    /// The report of a held run.
    static func render(_ report: AnalysisReport) -> String {
        let stream = Self(statusFilter: report.statusFilter, rulesOrigin: report.rulesOrigin, populationTable: report.populationTable)
        var supersededBy: [CaseLedger.Key: String] = [:]
        for line in report.allShownLines {
            if let caseNumber = line.caseNumber, let meeting = line.supersededBy {
                supersededBy[CaseLedger.Key(source: line.source, caseNumber: caseNumber)] = meeting
            }
        }
        var out: [UInt8] = []
        do {
            for document in report.documents {
                try stream.add(Pieces(document, impact: report.impact(of: document), statusFilter: report.statusFilter))
            }
            try stream.finish(
                errors: report.errors, filter: report.filter, filteredOut: report.filteredOut, unusedRules: report.unusedRules,
                cases: CaseTrackList(report.cases), supersededBy: SupersededSteps(supersededBy)
            ) { out += $0 }
        } catch {
            // Spills kept in memory are never written to a file, and `out` takes every byte.
            preconditionFailure("a report held in memory failed: \(error)")
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The documents of a run and their items, how many of those are closed and how many have a
/// decision: the first thing both reports say.
struct ItemCounts: Sendable {
    var documents = 0, items = 0, closed = 0, decided = 0

    init() {}

    /// One document's.
    init(_ document: Document) {
        documents = 1
        items = document.items.count
        closed = document.items.count(where: \.closed)
        decided = document.items.count { $0.decision != nil }
    }

    mutating func add(_ other: ItemCounts) {
        documents += other.documents
        items += other.items
        closed += other.closed
        decided += other.decided
    }

    /// "3 dokumenter, 14 punkter, 2 lukkede, 12 med beslutning".
    var sentence: String { "\(documents) dokumenter, \(items) punkter, \(closed) lukkede, \(decided) med beslutning" }
}
