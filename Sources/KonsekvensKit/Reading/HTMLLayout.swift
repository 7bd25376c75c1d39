/// Reads an HTML page into lines: block elements break lines, `<hN>` are headings, `<table>`
/// rows keep their cells, entities are decoded, and each line keeps the source line and column
/// where its first character stands. Tolerant of any markup: unknown or broken tags are skipped.
enum HTMLLayout {
    /// Scanned on the text's UTF-8 bytes: every byte the markup is made of is ASCII, and walking
    /// an array of decoded scalars was a quarter of reading an HTML meeting (callgrind).
    static func lines(of text: String) -> [RawLine] {
        lines(ofUTF8: Array(text.utf8))
    }

    /// The lines of a page given as valid UTF-8, composed as ``MinutesReader/composed(_:)``
    /// leaves text.
    static func lines(ofUTF8 bytes: [UInt8]) -> [RawLine] {
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        return scanner.output
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
    private static let packedTags = PackedTags(tags)

    /// An open-addressed table from packed names to tags: the standard Dictionary's hashing of
    /// a UInt64 was still a tenth of reading an HTML page (callgrind).
    private struct PackedTags {
        static let slotBits = 7
        /// 0 marks an empty slot: no name packs to 0.
        var keys = [UInt64](repeating: 0, count: 1 << slotBits)
        var values = [(tag: Tag, name: String)?](repeating: nil, count: 1 << slotBits)

        init(_ tags: [String: Tag]) {
            for (name, tag) in tags where name.utf8.count <= 8 {
                let key = name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
                var slot = Self.slot(of: key)
                while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
                keys[slot] = key
                values[slot] = (tag, name)
            }
        }

        static func slot(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> (64 - slotBits)) }

        subscript(key: UInt64) -> (tag: Tag, name: String)? {
            var slot = Self.slot(of: key)
            while keys[slot] != 0 {
                if keys[slot] == key { return values[slot] }
                slot = (slot + 1) & (keys.count - 1)
            }
            return nil
        }
    }

    /// What a byte is to the end of a tag.
    private enum TagByte {
        case other
        /// ">", which ends the tag outside a quoted value.
        case end
        /// `"` or `'`, which open and close a quoted value.
        case quote
        /// A line break or a byte of a non-ASCII scalar, after which columns are counted scalar by scalar.
        case breaksColumns
    }

    private static let tagBytes: [TagByte] = (0...255).map { byte in
        switch byte {
        case 0x3E: .end
        case 0x22, 0x27: .quote
        case 0x0A, 0x0D, 0x80...: .breaksColumns
        default: .other
        }
    }

    /// Reads the bytes of valid UTF-8; `index` always stands at the start of a scalar, and
    /// `column` counts scalars, as the line's location does.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var column = 1
        var output: [RawLine] = []

        // The line being built, as UTF-8: appending to a String cost hundreds of instructions a
        // word (callgrind).
        var buffer: [UInt8] = []
        var bufferStart: SourceLocation?
        /// Where the line's text goes on on a later source line (offsets in `buffer`), and the
        /// source line the text last came from.
        var wraps: [Line.Wrap] = []
        var wrappedLine = 0
        var pendingSpace = false
        var strongDepth = 0
        var plainCharacters = 0
        var strongCharacters = 0
        var headingLevel: Int?
        /// How many lists (`<ol>`, `<ul>`) are open, and the level of the list item whose first
        /// line is being read (0 once it is out).
        var listDepth = 0
        var itemLevel = 0

