import Foundation

/// Writes invented meetings from the template pools, drawing every choice from one seeded
/// generator so a seed always gives the same meeting.
struct MeetingAuthor {
    var random: SplitMix64

    /// A meeting of at least `targetBytes` bytes of text, held in `year`.
    mutating func meeting(year: Int, targetBytes: Int) -> GeneratedMeeting {
        let date = GeneratedMeeting.Day(year: year, month: random.int(in: 1...12), day: random.int(in: 1...28))
        let municipality = random.pick(Phrases.municipalities)
        var participants: [String] = []
        for _ in 0..<random.int(in: 3...9) {
            participants.append("\(random.pick(Phrases.firstNames)) \(random.pick(Phrases.lastNames)) (\(random.pick(Phrases.parties)))")
        }
        var meeting = GeneratedMeeting(
            municipality: municipality, body: random.pick(Phrases.bodies), date: date,
            time: "\(random.pick(["08", "09", "16", "17", "18"])).\(random.pick(["00", "30"]))",
            place: random.pick(["Byrådssalen", "Mødelokale 1", "Udvalgsværelse 2", "Direktionens kontor"])
                + ", \(municipality) Rådhus",
            participants: participants, items: [])
        var written = 400
        while written < targetBytes {
            let item = self.item(number: meeting.items.count + 1, meeting: meeting)
            written += Self.size(of: item)
            meeting.items.append(item)
        }
        return meeting
    }

    private mutating func item(number: Int, meeting: GeneratedMeeting) -> GeneratedMeeting.Item {
        let year = meeting.date.year
        if number > 2 && random.chance(12) {
            return GeneratedMeeting.Item(
                number: number, title: fill(random.pick(Phrases.closedTitles), year: year), closed: true,
                caseLine: itemCaseLine(year: year, municipality: meeting.municipality),
                sections: [decisionSection(meeting)])
        }
        var sections: [GeneratedMeeting.Section] = []
        sections.append(.init(heading: random.pick(["Resume", "Resumé", "Sagens baggrund"]), blocks: [.paragraph(paragraph(year: year, sentences: 2...4, moneyPercent: 20))]))
        var bullets: [String] = []
        let count = random.int(in: 1...4)
        for index in 0..<count {
            let verb = random.pick(["bevilges", "frigives", "indarbejdes i budgettet", "finansieres af kassebeholdningen", "omplaceres"])
            bullets.append(fill("at {A} {T} " + verb, year: year) + (index == count - 1 ? "." : index == count - 2 ? ", og" : ","))
        }
        let recommendation = GeneratedMeeting.Section(
            heading: random.pick(["Indstilling", "Indstillinger", "Det indstilles"]),
            blocks: [.paragraph("\(random.pick(Phrases.recommenders)), at \(meeting.body.name) godkender,"), .bullets(bullets)])
        let decision = decisionSection(meeting)
        if random.chance(30) {
            sections.append(decision)
            sections.append(recommendation)
        } else {
            sections.append(recommendation)
        }
        var story: [GeneratedMeeting.Block] = []
        for _ in 0..<random.int(in: 2...14) {
            story.append(.paragraph(paragraph(year: year, sentences: 3...9, moneyPercent: 25)))
        }
        sections.append(.init(heading: random.pick(["Sagsfremstilling", "Sagsbeskrivelse", "Fremstilling"]), blocks: story))
        if random.chance(85) {
            var economy: [GeneratedMeeting.Block] = [.paragraph(paragraph(year: year, sentences: 2...5, moneyPercent: 70))]
            if random.chance(60) { economy.append(.table(table(year: year))) }
            if random.chance(50) { economy.append(.paragraph(paragraph(year: year, sentences: 1...3, moneyPercent: 50))) }
            sections.append(
                .init(
                    heading: random.pick(["Økonomiske konsekvenser", "Økonomi og finansiering", "Økonomi", "Bevillingsmæssige konsekvenser"]),
                    blocks: economy))
        }
        if random.chance(40) { sections.append(.init(heading: "Lovgrundlag", blocks: [.paragraph(random.pick(Phrases.lawLines))])) }
        if random.chance(30) {
            sections.append(.init(heading: "Tidsplan", blocks: [.paragraph(paragraph(year: year, sentences: 1...2, moneyPercent: 0))]))
        }
        if random.chance(50) {
            sections.append(.init(heading: "Bilag", blocks: [.bullets(Array(Phrases.attachments.prefix(random.int(in: 1...5))))]))
        }
        if !sections.contains(where: { $0.heading.hasSuffix("beslutning") || $0.heading == "Beslutning" }) {
            sections.append(decision)
        }
        return GeneratedMeeting.Item(
            number: number, title: fill(random.pick(Phrases.titles), year: year), closed: false,
            caseLine: itemCaseLine(year: year, municipality: meeting.municipality), sections: sections)
    }

