import Foundation
import Testing

/// Compares output with a committed golden file and reports a line diff. With
/// KONSEKVENS_RECORD=1 it rewrites the file and still fails, so re-recording is always a
/// deliberate, reviewed step.
enum Golden {
    static func check(_ actual: String, against relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = Project.root.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["KONSEKVENS_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record("recorded \(relativePath); review the diff and run the tests again without KONSEKVENS_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("\(relativePath) is missing; create it with KONSEKVENS_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        Issue.record("\(relativePath) has drifted:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
    }

    /// The first differing lines, numbered, as "- expected" / "+ actual".
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) where out.count < 40 {
            let a = index < old.count ? old[index] : nil, b = index < new.count ? new[index] : nil
            if a != b {
                if let a { out.append("\(index + 1)- \(a)") }
                if let b { out.append("\(index + 1)+ \(b)") }
            }
        }
        return out.joined(separator: "\n")
    }
}
