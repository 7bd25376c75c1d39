import Testing
@testable import KonsekvensKit

/// Text from the minutes in the Markdown report: what Markdown reads as markup is escaped, and
/// a line break or tab is a space, so that a table row stays one row.
@Suite struct MarkdownReportTests {
    @Test(arguments: [
        ("32.083 kr. årligt i 2021 – 2024", "32.083 kr. årligt i 2021 – 2024"),
        ("Tune Skole | Greve", "Tune Skole \\| Greve"),
        ("*Punkt* _2_ `kode` [bilag] <b> #3 a\\b", "\\*Punkt\\* \\_2\\_ \\`kode\\` \\[bilag\\] \\<b\\> \\#3 a\\\\b"),
        ("Økonomi|Året", "Økonomi\\|Året"),
        // A combining mark after "|" makes one Character of them, but the bar still ends a cell.
        ("a|\u{301}b", "a\\|\u{301}b"),
        ("første linje\r\nanden\ntredje\rfjerde\tfemte", "første linje anden tredje fjerde femte"),
        ("", ""),
    ])
    func escapesMarkupAndLineBreaks(text: String, escaped: String) {
        #expect(MarkdownReport.escape(text) == escaped)
    }
}
