import Foundation

/// Writes a corpus of invented minutes. File `k` depends only on the seed and `k`, so the same
/// seed gives byte-identical files, and a larger corpus begins with the files of a smaller one.
enum CorpusGenerator {
    enum Layout: String, CaseIterable {
        case markdown, text, html

        var fileExtension: String {
            switch self {
            case .markdown: "md"
            case .text: "txt"
            case .html: "html"
            }
        }
    }

    struct Summary {
        var files: Int
        var bytes: Int
    }

    /// Files of 20–200 KB (a few up to 1.5 MB) in folders by year until `megabytes` are written.
    static func corpus(into folder: String, megabytes: Double, seed: UInt64) throws -> Summary {
        var master = SplitMix64(seed: seed)
        let target = Int(megabytes * 1_048_576)
        var summary = Summary(files: 0, bytes: 0)
        while summary.bytes < target {
            var random = SplitMix64(seed: master.next())
            let size = random.chance(4) ? random.int(in: 300_000...1_500_000) : random.int(in: 20_000...200_000)
            let roll = random.int(in: 0...9)
            let layout: Layout = roll < 4 ? .html : roll < 7 ? .markdown : .text
            let year = random.int(in: 2022...2025)
            let (name, bytes) = file(layout: layout, year: year, targetBytes: size, random: &random)
            let path = "\(folder)/\(year)/\(name)-\(String(format: "%04d", summary.files)).\(layout.fileExtension)"
            try write(bytes, to: path)
            summary.files += 1
            summary.bytes += bytes.count
        }
        return summary
    }

    /// One file of at least `megabytes`, to see how reading scales with one document's length.
    static func single(into folder: String, megabytes: Double, seed: UInt64, layout: Layout) throws -> Summary {
        var random = SplitMix64(seed: seed)
        let (_, bytes) = file(layout: layout, year: 2025, targetBytes: Int(megabytes * 1_048_576), random: &random, plain: true)
        let label = megabytes == megabytes.rounded() ? String(Int(megabytes)) : String(megabytes)
        try write(bytes, to: "\(folder)/single-\(label)mb.\(layout.fileExtension)")
        return Summary(files: 1, bytes: bytes.count)
    }

    /// The file name stem and bytes of one meeting; `plain` keeps UTF-8 with LF line ends.
    private static func file(
        layout: Layout, year: Int, targetBytes: Int, random: inout SplitMix64, plain: Bool = false
    ) -> (String, [UInt8]) {
        var author = MeetingAuthor(random: SplitMix64(seed: random.next()))
        // HTML markup and entities add about a fifth to the text.
        let meeting = author.meeting(year: year, targetBytes: layout == .html ? targetBytes * 4 / 5 : targetBytes)
        var text: String
        switch layout {
        case .markdown: text = MarkdownMinutes.render(meeting, random: &random)
        case .text: text = TextMinutes.render(meeting, random: &random)
        case .html: text = HTMLMinutes.render(meeting, random: &random)
        }
        let name = "\(meeting.date.iso)-\(meeting.body.slug)"
        if plain { return (name, Array(text.utf8)) }
        let windowsPercent = layout == .text ? 50 : layout == .markdown ? 25 : 10
        if layout != .html && random.chance(15) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        if random.chance(windowsPercent) { return (name, Windows1252.encode(text)) }
        return (name, (random.chance(10) ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
