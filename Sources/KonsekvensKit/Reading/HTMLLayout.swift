/// Reads an HTML page into lines: block elements break lines, `<hN>` are headings, `<table>`
/// rows keep their cells, entities are decoded, and each line keeps the source line and column
/// where its first character stands. Tolerant of any markup: unknown or broken tags are skipped.
enum HTMLLayout {
    static func lines(of text: String) -> [RawLine] {
        var scanner = Scanner(scalars: scalars(of: text))
        scanner.run()
        return scanner.output
    }

    /// The text's scalars, decoded from its UTF-8 in one pass: `Array(text.unicodeScalars)`
    /// counts them and then copies them, a tenth of reading an HTML meeting (callgrind).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        let decoded = text.utf8.withContiguousStorageIfAvailable { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var index = 0
                count = 0
                // A String's bytes are valid UTF-8.
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        buffer[count] = Unicode.Scalar(lead)
                        index += 1
                    } else if lead < 0xE0 {
                        let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        buffer[count] = Unicode.Scalar(value).unsafelyUnwrapped
                        index += 2
                    } else if lead < 0xF0 {
                        let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        buffer[count] = Unicode.Scalar(value).unsafelyUnwrapped
                        index += 3
                    } else {
                        let value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        buffer[count] = Unicode.Scalar(value).unsafelyUnwrapped
                        index += 4
                    }
                    count += 1
                }
            }
        }
        return decoded ?? Array(text.unicodeScalars)
    }

    /// What a tag the reader knows does to the lines; other tags are skipped.
    private enum Tag {
        case heading(level: Int)
        case strong
        case table, row, cell
        /// Breaks the line.
        case block
        /// Its content is no text: script, style, head.
        case skippedContent
    }

    /// Every known tag by its lower-case name, looked up once per tag.
    private static let tags: [String: Tag] = {
        var tags: [String: Tag] = ["strong": .strong, "b": .strong, "table": .table, "tr": .row, "td": .cell, "th": .cell]
        for level in 1...6 { tags["h\(level)"] = .heading(level: level) }
        for name in [
            "p", "div", "br", "li", "ul", "ol", "section", "article", "header", "footer", "main", "nav",
            "blockquote", "pre", "hr", "dl", "dt", "dd", "body", "html", "figure", "figcaption",
            "caption", "address", "aside", "form", "fieldset", "legend", "center",
        ] {
            tags[name] = .block
        }
        for name in ["script", "style", "head", "title", "noscript", "template"] { tags[name] = .skippedContent }
        return tags
    }()

    /// The known tags of up to eight ASCII letters and digits, by their lower-case bytes packed
    /// into a number: hashing the name as a String was a fifth of reading the tags (callgrind).
    private static let packedTags: [UInt64: (tag: Tag, name: String)] = {
        var packed: [UInt64: (tag: Tag, name: String)] = [:]
        for (name, tag) in tags where name.utf8.count <= 8 {
            packed[name.utf8.reduce(0) { $0 << 8 | UInt64($1) }] = (tag, name)
        }
        return packed
    }()

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1
        var output: [RawLine] = []

        // The line being built, as UTF-8: appending to a String cost hundreds of instructions a
        // word (callgrind).
        var buffer: [UInt8] = []
        var bufferStart: SourceLocation?
        var pendingSpace = false
        var strongDepth = 0
        var plainCharacters = 0
        var strongCharacters = 0
        var headingLevel: Int?

        // Tables: only the outermost table's rows become rows; nested ones fold into the cell.
        var tableDepth = 0
        var rowCells: [Line]?
        var rowStart: SourceLocation?
        var inCell = false
        /// Where the open cell's content would start: the location of an empty cell.
        var cellStart: SourceLocation?

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        mutating func run() {
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "<" {
                    readTag()
                } else if scalar == "&" {
                    let (decoded, length) = HTMLEntities.decode(scalars, at: index)
                    appendText(decoded)
                    advance(by: length)
                } else {
                    if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " " {
                        pendingSpace = true
                        advance(by: 1)
                    } else {
                        // A run of text up to the next tag, entity or space is appended at once.
                        var end = index + 1
                        while end < scalars.count, !Self.endsTextRun(scalars[end]) { end += 1 }
                        appendRun(scalars[index..<end])
                        column += end - index
                        index = end
                    }
                }
            }
            flushLine()
            finishRow()
        }

        static func endsTextRun(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "<", "&", "\n", "\r", "\t", " ": true
            default: false
            }
        }

        mutating func advance(by count: Int) {
            for _ in 0..<count where index < scalars.count {
                if scalars[index] == "\n" {
                    line += 1
                    column = 1
                } else if scalars[index] == "\r" {
                    // CRLF counts once, on its "\n"; a lone CR ends a line by itself.
                    if index + 1 >= scalars.count || scalars[index + 1] != "\n" {
                        line += 1
                        column = 1
                    }
                } else {
                    column += 1
                }
                index += 1
            }
        }

        /// Appends text to the line.
        mutating func appendText(_ text: String) {
            guard startAppending(onlySpaces: text.utf8.allSatisfy { $0 == 0x20 }) else { return }
            buffer.append(contentsOf: text.utf8)
            countVisible(text.unicodeScalars.count)
        }

        /// Appends a run of text without spaces, encoded straight into the line.
        mutating func appendRun(_ run: ArraySlice<Unicode.Scalar>) {
            guard startAppending(onlySpaces: run.isEmpty) else { return }
            for scalar in run {
                if scalar.isASCII {
                    buffer.append(UInt8(scalar.value))
                } else {
                    UTF8.encode(scalar) { buffer.append($0) }
                }
            }
            countVisible(run.count)
        }

        /// Starts the line, or puts a pending space before the text that follows; false when
        /// the line has not started and the text is only spaces.
        private mutating func startAppending(onlySpaces: Bool) -> Bool {
            if buffer.isEmpty {
                pendingSpace = false
                if onlySpaces { return false }
                bufferStart = SourceLocation(line: line, column: column)
            } else if pendingSpace {
                buffer.append(0x20)
                pendingSpace = false
            }
            return true
        }

        private mutating func countVisible(_ count: Int) {
            if strongDepth > 0 { strongCharacters += count } else { plainCharacters += count }
        }

        /// The line's text so far.
        private var bufferText: String { String(decoding: buffer, as: UTF8.self).trimmed }

        mutating func flushLine() {
            // Inside a table a block element is only a space within the cell.
            if inTableCell {
                pendingSpace = true
                return
            }
            let text = bufferText
            let start = bufferStart
            var style = RawLine.Style.plain
            if let headingLevel {
                style = .heading(headingLevel)
            } else if strongCharacters > 0, plainCharacters == 0 {
                style = .strong
            }
            buffer.removeAll(keepingCapacity: true)
            bufferStart = nil
            pendingSpace = false
            plainCharacters = 0
            strongCharacters = 0
            if let start, !text.isEmpty {
                output.append(RawLine(text: text, location: start, style: style))
            }
        }

        mutating func blankLine() {
            if let last = output.last, !last.isBlank {
                output.append(RawLine(text: "", location: SourceLocation(line: line, column: column)))
            }
        }

        mutating func readTag() {
            let start = index
            // Comments and declarations.
            if matches("<!--", at: index) {
                let end = find("-->", from: index + 4) ?? scalars.count
                advance(by: min(end + 3, scalars.count) - index)
                return
            }
            var cursor = index + 1
            var closing = false
            if cursor < scalars.count, scalars[cursor] == "/" {
                closing = true
                cursor += 1
            }
            let nameStart = cursor
            while cursor < scalars.count, isNameCharacter(scalars[cursor]) { cursor += 1 }
            let nameEnd = cursor
            if nameStart == nameEnd && !(cursor < scalars.count && (scalars[cursor] == "!" || scalars[cursor] == "?")) {
                // A lone "<" in text ("a < b").
                appendText("<")
                advance(by: 1)
                return
            }
            // Skip to the end of the tag, respecting quoted attribute values.
            var quote: Unicode.Scalar?
            while cursor < scalars.count {
                let scalar = scalars[cursor]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == ">" {
                    break
                }
                cursor += 1
            }
            advance(by: min(cursor + 1, scalars.count) - start)
            if let (tag, name) = knownTag(scalars[nameStart..<nameEnd]) { handle(tag, name: name, closing: closing) }
        }

        /// The tag a name stands for, with its lower-case name; nil for an unknown tag.
        func knownTag(_ name: ArraySlice<Unicode.Scalar>) -> (Tag, String)? {
            if name.count <= 8 {
                var key: UInt64 = 0
                var ascii = true
                for scalar in name {
                    guard scalar.isASCII else {
                        ascii = false
                        break
                    }
                    let byte = UInt64(scalar.value)
                    key = key << 8 | (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
                if ascii { return HTMLLayout.packedTags[key] }
            }
            let lower = String(scalars: name).fastLowercased()
            return HTMLLayout.tags[lower].map { ($0, lower) }
        }

        mutating func handle(_ tag: Tag, name: String, closing: Bool) {
            switch tag {
            case .skippedContent:
                guard !closing else { return }
                let end = findClosing(name) ?? scalars.count
                advance(by: end - index)
            case .heading(let level):
                flushLine()
                headingLevel = closing ? nil : level
                if inTableCell { headingLevel = nil }
            case .strong:
                strongDepth = max(0, strongDepth + (closing ? -1 : 1))
            case .table:
                if closing {
                    tableDepth = max(0, tableDepth - 1)
                    if tableDepth == 0 {
                        finishRow()
                        blankLine()
                    }
                } else {
                    if tableDepth == 0 {
                        flushLine()
                        blankLine()
                    }
                    tableDepth += 1
                }
            case .row:
                guard tableDepth == 1 else {
                    pendingSpace = true
                    return
                }
                finishRow()
                if !closing { rowCells = [] }
            case .cell:
                guard tableDepth == 1 else {
                    pendingSpace = true
                    return
                }
                if closing {
                    finishCell()
                } else {
                    finishCell()
                    if rowCells == nil { rowCells = [] }
                    inCell = true
                    cellStart = SourceLocation(line: line, column: column)
                }
            case .block:
                if name == "li", !closing {
                    flushLine()
                    if !inTableCell { appendText("- ") }
                } else {
                    flushLine()
                }
                if name == "p" || name == "section", closing, !inTableCell { blankLine() }
            }
        }

        var inTableCell: Bool { tableDepth > 0 }

        mutating func finishCell() {
            guard inCell else { return }
            let text = bufferText
            let start = bufferStart ?? cellStart ?? SourceLocation(line: line, column: column)
            rowCells?.append(Line(text, at: start))
            if rowStart == nil, !text.isEmpty { rowStart = start }
            buffer.removeAll(keepingCapacity: true)
            bufferStart = nil
            pendingSpace = false
            inCell = false
            cellStart = nil
        }

        mutating func finishRow() {
            finishCell()
            defer {
                rowCells = nil
                rowStart = nil
            }
            guard let cells = rowCells, cells.contains(where: { !$0.text.isEmpty }) else { return }
            let start = rowStart ?? cells[0].location
            output.append(RawLine(text: cells.map(\.text).joined(separator: "\t"), location: start, cells: cells, explicitTable: true))
        }

        func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x3A: true
            case 0..<0x80: false
            default: scalar.properties.isAlphabetic
            }
        }

        func matches(_ literal: String, at position: Int) -> Bool {
            var cursor = position
            for scalar in literal.unicodeScalars {
                guard cursor < scalars.count, scalars[cursor] == scalar else { return false }
                cursor += 1
            }
            return true
        }

        func find(_ literal: String, from position: Int) -> Int? {
            guard let first = literal.unicodeScalars.first else { return nil }
            var cursor = position
            while cursor < scalars.count {
                if scalars[cursor] == first, matches(literal, at: cursor) { return cursor }
                cursor += 1
            }
            return nil
        }

        /// The index of the `</name` that closes a skipped element, case-insensitively.
        func findClosing(_ name: String) -> Int? {
            var cursor = index
            while let found = find("</", from: cursor) {
                var nameEnd = found + 2
                var candidate = ""
                while nameEnd < scalars.count, isNameCharacter(scalars[nameEnd]) {
                    candidate.unicodeScalars.append(scalars[nameEnd])
                    nameEnd += 1
                }
                if candidate.fastLowercased() == name { return found }
                cursor = found + 2
            }
            return nil
        }
    }
}
