/// The Strings and traits of tokens already made in a document, found again by their scalars.
///
/// Words recur ("kr.", "i", "og", "2025", "bevilling", "på"), and writing a token's text,
/// lower-case and bare forms and deciding its traits were most of the tokenizer's time
/// (callgrind). A token of at most eight ASCII bytes is its own key; a longer or non-ASCII one
/// of at most ``longestLong`` scalars is found by a hash and checked against the scalars kept
/// with it. Each table keeps the last token seen in each slot.
struct TokenCache {
    private static let slotBits = 11
    private static let longSlotBits = 10
    /// The most scalars a token kept in the long table has: longer ones are rare.
    static let longestLong = 32
    /// 0 for an empty slot: no key is 0, since a key's bytes are never NUL.
    private var keys: [UInt64]
    private var spellings: [TokenSpelling]
    /// Made at the first long token, so a document without one does not pay for them.
    private var longScalars: [[Unicode.Scalar]] = []
    private var longSpellings: [TokenSpelling] = []

    init() {
        keys = [UInt64](repeating: 0, count: 1 << Self.slotBits)
        spellings = [TokenSpelling](repeating: Self.empty, count: 1 << Self.slotBits)
    }

    /// What an empty slot holds: one object for every slot, since no key or scalars find it
    /// (an Optional in each slot measured slower, callgrind).
    private static let empty = TokenSpelling(text: "", lower: "", bare: "", traits: [])

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

    private static func longSlot(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - longSlotBits))
    }

    /// The spelling stored for the key, if it is still in its slot.
    func spelling(for key: UInt64) -> TokenSpelling? {
        let slot = Self.slot(key)
        return keys[slot] == key ? spellings[slot] : nil
    }

    /// Keeps the spelling in the key's slot, in place of what was there.
    mutating func store(_ spelling: TokenSpelling, for key: UInt64) {
        let slot = Self.slot(key)
        keys[slot] = key
        spellings[slot] = spelling
    }

    /// The spelling stored for a token without a ``key(_:)``, if it is still in its slot.
    func spelling(forLong scalars: ArraySlice<Unicode.Scalar>) -> TokenSpelling? {
        guard !longScalars.isEmpty, scalars.count <= Self.longestLong else { return nil }
        let slot = Self.longSlot(scalars)
        return Self.same(longScalars[slot], scalars) ? longSpellings[slot] : nil
    }

    /// Whether the kept scalars are these, compared as their 32-bit values: the generic
    /// `elementsEqual` was a hundredth of the run (callgrind).
    private static func same(_ kept: [Unicode.Scalar], _ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard kept.count == scalars.count else { return false }
        return kept.withUnsafeBufferPointer { kept in
            scalars.withUnsafeBufferPointer { scalars in
                for index in 0..<kept.count where kept[index] != scalars[index] { return false }
                return true
            }
        }
    }

    /// Keeps the spelling of a token without a ``key(_:)`` in its slot, if it is short enough.
    mutating func store(_ spelling: TokenSpelling, forLong scalars: ArraySlice<Unicode.Scalar>) {
        guard scalars.count <= Self.longestLong else { return }
        if longScalars.isEmpty {
            longScalars = [[Unicode.Scalar]](repeating: [], count: 1 << Self.longSlotBits)
            longSpellings = [TokenSpelling](repeating: Self.empty, count: 1 << Self.longSlotBits)
        }
        let slot = Self.longSlot(scalars)
        longScalars[slot] = Array(scalars)
        longSpellings[slot] = spelling
    }
}
