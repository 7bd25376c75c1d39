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

    /// Writes everything appended in order: each deferred place as `value(key)`, and
    /// `between(index)` where document `index` ends. The spill is emptied afterwards.
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
