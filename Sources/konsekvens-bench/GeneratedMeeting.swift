/// An invented meeting before it is laid out: the same content can be written as Markdown,
/// PDF-style text or HTML, so the three readers see comparable material.
struct GeneratedMeeting {
    /// A date as the minutes write it; kept as numbers so each layout can spell it its own way.
    struct Day {
        var year: Int
        var month: Int
        var day: Int

        /// "2025-03-10", for file names.
        var iso: String {
            "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }

        /// "10. marts 2025".
        var danish: String {
            "\(day). \(Phrases.months[month - 1]) \(year)"
        }
    }

    /// A table with a column per budget year, values in thousands of kroner.
    struct Table {
        var caption: String
        var years: [Int]
        var rows: [(label: String, values: [Int])]
    }

    enum Block {
        case paragraph(String)
        case bullets([String])
        case table(Table)
    }

    struct Section {
        var heading: String
        var blocks: [Block]
    }

    struct Item {
        var number: Int
        var title: String
        var closed: Bool
        /// "Sagsnr.: 25/3377", "Sagsnr.: 24-007264 J.nr.: 00.01.00-A00-1-24", or a case number alone.
        var caseLine: String
        var sections: [Section]
    }

    var municipality: String
    var body: Phrases.Body
    var date: Day
    var time: String
    var place: String
    var participants: [String]
    var items: [Item]
}
