import Foundation

/// The process's peak resident memory, as the kernel counts it.
enum PeakMemory {
    /// VmHWM from /proc/self/status in bytes; nil where there is no /proc (macOS).
    static func current() -> Int? {
        // /proc files report a size of 0, so they are read to the end rather than by size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/status") else { return nil }
        defer { try? handle.close() }
        let status = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
