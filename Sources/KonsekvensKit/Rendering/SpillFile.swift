import Foundation

/// A temporary file of strings written one after another and read back in order, for
/// output that must wait for the end of a run. It is readable by its owner only, and its name
/// is removed as soon as it is open: whatever ends the run, nothing is left behind.
///
/// Made with ``init()``, it keeps the strings in memory instead, for a report of a run that
/// is held anyway: the same code renders both, and nothing in memory fails to be written.
final class SpillFile {
    /// nil when the strings stay in memory.
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    /// Bytes written to the file, before those still in ``buffer``.
    private var written = 0
    private static let flushSize = 1 << 20

    /// A spill kept in memory.
    init() {
        handle = nil
    }

    init(directory: URL) throws {
        let path = directory.appendingPathComponent("konsekvens-spill-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw SpillError(description: "cannot create a temporary file in \(directory.path): \(String(cString: strerror(errno)))")
        }
        unlink(path)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Appends one string: its UTF-8 length as four bytes, then its bytes.
    func append(_ text: String) throws {
        try append(bytes: text.utf8)
    }

    /// Appends one string given as its UTF-8 bytes.
    func append(bytes: some Collection<UInt8>) throws {
        guard let count = UInt32(exactly: bytes.count) else {
            throw SpillError(description: "a piece of report of \(bytes.count) bytes is too large for the temporary file")
        }
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        guard let handle else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw SpillError(description: "cannot write the temporary file: \(error.localizedDescription)")
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Where the next string appended will start: a part of the file appended from here can
    /// be read back alone with ``strings(in:)``.
    var endOffset: Int { written + buffer.count }

    /// Calls `body` with the UTF-8 bytes of every string appended, in order.
    func readBack(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var strings = try strings(in: 0..<endOffset)
        while let bytes = try strings.next() { try body(bytes) }
    }

    /// The strings appended in `part`, a range from one ``endOffset`` to a later one, read one
    /// at a time: several parts can be read side by side, as a merge of sorted runs reads them.
    func strings(in part: Range<Int>) throws -> Strings {
        try flush()
        return Strings(spill: self, part: part)
    }

    /// The strings of one part of a spill, read on demand some 64 KB at a time.
    struct Strings {
        private let spill: SpillFile
        private var offset: Int
        private let end: Int
        private var pending: [UInt8] = []
        private var start = 0
        private static let chunkSize = 1 << 16

        fileprivate init(spill: SpillFile, part: Range<Int>) {
            self.spill = spill
            (offset, end) = (part.lowerBound, part.upperBound)
        }

        /// The next string's UTF-8 bytes, or nil after the part's last.
        mutating func next() throws -> ArraySlice<UInt8>? {
            guard let header = try take(4) else { return nil }
            var count = 0
            for offset in 0..<4 { count |= Int(header[header.startIndex + offset]) << (8 * offset) }
            guard let bytes = try take(count) else {
                throw SpillError(description: "the temporary file ends within a string")
            }
            return bytes
        }

        /// The next `count` bytes, reading more of the part when fewer are pending; nil when the
        /// part has no bytes left.
        private mutating func take(_ count: Int) throws -> ArraySlice<UInt8>? {
            if pending.count - start < count {
                pending.removeFirst(start)
                start = 0
                if offset < end { try read(max(count - pending.count, Self.chunkSize)) }
                guard pending.count >= count else {
                    if pending.isEmpty { return nil }
                    throw SpillError(description: "the temporary file ends within a string")
                }
            }
            defer { start += count }
            return pending[start..<(start + count)]
        }

        private mutating func read(_ wanted: Int) throws {
            let count = min(wanted, end - offset)
            guard let handle = spill.handle else {
                pending.append(contentsOf: spill.buffer[offset..<(offset + count)])
                offset += count
                return
            }
            var filled = pending.count
            pending.append(contentsOf: repeatElement(0, count: count))
            // pread may give fewer bytes than asked, or be interrupted: read until all are there.
            while filled < pending.count {
                let read = pending.withUnsafeMutableBytes { buffer in
                    pread(handle.fileDescriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset))
                }
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    let reason = read < 0 ? String(cString: strerror(errno)) : "it is shorter than written"
                    throw SpillError(description: "cannot read the temporary file back: \(reason)")
                }
                filled += read
                offset += read
            }
        }
    }

    /// Gives the file's space back now rather than when the spill is released.
    func remove() {
        try? handle?.truncate(atOffset: 0)
        buffer = []
        written = 0
    }
}

/// Why the temporary file of a streamed report failed.
public struct SpillError: Error, CustomStringConvertible, LocalizedError {
    public var description: String
    public var errorDescription: String? { description }
}
