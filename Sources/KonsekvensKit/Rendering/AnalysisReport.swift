/// The result of a run: the documents read and the files that could not be read.
public struct AnalysisReport: Sendable {
    /// The documents read, sorted by source path so reports do not depend on argument order.
    public var documents: [Document]
    public var errors: [ReadError]

    public init(documents: [Document], errors: [ReadError]) {
        self.documents = documents.sorted { $0.source < $1.source }
        self.errors = errors.sorted { $0.path < $1.path }
    }
}
