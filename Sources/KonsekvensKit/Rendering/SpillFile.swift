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
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the UTF-8 bytes of every string appended, in order.
    func readBack(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
        guard let handle else {
            _ = try Self.split(buffer[...], body)
            return
        }
        try flush()
        func read() throws -> Data? {
            do {
                return try handle.read(upToCount: Self.flushSize)
            } catch {
                throw SpillError(description: "cannot read the temporary file back: \(error.localizedDescription)")
            }
        }
        try handle.seek(toOffset: 0)
        var pending: [UInt8] = []
        var start = 0
        while let chunk = try read(), !chunk.isEmpty {
            pending.removeFirst(start)
            pending.append(contentsOf: chunk)
            start = try Self.split(pending[...], body)
        }
    }

    /// Calls `body` with each whole string in `bytes`, and returns where the first one not
    /// wholly there starts.
    private static func split(_ bytes: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) throws -> Void) throws -> Int {
        var start = bytes.startIndex
        while bytes.endIndex - start >= 4 {
            var count = 0
            for offset in 0..<4 { count |= Int(bytes[start + offset]) << (8 * offset) }
            guard bytes.endIndex - start - 4 >= count else { break }
            try body(bytes[(start + 4)..<(start + 4 + count)])
            start += 4 + count
        }
        return start
    }

    /// Gives the file's space back now rather than when the spill is released.
    func remove() {
        try? handle?.truncate(atOffset: 0)
        buffer = []
    }
}

/// Why the temporary file of a streamed report failed.
public struct SpillError: Error, CustomStringConvertible, LocalizedError {
    public var description: String
    public var errorDescription: String? { description }
}
