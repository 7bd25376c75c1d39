import Foundation
import Testing
@testable import KonsekvensKit

/// JSONWriter writes the report's JSON as UTF-8 bytes straight from its values. The tree of
/// values and the String writer it replaced are kept here as the reference, and random trees
/// (quotes, backslashes, control characters, U+2028, Danish letters, emoji, deferred places,
/// empty and nested containers) must come out the same both ways.
@Suite struct JSONWriterTests {
    /// A JSON value with object keys in order, as the reports were once built.
    indirect enum Tree {
        case null
        case bool(Bool)
        case int(Int)
        case string(String)
        case array([Tree])
        case object([(StaticString, Tree)])
        case deferred(String)

        /// The tree through the writer, as the report functions call it.
        func write(to json: inout JSONWriter) {
            switch self {
            case .null: json.null()
            case .bool(let value): json.bool(value)
            case .int(let value): json.int(value)
            case .string(let text): json.string(text)
            case .deferred(let key): json.deferred(key)
            case .array(let values): json.array { json in for value in values { value.write(to: &json) } }
            case .object(let members):
                json.object { json in
                    for (key, value) in members {
                        json.key(key)
                        value.write(to: &json)
                    }
                }
            }
        }
    }

    @Test func bytesAreThoseOfTheStringWriter() throws {
        var random = SplitMix64(seed: 0x6A73_6F6E)
        for round in 0..<2_000 {
            let value = Self.randomValue(&random, depth: 0)
            var json = JSONWriter()
            value.write(to: &json)
            // Compared as bytes: String equality would take "é" and "e\u{301}" for the same.
            #expect(Array((json.text + "\n").utf8) == Array(Reference.serialized(value).utf8), "round \(round)")
            let level = Int(random.next() % 4)
            var element = JSONWriter(level: level)
            value.write(to: &element)
            var pieces: [(text: [UInt8], deferred: String?)] = []
            try element.forEachSegment { bytes, key in pieces.append((Array(bytes), key)) }
            let expected = Reference.segments(value, indent: level)
            #expect(pieces.map(\.text) == expected.map { Array($0.text.utf8) }, "round \(round)")
            #expect(pieces.map(\.deferred) == expected.map(\.deferred), "round \(round)")
            // Drained as it goes, in pieces of a few bytes: the same text, the same deferred
            // values in the same places.
            var drained = JSONWriter(level: level)
            let sink = Pieces()
            drained.draining(every: 1 + Int(random.next() % 64)) { bytes, key in sink.pieces.append((Array(bytes), key)) }
            value.write(to: &drained)
            try drained.forEachSegment { bytes, key in sink.pieces.append((Array(bytes), key)) }
            #expect(Self.joined(sink.pieces) == Self.joined(pieces), "round \(round)")
        }
    }

    /// The pieces a drain receives, kept by reference for the escaping closure.
    private final class Pieces {
        var pieces: [(text: [UInt8], deferred: String?)] = []
    }

    /// Pieces with each deferred value written as its key in braces: equal when the text and
    /// the deferred values are, however the text is cut.
    private static func joined(_ pieces: [(text: [UInt8], deferred: String?)]) -> [UInt8] {
        pieces.flatMap { $0.text + Array(($0.deferred.map { "{\($0)}" } ?? "").utf8) }
    }

    /// An error a drain throws (a full disk) is thrown where the rest is written, not lost.
    @Test func drainErrorsAreThrown() {
        struct Full: Error {}
        var json = JSONWriter()
        json.draining(every: 1) { _, _ in throw Full() }
        json.object { json in json.field("a", 1) }
        #expect(throws: Full.self) { try json.forEachSegment { _, _ in } }
    }

    @Test func escapesAsJSONSays() {
        var json = JSONWriter()
        json.object { json in json.field("a", "\"\\\n\r\t\u{1}\u{1F}\u{7F}\u{2028}\u{2029}–»ø😀") }
        #expect(json.text == "{\n  \"a\": \"\\\"\\\\\\n\\r\\t\\u0001\\u001f\u{7F}\\u2028\\u2029–»ø😀\"\n}")
    }