    private mutating func decisionSection(_ meeting: GeneratedMeeting) -> GeneratedMeeting.Section {
        let heading: String
        switch random.int(in: 0...2) {
        case 0: heading = "Beslutning"
        case 1: heading = "\(meeting.body.genitive) beslutning den \(meeting.date.danish)"
        default: heading = "Beslutning i \(meeting.body.name) den \(meeting.date.danish)"
        }
        return .init(heading: heading, blocks: [.paragraph(fill(random.pick(Phrases.decisions), year: meeting.date.year))])
    }

    /// The item's case line. Three items in five take up one of 400 cases of their kommune and
    /// year, which other meetings of the kommune take up too, so that cases pass through several
    /// meetings as in real minutes (four in five of Greve's items with a case number do; on the
    /// generated 1 GB some 114 meetings a kommune a year make about four steps a case); the
    /// others are cases of their own. A shared case's number depends on the kommune, the year
    /// and the case alone, so a file still depends only on the seed and its place.
    private mutating func itemCaseLine(year: Int, municipality: String) -> String {
        guard random.chance(60) else { return Self.caseLine(year: year, random: &random) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(municipality)/\(year)/\(random.int(in: 1...400))".utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var shared = SplitMix64(seed: hash)
        return Self.caseLine(year: year, random: &shared)
    }

    private static func caseLine(year: Int, random: inout SplitMix64) -> String {
        let short = year % 100
        switch random.int(in: 0...4) {
        case 0: return "Sagsnr.: \(short)/\(random.int(in: 1000...29999))"
        case 1:
            return "Sagsnr.: \(short)-\(digits(6, random: &random)) J.nr.: 00.01.00-A00-\(random.int(in: 1...9))-\(short) Dokumentnr.: \(random.int(in: 10000...999999))-\(short)"
        case 2: return "\(short)-\(digits(6, random: &random))"
        case 3: return "Sagsnr.: EMN-\(year)-\(digits(6, random: &random))"
        default: return "J.nr.: \(random.int(in: 100...399))-\(year)-\(random.int(in: 1000...39999))"
        }
    }

    private static func digits(_ count: Int, random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<count { text += String(random.int(in: 0...9)) }
        return text
    }

    private mutating func paragraph(year: Int, sentences: ClosedRange<Int>, moneyPercent: Int) -> String {
        var parts: [String] = []
        for _ in 0..<random.int(in: sentences) {
            let pool = random.chance(moneyPercent) ? Phrases.moneySentences : Phrases.plainSentences
            parts.append(fill(random.pick(pool), year: year))
        }
        // "… 2,5 mio. kr." ends its sentence with the abbreviation's own full stop.
        return parts.joined(separator: " ").replacingOccurrences(of: "..", with: ".")
    }

    private mutating func table(year: Int) -> GeneratedMeeting.Table {
        let years = Array(year...(year + 3))
        var rows: [(label: String, values: [Int])] = []
        let labels = ["Drift", "Anlæg", "Anlæg, udgift", "Tilskud", "Indtægter", "Drift, vedligehold", "Lønudgifter"]
        var totals = [0, 0, 0, 0]
        for label in labels.prefix(random.int(in: 1...4)) {
            var values: [Int] = []
            for index in 0..<4 {
                let value = random.chance(20) ? 0 : random.int(in: -900...9000) * (random.chance(20) ? 10 : 1)
                values.append(value)
                totals[index] += value
            }
            rows.append((label, values))
        }
        rows.append(("I alt", totals))
        return GeneratedMeeting.Table(
            caption: random.pick(["Beløb i 1.000 kr.", "Beløb i 1.000 kr. (+ = merudgift, ÷ = mindreudgift)", "1.000 kr."]),
            years: years, rows: rows)
    }

    /// Fills the placeholders of a template sentence.
    private mutating func fill(_ template: String, year: Int) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let key = rest[rest.index(after: open)..<close]
            // A period phrase brings its own year placeholders, so it is filled in turn.
            result += key == "T" ? fill(random.pick(Phrases.periods), year: year) : value(for: key, year: year)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private mutating func value(for key: Substring, year: Int) -> String {
        switch key {
        case "A", "B": return amount()
        case "Y": return String(year)
        case "Y0": return String(year - 1)
        case "Y0short": return String((year - 1) % 100)
        case "Y1": return String(year + 1)
        case "Y2": return String(year + 2)
        case "Y3": return String(year + 3)
        case "P": return random.pick(Phrases.places)
        case "K": return random.pick(Phrases.municipalities)
        case "FUND": return random.pick(Phrases.funds)
        case "POOL": return random.pick(Phrases.pools)
        case "AREA", "AREA2": return random.pick(Phrases.areas)
        case "PARTY": return random.pick(Phrases.parties)
        case "N": return String(random.int(in: 12...480))
        case "N2": return String(random.int(in: 2...60))
        case "PCT":
            return random.chance(50) ? "\(random.int(in: 2...40)) pct." : "\(random.int(in: 1...30)),\(random.int(in: 1...9)) %"
        case "D": return "\(random.int(in: 1...28)). \(random.pick(Phrases.months)) \(year)"
        case "MONTH", "MONTH2": return random.pick(Phrases.months)
        case "CLOCK": return "\(random.int(in: 8...11)):\(random.pick(["00", "15", "30"]))"
        case "CASE": return "\(year % 100)-\(Self.digits(6, random: &random))"
        case "RATE": return "\(random.int(in: 20...900)) kr. pr. m²"
        default: return String(key)
        }
    }

    /// An amount of money in one of the spellings minutes use.
    private mutating func amount() -> String {
        switch random.int(in: 0...15) {
        case 0, 1: return "\(dotted(random.int(in: 1000...9_999_999))) kr."
        case 2, 3: return "\(decimal()) mio. kr."
        case 4: return "\(dotted(random.int(in: 100...25000))) t.kr."
        case 5: return "kr. \(dotted(random.int(in: 1000...999_999)))"
        case 6: return "÷ \(dotted(random.int(in: 10...999) * 1000)) kr."
        case 7: return "ca. \(decimal()) mio. kr."
        case 8: return random.pick(Phrases.numberWords)
        case 9:
            let low = random.int(in: 1...8)
            return "\(low)-\(low + random.int(in: 1...3)) mio. kr."
        case 10:
            let low = random.int(in: 1...8)
            return random.chance(50)
                ? "mellem \(low) og \(low + 1) mio. kr." : "\(low)00-\(low + 1)00.000 kr."
        case 11: return "\(dotted(random.int(in: 1000...99999))),- kr."
        case 12: return "-\(dotted(random.int(in: 10...999) * 1000)) kr."
        case 13: return "\(random.int(in: 1...3)),\(random.int(in: 1...99)) mia. kr."
        case 14: return "\(spaced(random.int(in: 1000...999_999))) kr."
        default:
            return random.chance(50)
                ? "(\(dotted(random.int(in: 10...999) * 1000))) kr." : "minus \(dotted(random.int(in: 100...9999) * 1000)) kr."
        }
    }

    private mutating func decimal() -> String {
        let whole = random.int(in: 0...40)
        let tenth = random.int(in: whole == 0 ? 1...9 : 0...9)
        return "\(whole),\(tenth)"
    }

    /// 1250000 → "1.250.000".
    private func dotted(_ value: Int) -> String { grouped(value, separator: ".") }

    /// 32083 → "32 083".
    private func spaced(_ value: Int) -> String { grouped(value, separator: " ") }

    private func grouped(_ value: Int, separator: String) -> String {
        var digits = Array(String(value))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(String(digits), at: 0)
        return groups.joined(separator: separator)
    }

    private static func size(of item: GeneratedMeeting.Item) -> Int {
        var bytes = item.title.utf8.count + item.caseLine.utf8.count + 40
        for section in item.sections {
            bytes += section.heading.utf8.count + 10
            for block in section.blocks {
                switch block {
                case .paragraph(let text): bytes += text.utf8.count + 2
                case .bullets(let lines): bytes += lines.reduce(0) { $0 + $1.utf8.count + 4 }
                case .table(let table): bytes += (table.rows.count + 2) * 60
                }
            }
        }
        return bytes
    }
}
