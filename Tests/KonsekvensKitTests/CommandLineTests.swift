import Foundation
import Testing
@testable import KonsekvensKit

/// End to end: the built `konsekvens` executable, run as a separate process.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static var executable: URL {
        // The test bundle and the executable are built into the same products folder.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("konsekvens").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("konsekvens")
    }

    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = Project.root
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test func analyzesFixturesAsTheReadmeSays() throws {
        let run = try Self.run(["analyze", "Fixtures"])
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        let expected = String(decoding: try Data(contentsOf: Project.root.appendingPathComponent("Reports/konsekvens.md")), as: UTF8.self)
        #expect(run.output == expected)
    }

    @Test func unreadableInputGivesStatusOneAndTheRestIsReported() throws {
        let run = try Self.run(["analyze", "--format", "json", "no-such-file.md", "Fixtures/kalundborg-direktion-2021-05-03.md"])
        #expect(run.status == 1)
        #expect(run.errors.contains("no-such-file.md: error: no such file or directory"))
        #expect(run.output.contains("\"source\": \"Fixtures/kalundborg-direktion-2021-05-03.md\""))
        #expect(run.output.contains("\"value\": 32083"))
    }

    @Test(arguments: [
        (["analyze"], "name at least one file"),
        (["analyse", "Fixtures"], "did you mean 'analyze'"),
        (["analyze", "--formt", "json", "Fixtures"], "did you mean '--format'"),
        (["analyze", "--format", "pdf", "Fixtures"], "--format must be one of"),
        (["analyze", "--horizon", "2024", "Fixtures"], "--horizon takes two years"),
    ])
    func usageErrorsGiveStatusTwoAndAHint(arguments: [String], message: String) throws {
        let run = try Self.run(arguments)
        #expect(run.status == 2)
        #expect(run.errors.contains(message))
        #expect(run.errors.contains("Try 'konsekvens --help'."))
        #expect(run.output.isEmpty)
    }

    @Test func readsStandardInput() throws {
        let text = "Punkt 1: Tilskud\n\nØkonomiske konsekvenser\n\nDer gives en tillægsbevilling på 45.000 kr. i 2025.\n"
        let run = try Self.run(["analyze", "--format", "json", "-"], input: text)
        #expect(run.status == 0)
        #expect(run.output.contains("\"source\": \"-\""))
        #expect(run.output.contains("\"value\": 45000"))
    }

    @Test func writesOutputFileAtomicallyAndNeverOverAnInput() throws {
        let folder = try Project.temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("minutes.md")
        try Data("# Punkt 1: Test\n\n## Beslutning\n\nGodkendt.\n".utf8).write(to: input)
        let report = folder.appendingPathComponent("report.json")
        let run = try Self.run(["analyze", input.path, "--format", "json", "--output", report.path])
        #expect(run.status == 0)
        #expect(run.output.isEmpty)
        #expect(FileManager.default.fileExists(atPath: report.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["minutes.md", "report.json"])

        // A second run replaces the report in place.
        let again = try Self.run(["analyze", input.path, "--format", "markdown", "--output", report.path])
        #expect(again.status == 0, "\(again.errors)")
        #expect(String(decoding: try Data(contentsOf: report), as: UTF8.self).hasPrefix("# Konsekvens"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["minutes.md", "report.json"])

        let clobber = try Self.run(["analyze", input.path, "--output", input.path])
        #expect(clobber.status == 1)
        #expect(clobber.errors.contains("names an input file"))
        #expect(String(decoding: try Data(contentsOf: input), as: UTF8.self).hasPrefix("# Punkt 1: Test"))
    }

    /// --output of a pipe (as of /dev/null or a terminal) writes into it, where a file renamed
    /// over it replaced it (as root, /dev/null itself, 2026-12-07); through a symbolic link the
    /// file it leads to is replaced, or made when it is not there, and the link kept; a loop of
    /// links is an error.
    @Test func outputIntoAPipeOrThroughALinkKeepsIt() throws {
        let folder = try Project.temporaryFolder("cli-special")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("minutes.md")
        try Data("# Punkt 1: Test\n\n## Beslutning\n\nGodkendt.\n".utf8).write(to: input)
        // A pipe with its reader open already, so that opening it to write does not wait; the
        // report is smaller than the pipe's buffer.
        let pipe = folder.appendingPathComponent("pipe")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        let reader = open(pipe.path, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let run = try Self.run(["analyze", input.path, "--format", "csv", "--output", pipe.path])
        #expect(run.status == 0, "\(run.errors)")
        var status = stat()
        #expect(lstat(pipe.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        var buffer = [UInt8](repeating: 0, count: 60_000)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).contains("source;line;meeting_date"))

        let target = folder.appendingPathComponent("report.md"), link = folder.appendingPathComponent("link.md")
        try Data("old".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "report.md")
        let linked = try Self.run(["analyze", input.path, "--output", link.path])
        #expect(linked.status == 0, "\(linked.errors)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "report.md")
        #expect(String(decoding: try Data(contentsOf: target), as: UTF8.self).hasPrefix("# Konsekvens"))

        let dangling = folder.appendingPathComponent("dangling.md")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "new.md")
        #expect(try Self.run(["analyze", input.path, "--output", dangling.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling.path) == "new.md")
        #expect(String(decoding: try Data(contentsOf: folder.appendingPathComponent("new.md")), as: UTF8.self).hasPrefix("# Konsekvens"))

        let loop = folder.appendingPathComponent("loop.md")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop.md")
        let looped = try Self.run(["analyze", input.path, "--output", loop.path])
        #expect(looped.status == 1 && looped.errors.contains("loop.md: error: cannot write report"), "\(looped.errors)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: loop.path) == "loop.md")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == ["dangling.md", "link.md", "loop.md", "minutes.md", "new.md", "pipe", "report.md"])
    }

    /// --output /dev/stdout when standard output is a file the shell opened to append to (`>>`)
    /// appends to it, where the file was replaced and what it held lost.
    @Test func outputToStandardOutputAppendsToItsFile() throws {
        let folder = try Project.temporaryFolder("cli-stdout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.csv")
        try Data("old\n".utf8).write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["analyze", "Fixtures/faxe-punkt-enkeltstaaende.md", "--format", "csv", "--output", "/dev/stdout"]
        process.currentDirectoryURL = Project.root
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0)
        let written = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        #expect(written.hasPrefix("old\n\u{FEFF}source;line;meeting_date"))
    }

    @Test func brokenRulesFileStopsTheRunBeforeAnyReport() throws {
        let folder = try Project.temporaryFolder("rules-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("rules.json")
        try Data(#"{"placement": [{"name": "Mine", "match": {"paer": ["own"]}, "produce": "context"}]}"#.utf8).write(to: rules)
        let report = folder.appendingPathComponent("report.md")
        let run = try Self.run(["analyze", "Fixtures", "--rules", rules.path, "--output", report.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("rules.json: error: rule 'Mine': unknown field \"paer\"; did you mean \"payer\"?"))
        #expect(!FileManager.default.fileExists(atPath: report.path))
        #expect(run.output.isEmpty)
    }

    @Test func approvedOnlyReportSaysSo() throws {
        let run = try Self.run(["analyze", "Fixtures/kalundborg-direktion-2021-05-03.md", "--status", "approved"])
        #expect(run.status == 0)
        #expect(run.output.contains("Viser kun godkendte budgetlinjer."))
        #expect(run.output.contains("| 2021 | 32.083 | 32.083 |"))
    }

    @Test func helpAndVersion() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("konsekvens analyze PATH..."))
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output == "konsekvens \(konsekvensVersion)\n")
    }
}
