import Foundation
import Testing
@testable import KonsekvensKit

/// The command over a folder of good, broken, binary, empty, huge and looping input: every
/// good file's amounts are reported, every bad file is named with an error, the status is 1.
@Suite struct HostileInputTests {
    static func hostileFolder() throws -> URL {
        let folder = try Project.temporaryFolder("hostile")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("nested/deeper"), withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        try write("good.md", Array(try Data(contentsOf: URL(fileURLWithPath: Project.fixture("kalundborg-direktion-2021-05-03.md")))))
        try write("nested/deeper/good.html", Array(try Data(contentsOf: URL(fileURLWithPath: Project.fixture("odsherred-direktion-2025-02-03-export.html")))))
        try write("broken.html", Array("<html><body><h2>Punkt 1: Tilskud</h2><h3>Økonomiske konsekvenser</h3><p>Der gives 45.000 kr. i 2025 <table><tr><td>&#9999999999;".utf8))
        try write("invalid-utf8.txt", [0x50, 0x75, 0x6E, 0x6B, 0x74, 0x20, 0x31, 0x3A, 0x20, 0xC3, 0x28, 0xFF, 0x0A] + Array("\nØkonomiske konsekvenser\n\n12.500 kr. i 2025.\n".utf8))
        try write("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array(repeating: 0, count: 500))
        try write("empty.txt", [])
        try write("huge.txt", Array(repeating: UInt8(ascii: "a"), count: 300_000))
        try write("overflow.txt", Array("Punkt 1: Stort\n\nØkonomiske konsekvenser\n\n1234567890123456789012345678901234567890 kr. i år 99999 og 7.500 kr. i 2025.\n".utf8))
        try write("notes.csv", Array("not,minutes\n".utf8))
        // A symbolic link back up the tree, and one that points nowhere.
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("nested/loop").path, withDestinationPath: folder.path)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("vanished.md").path, withDestinationPath: folder.appendingPathComponent("gone.md").path)
        return folder
    }

    @Test func theCommandReportsGoodFilesAndNamesBadOnes() throws {
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["analyze", folder.path, "--format", "json", "--max-file-size", "200KB"])
        #expect(run.status == 1)
        #expect(run.errors.contains("binary.md: error: binary file"))
        #expect(run.errors.contains("huge.txt: error: file of 300000 bytes is larger than the limit of 204800 bytes"))
        #expect(run.errors.contains("vanished.md: error:"))
        #expect(!run.errors.contains("empty.txt"))
        #expect(!run.errors.contains("notes.csv"))
        // Every good file's amounts are in the report.
        #expect(run.output.contains("\"value\": 32083"))
        #expect(run.output.contains("\"value\": 1600000"))
        #expect(run.output.contains("\"value\": 45000"))
        #expect(run.output.contains("\"value\": 12500"))
        #expect(run.output.contains("\"value\": 7500"))
        // A 40-digit number is no amount but is named as an error at its line; year 99999 is no year.
        #expect(!run.output.contains("\"value\": 1234567890123456"))
        #expect(!run.output.contains("\"year\": 99999"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let overflow = try #require((report["documents"] as? [[String: Any]])?.first { ($0["source"] as? String)?.hasSuffix("overflow.txt") == true })
        let unread = (overflow["findings"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "AmountNotRead" }
        #expect(unread.count == 1)
        #expect((unread.first?["messageDa"] as? String)?.contains("»1234567890123456789012345678901234567890 kr.«") == true)
        #expect(unread.first?["severity"] as? String == "error")
        #expect(unread.first?["lines"] as? [Int] == [5])
        let sources = (report["documents"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
        #expect(sources.count == 6)
        #expect(sources.allSatisfy { !$0.contains("/loop/") })
    }

    /// The default Markdown report and the page, streamed as the JSON is, lose nothing either:
    /// the same errors and status, and every good file's amounts.
    @Test(arguments: ["markdown", "html"])
    func everyFormatReportsGoodFilesAndNamesBadOnes(format: String) throws {
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["analyze", folder.path, "--format", format, "--max-file-size", "200KB"])
        #expect(run.status == 1)
        #expect(run.errors.contains("binary.md: error: binary file"))
        #expect(run.errors.contains("huge.txt: error: file of 300000 bytes is larger than the limit of 204800 bytes"))
        #expect(run.errors.contains("vanished.md: error:"))
        for amount in ["32.083", "1.600.000", "45.000", "12.500", "7.500"] {
            #expect(run.output.contains(amount), "\(amount) is missing from the \(format) report")
        }
        #expect(run.output.contains("1234567890123456789012345678901234567890 kr."))
        #expect(run.output.contains("6 dokumenter"))
    }

    /// Reading a path by `stat`, `open` and `read` names what is wrong with it, and follows
    /// symbolic links to what they point at.
    @Test func filesAreReadOrRefusedWithTheirReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konsekvens-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let text = Array("Punkt 1: Tilskud\n\nØkonomiske konsekvenser\n\n12.500 kr. i 2025.\n".utf8)
        try Data(text).write(to: URL(fileURLWithPath: path("good.md")))
        try FileManager.default.createSymbolicLink(atPath: path("link.md"), withDestinationPath: path("good.md"))
        try FileManager.default.createSymbolicLink(atPath: path("dangling.md"), withDestinationPath: path("gone.md"))
        try FileManager.default.createSymbolicLink(atPath: path("a.md"), withDestinationPath: path("b.md"))
        try FileManager.default.createSymbolicLink(atPath: path("b.md"), withDestinationPath: path("a.md"))
        try FileManager.default.createDirectory(atPath: path("folder.md"), withIntermediateDirectories: false)
        #expect(mkfifo(path("pipe.md"), 0o600) == 0)
        func reason(_ name: String, maximumSize: Int = 1_000) -> ReadError.Reason? {
            do {
                _ = try MinutesReader.contents(of: name.hasPrefix("/") ? name : path(name), maximumSize: maximumSize)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(try MinutesReader.contents(of: path("good.md"), maximumSize: 1_000) == text)
        #expect(try MinutesReader.contents(of: path("link.md"), maximumSize: text.count) == text)
        #expect(reason("link.md", maximumSize: text.count - 1) == .tooLarge(size: text.count, limit: text.count - 1))
        #expect(reason("missing.md") == .notFound)
        #expect(reason("dangling.md") == .notFound)
        #expect(reason("missing/inside.md") == .notFound)
        #expect(reason("good.md/inside.md") == .notFound)
        #expect(reason("a.md") == .cannotOpen(String(cString: strerror(ELOOP))))
        #expect(reason("folder.md") == .cannotOpen("is a directory"))
        #expect(reason("pipe.md") == .notRegularFile)
        #expect(reason("/dev/null") == .notRegularFile)
        // Larger files than one read gives, and empty ones.
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        try Data(large).write(to: URL(fileURLWithPath: path("large.txt")))
        #expect(try MinutesReader.contents(of: path("large.txt"), maximumSize: 300_000) == large)
        try Data().write(to: URL(fileURLWithPath: path("empty.txt")))
        #expect(try MinutesReader.contents(of: path("empty.txt"), maximumSize: 0) == [])
        #if os(Linux)
        // A file holding more than its size says, as one that grew after it was listed: read to
        // its end, and the limit holds for what was read.
        let status = try MinutesReader.contents(of: "/proc/self/status", maximumSize: 1_000_000)
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
        #expect(reason("/proc/self/status", maximumSize: 10) == .tooLarge(size: 11, limit: 10))
        #endif
    }

    /// One file named through a link, "." or "..", or twice, has one canonical path: it is read
    /// once, and `--output` through any of its names is refused. A path not there yet keeps its
    /// name, made absolute.
    @Test func oneFileHasOneCanonicalPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konsekvens-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sub/minutes.md").path
        try Data("# Punkt 1: Test\n\n12.500 kr. i 2025.\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.md").path, withDestinationPath: file)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("alias").path, withDestinationPath: folder.appendingPathComponent("sub").path)
        let names = [file, folder.path + "/link.md", folder.path + "/sub/../sub/./minutes.md", folder.path + "/alias/minutes.md"]
        let canonical = Set(names.map(InputFiles.canonicalPath))
        #expect(canonical.count == 1 && canonical.first?.hasSuffix("/sub/minutes.md") == true)
        #expect(InputFiles.collect(names + [folder.appendingPathComponent("sub").path]).files == [file])
        #expect(InputFiles.canonicalPath(folder.path + "/sub/../new.json").hasSuffix("/new.json"))
        for name in names.dropFirst() {
            let clobber = try CommandLineTests.run(["analyze", file, "--output", name])
            #expect(clobber.status == 1 && clobber.errors.contains("names an input file"), "\(name)")
        }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self).hasPrefix("# Punkt 1: Test"))
    }

    /// A path's extension, read on the bytes, is the lower case of NSString's `pathExtension`.
    @Test func fileExtensionsAsNSStringReadsThem() {
        let paths = [
            "a.md", "A.MD", "dir/b.HTML", "dir.d/notes", ".hidden", "dir/.hidden", ".hidden.txt", "a.", "a..txt", "a.tar.gz", "/",
            "", "md", "dir/", "x.md/", "x.md//", "./x.Htm", "../y.markdown", "dir.md/.", "æøå.TXT", "referat.æø", "a/b.c/d.txt", "..",
        ]
        for path in paths {
            #expect(MinutesReader.fileExtension(of: path) == (path as NSString).pathExtension.lowercased(), "\(path)")
        }
    }

    /// The word-at-a-time binary check judges as the byte-by-byte one: any NUL, or more than a
    /// tenth control characters, in the first 64 KB.
    @Test func binaryCheckOnWordsMatchesBytes() {
        func reference(_ bytes: [UInt8]) -> Bool {
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
            let sample = bytes.prefix(65_536)
            if sample.contains(0) { return true }
            let control = sample.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count
            return control * 10 > sample.count
        }
        var random = SplitMix64(seed: 2026_12_03)
        // Mostly text with now and then a control byte, NUL or byte near the 0x20 edge.
        let rare: [UInt8] = [0x00, 0x01, 0x07, 0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x7F, 0x80, 0x9F, 0xA0, 0xFF]
        for trial in 0..<3_000 {
            let length = trial < 40 ? trial : Int(random.next() % 300)
            let rate = random.next() % 4
            var bytes = (0..<length).map { _ in random.next() % 8 < rate ? rare[Int(random.next() % UInt64(rare.count))] : UInt8(0x21 + random.next() % 90) }
            if trial % 7 == 0 { bytes.removeAll { $0 == 0 } }
            #expect(MinutesReader.isBinary(bytes) == reference(bytes), "\(bytes)")
        }
        // Past the 64 KB sample: what lies beyond it is not looked at.
        var long = [UInt8](repeating: 0x41, count: 65_536 + 9)
        long[65_536 + 3] = 0
        #expect(!MinutesReader.isBinary(long))
        long[65_535] = 0
        #expect(MinutesReader.isBinary(long))
    }

    @Test func limitsAndBinaryDetection() throws {
        #expect(MinutesReader.isBinary([0x41, 0x00, 0x42]))
        #expect(!MinutesReader.isBinary([0xFF, 0xFE, 0x41, 0x00]))
        #expect(!MinutesReader.isBinary(Array("Punkt 1: Æbler\n\u{0C}Side 2\n".utf8)))
        #expect(MinutesReader.isBinary(Array(repeating: 0x01, count: 100)))
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ReadError.self) { try MinutesReader.read(contentsOf: folder.appendingPathComponent("huge.txt").path, maximumSize: 1000) }
        let document = try MinutesReader.read(contentsOf: folder.appendingPathComponent("huge.txt").path, maximumSize: 1_000_000)
        #expect(document.items.isEmpty)
    }

    /// Files analysed in parallel give the same report as one at a time.
    @Test func parallelRunIsByteIdentical() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Project.root.path)
        let engine = try Analyzer.defaultEngine()
        let one = Analyzer.analyze(paths: ["Fixtures"], engine: engine, jobs: 1)
        let four = Analyzer.analyze(paths: ["Fixtures"], engine: engine, jobs: 4)
        #expect(JSONReport.render(one) == JSONReport.render(four))
        #expect(MarkdownReport.render(one) == MarkdownReport.render(four))
    }
}

