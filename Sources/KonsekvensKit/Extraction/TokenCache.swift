import Foundation

/// The Strings and traits of tokens already made, found again by their bytes: in one
/// document, and in the documents after it when a run carries the cache on
/// (``AmountExtractor/Session``). A spelling depends on the token's bytes alone, so a cache
/// finds the spelling that would be made afresh.
///
/// Words recur ("kr.", "i", "og", "2025", "bevilling", "på"), and writing a token's text,
/// lower-case and bare forms and deciding its traits were most of the tokenizer's time
/// (callgrind). A token of at most eight bytes is its own key; a longer one of at most
/// ``longestLong`` bytes is found by a hash and checked against the UTF-8 of the spelling's
/// text, which is the token's bytes. Each table keeps the last token seen in each slot.
struct TokenCache {
    /// 16.384 short and 16.384 long slots. With 2.048 and 1.024, real minutes' many words
    /// pushed each other out, and making spellings afresh was 6 % of a run over Greve's
    /// meetings. The short size was the fastest of 8.192 to 65.536 slots (callgrind: Greve's
    /// first 20 meetings −1,6 %, generated 2 MB −1,9 %); 4.096 long slots → 16.384 cut a run
    /// over all of Greve's meetings by 1,6 % (32.768: another 0,4 %, for a higher peak of memory).
    private static let slotBits = 14
    private static let longSlotBits = 14
    /// The long table's slots, which a test fills twice over.
    static let longSlots = 1 << longSlotBits
    /// The most bytes a token kept in the long table has: longer ones are rare.
    static let longestLong = 48
    /// 0 for an empty slot: no key is 0, since a key's bytes are never NUL.
    private var keys: [UInt64]
    private var spellings: [TokenSpelling]
    /// Made at the first long token, so a document without one does not pay for them.
    private var longSpellings: [TokenSpelling] = []

    init() {
        keys = [UInt64](repeating: 0, count: 1 << Self.slotBits)
        spellings = [TokenSpelling](repeating: Self.empty, count: 1 << Self.slotBits)
    }

    /// What an empty slot holds: one object for every slot, since no key or bytes find it
    /// (an Optional in each slot measured slower, callgrind).
    private static let empty = TokenSpelling(text: "", lower: "", bare: "", traits: [], bareIsSpelt: true)

    /// The key of a token's bytes: the bytes themselves, first byte lowest, when they are one
    /// to eight bytes other than NUL; nil otherwise.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            guard byte != 0 else { return nil }
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    private static func longSlot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
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
    func spelling(forLong bytes: UnsafeBufferPointer<UInt8>) -> TokenSpelling? {
        guard !longSpellings.isEmpty, bytes.count <= Self.longestLong else { return nil }
        let kept = longSpellings[Self.longSlot(bytes)]
        return Self.spells(kept, bytes) ? kept : nil
    }

    /// Whether the spelling's text is these bytes, compared by memcmp: the generic
    /// `elementsEqual` was a hundredth of the run (callgrind). A token longer than a byte is
    /// UTF-8 (the tokenizer ends a word or number where the bytes are not), so it is its text;
    /// bytes that are not would only be made afresh each time.
    private static func spells(_ spelling: TokenSpelling, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = spelling.text.utf8
        guard text.count == bytes.count, let base = bytes.baseAddress else { return false }
        return text.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, base, bytes.count) == 0 } ?? text.elementsEqual(bytes)
    }

    /// Keeps the spelling of a token without a ``key(_:)`` in its slot, if it is short enough.
    mutating func store(_ spelling: TokenSpelling, forLong bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= Self.longestLong else { return }
        if longSpellings.isEmpty { longSpellings = [TokenSpelling](repeating: Self.empty, count: Self.longSlots) }
        longSpellings[Self.longSlot(bytes)] = spelling
    }
}