        // Tables: only the outermost table's rows become rows; nested ones fold into the cell.
        var tableDepth = 0
        var rowCells: [Line]?
        var rowStart: SourceLocation?
        var inCell = false
        /// Where the open cell's content would start: the location of an empty cell.
        var cellStart: SourceLocation?

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func run() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "<"):
                    readTag()
                case UInt8(ascii: "&"):
                    // A reference is ASCII: its length in bytes is its length in scalars.
                    if let (utf8, length) = HTMLEntities.common(bytes, at: index) {
                        appendScalar(utf8)
                        advance(to: index + length)
                    } else {
                        let (decoded, length) = HTMLEntities.decode(bytes, at: index)
                        appendText(decoded)
                        advance(to: index + length)
                    }
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), UInt8(ascii: " "):
                    pendingSpace = true
                    advance(to: index + 1)
                default:
                    // A run of text up to the next tag, entity or white space is appended at
                    // once, and so are the single spaces between its words: each is the one
                    // space the line would get for it (appending word by word was 5 % of a
                    // run over Greve's meetings, callgrind).
                    var end = index + 1
                    var scalarCount = 1
                    while end < bytes.count {
                        let byte = bytes[end]
                        if Self.endsTextRun(byte) {
                            guard byte == UInt8(ascii: " "), end + 1 < bytes.count, !Self.endsTextRun(bytes[end + 1]) else { break }
                        }
                        if !Self.isContinuation(byte) { scalarCount += 1 }
                        end += 1
                    }
                    appendRun(index..<end, scalarCount: scalarCount)
                    column += scalarCount
                    index = end
                }
            }
            flushLine()
            finishRow()
        }

        static func endsTextRun(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), UInt8(ascii: " "): true
            default: false
            }
        }

        /// A byte inside a scalar's UTF-8 that does not start it.
        static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

        /// Moves to `end` (a scalar's start, or the end), counting the lines and columns passed.
        mutating func advance(to end: Int) {
            let end = min(end, bytes.count)
            // In locals, and a byte of text decided on one comparison: a tag's bytes all pass here.
            var (cursor, line, column) = (index, line, column)
            while cursor < end {
                let byte = bytes[cursor]
                if byte > UInt8(ascii: "\r") {
                    if !Self.isContinuation(byte) { column += 1 }
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte == UInt8(ascii: "\r") {
                    // CRLF counts once, on its "\n"; a lone CR ends a line by itself.
                    if cursor + 1 >= bytes.count || bytes[cursor + 1] != UInt8(ascii: "\n") {
                        line += 1
                        column = 1
                    }
                } else {
                    column += 1
                }
                cursor += 1
            }
            (index, self.line, self.column) = (cursor, line, column)
        }

        /// Appends text to the line.
        mutating func appendText(_ text: String) {
            guard startAppending(onlySpaces: text.utf8.allSatisfy { $0 == 0x20 }) else { return }
            buffer.append(contentsOf: text.utf8)
            countVisible(text.unicodeScalars.count)
        }

        /// Appends one scalar of two UTF-8 bytes (neither of them 0x20, so the line has more than
        /// spaces; U+00A0 is kept as the reference wrote it).
        mutating func appendScalar(_ utf8: (UInt8, UInt8)) {
            guard startAppending(onlySpaces: false) else { return }
            buffer.append(utf8.0)
            buffer.append(utf8.1)
            countVisible(1)
        }

        /// Appends a run of text, `scalarCount` scalars long (its single spaces between words
        /// included), copied into the line.
        mutating func appendRun(_ run: Range<Int>, scalarCount: Int) {
            guard startAppending(onlySpaces: run.isEmpty) else { return }
            bytes.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[run])) }
            countVisible(scalarCount)
        }

        /// Starts the line, or puts a pending space before the text that follows; false when
        /// the line has not started and the text is only spaces.
        private mutating func startAppending(onlySpaces: Bool) -> Bool {
            if buffer.isEmpty {
                pendingSpace = false
                if onlySpaces { return false }
                bufferStart = SourceLocation(line: line, column: column)
                wraps.removeAll(keepingCapacity: true)
                wrappedLine = line
            } else {
                if pendingSpace {
                    buffer.append(0x20)
                    pendingSpace = false
                }
                if line != wrappedLine {
                    wraps.append(Line.Wrap(offset: buffer.count, location: SourceLocation(line: line, column: column)))
                    wrappedLine = line
                }
            }
            return true
        }

        private mutating func countVisible(_ count: Int) {
            if strongDepth > 0 { strongCharacters += count } else { plainCharacters += count }
        }

        /// The line's text, trimmed on its bytes where they are Latin text (one String made
        /// instead of two); where it starts (the buffer's start, or the start of the later
        /// source line it begins on when what stood before was trimmed: "<p>&nbsp;</p><p>77,4
        /// mio. kr.</p>" in a cell); and where it goes on on later source lines. The wraps are
        /// taken.
        private mutating func takeText() -> (text: String, start: SourceLocation?, wraps: [Line.Wrap]) {
            let (text, leading) = buffer.withUnsafeBufferPointer { bytes in
                if let (range, _) = LatinText.trimmedRange(bytes) { return (LatinText.string(bytes, range), range.lowerBound) }
                let full = String(decoding: bytes, as: UTF8.self)
                let first = full.firstIndex { !$0.isSpaceLike } ?? full.endIndex
                return (full.trimmed, full.utf8.distance(from: full.startIndex, to: first))
            }
            guard !wraps.isEmpty else { return (text, bufferStart, []) }
            // The wraps within the trimmed text, by its offsets; one at or before its start
            // moves the start.
            let length = text.utf8.count
            var start = bufferStart
            var inText: [Line.Wrap] = []
            for wrap in wraps {
                let offset = wrap.offset - leading
                if offset <= 0 { start = wrap.location } else if offset < length { inText.append(Line.Wrap(offset: offset, location: wrap.location)) }
            }
            wraps.removeAll(keepingCapacity: true)
            return (text, start, inText)
        }

        mutating func flushLine() {
            // Inside a table a block element is only a space within the cell.
            if inTableCell {
                pendingSpace = true
                return
            }
            // Most block tags follow another: nothing to make a line of.
            if buffer.isEmpty {
                bufferStart = nil
                pendingSpace = false
                plainCharacters = 0
                strongCharacters = 0
                return
            }
            let (text, start, lineWraps) = takeText()
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
            // "<li><p>…": the item's marker alone is no line; its level goes to the item's text.
            if let start, !text.isEmpty, !(itemLevel > 0 && text == "-") {
                output.append(RawLine(text: text, location: start, style: style, listLevel: itemLevel, wraps: lineWraps))
                itemLevel = 0
            }
        }

        mutating func blankLine() {
            if let last = output.last, !last.isBlank {
                output.append(RawLine(text: "", location: SourceLocation(line: line, column: column)))
            }
        }

        mutating func readTag() {
            // Comments and declarations.
            // Compared only after a "!": the generic `starts(with:)` at every tag was 1 % of the run (callgrind).
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "!"), bytes[index...].starts(with: "<!--".utf8) {
                let end = find("-->", from: index + 4) ?? bytes.count
                advance(to: end + 3)
                return
            }
            var cursor = index + 1
            var closing = false
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") {
                closing = true
                cursor += 1
            }
            let nameStart = cursor
            cursor = endOfName(from: cursor)
            let nameEnd = cursor
            if nameStart == nameEnd && !(cursor < bytes.count && (bytes[cursor] == UInt8(ascii: "!") || bytes[cursor] == UInt8(ascii: "?"))) {
                // A lone "<" in text ("a < b").
                appendText("<")
                advance(to: index + 1)
                return
            }
            // Skip to the end of the tag, respecting quoted attribute values. A tag on one line and
            // all ASCII moves the column by its length: counting its bytes again in `advance` was
            // a fortieth of reading a Greve meeting (callgrind).
            // Each byte is classed by a table load: Greve's tags carry long attributes, and four
            // tests of every byte were a thirtieth of reading a meeting (callgrind).
            var oneColumnEach = !bytes[nameStart..<nameEnd].contains { $0 >= 0x80 }
            // The table through a pointer: read through the static at every byte, it was looked
            // up and bounds-checked each time (callgrind: a hundredth of reading Greve's meetings).
            (cursor, oneColumnEach) = HTMLLayout.tagBytes.withUnsafeBufferPointer { table in
                bytes.withUnsafeBufferPointer { bytes in
                    var cursor = cursor, oneColumnEach = oneColumnEach
                    var quote: UInt8 = 0
                    while cursor < bytes.count {
                        let byte = bytes[cursor]
                        switch table[Int(byte)] {
                        case .other: break
                        case .breaksColumns: oneColumnEach = false
                        case .quote where quote == 0: quote = byte
                        case .quote, .end:
                            if byte == quote {
                                quote = 0
                            } else if quote == 0 {
                                return (cursor, oneColumnEach)
                            }
                        }
                        cursor += 1
                    }
                    return (cursor, oneColumnEach)
                }
            }
            if oneColumnEach {
                let end = min(cursor + 1, bytes.count)
                column += end - index
                index = end
            } else {
                advance(to: cursor + 1)
            }
            if let (tag, name) = knownTag(nameStart..<nameEnd) { handle(tag, name: name, closing: closing) }
        }

        /// The tag a name stands for, with its lower-case name; nil for an unknown tag.
        func knownTag(_ name: Range<Int>) -> (Tag, String)? {
            if name.count <= 8 {
                var key: UInt64 = 0
                var ascii = true
                for byte in bytes[name] {
                    guard byte < 0x80 else {
                        ascii = false
                        break
                    }
                    let byte = UInt64(byte)
                    key = key << 8 | (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
                if ascii { return HTMLLayout.packedTags[key] }
            }
            let lower = String(decoding: bytes[name], as: UTF8.self).fastLowercased()
            return HTMLLayout.tags[lower].map { ($0, lower) }
        }

        mutating func handle(_ tag: Tag, name: String, closing: Bool) {
            switch tag {
            case .skippedContent:
                guard !closing else { return }
                advance(to: findClosing(name) ?? bytes.count)
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
                    if !inTableCell {
                        appendText("- ")
                        itemLevel = max(1, listDepth)
                    }
                } else {
                    if name == "ol" || name == "ul", !inTableCell { listDepth = max(0, listDepth + (closing ? -1 : 1)) }
                    flushLine()
                }
                if name == "p" || name == "section", closing, !inTableCell { blankLine() }
            }
        }

        var inTableCell: Bool { tableDepth > 0 }

        mutating func finishCell() {
            guard inCell else { return }
            let (text, textStart, cellWraps) = takeText()
            let start = textStart ?? cellStart ?? SourceLocation(line: line, column: column)
            rowCells?.append(Line(text, at: start, wraps: cellWraps))
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

        /// Where a tag's name that starts at `position` ends: after its ASCII letters, digits, "-"
        /// and ":", and any letters beyond ASCII.
        func endOfName(from position: Int) -> Int {
            var cursor = position
            while cursor < bytes.count {
                switch bytes[cursor] {
                case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x3A:
                    cursor += 1
                case 0..<0x80:
                    return cursor
                default:
                    let (scalar, length) = scalar(at: cursor)
                    guard scalar.properties.isAlphabetic else { return cursor }
                    cursor += length
                }
            }
            return cursor
        }

        /// The scalar whose UTF-8 starts at `position` (a lead byte), and its length in bytes.
        func scalar(at position: Int) -> (Unicode.Scalar, Int) {
            bytes.withUnsafeBufferPointer { Unicode.Scalar.decoded(in: $0, at: position) }
        }

        /// Where `literal` next occurs from `position` on.
        func find(_ literal: String, from position: Int) -> Int? {
            guard position < bytes.count else { return nil }
            return bytes.withUnsafeBufferPointer { literal.utf8Offset(in: UnsafeBufferPointer(rebasing: $0[position...])) }.map { $0 + position }
        }

        /// The index of the `</name` that closes a skipped element, case-insensitively.
        func findClosing(_ name: String) -> Int? {
            var cursor = index
            while let found = find("</", from: cursor) {
                let nameEnd = endOfName(from: found + 2)
                if String(decoding: bytes[(found + 2)..<nameEnd], as: UTF8.self).fastLowercased() == name { return found }
                cursor = found + 2
            }
            return nil
        }
    }
}
