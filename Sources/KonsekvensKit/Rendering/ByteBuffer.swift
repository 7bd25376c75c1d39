/// Bytes appended at the end of a buffer that grows, for writing a report.
///
/// An Array checks that it is uniquely held, and calls through generic code, on every append:
/// about a hundred instructions to append the few bytes of a JSON key, most of writing the
/// JSON (callgrind). This buffer is held by one writer and appends with a bounds check and a copy.
final class ByteBuffer {
    /// How many bytes were appended.
    private(set) var count = 0
    private var capacity: Int
    private var storage: UnsafeMutablePointer<UInt8>

    init(capacity: Int = 1 << 14) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        storage[count] = byte
        count += 1
    }

    /// Appends bytes from outside the buffer: they must not point into it, which growing frees.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (storage + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    func append(literal text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// `count` spaces.
    func appendSpaces(_ count: Int) {
        guard count > 0 else { return }
        if self.count + count > capacity { grow(toHold: self.count + count) }
        (storage + self.count).initialize(repeating: 0x20, count: count)
        self.count += count
    }

    /// `"name": `, a JSON object's key as ``JSONWriter`` writes it, with one look at the room
    /// left: five appends a key were a twentieth of a JSON run (callgrind).
    func appendKey(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        if count + length + 4 > capacity { grow(toHold: count + length + 4) }
        let at = storage + count
        at[0] = UInt8(ascii: "\"")
        (at + 1).initialize(from: name.utf8Start, count: length)
        at[length + 1] = UInt8(ascii: "\"")
        at[length + 2] = UInt8(ascii: ":")
        at[length + 3] = UInt8(ascii: " ")
        count += length + 4
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The digits of `value`, as `String(value)` writes them.
    func appendDigits(_ value: Int) {
        withDigits(of: value) { append($0) }
    }

    /// Calls `body` with the bytes in `range`, which are valid only while it runs; `body` must
    /// not append to the buffer.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "bytes \(range) of a buffer of \(count)")
        return try body(UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count))
    }

    /// Forgets the bytes appended, keeping the room they took.
    func removeAll() { count = 0 }

    /// The bytes appended, as an Array.
    var array: [UInt8] { withBytes(0..<count) { Array($0) } }

    private func grow(toHold needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }
}

/// Calls `body` with the digits of `value` as `String(value)` writes them, made on the stack:
/// the magnitude as unsigned, so that Int.min has one too, last digit first.
func withDigits<Result>(of value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    var rest = value.magnitude
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
        var start = digits.count
        repeat {
            start -= 1
            digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        if value < 0 {
            start -= 1
            digits[start] = UInt8(ascii: "-")
        }
        return body(UnsafeBufferPointer(rebasing: digits[start...]))
    }
}

/// `text` escaped: itself when `needs` finds no byte to escape in its UTF-8, otherwise what
/// `escape` writes of its bytes (``MarkdownReport/escape(_:)``, ``HTMLReport/escape(_:)``).
func escaping(
    _ text: String, needs: (UnsafeBufferPointer<UInt8>) -> Bool, escape: (UnsafeBufferPointer<UInt8>, ByteBuffer) -> Void
) -> String {
    var contiguous = text
    return contiguous.withUTF8 { bytes in
        guard needs(bytes) else { return text }
        let out = ByteBuffer(capacity: bytes.count + 16)
        escape(bytes, out)
        return out.withBytes(0..<out.count) { String(decoding: $0, as: UTF8.self) }
    }
}

/// ``escaping(_:needs:escape:)`` of `text`, appended to `out`.
func appendEscaping(
    _ text: String, to out: ByteBuffer, needs: (UnsafeBufferPointer<UInt8>) -> Bool, escape: (UnsafeBufferPointer<UInt8>, ByteBuffer) -> Void
) {
    var contiguous = text
    contiguous.withUTF8 { bytes in
        if needs(bytes) { escape(bytes, out) } else { out.append(bytes) }
    }
}
