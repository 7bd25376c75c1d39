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
        write(to: &output, indent: 0)
        output.append("\n")
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .number(let text): output.append(text)
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let values):
            guard !values.isEmpty else { return output.append("[]") }
            output.append("[\n")
            for (index, value) in values.enumerated() {
                Self.indent(&output, indent + 1)
                value.write(to: &output, indent: indent + 1)
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
                value.write(to: &output, indent: indent + 1)
                output.append(index + 1 < members.count ? ",\n" : "\n")
            }
            Self.indent(&output, indent)
            output.append("}")
        }
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    private static func indent(_ output: inout String, _ level: Int) {
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
