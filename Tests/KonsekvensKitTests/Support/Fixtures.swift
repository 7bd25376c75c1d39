import Foundation
@testable import KonsekvensKit

/// Paths into the project for tests: Fixtures/, Reports/, and the built executable.
enum Project {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A new, empty folder under the temporary directory; the caller removes it.
    static func temporaryFolder(_ purpose: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konsekvens-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// Reads a fixture; the source is named relative to the project, as reports show it.
    static func read(_ name: String) throws -> Document {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture(name))))
        return MinutesReader.read(bytes, source: "Fixtures/\(name)")
    }
}

extension AgendaItem {
    /// The section kinds in order, for compact expectations.
    var sectionKinds: [SectionKind] { sections.map(\.kind) }

    func section(_ kind: SectionKind) -> Section? { sections.first { $0.kind == kind } }
}
