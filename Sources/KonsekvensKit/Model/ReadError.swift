/// Why a file could not be read at all. The other files of a run are still analysed.
public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case cannotOpen(String)
        case notFound
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
        }
    }
}
