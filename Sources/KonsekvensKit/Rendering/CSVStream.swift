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
            let separator = String(dialect.separator)
            for line in impact.budgetLines where statusFilter.shows(line) {
                let fields = columns.map { cell($0.cell(line), dialect: dialect) }
                let key = line.caseNumber.map { CaseLedger.Key(source: line.source, caseNumber: $0).encoded }
                try rows.append(joined(fields[..<Self.supersededColumn], dialect: dialect, suffix: separator), then: key)
                try rows.append(joined(fields[(Self.supersededColumn + 1)...], dialect: dialect, prefix: separator, suffix: "\r\n"))
            }
        }

        /// Writes the whole CSV, header first, through `write`, and empties the spill file.
        public func finish(supersededBy: [CaseLedger.Key: String], write: (String) throws -> Void) throws {
            try write(dialect.byteOrderMark + row(columns.map { field($0.name, dialect: dialect) }, dialect: dialect))
            try rows.replay(write) { key in
                cell(.text(CaseLedger.Key(encoded: key).flatMap { supersededBy[$0] }), dialect: dialect)
            }
        }
    }
}
