/// Encodes text as Windows-1252, the code page older Danish exports still use.
enum Windows1252 {
    /// The characters above Latin-1 that Windows-1252 places in 0x80–0x9F.
    private static let high: [Unicode.Scalar: UInt8] = [
        "€": 0x80, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97,
    ]

    /// The bytes of `text`; a character the code page lacks becomes "?", as exporters do.
    static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(high[scalar] ?? UInt8(ascii: "?"))
            }
        }
        return bytes
    }
}
