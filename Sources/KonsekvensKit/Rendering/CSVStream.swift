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
        private static let supersededColumn = columns.firstIndex { $0.name == "superseded_by" }!

        /// Opens a spill file in `directory` (the system's temporary folder by default).
        public init(dialect: Dialect = .excelDanish, statusFilter: StatusFilter = .all, directory: URL? = nil) throws {
            self.dialect = dialect
            self.statusFilter = statusFilter
            rows = try DeferredText(directory: directory)
        }

        /// Renders the shown lines of one document.
        public func add(_ impact: DocumentImpact) throws {
            // Each row's cells straight into bytes: a String per field, quoted, neutralised and
            // joined, was most of the time (callgrind).
            let separator = dialect.separatorByte
            var bytes: [UInt8] = []
            for line in impact.budgetLines where statusFilter.shows(line) {
                let key = line.caseNumber.map { CaseLedger.Key(source: line.source, caseNumber: $0).encoded }
                bytes.removeAll(keepingCapacity: true)
                appendCells(of: line, columns: 0..<Self.supersededColumn, dialect: dialect, to: &bytes)
                bytes.append(separator)
                try rows.append(bytes: bytes, then: key)
                bytes.removeAll(keepingCapacity: true)
                bytes.append(separator)
                appendCells(of: line, columns: (Self.supersededColumn + 1)..<columns.count, dialect: dialect, to: &bytes)
                bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
                try rows.append(bytes: bytes)
            }
        }

        /// Writes the whole CSV, header first, through `write`, and empties the spill file.
        public func finish(supersededBy: [CaseLedger.Key: String], write: ReportWriter) throws {
            try write(Array((dialect.byteOrderMark + row(columns.map { field($0.name, dialect: dialect) }, dialect: dialect)).utf8))
            try rows.replay(write) { key in
                cell(.text(CaseLedger.Key(encoded: key).flatMap { supersededBy[$0] }), dialect: dialect)
            }
        }
    }
}
