import Foundation

/// Values written one after another as bytes, for a ``SpillFile``, and read back in the same
/// order by the same run: what a report keeps of a document until the end of the run, in
/// fewer bytes than the document.
struct SpillRecord {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Int?) {
        append(value.map { _ in 1 } ?? 0)
        if let value { append(value) }
    }

    mutating func append(_ text: String) {
        append(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ text: String?) {
        append(text.map { _ in 1 } ?? 0)
        if let text { append(text) }
    }

    /// The amount's own bytes: read back by the same program, they are the same amount, exactly.
    mutating func append(_ value: Decimal) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Reads a record's values in the order they were appended.
    struct Reader {
        private let bytes: ArraySlice<UInt8>
        private var position: Int

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        var isAtEnd: Bool { position >= bytes.endIndex }

        private mutating func take(_ count: Int) -> ArraySlice<UInt8> {
            let taken = bytes[position..<(position + count)]
            position += count
            return taken
        }

        mutating func int() -> Int {
            Int(littleEndian: take(MemoryLayout<Int>.size).withUnsafeBytes { $0.loadUnaligned(as: Int.self) })
        }

        mutating func optionalInt() -> Int? {
            int() == 0 ? nil : int()
        }

        mutating func string() -> String {
            let count = int()
            return String(decoding: take(count), as: UTF8.self)
        }

        mutating func optionalString() -> String? {
            int() == 0 ? nil : string()
        }

        mutating func decimal() -> Decimal {
            take(MemoryLayout<Decimal>.size).withUnsafeBytes { $0.loadUnaligned(as: Decimal.self) }
        }
    }
}