    /// Numbers as Swift writes them, the smallest Int too; kroner exactly, never via Double.
    @Test func numbersAreWrittenExactly() {
        var json = JSONWriter()
        json.array { json in
            for value in [0, 7, -7, 32_083, Int.max, Int.min] { json.int(value) }
            json.decimal(Decimal(string: "128332.5")!)
            json.decimal(Decimal(string: "-0.1")!)
            json.value(nil as Int?)
        }
        #expect(json.text == "[\n  0,\n  7,\n  -7,\n  32083,\n  9223372036854775807,\n  -9223372036854775808,\n  128332.5,\n  -0.1,\n  null\n]")
    }

    /// The writer's buffer holds what an Array would, across many growths from a small start.
    @Test func byteBufferHoldsWhatWasAppended() {
        var random = SplitMix64(seed: 0x6275_6666)
        let buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for _ in 0..<3_000 {
            switch random.next() % 4 {
            case 0:
                let byte = UInt8(truncatingIfNeeded: random.next())
                buffer.append(byte)
                expected.append(byte)
            case 1:
                let bytes = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                bytes.withUnsafeBufferPointer { buffer.append($0) }
                expected += bytes
            case 2:
                let text = Self.randomString(&random)
                buffer.append(text)
                expected += Array(text.utf8)
            default:
                buffer.append("kr. ")
                expected += Array("kr. ".utf8)
            }
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
        let start = expected.count / 3
        #expect(buffer.withBytes(start..<(2 * start)) { Array($0) } == Array(expected[start..<(2 * start)]))
    }

    static let pieces = ["a", "ø", "Å", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{2028}", "\u{2029}", "–", "\u{2027}", "»", "😀", "e\u{301}", " ", "kr.", "\u{7F}"]

    static func randomString(_ random: inout SplitMix64) -> String {
        (0..<Int(random.next() % 24)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    static let keys: [StaticString] = ["k0", "k1", "k2", "k3", "k4"]

    static func randomValue(_ random: inout SplitMix64, depth: Int) -> Tree {
        switch random.next() % (depth > 3 ? 5 : 8) {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .int(Int(truncatingIfNeeded: random.next()) % 100_000)
        case 3: return .string(randomString(&random))
        case 4: return .deferred("key\(random.next() % 10)")
        case 5, 6:
            return .array((0..<Int(random.next() % 5)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            return .object((0..<Int(random.next() % 5)).map { index in (keys[index], randomValue(&random, depth: depth + 1)) })
        }
    }

    /// The String writer the reports had before they wrote bytes.
    enum Reference {
        static func serialized(_ value: Tree) -> String {
            var output = ""
            var marks: [(offset: Int, key: String)] = []
            write(value, to: &output, indent: 0, marks: &marks)
            output.append("\n")
            return output
        }

        static func segments(_ value: Tree, indent: Int) -> [(text: String, deferred: String?)] {
            var output = ""
            var marks: [(offset: Int, key: String)] = []
            write(value, to: &output, indent: indent, marks: &marks)
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

        static func write(_ value: Tree, to output: inout String, indent: Int, marks: inout [(offset: Int, key: String)]) {
            switch value {
            case .deferred(let key): marks.append((output.utf8.count, key))
            case .null: output.append("null")
            case .bool(let value): output.append(value ? "true" : "false")
            case .int(let value): output.append(String(value))
            case .string(let text): writeString(text, to: &output)
            case .array(let values):
                guard !values.isEmpty else { return output.append("[]") }
                output.append("[\n")
                for (index, value) in values.enumerated() {
                    output.append(String(repeating: "  ", count: indent + 1))
                    write(value, to: &output, indent: indent + 1, marks: &marks)
                    output.append(index + 1 < values.count ? ",\n" : "\n")
                }
                output.append(String(repeating: "  ", count: indent))
                output.append("]")
            case .object(let members):
                guard !members.isEmpty else { return output.append("{}") }
                output.append("{\n")
                for (index, (key, value)) in members.enumerated() {
                    output.append(String(repeating: "  ", count: indent + 1))
                    output.append("\"")
                    output.append(key.description)
                    output.append("\": ")
                    write(value, to: &output, indent: indent + 1, marks: &marks)
                    output.append(index + 1 < members.count ? ",\n" : "\n")
                }
                output.append(String(repeating: "  ", count: indent))
                output.append("}")
            }
        }

        static func writeString(_ text: String, to output: inout String) {
            output.append("\"")
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
}
