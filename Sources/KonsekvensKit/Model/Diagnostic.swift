/// Something the reader noticed and went on past: recorded, never thrown.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case note, warning
    }

    public var severity: Severity
    /// A short name for the kind of diagnostic ("UnknownHeading").
    public var code: String
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }
}
