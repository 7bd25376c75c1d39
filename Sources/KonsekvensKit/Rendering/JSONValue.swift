import Foundation

/// A JSON value with object keys kept in the order they were written, so reports are stable
/// and read in a sensible order.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number written exactly as given (kroner as Decimal, never via Double).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// A value known only at the end of a run (a budget line's `supersededBy`): written as
    /// nothing, its place marked for ``segments(indent:)``.
    case deferred(String)

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    static func decimal(_ value: Decimal) -> JSONValue { .number(value.plainDescription) }
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// Pretty-printed JSON with two-space indentation and a final newline.
    func serialized() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        var marks: [(offset: Int, key: String)] = []
        write(to: &output, indent: 0, marks: &marks)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// The value written as an element at `indent` levels (without the first line's indent and
    /// without a final newline), cut at each deferred value: text, then the deferred key that
    /// follows it (nil after the last piece).
    func segments(indent: Int) -> [(text: String, deferred: String?)] {
        var output: [UInt8] = []
        var marks: [(offset: Int, key: String)] = []
        write(to: &output, indent: indent, marks: &marks)
        var pieces: [(text: String, deferred: String?)] = []
        var start = 0
        for mark in marks {
            pieces.append((String(decoding: output[start..<mark.offset], as: UTF8.self), mark.key))
            start = mark.offset
        }
        pieces.append((String(decoding: output[start...], as: UTF8.self), nil))
        return pieces
    }

    // Written as UTF-8 bytes: appending to a String cost some 350 instructions a piece, a fifth
    // of a JSON run (callgrind). A deferred value cuts the text only between whole values, so
    // every piece is whole UTF-8.
    private func write(to output: inout [UInt8], indent: Int, marks: inout [(offset: Int, key: String)]) {
        switch self {
        case .deferred(let key): marks.append((output.count, key))
        case .null: Self.append("null", to: &output)
        case .bool(let value): Self.append(value ? "true" : "false", to: &output)
        case .number(let text): Self.append(text, to: &output)
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let values):
            // Through the buffer: an element asked of the array was copied, and released, to be written.
            values.withUnsafeBufferPointer { values in
                Self.writeContainer(values.count, open: "[", close: "]", indent: indent, to: &output) { index, output in
                    values[index].write(to: &output, indent: indent + 1, marks: &marks)
                }
            }
        case .object(let members):
            members.withUnsafeBufferPointer { members in
                Self.writeContainer(members.count, open: "{", close: "}", indent: indent, to: &output) { index, output in
                    // Keys are our own names: plain, never escaped.
                    output.append(UInt8(ascii: "\""))
                    Self.append(members[index].0, to: &output)
                    output.append(UInt8(ascii: "\""))
                    output.append(UInt8(ascii: ":"))
                    output.append(UInt8(ascii: " "))
                    members[index].1.write(to: &output, indent: indent + 1, marks: &marks)
                }
            }
        }
    }

    /// `open`, then `count` elements written by `element`, each on its own line one level in
    /// and all but the last followed by a comma, then `close` on a line of its own; `open` and
    /// `close` together for none.
    private static func writeContainer(
        _ count: Int, open: Unicode.Scalar, close: Unicode.Scalar, indent: Int, to output: inout [UInt8],
        element: (Int, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: open))
        guard count > 0 else { return output.append(UInt8(ascii: close)) }
        output.append(UInt8(ascii: "\n"))
        for index in 0..<count {
            Self.indent(&output, indent + 1)
            element(index, &output)
            if index + 1 < count { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\n"))
        }
        Self.indent(&output, indent)
        output.append(UInt8(ascii: close))
    }

    /// `level` times two spaces.
    static func indent(_ output: inout String, _ level: Int) {
        output.append(String(repeating: "  ", count: level))
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    static func indent(_ output: inout [UInt8], _ level: Int) {
        // From a row of spaces: `repeatElement` appended them one at a time (callgrind).
        guard 2 * level <= spaces.count else {
            return output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
        spaces.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<(2 * level)])) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// The text in quotes, with `"`, `\\`, control characters and U+2028/U+2029 (which end a line
    /// in JavaScript) escaped. Byte by byte: a Swift String is valid UTF-8, and every byte to
    /// escape is a whole scalar or, for U+2028/U+2029, starts one.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var plainFrom = 0
            var index = 0
            while index < bytes.count {
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
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<index]))
                if let escape {
                    escape.withUTF8Buffer { output.append(contentsOf: $0) }
                } else {
                    // A control character: "\u" and four lower-case hex digits.
                    Self.append("\\u00", to: &output)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                }
                index += width
                plainFrom = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
