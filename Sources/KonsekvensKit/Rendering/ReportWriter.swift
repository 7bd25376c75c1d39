/// Where a report goes: handed its UTF-8 bytes piece by piece, in order. Only the whole is
/// text: a piece need not end at a character's end.
public typealias ReportWriter = ([UInt8]) throws -> Void

/// Report bytes gathered into pieces of about a megabyte before they go to a ``ReportWriter``:
/// a write for each small piece of a report is slow, and one for the whole holds it all.
struct WriteBatch {
    private var bytes: [UInt8] = []
    private static let size = 1 << 20

    mutating func add(_ text: String, to write: ReportWriter) throws {
        try add(bytes: text.utf8, to: write)
    }

    mutating func add(bytes more: some Collection<UInt8>, to write: ReportWriter) throws {
        bytes.append(contentsOf: more)
        if bytes.count >= Self.size { try flush(to: write) }
    }

    /// Writes what is gathered.
    mutating func flush(to write: ReportWriter) throws {
        if !bytes.isEmpty { try write(bytes) }
        bytes.removeAll(keepingCapacity: true)
    }
}
