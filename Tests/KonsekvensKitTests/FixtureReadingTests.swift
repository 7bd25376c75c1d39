import Testing
import Foundation
@testable import KonsekvensKit

@Suite struct FixtureReadingTests {
    @Test func dump() throws {
        guard let names = ProcessInfo.processInfo.environment["DUMP"] else { return }
        var out = ""
        for name in names.split(separator: ",") {
            let d = try Project.read(String(name))
            out += "=== \(name) enc=\(d.encoding) fmt=\(d.format) body=\(d.meeting.body ?? "nil") date=\(d.meeting.date?.description ?? "nil") toc=\(d.tableOfContents.count)\n"
            for diag in d.diagnostics { out += "  diag \(diag.code) \(diag.location) \(diag.message)\n" }
            for item in d.items {
                out += "ITEM \(item.number.map(String.init) ?? "-") @\(item.location) closed=\(item.closed) case=\(item.caseNumber ?? "nil") j=\(item.journalNumber ?? "nil") title=\(item.title)\n"
                for s in item.sections {
                    out += "  SEC \(s.kind) @\(s.firstLine)-\(s.lastLine) \"\(s.name)\"\n"
                    for b in s.blocks {
                        switch b {
                        case .paragraph(let lines): out += "    P " + lines.map { "\($0.location.line):\($0.text)" }.joined(separator: " | ") + "\n"
                        case .table(let t): for r in t.rows { out += "    T \(r.location): " + r.cells.map { "[\($0.location) \($0.text)]" }.joined() + "\n" }
                        }
                    }
                }
                for dec in item.decisions { out += "  DEC @\(dec.location) body=\(dec.body ?? "nil") date=\(dec.date?.description ?? "nil") heading=\(dec.heading) text=\(dec.text.debugDescription)\n" }
            }
        }
        try out.write(toFile: "/tmp/reader-dump.txt", atomically: true, encoding: .utf8)
    }
}
