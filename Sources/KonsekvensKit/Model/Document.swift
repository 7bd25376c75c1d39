/// One set of minutes, read into meeting, agenda items and sections.
public struct Document: Sendable, Hashable {
    /// The path the document was read from, as given by the user ("-" for standard input).
    public var source: String
    public var encoding: TextEncoding
    public var format: SourceFormat
    public var meeting: Meeting
    /// The entries of the table of contents (indholdsfortegnelse), when there is one.
    public var tableOfContents: [String]
    public var items: [AgendaItem]
    public var diagnostics: [Diagnostic]
    /// The analysed kommune ("Kalundborg"), set by extraction from the options or the text.
    public var municipality: String?
    /// How extraction knew ``municipality``.
    public var municipalitySource: MunicipalitySource?

    public init(
        source: String, encoding: TextEncoding, format: SourceFormat, meeting: Meeting = Meeting(),
        tableOfContents: [String] = [], items: [AgendaItem] = [], diagnostics: [Diagnostic] = []
    ) {
        self.source = source
        self.encoding = encoding
        self.format = format
        self.meeting = meeting
        self.tableOfContents = tableOfContents
        self.items = items
        self.diagnostics = diagnostics
    }
}

/// How the kommune of a set of minutes was known.
public enum MunicipalitySource: String, Sendable, Hashable {
    /// Named by the user (`--municipality`).
    case option
    /// Named by the masthead above the meeting ("Sorø Kommune").
    case masthead
    /// The town of the rådhus the meeting was held in ("Byrådssalen, Sorø Rådhus").
    case townHall
    /// Named by a folder the file is in ("arkiv/greve/2024/…"), and by the items too when
    /// they name any kommune.
    case folder
    /// Only guessed: the kommune the items name most often.
    case mostNamed

    /// Whether the kommune is known rather than guessed, so that cases of two kommuner with one
    /// case number can be told apart by it.
    public var isKnown: Bool { self != .mostNamed }
}

/// The layout a document was written in.
public enum SourceFormat: String, Sendable, Hashable {
    case markdown, html, text
}

extension Document {
    /// The document without the text of its sections (see ``Section/droppingText()``).
    public func droppingText() -> Document {
        var document = self
        for item in document.items.indices {
            document.items[item].sections = document.items[item].sections.map { $0.droppingText() }
        }
        return document
    }
}
