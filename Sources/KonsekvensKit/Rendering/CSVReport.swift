import Foundation

/// Renders the budget lines of an ``AnalysisReport`` as CSV for spreadsheets (README, "CSV").
///
/// One row per shown budget line, in report order, after a header row. Fields are quoted as
/// RFC 4180 says (only when they hold the separator, a double quote, CR or LF), rows end in
/// CRLF, and a text cell a spreadsheet would take for a formula is neutralised with a leading
/// "'" (OWASP, CSV injection). Numbers come from our own formatter and are never prefixed.
public enum CSVReport {
    /// How the CSV is written.
    public enum Dialect: String, Sendable, CaseIterable {
        /// UTF-8 with BOM, ";" between fields, decimal comma: Danish Excel and LibreOffice.
        case excelDanish = "excel-da"
        /// ",", decimal point, no BOM.
        case rfc4180

        /// The field separator: Danish Excel's list separator is ";" because "," is its decimal sign.
        var separator: Character { self == .excelDanish ? ";" : "," }

        /// The separator's byte: `Character.asciiValue` cost some 300 instructions a field (callgrind).
        var separatorByte: UInt8 { self == .excelDanish ? UInt8(ascii: ";") : UInt8(ascii: ",") }

        /// Danish Excel reads a CSV as UTF-8 only when it starts with a byte-order mark.
        var byteOrderMark: String { self == .excelDanish ? "\u{FEFF}" : "" }

        /// "32083", "-2500000", "0,6" (excel-da) or "0.6" (rfc4180): no thousands separator,
        /// since "32.083" is 32083 to a Danish import and 32,083 to an English one.
        func number(_ value: Decimal) -> String {
            let plain = value.plainDescription
            guard self == .excelDanish else { return plain }
            return String(decoding: plain.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
        }
    }

    /// The columns in order: their header names (lower-case snake_case, English) are part of
    /// the documented format, so scripts can select by name.
    static let columns: [(name: String, cell: @Sendable (BudgetLine) -> Cell)] = [
        ("source", { .text($0.source) }),
        ("line", { $0.sources.first.map { .integer($0.line) } ?? .empty }),
        ("meeting_date", { .text($0.meetingDate?.description) }),
        ("body", { .text($0.meetingBody) }),
        ("item", { $0.itemNumber.map(Cell.integer) ?? .empty }),
        ("case_number", { .text($0.caseNumber) }),
        ("journal_number", { .text($0.journalNumber) }),
        ("title", { .text($0.itemTitle) }),
        ("year", { $0.year.map(Cell.integer) ?? .empty }),
        ("period", { .text(period($0)) }),
        ("amount", { .number($0.amount) }),
        ("net", { .number($0.net) }),
        ("kind", { .text($0.kind.rawValue) }),
        ("area", { .text($0.area?.rawValue) }),
        // The rules place only the analysed kommune's own money in budget lines.
        ("payer", { _ in .text(Party.own.code) }),
        ("financing", { .text($0.financing.code) }),
        ("status", { .text($0.status.rawValue) }),
        ("decided_by", { .text($0.decidedBy) }),
        ("superseded_by", { .text($0.supersededBy) }),
        ("rule", { .text($0.rule) }),
        // In Danish quotation marks, so a spreadsheet keeps "8.000" (a cell in 1.000 kr.) as the
        // text it is, not the number 8000.
        ("quote", { .text("»\($0.quote)«") }),
    ]

    /// A cell before it is written: text is quoted and neutralised, numbers are not.
    enum Cell {
        case string(String)
        case integer(Int)
        case number(Decimal)
        case empty

        /// Text, or an empty field when there is none.
        static func text(_ value: String?) -> Cell { value.map(Cell.string) ?? .empty }
    }

    /// The header row and a row per shown budget line, each ending in CRLF.
    public static func render(_ report: AnalysisReport, dialect: Dialect = .excelDanish) -> String {
        var output = dialect.byteOrderMark
        output += row(columns.map { field($0.name, dialect: dialect) }, dialect: dialect)
        var bytes: [UInt8] = []
        for line in report.allShownLines {
            bytes.removeAll(keepingCapacity: true)
            appendCells(of: line, columns: columns.indices, dialect: dialect, to: &bytes)
            bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
            output += String(decoding: bytes, as: UTF8.self)
        }
        return output
    }

