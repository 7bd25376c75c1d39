import Foundation

/// Writes a report so that a failed run never leaves half a file: to a temporary name beside
/// the target, then renamed over it.
public enum ReportFile {
    /// A report that could not be written, with the reason.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var detail: String
        public var description: String { "\(path): error: cannot write report: \(detail)" }
    }

    /// Writes `text` as UTF-8 to `path`, replacing what was there only once it is complete.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
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
}
