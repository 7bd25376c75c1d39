import Foundation

/// Writes pretty-printed JSON (two-space indentation, object keys in the order written) as
/// UTF-8 bytes, straight from the report's values.
///
/// Straight rather than through a tree of values: building, copying and releasing a tree of
/// every document was two thirds of a streamed JSON report's rendering (callgrind).
///
///     var json = JSONWriter()
///     json.object { json in
///         json.field("source", document.source)
///         json.key("years")
///         json.array { json in for year in years { json.int(year) } }
///     }
///
/// A writer is used in place (`inout`) and cannot be copied: a copy would share its buffer.
struct JSONWriter: ~Copyable {
    /// The JSON written so far.
    private let bytes: ByteBuffer
    /// The places of values known only at the end of a run (a budget line's `supersededBy`):
    /// nothing is written for them, their offset in `bytes` is marked with their key.
    private(set) var marks: [(offset: Int, key: String)] = []
    /// The level of the outermost value: its elements are one level further in.
    private let baseLevel: Int
    /// How many containers are open.
    private var depth = 0
    /// How many elements the innermost open container has so far.
    private var innermostCount = 0
    /// The same for each open container around it, outermost first: the innermost one's count
    /// apart, where an array of all of them was checked and uniqued at every element, a
    /// twentieth of a JSON run (callgrind).
    private var outerCounts: [Int] = []
    /// A key was written and its value is next.
    private var afterKey = false
    /// Where the JSON goes once it holds `drainSize` bytes, set by ``draining(every:into:)``.
    private var drain: ((UnsafeBufferPointer<UInt8>, String?) throws -> Void)?
    private var drainSize = Self.defaultDrainSize
    /// The first error `drain` threw; draining stops there, and ``forEachSegment(_:)`` throws it.
    private var drainError: (any Error)?
    /// The bytes held before they are drained: a large meeting's JSON is tens of megabytes,
    /// and held whole it was the peak memory of a streamed JSON run.
    static let defaultDrainSize = 1 << 20

    /// A writer for a value written as an element `level` levels in: its first line is not
    /// indented, its inner lines are indented from `level`.
    init(level: Int = 0, capacity: Int = 1 << 14) {
        baseLevel = level
        bytes = ByteBuffer(capacity: capacity)
    }

    /// One value written alone, as text: a deferred value filled in at the end of a run.
    static func text(of value: some JSONScalar) -> String {
        var json = JSONWriter(capacity: 64)
        json.value(value)
        return json.text
    }

    /// The indentation of lines `level` levels in.
    static func indentation(level: Int) -> String {
        String(repeating: " ", count: 2 * level)
    }

    // MARK: Containers

    /// An object, whose members `body` writes with ``key(_:)`` or ``field(_:_:)`` and a value each.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array, whose elements `body` writes one value each.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts an object member: its value is the next one written. Keys are our own names,
    /// never escaped.
    mutating func key(_ name: StaticString) {
        startElement()
        bytes.appendKey(name)
        afterKey = true
    }

    // MARK: Values

    mutating func null() {
        startValue()
        bytes.append(literal: "null")
    }

    mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(literal: value ? "true" : "false")
    }

    mutating func int(_ value: Int) {
        startValue()
        bytes.appendDigits(value)
    }

    /// A number written exactly: kroner as Decimal, never via Double. Its digits are written
    /// from its storage, without a String between, where the layout is known.
    mutating func decimal(_ value: Decimal) {
        startValue()
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Decimal.plainCapacity) { buffer -> Bool in
            guard let length = value.writePlain(into: buffer) else { return false }
            bytes.append(UnsafeBufferPointer(rebasing: buffer[..<length]))
            return true
        }
        if !written { bytes.append(value.plainDescription) }
    }

    /// The text in quotes, with `"`, `\\`, control characters and U+2028/U+2029 (which end a line
    /// in JavaScript) escaped.
    mutating func string(_ text: String) {
        startValue()
        Self.writeString(text, to: bytes)
    }

    /// A text, number or truth value, or `null` for none.
    mutating func value(_ value: some JSONScalar) {
        value.write(to: &self)
    }

    /// A value known only at the end of the run: nothing is written, its place is marked with `key`.
    mutating func deferred(_ key: String) {
        startValue()
        marks.append((bytes.count, key))
    }

    // MARK: Members

    /// A member with a text, number or truth value, or `null` for none.
    mutating func field(_ name: StaticString, _ value: some JSONScalar) {
        key(name)
        value.write(to: &self)
    }

    /// A member whose value is an array of texts, numbers or truth values.
    mutating func field(_ name: StaticString, elements: [some JSONScalar]) {
        key(name)
        array { json in for element in elements { element.write(to: &json) } }
    }

    // MARK: Result

    /// Calls `body` with the JSON written, cut at each deferred value: the bytes, valid only
    /// while `body` runs, then the key of the deferred value that follows them (nil after the
    /// last piece). A deferred value cuts only between whole values, so every piece is whole UTF-8.
    /// With ``draining(every:into:)``, the pieces not yet drained; an error the drain threw is thrown here.
    func forEachSegment(_ body: (UnsafeBufferPointer<UInt8>, String?) throws -> Void) throws {
        if let drainError { throw drainError }
        try forEachHeldSegment(body)
    }

    /// Sends the JSON written from here on to `body`, in the pieces ``forEachSegment(_:)`` gives,
    /// whenever a value closes with `size` bytes or more held, so that the writer holds about
    /// that much however long the JSON.
    mutating func draining(every size: Int = defaultDrainSize, into body: @escaping (UnsafeBufferPointer<UInt8>, String?) throws -> Void) {
        drain = body
        drainSize = size
    }

    private func forEachHeldSegment(_ body: (UnsafeBufferPointer<UInt8>, String?) throws -> Void) rethrows {
        var start = 0
        for mark in marks {
            try bytes.withBytes(start..<mark.offset) { try body($0, mark.key) }
            start = mark.offset
        }
        try bytes.withBytes(start..<bytes.count) { try body($0, nil) }
    }

    /// The JSON written as text.
    var text: String { bytes.withBytes(0..<bytes.count) { String(decoding: $0, as: UTF8.self) } }

    // MARK: Layout

    /// Before a value: nothing after a key, the separator and indentation inside an array.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else if depth > 0 {
            startElement()
        }
    }

    /// A comma after the previous element, then a new line indented one level into the container.
    private mutating func startElement() {
        if innermostCount > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        innermostCount += 1
        bytes.appendSpaces(2 * (baseLevel + depth))
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        bytes.append(bracket)
        if depth > 0 { outerCounts.append(innermostCount) }
        innermostCount = 0
        depth += 1
    }

    /// The closing bracket on a line of its own, or right after the opening one for an empty container.
    private mutating func close(_ bracket: UInt8) {
        let count = innermostCount
        depth -= 1
        innermostCount = depth > 0 ? outerCounts.removeLast() : 0
        if count > 0 {
            bytes.append(UInt8(ascii: "\n"))
            bytes.appendSpaces(2 * (baseLevel + depth))
        }
        bytes.append(bracket)
        if bytes.count >= drainSize, drain != nil { drainHeld() }
    }

    /// Hands the pieces held to `drain` and empties the buffer; the JSON goes on where it was.
    private mutating func drainHeld() {
        guard let drain else { return }
        do {
            try forEachHeldSegment(drain)
            bytes.removeAll()
            marks.removeAll(keepingCapacity: true)
        } catch {
            drainError = error
            self.drain = nil
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The bytes ``writeString(_:to:)`` looks at: `"`, `\\`, control characters, and 0xE2, which
    /// starts U+2028 and U+2029.
    private static let mayEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    /// Byte by byte: a Swift String is valid UTF-8, and every byte to escape is a whole scalar
    /// or, for U+2028/U+2029, starts one.
    private static func writeString(_ text: String, to output: ByteBuffer) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var plainFrom = 0
            var index = 0
            while index < bytes.count {
                // Most bytes need no escape, and one load of a table says so: the switch below
                // on every byte was a fortieth of a JSON run (callgrind).
                guard Self.mayEscape[Int(bytes[index])] else {
                    index += 1
                    continue
                }
                let byte = bytes[index]
                let escape: StaticString?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: escape = nil
                }
                guard escape != nil || byte < 0x20 else {
                    index += 1
                    continue
                }
                output.append(UnsafeBufferPointer(rebasing: bytes[plainFrom..<index]))
                if let escape {
                    output.append(literal: escape)
                } else {
                    // A control character: "\u" and four lower-case hex digits.
                    output.append(literal: "\\u00")
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                }
                index += width
                plainFrom = index
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
