/// One scalar of UTF-8 text in the range the byte-level fast paths read: ASCII, U+0080–U+00FF
/// (Latin-1: æ, ø, å, é, the non-breaking space) and U+2000–U+203F (spaces, dashes, quotes).
///
/// Danish minutes are nearly all such text. For it, `fastLowercased()` folds bytes instead of
/// asking Unicode's case tables, and the reader can tell white space and letters apart without
/// decoding Characters; any other scalar sends the caller back to the general path.
struct LatinScalar {
    /// Its length in UTF-8: 1, 2 or 3 bytes.
    let length: Int
    /// White space, as ``Unicode/Scalar/isSpaceLike`` says.
    let isSpace: Bool
    /// An upper-case letter whose lower case is its last byte plus 0x20 (A–Z, À–Þ but ×).
    let folds: Bool
    /// A zero-width joiner or non-joiner (U+200C, U+200D), which joins the Characters around it.
    let joins: Bool

    /// The scalar that starts at `index` of valid UTF-8, or nil when it is outside the range.
    /// Asked of every byte of every line: inlined, it costs a few instructions (callgrind).
    @inline(__always)
    init?(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            self.init(length: 1, isSpace: byte == 0x20 || (0x09...0x0D).contains(byte), folds: byte >= 0x41 && byte <= 0x5A, joins: false)
        } else if byte == 0xC3, index + 1 < bytes.count {
            let next = bytes[index + 1]
            self.init(length: 2, isSpace: false, folds: next >= 0x80 && next <= 0x9E && next != 0x97, joins: false)
        } else if byte == 0xC2, index + 1 < bytes.count {
            // U+0085 (next line) and U+00A0 (no-break space) are white space.
            let next = bytes[index + 1]
            self.init(length: 2, isSpace: next == 0xA0 || next == 0x85, folds: false, joins: false)
        } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
            // U+2000–U+200B, the line and paragraph separators and U+202F are white space.
            let last = bytes[index + 2]
            self.init(
                length: 3, isSpace: last <= 0x8B || last == 0xA8 || last == 0xA9 || last == 0xAF, folds: false,
                joins: last == 0x8C || last == 0x8D)
        } else {
            return nil
        }
    }

    /// The lower case of Latin text, as bytes: nil when the text is not all ``LatinScalar``s,
    /// an empty array when it has nothing to fold ("kr." stays "kr."), else the folded bytes.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var folded: [UInt8]?
        var index = 0
        while index < bytes.count {
            guard let scalar = LatinScalar(in: bytes, at: index) else { return nil }
            if scalar.folds {
                if folded == nil { folded = Array(bytes) }
                folded![index + scalar.length - 1] += 0x20
            }
            index += scalar.length
        }
        return folded ?? []
    }

    @inline(__always)
    private init(length: Int, isSpace: Bool, folds: Bool, joins: Bool) {
        self.length = length
        self.isSpace = isSpace
        self.folds = folds
        self.joins = joins
    }
}
