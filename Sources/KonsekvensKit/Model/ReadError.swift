/// Why a file could not be read at all. The other files of a run are still analysed.
public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case cannotOpen(String)
        case notFound
        /// Larger than the run's limit (`--max-file-size`).
        case tooLarge(size: Int, limit: Int)
        /// NUL bytes or mostly control characters: not minutes.
        case binary
        /// A device, pipe or socket rather than a file.
        case notRegularFile
    }

    /// The path as the user gave it.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .cannotOpen(let detail): "\(path): error: cannot read file: \(detail)"
        case .notFound: "\(path): error: no such file or directory"
        case .tooLarge(let size, let limit):
            "\(path): error: file of \(size) bytes is larger than the limit of \(limit) bytes (--max-file-size); skipped"
        case .binary: "\(path): error: binary file (NUL bytes or mostly control characters), not minutes; skipped"
        case .notRegularFile: "\(path): error: not a regular file; skipped"
        }
    }
}
