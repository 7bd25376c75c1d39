import Foundation

/// Report text rendered as documents arrive, with the places where a value known only at
/// the end of the run goes (a budget line's superseded-by meeting), kept on disk until then.
final class DeferredText {
    private let spill: SpillFile
    private static let documentEnd = "\u{1}"

    init(directory: URL?) throws {
        spill = try SpillFile(directory: directory ?? FileManager.default.temporaryDirectory)
    }

    /// Text kept in `spill`.
    init(spill: SpillFile) {
        self.spill = spill
    }

    /// Appends text, then the place of the value for `key` when one is given.
    func append(_ text: String, then key: String? = nil) throws {
        try append(bytes: text.utf8, then: key)
    }

    /// Appends text given as whole UTF-8, then the place of the value for `key` when one is given.
    func append(bytes: some Collection<UInt8>, then key: String? = nil) throws {
        try spill.append(bytes: bytes)
        try spill.append(key ?? "")
    }

    /// Marks the end of one document's text.
    func endDocument() throws { try append("", then: Self.documentEnd) }

    /// Writes everything appended in order: each deferred place as `value(key)`, and
    /// `documentEnd(index)` where document `index` ends. The spill is emptied afterwards.
    ///
    /// Written as bytes in pieces of about a megabyte: a String made for every piece read back,
    /// or for every megabyte, was most of the replay (callgrind).
    func replay(_ write: ReportWriter, value: (String) throws -> String, documentEnd: (Int) -> String = { _ in "" }) throws {
        defer { spill.remove() }
        var output: [UInt8] = []
        output.reserveCapacity(Self.batchSize + 4096)
        var textPending = false
        var documents = 0
        try spill.readBack { part in
            // Text and key take turns: every text is followed by its key, empty for none.
            guard textPending else {
                output.append(contentsOf: part)
                textPending = true
                return
            }
            textPending = false
            if part.elementsEqual(Self.documentEnd.utf8) {
                output.append(contentsOf: documentEnd(documents).utf8)
                documents += 1
            } else if !part.isEmpty {
                output.append(contentsOf: try value(String(decoding: part, as: UTF8.self)).utf8)
            }
            if output.count >= Self.batchSize {
                try write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        if !output.isEmpty { try write(output) }
    }

    private static let batchSize = 1 << 20
}
