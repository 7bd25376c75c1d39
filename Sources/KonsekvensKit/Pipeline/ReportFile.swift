import Foundation

/// Writes a report so that a failed run never leaves half a file: to a temporary name beside
/// the target, then renamed over it. What cannot be replaced by a rename (a device, a pipe, a
/// terminal, and what the links in /dev and /proc lead to) is written into instead, and may
/// receive part of a report when the run fails.
public enum ReportFile {
    /// A report that could not be written, with the reason.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var detail: String
        public var description: String { "\(path): error: cannot write report: \(detail)" }
    }

    /// Writes `text` as UTF-8 to `path`, replacing what was there only once it is complete.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(to: path) { write in try write(Array(text.utf8)) }
    }

    /// Writes a report piece by piece: `body` is handed a function that appends UTF-8 bytes.
    /// A file at `path` is replaced only once `body` has returned; if it throws, it is not.
    ///
    /// A path that is not a regular file (/dev/null, a pipe, a terminal) is written into: a file
    /// renamed over it would replace it, and as root /dev/null too. So is a symbolic link in
    /// /dev or /proc (/dev/stdout, /proc/self/fd/1), which may lead to the very file the shell
    /// opened, appended to, as `>>` would keep what is there. Through another symbolic link, the
    /// file it leads to is replaced, and the link kept.
    public static func write(to path: String, _ body: (_ write: ReportWriter) throws -> Void) throws(WriteError) {
        var status = stat(), link = stat()
        let statError = stat(path, &status) == 0 ? 0 : errno
        let isLink = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
        if statError == 0 && status.st_mode & S_IFMT != S_IFREG || isLink && (path.hasPrefix("/dev/") || path.hasPrefix("/proc/")) {
            return try writeInPlace(to: path, body)
        }
        let url = URL(fileURLWithPath: try target(of: path, statError: statError, isLink: isLink))
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            // Data.write says why a file cannot be made ("No such file or directory").
            try Data().write(to: temporary)
            let output = BufferedOutput(try FileHandle(forWritingTo: temporary))
            defer { try? output.handle.close() }
            try body(output.write)
            try output.flush()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, detail: error.localizedDescription)
        }
        // rename(2) replaces the target atomically, whether or not it exists.
        guard rename(temporary.path, url.path) == 0 else {
            let detail = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, detail: detail)
        }
    }

    /// The file a report at `path` replaces or makes: the path's own file, resolved; for a
    /// symbolic link to nothing, what it names (the link kept); an error for a loop of links.
    /// `statError` is what stat(2) of the path set errno to, 0 when the path is there.
    private static func target(of path: String, statError: Int32, isLink: Bool) throws(WriteError) -> String {
        guard statError != 0 else { return InputFiles.canonicalPath(path) }
        guard isLink else { return path }
        guard statError == ENOENT, let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
            throw WriteError(path: path, detail: String(cString: strerror(ELOOP)))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        return destination.hasPrefix("/") ? destination : folder.appendingPathComponent(destination).path
    }

    /// Writes into what is at `path`, at its end: for what cannot be replaced by a rename.
    private static func writeInPlace(to path: String, _ body: (_ write: ReportWriter) throws -> Void) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_APPEND)
        guard descriptor >= 0 else { throw WriteError(path: path, detail: String(cString: strerror(errno))) }
        let output = BufferedOutput(FileHandle(fileDescriptor: descriptor, closeOnDealloc: false))
        defer { close(descriptor) }
        do {
            try body(output.write)
            try output.flush()
        } catch {
            throw WriteError(path: path, detail: error.localizedDescription)
        }
    }
}

/// UTF-8 written to a file handle through a buffer of a megabyte, so a report of any size is
/// written without being held whole.
public final class BufferedOutput {
    let handle: FileHandle
    private var buffer: [UInt8] = []

    public init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends UTF-8 bytes.
    public func write(_ bytes: [UInt8]) throws {
        // A megabyte or more (a held report whole) goes straight to the file, not through the buffer.
        guard bytes.count < 1 << 20 else {
            try flush()
            return try handle.write(contentsOf: bytes)
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
