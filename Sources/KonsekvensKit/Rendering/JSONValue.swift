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
        var output = ""
        output.reserveCapacity(1 << 16)
        var marks: [(offset: Int, key: String)] = []
        write(to: &output, indent: 0, marks: &marks)
        output.append("\n")
        return output
    }

    /// The value written as an element at `indent` levels (without the first line's indent and
    /// without a final newline), cut at each deferred value: text, then the deferred key that
    /// follows it (nil after the last piece).
    func segments(indent: Int) -> [(text: String, deferred: String?)] {
        var output = ""
        var marks: [(offset: Int, key: String)] = []
        write(to: &output, indent: indent, marks: &marks)
        var pieces: [(text: String, deferred: String?)] = []
        var start = output.utf8.startIndex
        for mark in marks {
            let end = output.utf8.index(output.utf8.startIndex, offsetBy: mark.offset)
            pieces.append((String(output[start..<end]), mark.key))
            start = end
        }
        pieces.append((String(output[start...]), nil))
        return pieces
    }

    private func write(to output: inout String, indent: Int, marks: inout [(offset: Int, key: String)]) {
        switch self {
        case .deferred(let key): marks.append((output.utf8.count, key))
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .number(let text): output.append(text)
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let values):
            guard !values.isEmpty else { return output.append("[]") }
            output.append("[\n")
            for (index, value) in values.enumerated() {
                Self.indent(&output, indent + 1)
                value.write(to: &output, indent: indent + 1, marks: &marks)
                output.append(index + 1 < values.count ? ",\n" : "\n")
            }
            Self.indent(&output, indent)
            output.append("]")
        case .object(let members):
            guard !members.isEmpty else { return output.append("{}") }
            output.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                Self.indent(&output, indent + 1)
                // Keys are our own names: plain, never escaped.
                output.append("\"")
                output.append(key)
                output.append("\": ")
                value.write(to: &output, indent: indent + 1, marks: &marks)
                output.append(index + 1 < members.count ? ",\n" : "\n")
            }
            Self.indent(&output, indent)
            output.append("}")
        }
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    static func indent(_ output: inout String, _ level: Int) {
        output.append(level < indents.count ? indents[level] : String(repeating: "  ", count: level))
    }

    private static func writeString(_ text: String, to output: inout String) {
        output.append("\"")
        // Most strings need no escaping: append them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            output.append(text)
            output.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
