import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads minutes into a ``Document``: decodes the bytes, reads the layout (Markdown, HTML or
/// plain text) and finds the meeting, its agenda items and their sections.
///
/// Reading never fails on content: any bytes give a document, and what could not be placed is
/// in its `diagnostics`. Only a file that cannot be opened is an error.
public enum MinutesReader {
    /// The file extensions read when a directory is analysed.
    public static let fileExtensions: Set<String> = ["md", "markdown", "txt", "html", "htm"]

    /// The extension of a path's last component, in lower case, as NSString's `pathExtension`
    /// gives it ("" for "notes", ".hidden" or "a.d/notes"), read on the bytes: NSString's was
    /// some 40.000 instructions a file (callgrind).
    public static func fileExtension(of path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            var end = bytes.count
            while end > 1, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            var index = end
            while index > 0 {
                let byte = bytes[index - 1]
                if byte == UInt8(ascii: "/") { return "" }
                if byte == UInt8(ascii: ".") {
                    // A leading period names a hidden file, not an extension.
                    guard index > 1, bytes[index - 2] != UInt8(ascii: "/") else { return "" }
                    return String(decoding: bytes[index..<end], as: UTF8.self).fastLowercased()
                }
                index -= 1
            }
            return ""
        }
    }

    /// Reads a document from bytes. `source` names it in reports; its extension, when it has one,
    /// picks the layout, and otherwise the content does.
    public static func read(_ bytes: [UInt8], source: String) -> Document {
        let format: SourceFormat
        let encoding: TextEncoding
        var rawLines: [RawLine]
        if let page = plainUTF8Page(bytes, source: source) {
            (format, encoding, rawLines) = (.html, .utf8, HTMLLayout.lines(ofUTF8: page))
        } else {
            let decoded: String
            (decoded, encoding) = TextDecoding.decode(bytes)
            let text = composed(decoded)
            format = detectFormat(source: source, text: text)
            switch format {
            case .html: rawLines = HTMLLayout.lines(of: text)
            case .markdown: rawLines = MarkdownLayout.lines(of: text)
            case .text: rawLines = PlainTextLayout.lines(of: text)
            }
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

    /// The bytes of an HTML file (by its extension) in UTF-8 that ``composed(_:)`` would leave
    /// alone (no combining mark), to be scanned as they are: the HTML reader reads bytes, and
    /// decoding them into a String first validated and copied every page (4,5 % of a run over
    /// Greve's meetings, callgrind).
    static func plainUTF8Page(_ bytes: [UInt8], source: String) -> [UInt8]? {
        switch fileExtension(of: source) {
        case "html", "htm": break
        default: return nil
        }
        guard !bytes.withUnsafeBufferPointer(mayNeedComposing), TextDecoding.isPlainUTF8(bytes) else { return nil }
        return bytes
    }

    /// Whether UTF-8 holds a combining diacritical mark (U+0300–U+036F, lead bytes CC and CD).
    private static func mayNeedComposing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.baseAddress.map { memchr($0, 0xCC, bytes.count) != nil || memchr($0, 0xCD, bytes.count) != nil } ?? false
    }

    /// The text in composed form (NFC): "å" as one scalar, as the rest of the pipeline compares
    /// it, also when a PDF tool wrote "a" and a combining ring. Only text with a combining
    /// diacritical mark (U+0300–U+036F, lead bytes CC and CD) is normalised.
    static func composed(_ text: String) -> String {
        var text = text
        return text.withUTF8(mayNeedComposing) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// The largest file read by default: 256 MB.
    public static let defaultMaximumFileSize = 256 * 1024 * 1024

    /// Reads the file at `path`. A file larger than `maximumSize`, a binary file, a device or a
    /// file that cannot be read (or vanished since it was listed) is an error naming it.
    public static func read(contentsOf path: String, maximumSize: Int = defaultMaximumFileSize) throws(ReadError) -> Document {
        let bytes = try contents(of: path, maximumSize: maximumSize)
        if isBinary(bytes) { throw ReadError(path: path, reason: .binary) }
        return read(bytes, source: path)
    }

    /// The bytes of the file at `path`, by `stat`, `open` and `read`: FileManager's attributes,
    /// its resolving of links and the copy out of Data were 115.000 instructions a file.
    static func contents(of path: String, maximumSize: Int) throws(ReadError) -> [UInt8] {
        // A symbolic link is judged by what it points to: its size, its type.
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            throw ReadError(path: path, reason: code == ENOENT || code == ENOTDIR ? .notFound : .cannotOpen(describe(code)))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ReadError(path: path, reason: .cannotOpen("is a directory"))
        default: throw ReadError(path: path, reason: .notRegularFile)
        }
        let size = Int(status.st_size)
        if size > maximumSize { throw ReadError(path: path, reason: .tooLarge(size: size, limit: maximumSize)) }
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else {
            let code = errno
            throw ReadError(path: path, reason: .cannotOpen(code == ENOENT ? "removed while the run went on" : describe(code)))
        }
        defer { close(file) }
        // The size may have changed since it was checked; the limit holds for what is read. One
        // byte more than the limit is room for, to know a file that grew past it.
        var bytes = [UInt8](repeating: 0, count: min(size, maximumSize) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > maximumSize { throw ReadError(path: path, reason: .tooLarge(size: count, limit: maximumSize)) }
                bytes.append(contentsOf: repeatElement(0, count: min(count, maximumSize + 1 - count)))
            }
            let result = bytes.withUnsafeMutableBytes { systemRead(file, $0.baseAddress! + count, $0.count - count) }
            if result > 0 {
                count += result
            } else if result == 0 {
                break
            } else if errno != EINTR {
                throw ReadError(path: path, reason: .cannotOpen(describe(errno)))
            }
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The system's `read`: inside this type, `read` names ``read(_:source:)``.
    private static func systemRead(_ file: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(file, buffer, count)
        #else
        Darwin.read(file, buffer, count)
        #endif
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Whether bytes look like a binary file: a NUL byte, or more than a tenth control
    /// characters, in the first 64 KB. Text with a UTF-16 byte-order mark is never binary.
    public static func isBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        let count = min(bytes.count, 65_536)
        guard count > 0 else { return false }
        var control = 0
        let binary = bytes.withUnsafeBytes { sample -> Bool in
            // Eight bytes at a time: a word with no byte below 0x20 (most of any text) is passed
            // at once. Byte by byte this was a fiftieth of reading a meeting (callgrind).
            var index = 0
            while index < count {
                let end = min(index + 8, count)
                if end - index == 8 {
                    let word = sample.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
                        index = end
                        continue
                    }
                }
                for byte in sample[index..<end] where isControl(byte) {
                    if byte == 0 { return true }
                    control += 1
                }
                index = end
            }
            return false
        }
        return binary || control * 10 > count
    }

    /// NUL and the control characters text does not hold: not tab, line feed, form feed or CR.
    private static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
    }

    static func detectFormat(source: String, text: String) -> SourceFormat {
        switch fileExtension(of: source) {
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        case "txt": return .text
        default:
            let start = text.prefix(512).fastLowercased()
            if start.includes("<!doctype html") || start.includes("<html") || start.includes("<body") { return .html }
            if text.includes("\n# ") || text.hasPrefix("# ") || text.includes("\n## ") { return .markdown }
            return .text
        }
    }

    /// "kalundborg-direktion-2021-05-03.md" → 2021-05-03, for minutes that state no date.
    static func dateInFileName(_ source: String) -> MeetingDate? {
        let name = (source as NSString).lastPathComponent
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 10 else { return nil }
        for start in 0...(scalars.count - 10) {
            let slice = String(scalars: scalars[start..<(start + 10)])
            if let date = DanishDates.numericDate(Substring(slice)), slice.hasPrefix("19") || slice.hasPrefix("20") {
                return date
            }
        }
        return nil
    }
}
