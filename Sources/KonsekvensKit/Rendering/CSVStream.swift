import Foundation

extension CSVReport {
    /// The CSV of a run too large to hold: rows are rendered as each document arrives and kept
    /// in a spill file on disk; the `superseded_by` column, which depends on later meetings, is
    /// filled in by ``finish(supersededBy:write:)`` once the case tracks are known. The bytes
    /// are those of ``render(_:dialect:)`` for the same run.
    public final class Stream {
        public let dialect: Dialect
        public let statusFilter: StatusFilter
        private let rows: DeferredText
        fileprivate static let supersededColumn = columns.firstIndex { $0.name == "superseded_by" }!

        /// Opens a spill file in `directory` (the system's temporary folder by default).
        public init(dialect: Dialect = .excelDanish, statusFilter: StatusFilter = .all, directory: URL? = nil) throws {
            self.dialect = dialect
            self.statusFilter = statusFilter
            rows = try DeferredText(directory: directory)
        }

        /// Adds one document's rows, rendered beforehand (on any thread) for this stream's
        /// dialect and status filter.
        public func add(_ rows: Rows) throws {
            var start = 0
            for piece in rows.pieces {
                try self.rows.append(bytes: rows.bytes[start..<piece.end], then: piece.key)
                start = piece.end
            }
        }

        /// Writes the whole CSV, header first, through `write`, and empties the spill file.
        public func finish(supersededBy: [CaseLedger.Key: String], write: ReportWriter) throws {
            try finish(supersededBy: SupersededSteps(supersededBy), write: write)
        }

        /// Writes the whole CSV, header first, through `write`, and empties the spill file.
        func finish(supersededBy: SupersededSteps, write: ReportWriter) throws {
            try write(Array((dialect.byteOrderMark + row(columns.map { field($0.name, dialect: dialect) }, dialect: dialect)).utf8))
            var superseded = try supersededBy.lookup()
            try rows.replay(write) { key in
                cell(.text(try CaseLedger.Key(encoded: key).flatMap { try superseded.meeting(for: $0) }), dialect: dialect)
            }
        }
    }

    /// One document's rows of a streamed CSV, all but their `superseded_by` cells.
    public struct Rows: Sendable {
        fileprivate var bytes: [UInt8] = []
        /// Where each piece of `bytes` ends, and the case whose superseded-by cell follows it.
        fileprivate var pieces: [(end: Int, key: String?)] = []

        /// The rows of the lines of `impact` that `statusFilter` shows.
        public init(_ impact: DocumentImpact, dialect: Dialect, statusFilter: StatusFilter) {
            // Each row's cells straight into bytes: a String per field, quoted, neutralised and
            // joined, was most of the time (callgrind).
            let separator = dialect.separatorByte
            let superseded = Stream.supersededColumn
            for line in impact.budgetLines where statusFilter.shows(line) {
                let key = line.caseNumber.map { CaseLedger.Key(source: line.source, caseNumber: $0).encoded }
                appendCells(of: line, columns: 0..<superseded, dialect: dialect, to: &bytes)
                bytes.append(separator)
                pieces.append((bytes.count, key))
                bytes.append(separator)
                appendCells(of: line, columns: (superseded + 1)..<columns.count, dialect: dialect, to: &bytes)
                bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
                pieces.append((bytes.count, nil))
            }
        }
    }
}
