import Foundation

extension CSVReport {
    /// The CSV of a run too large to hold: rows are rendered as each document arrives and kept
    /// in a spill file on disk; the `superseded_by` column, which depends on later meetings, is
    /// filled in by ``finish(supersededBy:write:)`` once the case tracks are known. The bytes
    /// are those of ``render(_:dialect:)`` for the same run.
    public final class Stream {
        public let dialect: Dialect
        public let statusFilter: StatusFilter
        private let spill: SpillFile
        private static let supersededColumn = columns.firstIndex { $0.name == "superseded_by" }!

        /// Opens a spill file in `directory` (the system's temporary folder by default).
        public init(dialect: Dialect = .excelDanish, statusFilter: StatusFilter = .all, directory: URL? = nil) throws {
            self.dialect = dialect
            self.statusFilter = statusFilter
            spill = try SpillFile(directory: directory ?? FileManager.default.temporaryDirectory)
        }

        /// Renders the shown lines of one document.
        public func add(_ impact: DocumentImpact) throws {
            let separator = String(dialect.separator)
            for line in impact.budgetLines where statusFilter.shows(line) {
                let fields = columns.map { cell($0.cell(line), dialect: dialect) }
                try spill.append(fields[..<Self.supersededColumn].joined(separator: separator) + separator)
                try spill.append(line.caseNumber.map { line.source + "\u{0}" + $0 } ?? "")
                try spill.append(separator + fields[(Self.supersededColumn + 1)...].joined(separator: separator) + "\r\n")
            }
        }

        /// Writes the whole CSV, header first, through `write`, and removes the spill file.
        public func finish(supersededBy: [CaseLedger.Key: String], write: (String) throws -> Void) throws {
            defer { spill.remove() }
            try write(dialect.byteOrderMark + row(columns.map { field($0.name, dialect: dialect) }, dialect: dialect))
            var parts: [String] = []
            try spill.readBack { part in
                parts.append(part)
                guard parts.count == 3 else { return }
                var superseded: String?
                if let separator = parts[1].firstIndex(of: "\u{0}") {
                    let key = CaseLedger.Key(
                        source: String(parts[1][..<separator]), caseNumber: String(parts[1][parts[1].index(after: separator)...]))
                    superseded = supersededBy[key]
                }
                try write(parts[0] + cell(.text(superseded), dialect: dialect) + parts[2])
                parts.removeAll(keepingCapacity: true)
            }
        }
    }
}

/// A temporary file of strings written one after another and read back in order, for
/// output that must wait for the end of a run. It is readable by its owner only, and its name
/// is removed as soon as it is open: whatever ends the run, nothing is left behind.
final class SpillFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    init(directory: URL) throws {
        let path = directory.appendingPathComponent("konsekvens-spill-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        unlink(path)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Appends one string: its UTF-8 length as four bytes, then its bytes.
    func append(_ text: String) throws {
        let count = UInt32(text.utf8.count)
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with every string appended, in order.
    func readBack(_ body: (String) throws -> Void) throws {
        try flush()
        try handle.seek(toOffset: 0)
        var pending: [UInt8] = []
        var start = 0
        while let chunk = try handle.read(upToCount: Self.flushSize), !chunk.isEmpty {
            pending.removeFirst(start)
            start = 0
            pending.append(contentsOf: chunk)
            while pending.count - start >= 4 {
                var count = 0
                for offset in 0..<4 { count |= Int(pending[start + offset]) << (8 * offset) }
                guard pending.count - start - 4 >= count else { break }
                try body(String(decoding: pending[(start + 4)..<(start + 4 + count)], as: UTF8.self))
                start += 4 + count
            }
        }
    }

    /// Gives the file's space back now rather than when the spill is released.
    func remove() {
        try? handle.truncate(atOffset: 0)
        buffer = []
    }
}
