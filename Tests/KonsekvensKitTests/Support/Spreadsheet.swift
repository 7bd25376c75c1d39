import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Opens CSV files the way a Danish LibreOffice Calc user does, headless, and reads back what
/// the spreadsheet made of every cell: a number, a date, text or a formula. The tests that use
/// it are skipped where LibreOffice is not installed (`apt-get install libreoffice-calc`).
enum Spreadsheet {
    /// The `soffice` executable on PATH, if any.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("soffice") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var isAvailable: Bool { executable != nil }

    /// LibreOffice's CSV import options, in its positional syntax: ";" (59) between fields, '"'
    /// (34) around them, UTF-8 (76), from line 1, standard column types, Danish locale (1030,
    /// so "0,6" is a number), quoted fields not forced to text, special numbers (dates, times)
    /// detected, and formulas evaluated (the 13th token): the most eager reading a user can get,
    /// so that anything that survives it as text stays text in the default one too.
    static let danishImport = "Text - txt - csv (StarCalc):59,34,76,1,,1030,false,true,false,false,false,-1,true"

    /// A cell as the spreadsheet holds it.
    struct Cell: Equatable {
        /// `float`, `currency`, `percentage`, `date`, `time`, `boolean`, `string`; nil when empty.
        var type: String?
        /// The number (`office:value`) or date (`office:date-value`) the cell holds.
        var value: String?
        /// The formula, when the import made the cell one.
        var formula: String?
        /// The text the cell shows.
        var text: String

        var isNumber: Bool { type == "float" }
        var isText: Bool { type == "string" }
    }

    enum Failure: Error, CustomStringConvertible {
        case timedOut(seconds: Int)
        case failed(status: Int32, log: String)
        case noOutput(String)

        var description: String {
            switch self {
            case .timedOut(let seconds): "soffice did not finish in \(seconds) s"
            case .failed(let status, let log): "soffice exited with status \(status):\n\(log)"
            case .noOutput(let name): "soffice wrote no \(name)"
            }
        }
    }

    /// Imports each CSV file with `filterOptions` and returns its rows of cells, by file. One
    /// soffice process converts them all, with its own profile and HOME in `folder`, so it runs
    /// headless beside a user's LibreOffice and leaves nothing behind.
    static func importCSV(_ files: [URL], in folder: URL, filterOptions: String = danishImport) throws -> [URL: [[Cell]]] {
        guard let executable else { return [:] }
        let output = folder.appendingPathComponent("converted")
        let log = folder.appendingPathComponent("soffice.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments =
            [
                "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
                "--headless", "--norestore", "--infilter=\(filterOptions)",
                "--convert-to", "fods", "--outdir", output.path,
            ] + files.map(\.path)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        process.environment = environment
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        // A first start creates the profile (a few seconds); a hung soffice must not hang the tests.
        let limit = 120
        let deadline = Date().addingTimeInterval(TimeInterval(limit))
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw Failure.timedOut(seconds: limit)
        }
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else { throw Failure.failed(status: process.terminationStatus, log: logText) }
        var result: [URL: [[Cell]]] = [:]
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent + ".fods"
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(name).path) else {
                throw Failure.noOutput("\(name):\n\(logText)")
            }
            result[file] = FlatODSReader.rows(of: data)
        }
        return result
    }
}

/// Reads the first sheet of a flat ODS file (`.fods`, OpenDocument XML) into rows of cells,
/// expanding repeated columns and dropping trailing empty cells and rows.
final class FlatODSReader: NSObject, XMLParserDelegate {
    private var rows: [[Spreadsheet.Cell]] = []
    private var row: [Spreadsheet.Cell] = []
    private var cell: Spreadsheet.Cell?
    private var repeats = 1
    private var paragraphs: [String] = []
    private var inParagraph = false
    private var tables = 0

    static func rows(of data: Data) -> [[Spreadsheet.Cell]] {
        let reader = FlatODSReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        while reader.rows.last?.isEmpty == true { reader.rows.removeLast() }
        return reader.rows
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard tables <= 1 else { return }
        switch name {
        case "table:table": tables += 1
        case "table:table-row" where tables == 1: row = []
        case "table:table-cell", "table:covered-table-cell":
            guard tables == 1 else { return }
            cell = Spreadsheet.Cell(
                type: attributes["office:value-type"], value: attributes["office:value"] ?? attributes["office:date-value"],
                formula: attributes["table:formula"], text: "")
            repeats = Int(attributes["table:number-columns-repeated"] ?? "") ?? 1
            paragraphs = []
        case "text:p" where cell != nil:
            inParagraph = true
            paragraphs.append("")
        case "text:s" where inParagraph:
            appendText(String(repeating: " ", count: Int(attributes["text:c"] ?? "") ?? 1))
        case "text:tab" where inParagraph: appendText("\t")
        case "text:line-break" where inParagraph: appendText("\n")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inParagraph { appendText(string) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard tables == 1 else { return }
        switch name {
        case "text:p": inParagraph = false
        case "table:table-cell", "table:covered-table-cell":
            guard var finished = cell else { return }
            finished.text = paragraphs.joined(separator: "\n")
            // Trailing empty cells are repeated up to the sheet's last column; keep content only.
            row += Array(repeating: finished, count: finished.type == nil && finished.text.isEmpty ? min(repeats, 64) : repeats)
            cell = nil
        case "table:table-row":
            while let last = row.last, last.type == nil, last.text.isEmpty { row.removeLast() }
            rows.append(row)
        case "table:table": tables += 1
        default: break
        }
    }

    private func appendText(_ text: String) {
        guard !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1] += text
    }
}
