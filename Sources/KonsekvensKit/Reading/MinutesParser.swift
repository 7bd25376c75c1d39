/// Builds the document model from the lines a layout reader produced: the meeting, the table
/// of contents, the agenda items and their sections. Any lines give a model; what it cannot
/// place is recorded as a diagnostic, never thrown.
struct MinutesParser {
    let lines: [RawLine]
    let format: SourceFormat
    /// Whether the document marks its headings (Markdown `#`, bold, HTML `<hN>`); then a bare
    /// line is never a heading, so "Beslutning" under "Sagstype" stays a value.
    let markedHeadings: Bool
    private(set) var diagnostics: [Diagnostic] = []
    /// Lines inside an item that were read as meeting information, not as item content.
    private var meetingLines = Set<Int>()
    /// The document's decision headings, read once each.
    private let decisions = HeadingClassifier.DecisionMemo()

    init(lines: [RawLine], format: SourceFormat) {
        self.lines = lines
        self.format = format
        markedHeadings = format != .text && lines.contains { [decisions] line in
            line.isMarked && HeadingClassifier.sectionHeading(line.text, marked: true, memo: decisions) != nil
        }
    }

    struct Result {
        var meeting: Meeting
        var tableOfContents: [String]
        var items: [AgendaItem]
        var diagnostics: [Diagnostic]
    }