    /// The cells of `line` in `range` of the columns, with the separator between them, as
    /// UTF-8 bytes: each the bytes of ``cell(_:dialect:)``, without a String per field.
    static func appendCells(of line: BudgetLine, columns range: Range<Int>, dialect: Dialect, to bytes: inout [UInt8]) {
        let separator = dialect.separatorByte
        for index in range {
            if index > range.lowerBound { bytes.append(separator) }
            appendCell(index, of: line, dialect: dialect, to: &bytes)
        }
    }

    /// The bytes of column `index` of `line`: what ``append(_:dialect:to:)`` writes of
    /// `columns[index].cell(line)`, without making the cell. Through the table of closures, a
    /// row cost some 19.000 instructions (callgrind); a test holds the two to the same bytes.
    static func appendCell(_ index: Int, of line: BudgetLine, dialect: Dialect, to bytes: inout [UInt8]) {
        switch index {
        case 0: appendText(line.source, dialect: dialect, to: &bytes)
        case 1: if let first = line.sources.first { appendDigits(first.line, to: &bytes) }
        case 2:
            // "2021-05-03", as `MeetingDate.description` writes it; a year before 0 starts with
            // the minus that neutralising prefixes.
            guard let date = line.meetingDate else { break }
            guard date.year >= 0 else { return append(columns[index].cell(line), dialect: dialect, to: &bytes) }
            appendDigits(date.year, to: &bytes)
            for part in [date.month, date.day] {
                bytes.append(UInt8(ascii: "-"))
                if part < 10 { bytes.append(UInt8(ascii: "0")) }
                appendDigits(part, to: &bytes)
            }
        case 3: if let body = line.meetingBody { appendText(body, dialect: dialect, to: &bytes) }
        case 4: if let number = line.itemNumber { appendDigits(number, to: &bytes) }
        case 5: if let caseNumber = line.caseNumber { appendText(caseNumber, dialect: dialect, to: &bytes) }
        case 6: if let journalNumber = line.journalNumber { appendText(journalNumber, dialect: dialect, to: &bytes) }
        case 7: appendText(line.itemTitle, dialect: dialect, to: &bytes)
        case 8: if let year = line.year { appendDigits(year, to: &bytes) }
        case 9: if line.isPeriodTotal { append(columns[index].cell(line), dialect: dialect, to: &bytes) }
        case 10: append(.number(line.amount), dialect: dialect, to: &bytes)
        case 11: append(.number(line.net), dialect: dialect, to: &bytes)
        case 12: appendText(line.kind.rawValue, dialect: dialect, to: &bytes)
        case 13: if let area = line.area { appendText(area.rawValue, dialect: dialect, to: &bytes) }
        case 14: appendText(ownCode, dialect: dialect, to: &bytes)
        case 16: appendText(line.status.rawValue, dialect: dialect, to: &bytes)
        case 17: if let decidedBy = line.decidedBy { appendText(decidedBy, dialect: dialect, to: &bytes) }
        case 18: if let supersededBy = line.supersededBy { appendText(supersededBy, dialect: dialect, to: &bytes) }
        case 19: appendText(line.rule, dialect: dialect, to: &bytes)
        case 20:
            // "»quote«": it starts with "»", so only a character to quote makes it other than its bytes.
            var quote = line.quote
            let plain = quote.withUTF8 { utf8 -> Bool in
                guard !needsQuotes(utf8, dialect: dialect) else { return false }
                bytes.append(contentsOf: [0xC2, 0xBB])
                bytes.append(contentsOf: utf8)
                bytes.append(contentsOf: [0xC2, 0xAB])
                return true
            }
            if !plain { append(columns[index].cell(line), dialect: dialect, to: &bytes) }
        default: append(columns[index].cell(line), dialect: dialect, to: &bytes)
        }
    }

    private static let ownCode = Party.own.code

    /// The bytes of a text cell, as ``append(_:dialect:to:)`` writes `.string(text)`.
    private static func appendText(_ text: String, dialect: Dialect, to bytes: inout [UInt8]) {
        append(.string(text), dialect: dialect, to: &bytes)
    }