/// Extraction must stay linear in a paragraph's length. The mechanism that guarantees it: what an
/// amount's sentence says is read within a bounded window around the amount, so a "sentence"
/// with no full stop (a 10 MB line) costs the same per amount wherever it stands.
@Suite struct LinearExtractionTests {
    @Test func sentenceStatementsAreReadNearTheAmount() {
        let filler = Array(repeating: "og 1.000 kr. til formålet", count: 500).joined(separator: " ")
        let text = "Udgiften finansieres af kassebeholdningen med 5.000 kr. " + filler
        let amounts = ParagraphAmounts.amounts(
            in: [Line(text, at: KonsekvensKit.SourceLocation(line: 1))], section: .economy, municipality: "Kalundborg",
            horizon: 2025...2028)
        #expect(amounts.count == 501)
        #expect(amounts.first?.financing == .cash)
        #expect(amounts.last?.financing == .notStated)
        // A line ten times longer gives ten times the amounts, each read the same way.
        let longer = "Udgiften finansieres af kassebeholdningen med 5.000 kr. "
            + Array(repeating: "og 1.000 kr. til formålet", count: 5_000).joined(separator: " ")
        let many = ParagraphAmounts.amounts(
            in: [Line(longer, at: KonsekvensKit.SourceLocation(line: 1))], section: .economy, municipality: "Kalundborg",
            horizon: 2025...2028)
        #expect(many.count == 5_001)
        #expect(many.filter { $0.financing == .cash }.count == amounts.filter { $0.financing == .cash }.count)
    }
}
