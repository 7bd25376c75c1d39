import Foundation

/// Writes a report so that a failed run never leaves half a file: to a temporary name beside
/// the target, then renamed over it.
public enum ReportFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var detail: String
        public var description: String { "\(path): error: cannot write report: \(detail)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces the target atomically, whether or not it exists.
            guard rename(temporary.path, url.path) == 0 else {
                throw WriteError(path: path, detail: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, detail: "\(error.localizedDescription)")
        }
    }
}
