import Foundation

/// Report text rendered as documents arrive, with the places where a value known only at
/// the end of the run goes (a budget line's superseded-by meeting), kept on disk until then.
final class DeferredText {
    private let spill: SpillFile
    private static let documentEnd = "\u{1}"

    init(directory: URL?) throws {
        spill = try SpillFile(directory: directory ?? FileManager.default.temporaryDirectory)
    }

    /// Appends text, then the place of the value for `key` when one is given.
    func append(_ text: String, then key: String? = nil) throws {
        try spill.append(text)
        try spill.append(key ?? "")
    }

    /// Marks the end of one document's text.
    func endDocument() throws { try append("", then: Self.documentEnd) }

    /// Writes everything appended in order: each deferred place as `value(key)`, and calls
    /// `documentEnd(index)` where document `index` ends. The spill is emptied afterwards.
    func replay(_ write: (String) throws -> Void, value: (String) -> String, documentEnd: (Int) throws -> Void = { _ in }) throws {
        defer { spill.remove() }
        var text: String?
        var documents = 0
        try spill.readBack { part in
            guard let pending = text else {
                text = part
                return
            }
            text = nil
            try write(pending)
            if part == Self.documentEnd {
                try documentEnd(documents)
                documents += 1
            } else if !part.isEmpty {
                try write(value(part))
            }
        }
    }
}
