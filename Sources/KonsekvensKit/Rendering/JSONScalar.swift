import Foundation

/// A value written as one JSON scalar: texts, numbers, truth values, and `null` for none.
protocol JSONScalar {
    func write(to json: inout JSONWriter)
}

extension String: JSONScalar {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONScalar {
    func write(to json: inout JSONWriter) { json.int(self) }
}

extension Bool: JSONScalar {
    func write(to json: inout JSONWriter) { json.bool(self) }
}

extension Decimal: JSONScalar {
    func write(to json: inout JSONWriter) { json.decimal(self) }
}

extension Optional: JSONScalar where Wrapped: JSONScalar {
    func write(to json: inout JSONWriter) {
        guard let self else { return json.null() }
        self.write(to: &json)
    }
}