    /// Whether a field holds a character that makes it quoted: a quote, CR, LF or the separator.
    private static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>, dialect: Dialect) -> Bool {
        let separator = dialect.separatorByte
        return utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == separator }
    }

    /// The bytes of ``cell(_:dialect:)``.
    static func append(_ cell: Cell, dialect: Dialect, to bytes: inout [UInt8]) {
        switch cell {
        case .string(var text):
            let plain = text.withUTF8 { utf8 -> Bool in
                // A quoted field is rare: it is written by ``cell(_:dialect:)`` itself.
                guard !needsQuotes(utf8, dialect: dialect) else { return false }
                // The formula characters are ASCII: a text starts with one when its first byte is one.
                if let first = utf8.first, Self.formulaStarts.contains(first) { bytes.append(UInt8(ascii: "'")) }
                bytes.append(contentsOf: utf8)
                return true
            }
            if !plain { bytes.append(contentsOf: Self.cell(cell, dialect: dialect).utf8) }
        case .integer(let value): appendDigits(value, to: &bytes)
        case .number(let value):
            var plain = value.plainDescription
            let decimalSign = dialect == .excelDanish ? UInt8(ascii: ",") : UInt8(ascii: ".")
            plain.withUTF8 { utf8 in
                let start = bytes.count
                bytes.append(contentsOf: utf8)
                if decimalSign != UInt8(ascii: "."), let point = bytes[start...].firstIndex(of: UInt8(ascii: ".")) { bytes[point] = decimalSign }
            }
        case .empty: break
        }
    }

    /// The bytes of the first character of a text ``neutralised(_:)`` prefixes.
    private static let formulaStarts: [UInt8] = Array("=+-@\t\r".utf8)

    /// The digits of `value`, as `String(value)` writes them.
    static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        // On the stack, then appended at once: appended one by one and turned, some 700
        // instructions a number (callgrind).
        withDigits(of: value) { bytes.append(contentsOf: $0) }
    }

    static func row(_ fields: [String], dialect: Dialect) -> String {
        joined(fields, dialect: dialect, suffix: "\r\n")
    }

    /// `prefix`, the fields with the separator between them, and `suffix`, joined as bytes:
    /// String's `joined` and `+` cost some thousand instructions a field (callgrind).
    static func joined(_ fields: some Collection<String>, dialect: Dialect, prefix leading: String = "", suffix trailing: String = "") -> String {
        let separator = dialect.separator.asciiValue!
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(leading.utf8.count + trailing.utf8.count + fields.count) { $0 + $1.utf8.count })
        bytes.append(contentsOf: leading.utf8)
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(separator) }
            bytes.append(contentsOf: field.utf8)
        }
        bytes.append(contentsOf: trailing.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func cell(_ cell: Cell, dialect: Dialect) -> String {
        switch cell {
        case .string(let text): field(neutralised(text), dialect: dialect)
        case .integer(let value): String(value)
        case .number(let value): dialect.number(value)
        case .empty: ""
        }
    }

    /// The years of a period total: "2025-2027", or "2025 2027" when they have a gap (a comma
    /// would make "2025,2027" a number to a Danish spreadsheet); empty for a year's line.
    static func period(_ line: BudgetLine) -> String? {
        let years = line.periodYears.sorted()
        guard line.isPeriodTotal, let first = years.first, let last = years.last else { return nil }
        if years.count > 1, years == Array(first...last) { return "\(first)-\(last)" }
        return years.map(String.init).joined(separator: " ")
    }

    /// A text a spreadsheet would run as a formula ("=SUM(A1)", "-2+3", "@cmd", a leading tab or
    /// CR) gets a leading "'", so it stays text: "-250.000 kr." becomes "'-250.000 kr.".
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// Quoted, with quotes doubled, when it holds the separator, a quote, CR or LF (RFC 4180).
    static func field(_ text: String, dialect: Dialect) -> String {
        // All four are ASCII, and an ASCII byte in UTF-8 is always that character.
        let separator = dialect.separator.asciiValue!
        let needsQuotes = text.utf8.contains {
            $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == separator
        }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
