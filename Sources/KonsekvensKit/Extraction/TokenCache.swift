/// The Strings and traits of tokens already made in a document, found again by their bytes.
///
/// Words recur ("kr.", "i", "og", "2025"), and writing a token's text, lower-case and bare
/// forms and deciding its traits were most of the tokenizer's time (callgrind). A token of at
/// most eight ASCII bytes is its own key; the table keeps the last token seen in each slot.
/// (Sixteen bytes and twice the slots found a little more and cost more on Greve's many small
/// documents, where the table is made for each.)
struct TokenCache {
    struct Entry {
        var text: String
        var lower: String
        var bare: String
        var traits: TextToken.Traits
    }

    private static let slotBits = 11
    /// 0 for an empty slot: no key is 0, since a key's bytes are never NUL.
    private var keys: [UInt64]
    private var entries: [Entry]

    init() {
        keys = [UInt64](repeating: 0, count: 1 << Self.slotBits)
        entries = [Entry](repeating: Entry(text: "", lower: "", bare: "", traits: []), count: 1 << Self.slotBits)
    }

    /// The key of the scalars: their bytes, first byte lowest, when they are one to eight ASCII
    /// characters other than NUL; nil otherwise.
    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64? {
        guard scalars.count <= 8 else { return nil }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for scalar in scalars {
            let value = scalar.value
            guard value != 0, value < 0x80 else { return nil }
            key |= UInt64(value) << shift
            shift += 8
        }
        return key
    }

    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    /// The entry stored for the key, if it is still in its slot.
    func entry(for key: UInt64) -> Entry? {
        let slot = Self.slot(key)
        return keys[slot] == key ? entries[slot] : nil
    }

    /// Keeps the entry in the key's slot, in place of what was there.
    mutating func store(_ entry: Entry, for key: UInt64) {
        let slot = Self.slot(key)
        keys[slot] = key
        entries[slot] = entry
    }
}
