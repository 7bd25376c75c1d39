import Foundation

/// Reads minutes into a ``Document``: decodes the bytes, reads the layout (Markdown, HTML or
/// plain text) and finds the meeting, its agenda items and their sections.
///
/// Reading never fails on content: any bytes give a document, and what could not be placed is
/// in its `diagnostics`. Only a file that cannot be opened is an error.
public enum MinutesReader {
    /// The file extensions read when a directory is analysed.
    public static let fileExtensions: Set<String> = ["md", "markdown", "txt", "html", "htm"]

    /// Reads a document from bytes. `source` names it in reports; its extension, when it has one,
    /// picks the layout, and otherwise the content does.
    public static func read(_ bytes: [UInt8], source: String) -> Document {
        let (text, encoding) = TextDecoding.decode(bytes)
        let format = detectFormat(source: source, text: text)
        var rawLines: [RawLine]
        switch format {
        case .html: rawLines = HTMLLayout.lines(of: text)
        case .markdown: rawLines = MarkdownLayout.lines(of: text)
        case .text: rawLines = PlainTextLayout.lines(of: text)
        }
        var diagnostics: [Diagnostic] = []
        if format == .text {
            let (kept, removed) = PageFurniture.removing(from: rawLines)
            rawLines = kept
            if removed > 0 {
                diagnostics.append(
                    Diagnostic(.note, "PageFurniture", "removed \(removed) page header, footer and number lines", at: SourceLocation(line: 1)))
            }
        }
        var parser = MinutesParser(lines: rawLines, format: format)
        let result = parser.parse(fallbackDate: dateInFileName(source))
        return Document(
            source: source, encoding: encoding, format: format, meeting: result.meeting,
            tableOfContents: result.tableOfContents, items: result.items, diagnostics: diagnostics + result.diagnostics)
    }

    /// Reads the file at `path`.
    public static func read(contentsOf path: String) throws(ReadError) -> Document {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(path: path, reason: .notFound)
        }
        guard !isDirectory.boolValue else { throw ReadError(path: path, reason: .cannotOpen("is a directory")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(path: path, reason: .cannotOpen("permission denied or unreadable"))
        }
        return read([UInt8](data), source: path)
    }

    static func detectFormat(source: String, text: String) -> SourceFormat {
        switch (source as NSString).pathExtension.lowercased() {
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        case "txt": return .text
        default:
            let start = text.prefix(512).lowercased()
            if start.contains("<!doctype html") || start.contains("<html") || start.contains("<body") { return .html }
            if text.contains("\n# ") || text.hasPrefix("# ") || text.contains("\n## ") { return .markdown }
            return .text
        }
    }

    /// "kalundborg-direktion-2021-05-03.md" → 2021-05-03, for minutes that state no date.
    static func dateInFileName(_ source: String) -> MeetingDate? {
        let name = (source as NSString).lastPathComponent
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 10 else { return nil }
        for start in 0...(scalars.count - 10) {
            let slice = String(String.UnicodeScalarView(scalars[start..<(start + 10)]))
            if let date = DanishDates.numericDate(Substring(slice)), slice.hasPrefix("19") || slice.hasPrefix("20") {
                return date
            }
        }
        return nil
    }
}