    mutating func parse(fallbackDate: MeetingDate?) -> Result {
        let contents = tableOfContentsRange()
        var starts = itemStarts(excluding: contents, toc: contents.map(tocEntries) ?? [])
        var singleItem = false
        if starts.isEmpty, let start = singleItemStart(excluding: contents) {
            starts = [start]
            singleItem = true
        }
        let preambleEnd = starts.first?.index ?? lines.count
        var meeting = readMeeting(upTo: preambleEnd, excluding: contents)
        if singleItem, let start = starts.first { readMeetingLine(after: start.index, into: &meeting) }
        if meeting.date == nil { meeting.date = fallbackDate }
        var items: [AgendaItem] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].index : lines.count
            items.append(readItem(start, upTo: end, meeting: meeting))
        }
        if items.isEmpty {
            let location = lines.first { !$0.isBlank }?.location ?? SourceLocation(line: 1)
            diagnostics.append(Diagnostic(.warning, "NoItems", "no agenda items or sections found", at: location))
        } else if singleItem {
            diagnostics.append(
                Diagnostic(.note, "SingleItem", "read as a single agenda item published on its own", at: items[0].location))
        }
        return Result(
            meeting: meeting, tableOfContents: contents.map(tocEntries) ?? [], items: items, diagnostics: diagnostics)
    }

    // MARK: Table of contents

    /// The lines from an "Indholdsfortegnelse" heading up to the first line that is not an entry.
    private func tableOfContentsRange() -> Range<Int>? {
        guard
            let heading = lines.firstIndex(where: {
                Self.mayBeginWithI($0.text) && $0.text.utf8.count <= 60 && SectionHeadings.normalized($0.text) == "indholdsfortegnelse"
            })
        else { return nil }
        var end = heading + 1
        while end < lines.count {
            let line = lines[end]
            if !line.isBlank, HeadingClassifier.punktHeading(line.text) != nil { break }
            if !line.isBlank, !looksLikeContentsEntry(line) { break }
            end += 1
        }
        return heading..<end
    }

    /// A quick necessary test for a line's key to start with "i": its first byte after ASCII
    /// white space is "i" or "I", or not ASCII (a space, or a letter whose lower case may begin
    /// so, is left to the full reading). Normalising every short line to look for the one
    /// "Indholdsfortegnelse" was a thirtieth of reading a Greve meeting (callgrind).
    private static func mayBeginWithI(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }) else { return false }
        return first | 0x20 == UInt8(ascii: "i") || first >= 0x80
    }

    private func looksLikeContentsEntry(_ line: RawLine) -> Bool {
        let text = line.text
        if text.includes("....") || text.includes("…") { return true }
        // "Title<TAB>3": a title and a page number.
        if let last = line.cells?.last?.text, last.allSatisfy(\.isASCIIDigitCharacter), !last.isEmpty { return true }
        return false
    }

    private func tocEntries(_ range: Range<Int>) -> [String] {
        lines[range].dropFirst().compactMap { line -> String? in
            guard !line.isBlank else { return nil }
            var text = line.cells.map { cells in
                cells.count > 1 && cells.last!.text.allSatisfy(\.isASCIIDigitCharacter)
                    ? cells.dropLast().map(\.text).joined(separator: " ") : line.text
            } ?? line.text
            while let last = text.last, last.isASCIIDigitCharacter || last.isSpaceLike { text.removeLast() }
            while let last = text.last, last == "." || last == "…" || last.isSpaceLike { text.removeLast() }
            return text.isEmpty ? nil : text
        }
    }

    // MARK: Items

    struct ItemStart {
        var index: Int
        var number: Int?
        var title: String
    }

    private func itemStarts(excluding contents: Range<Int>?, toc: [String]) -> [ItemStart] {
        // "Punkt 1. Anbefales …" inside a decision is text: where the document marks its item
        // headings, only marked lines start items; in plain text, "Punkt N:" with its colon does.
        var candidates: [(index: Int, marked: Bool, colon: Bool, start: ItemStart)] = []
        for (index, line) in lines.enumerated() where !line.isBlank && line.cells == nil {
            if let contents, contents.contains(index) { continue }
            if let (number, title) = HeadingClassifier.punktHeading(line.text) {
                let colon = line.text.dropFirst(6).drop(while: \.isASCIIDigitCharacter).first == ":"
                candidates.append((index, line.isMarked, colon, ItemStart(index: index, number: number, title: title)))
            }
        }
        let anyMarked = candidates.contains { $0.marked }
        let starts = candidates.filter { candidate in
            anyMarked ? candidate.marked : candidate.colon || isListed(candidate.start.title, in: toc)
        }.map(\.start)
        if !starts.isEmpty { return starts }
        return numberedStarts(excluding: contents, toc: toc)
    }

    private func isListed(_ title: String, in toc: [String]) -> Bool {
        let key = SectionHeadings.normalized(HeadingClassifier.closedPrefix(title).title)
        return toc.contains { SectionHeadings.normalized(HeadingClassifier.closedPrefix($0).title) == key }
    }

    private func numberedStarts(excluding contents: Range<Int>?, toc: [String]) -> [ItemStart] {
        var starts: [ItemStart] = []

        // Numbered headings without "Punkt": marked headings, or in plain text a numbered line
        // that the table of contents lists or that is followed by the item's case number.
        let tocKeys = Set(toc.map { SectionHeadings.normalized(HeadingClassifier.closedPrefix($0).title) })
        var last = 0
        for (index, line) in lines.enumerated() where !line.isBlank && line.cells == nil {
            if let contents, contents.contains(index) { continue }
            guard let (number, title) = HeadingClassifier.numberedHeading(line.text), number > last else { continue }
            let accepted: Bool
            if markedHeadings || format != .text {
                accepted = { if case .heading = line.style { return true } else { return false } }()
            } else {
                let key = SectionHeadings.normalized(HeadingClassifier.closedPrefix(title).title)
                accepted = tocKeys.contains(key) || nextLineIdentifiesItem(after: index)
            }
            if accepted {
                starts.append(ItemStart(index: index, number: number, title: title))
                last = number
            }
        }
        return starts
    }

    private func nextLineIdentifiesItem(after index: Int) -> Bool {
        guard let next = lines[(index + 1)...].first(where: { !$0.isBlank }) else { return false }
        return HeadingClassifier.isCaseNumber(next.text) || HeadingClassifier.identifiers(next.text) != nil
            || HeadingClassifier.accessStatus(next.text) != nil
    }

    /// A single item published on its own: its title is the line before its first section.
    private func singleItemStart(excluding contents: Range<Int>?) -> ItemStart? {
        guard
            let firstSection = lines.indices.first(where: { index in
                !(contents?.contains(index) ?? false) && isSectionHeading(lines[index]) != nil
            })
        else { return nil }
        let candidates = lines[..<firstSection].indices.filter { index in
            !lines[index].isBlank && !(contents?.contains(index) ?? false) && !isMeetingField(lines[index].text)
                && HeadingClassifier.identifiers(lines[index].text) == nil
                && HeadingClassifier.accessStatus(lines[index].text) == nil
                && !HeadingClassifier.isCaseNumber(lines[index].text)
        }
        let marked = candidates.filter { lines[$0].isMarked }
        guard let index = marked.last ?? candidates.first else {
            return ItemStart(index: firstSection, number: nil, title: lines[firstSection].text)
        }
        return ItemStart(index: index, number: nil, title: lines[index].text)
    }

    private func isSectionHeading(_ line: RawLine) -> HeadingClassifier.SectionHeading? {
        guard !line.isBlank, line.cells == nil || !line.explicitTable else { return nil }
        if markedHeadings, !line.isMarked { return nil }
        return HeadingClassifier.sectionHeading(line.text, marked: line.isMarked, memo: decisions)
    }

    private mutating func readItem(_ start: ItemStart, upTo end: Int, meeting: Meeting) -> AgendaItem {
        let (closed, title) = HeadingClassifier.closedPrefix(start.title)
        var item = AgendaItem(number: start.number, title: title, closed: closed, location: lines[start.index].location)
        var builder = SectionBuilder(format: format)
        var headings: [HeadingClassifier.SectionHeading?] = []
        var index = start.index + 1
        // Whether the item's text has begun: its metadata lines come before it.
        var contentBegun = false
        // Text before the first section heading goes to an unlabelled section.
        func openSection(at line: RawLine) {
            guard builder.sections.isEmpty else { return }
            builder.startSection(name: "", kind: .unlabelled, at: line.location)
            headings.append(nil)
        }
        while index < end {
            let line = lines[index]
            index += 1
            if line.isBlank || meetingLines.contains(index - 1) {
                builder.endParagraph()
                continue
            }
            if line.cells == nil || !line.explicitTable {
                switch readMetadata(line, into: &item, beforeContent: !contentBegun) {
                case .metadata: continue
                case .metadataAndText:
                    // Kept as a paragraph of its own, which neither begins the item's text nor
                    // runs on into it.
                    openSection(at: line)
                    builder.endParagraph()
                    builder.add(line)
                    builder.endParagraph()
                    continue
                case .text: break
                }
            }
            let inCaseType = builder.currentKind == .caseType && builder.currentIsEmpty
            if !inCaseType, let heading = isSectionHeading(line) {
                builder.startSection(name: line.text, kind: heading.kind, at: line.location)
                headings.append(heading)
                continue
            }
            if case .heading = line.style, line.text.count <= 80, line.text.last != ".",
                HeadingClassifier.sectionHeading(line.text, marked: true, memo: decisions) == nil
            {
                diagnostics.append(
                    Diagnostic(.note, "UnknownHeading", "heading not recognised: \"\(line.text)\"", at: line.location))
            }
            openSection(at: line)
            builder.add(line)
            contentBegun = true
        }
        builder.endParagraph()

        // Empty sections (a "Sagsfremstilling" that only wraps the headings below it) are dropped.
        for (section, heading) in zip(builder.sections, headings) where !section.blocks.isEmpty {
            item.sections.append(section)
            if section.kind == .caseType, item.caseType == nil {
                item.caseType = section.lines.first?.text.trimmingTrailingPeriod
            }
            if section.kind == .decision, let first = section.lines.first {
                item.decisions.append(
                    Decision(
                        text: section.lines.map(\.text).joined(separator: "\n"), location: first.location,
                        heading: section.name, body: heading?.body ?? meeting.body, date: heading?.date ?? meeting.date))
            }
        }
        return item
    }

    /// What a line of an item is: metadata only, metadata with text, or text.
    private enum MetadataReading {
        case metadata
        /// Identifiers run together with text ("Sagsnr.: 21-1234 Udvalget bevilger 50.000 kr."):
        /// the identifiers are the item's, and the line is kept so no amount on it is lost.
        case metadataAndText
        case text
    }

    /// Reads an item's metadata line (Åbent, Sagsnr., a bare case number, the repeated title).
    private func readMetadata(_ line: RawLine, into item: inout AgendaItem, beforeContent: Bool) -> MetadataReading {
        let text = line.text
        if let closed = HeadingClassifier.accessStatus(text) {
            item.closed = item.closed || closed
            return .metadata
        }
        if let identifiers = HeadingClassifier.identifiers(text) {
            let others = identifiers.otherWords
            // Once the item's text has begun, a line with more than identifiers is prose ("Sag nr.
            // 11 blev taget af dagsorden."), unless the rest is a page number: a PDF's page header
            // ("Sagsnr.: 326-2021-16031 Side 2") that differs on every page.
            if !beforeContent, !others.isEmpty {
                return PageFurniture.isPageNumber(others.joined(separator: " ")) ? .metadata : .text
            }
            item.caseNumber = item.caseNumber ?? identifiers.caseNumber
            item.journalNumber = item.journalNumber ?? identifiers.journalNumber
            item.documentNumber = item.documentNumber ?? identifiers.documentNumber
            return others.isEmpty ? .metadata : .metadataAndText
        }
        if beforeContent, item.caseNumber == nil, HeadingClassifier.isCaseNumber(text) {
            item.caseNumber = text
            return .metadata
        }
        if beforeContent, let number = item.number, let (repeated, title) = HeadingClassifier.numberedHeading(text),
            repeated == number, SectionHeadings.normalized(title) == SectionHeadings.normalized(item.title)
        {
            return .metadata
        }
        return .text
    }

    // MARK: Meeting

    private func readMeeting(upTo end: Int, excluding contents: Range<Int>?) -> Meeting {
        var meeting = Meeting()
        // The title: the first line before the meeting fields that names a body ("Sorø Kommune",
        // "REFERAT" above "Byrådet" name none); failing that, the first line that is no field.
        var title: (body: String?, date: MeetingDate?)?
        var firstOther: (body: String?, date: MeetingDate?)?
        var fieldSeen = false
        for index in 0..<end where !lines[index].isBlank {
            if let contents, contents.contains(index) { continue }
            let line = lines[index]
            if let (field, value) = meetingField(line) {
                fieldSeen = true
                switch field {
                case "date": meeting.date = meeting.date ?? DanishDates.firstDate(in: value)
                case "place": meeting.place = meeting.place ?? value
                default:
                    meeting.participants = value.split(separator: ",").flatMap { $0.components(separatedBy: " og ") }
                        .map(\.trimmed).filter { !$0.isEmpty }
                }
                continue
            }
            let issuer = Self.isIssuer(line.text)
            if issuer, !fieldSeen, meeting.publisher == nil { meeting.publisher = Self.issuerName(line.text) }
            guard title == nil, !fieldSeen || firstOther == nil else { continue }
            let candidate = issuer ? (body: nil, date: nil) : Self.meetingTitle(line.text)
            if firstOther == nil, !issuer { firstOther = candidate }
            if candidate.body != nil, !fieldSeen {
                title = candidate
            } else if !fieldSeen, let date = candidate.date {
                meeting.date = meeting.date ?? date
            }
        }
        if let chosen = title ?? firstOther {
            meeting.body = chosen.body
            meeting.date = meeting.date ?? chosen.date
        }
        return meeting
    }

    /// A single item published on its own may name its meeting under its title
    /// ("Kommunalbestyrelsen – møde den 24. april 2025"); that line is the meeting's, not the item's.
    private mutating func readMeetingLine(after start: Int, into meeting: inout Meeting) {
        guard meeting.body == nil || meeting.date == nil else { return }
        var index = start + 1
        while index < lines.count, isSectionHeading(lines[index]) == nil {
            let line = lines[index]
            defer { index += 1 }
            guard !line.isBlank, line.cells == nil, line.text.count <= 100, DanishDates.endsWithDate(line.text) else { continue }
            let (body, date) = Self.meetingTitle(line.text)
            guard let body, let date, body.first?.isUppercase == true, body.split(separator: " ").count <= 6 else { continue }
            meeting.body = meeting.body ?? body
            meeting.date = meeting.date ?? date
            meetingLines.insert(index)
            return
        }
    }

    /// The kommune that publishes the minutes ("Sorø Kommune") is not the body that met.
    static func isIssuer(_ text: String) -> Bool {
        guard text.utf8.count <= 80 else { return false }
        let words = SectionHeadings.normalized(text).split(separator: " ")
        return (2...4).contains(words.count) && words.last == "kommune"
    }

    /// The kommune's name in an ``isIssuer(_:)`` line: the word before "Kommune", when it is a
    /// name ("Sorø Kommune", "Byrådet i Sorø Kommune" → "Sorø"; "KØGE KOMMUNE" → "Køge").
    static func issuerName(_ text: String) -> String? {
        // "Københavns Kommune" is København's, as its rådhus is (``MunicipalityName/kommune(_:)``).
        text.split(whereSeparator: \.isSpaceLike).dropLast().last.flatMap(MunicipalityName.named(by:)).map { MunicipalityName.kommune($0) ?? $0 }
    }

    private static let meetingFields: [(label: String, field: String)] = [
        ("mødedato", "date"), ("dato", "date"), ("mødetidspunkt", "date"), ("tidspunkt", "date"),
        ("mødested", "place"), ("sted", "place"), ("mødelokale", "place"),
        ("mødedeltagere", "participants"), ("deltagere", "participants"), ("til stede", "participants"),
    ]

    private func isMeetingField(_ text: String) -> Bool {
        meetingField(RawLine(text: text, location: SourceLocation(line: 0))) != nil
    }

    private func meetingField(_ line: RawLine) -> (String, String)? {
        let lower = line.text.fastLowercased()
        for (label, field) in Self.meetingFields where lower.hasPrefix(label) {
            let rest = line.text.dropFirst(label.count)
            guard let first = rest.first, first == ":" || first.isSpaceLike else { continue }
            return (field, rest.drop { $0 == ":" || $0.isSpaceLike }.trimmed)
        }
        return nil
    }

    /// "REFERAT Direktionen d. 03-05-2021" → Direktionen, 2021-05-03;
    /// "Økonomiudvalget – Referat" → Økonomiudvalget.
    static func meetingTitle(_ text: String) -> (body: String?, date: MeetingDate?) {
        // A title is short; a long line is read no further than a title could go.
        let text = text.count > 200 ? String(text.prefix(200)) : text
        let date = DanishDates.firstDate(in: text)
        let noise: Set<String> = ["referat", "dagsorden", "beslutningsprotokol", "–", "-", "—", ":", "af", "fra"]
        var words: [Substring] = []
        for word in text.split(whereSeparator: \.isSpaceLike) {
            let lower = word.fastLowercased()
            if lower == "møde", let last = words.last, last.hasSuffix("ets") || last.hasSuffix("ens") {
                // "Byrådets møde den …": the body is Byrådet.
                words[words.count - 1] = last.dropLast()
                break
            }
            if lower == "d." || lower == "den" || lower == "mødet" || lower == "møde" || word.first?.isASCIIDigitCharacter == true {
                break
            }
            let isNoise = noise.contains(lower) || noise.contains(String(lower.trimmingCharacters(in: .punctuationCharacters)))
            // "Klima-, Teknik- og Miljøudvalget": a comma after a hyphen continues the name;
            // "Økonomiudvalget – Referat, ekstraordinært møde": any other comma ends it.
            if word.hasSuffix(","), !word.hasSuffix("-,") {
                if !isNoise { words.append(word.dropLast()) }
                break
            }
            if isNoise { continue }
            words.append(word)
        }
        // "Byråd 2022-2025 – Referat": the name stops at its first number, so the election
        // period is left out ("Byråd").
        let body = words.joined(separator: " ").trimmed
        return (body.isEmpty ? nil : body, date)
    }
}

extension String {
    var trimmingTrailingPeriod: String {
        hasSuffix(".") ? String(dropLast()) : self
    }
}
