/// A fixed list of phrases, found in a text in one pass over its UTF-8 bytes.
///
/// Extraction asks dozens of phrases of the words around every amount (" årligt ", " i alt ",
/// "kassebeholdning", the stems of the kinds); searching for each in turn was a tenth of the
/// run (callgrind). Here each position of the text is looked up by its first two bytes in a
/// 65.536-bit table, and only the phrases that start with those bytes are compared.
struct NeedleSet: Sendable {
    /// The phrases in the order given; a result's bit `i` is `needles[i]`.
    let needles: [[UInt8]]
    /// Bit `b0 << 8 | b1` is set when some phrase starts with the bytes `b0`, `b1`.
    private let starts: [UInt64]
    /// For each pair of bytes, one more than the index in `lists` of the phrases that start
    /// with it, or 0: a load instead of hashing the pair at every position the bitset lets
    /// through (64 KB a set; a set has at most 64 phrases, so at most 64 lists).
    private let listOfStart: [UInt8]
    /// The phrases that start with one pair of bytes, in order.
    private let lists: [[Int]]

    /// The group of each phrase, for ``groups(in:)``.
    private let groupOfNeedle: [Int]

    /// Whether a byte may begin a phrase, or a phrase folded to lower case (then also every lead
    /// byte from 0xC0, which the folding scan must see): a position whose byte may not is passed
    /// on one load, where the pair of bytes was folded and looked up at every position (3,5 %
    /// of a run over Greve's meetings, callgrind).
    private let mayStart: [Bool]
    private let mayStartFolded: [Bool]

    /// At most 64 phrases of two bytes or more, compared byte for byte (case-sensitive).
    init(_ phrases: [String]) {
        self.init(groups: phrases.map { [$0] })
    }

    /// Phrases in groups, to ask which groups occur: group `g` is the `g`-th list.
    init(groups: [[String]]) {
        let phrases = groups.flatMap { $0 }
        precondition(phrases.count <= 64 && phrases.allSatisfy { $0.utf8.count >= 2 })
        groupOfNeedle = groups.enumerated().flatMap { group, phrases in phrases.map { _ in group } }
        needles = phrases.map { Array($0.utf8) }
        var starts = [UInt64](repeating: 0, count: 1024)
        var listOfStart = [UInt8](repeating: 0, count: 1 << 16)
        var lists: [[Int]] = []
        for (index, needle) in needles.enumerated() {
            let key = UInt16(needle[0]) << 8 | UInt16(needle[1])
            starts[Int(key >> 6)] |= 1 << UInt64(key & 63)
            if listOfStart[Int(key)] == 0 {
                lists.append([])
                listOfStart[Int(key)] = UInt8(lists.count)
            }
            lists[Int(listOfStart[Int(key)]) - 1].append(index)
        }
        self.starts = starts
        self.listOfStart = listOfStart
        self.lists = lists
        var mayStart = [Bool](repeating: false, count: 256)
        for needle in needles { mayStart[Int(needle[0])] = true }
        self.mayStart = mayStart
        // Every byte that the scan's folding could turn into a phrase's first byte.
        self.mayStartFolded = (0..<256).map { byte in
            // (A continuation byte folded is one still, and no phrase starts with one.)
            byte >= 0xC0 || mayStart[byte] || (0x41...0x5A).contains(byte) && mayStart[byte + 0x20]
        }
    }

    /// The phrases that occur in `text`, as a mask: bit `i` for `needles[i]`.
    func occurring(in text: some StringProtocol) -> UInt64 {
        if let mask = text.utf8.withContiguousStorageIfAvailable({ occurring(inBytes: $0) }) { return mask }
        return occurring(inBytes: Array(text.utf8))
    }

    /// The groups with a phrase that occurs in `text`.
    func groups(in text: some StringProtocol) -> Groups {
        groups(ofMask: occurring(in: text))
    }

    /// The groups with a phrase that occurs in UTF-8 `bytes`.
    func groups(inBytes bytes: some RandomAccessCollection<UInt8>) -> Groups {
        groups(ofMask: occurring(inBytes: bytes))
    }

    /// Whether any of the phrases occurs in UTF-8 `bytes`.
    func occursAny(inBytes bytes: some RandomAccessCollection<UInt8>) -> Bool { occurring(inBytes: bytes) != 0 }

    private func groups(ofMask found: UInt64) -> Groups {
        var mask = found
        var groups: UInt64 = 0
        while mask != 0 {
            groups |= 1 << UInt64(groupOfNeedle[mask.trailingZeroBitCount])
            mask &= mask - 1
        }
        return Groups(mask: groups)
    }

    /// Which groups of phrases occur in a text.
    struct Groups {
        let mask: UInt64
        func contains(_ group: Int) -> Bool { mask & 1 << UInt64(group) != 0 }
        /// Whether the group a case names occurs: the case's raw value is its group.
        func contains<Group: RawRepresentable<Int>>(_ group: Group) -> Bool { contains(group.rawValue) }
    }

    /// Whether any of the phrases occurs in the text as `fastLowercased()` writes it, folded
    /// here the same way for ``LatinScalar`` text without writing a String.
    func occursAny(inLowercased text: String) -> Bool {
        let folded = text.utf8.withContiguousStorageIfAvailable { scan($0, folding: true).map { $0 != 0 } }
        if let folded, let folded { return folded }
        return occursAny(in: text.fastLowercased())
    }

    /// ``occursAny(inLowercased:)`` of the String of valid UTF-8 `bytes`.
    func occursAny(inLowercasedBytes bytes: [UInt8]) -> Bool {
        let folded = bytes.withUnsafeBufferPointer { scan($0, folding: true).map { $0 != 0 } }
        if let folded { return folded }
        return occursAny(in: String(decoding: bytes, as: UTF8.self).fastLowercased())
    }

    /// Whether any of the phrases occurs in `text`.
    func occursAny(in text: some StringProtocol) -> Bool { occurring(in: text) != 0 }

    /// The first phrase in the list's order that occurs in `text`.
    func firstOccurring(in text: some StringProtocol) -> Int? {
        let mask = occurring(in: text)
        return mask == 0 ? nil : mask.trailingZeroBitCount
    }

    private func occurring(inBytes bytes: some RandomAccessCollection<UInt8>) -> UInt64 {
        // Through a buffer: indices of a generic collection cost more than the bytes they reach
        // (callgrind). Every caller's bytes are contiguous; others are copied.
        let mask = bytes.withContiguousStorageIfAvailable { scan($0, folding: false) }
            ?? Array(bytes).withUnsafeBufferPointer { scan($0, folding: false) }
        return mask ?? 0
    }

    /// The phrases that occur in valid UTF-8 `bytes`, as a mask. With `folding`, each byte is
    /// folded to lower case as it is read (A–Z and À–Þ but ×, as ``LatinScalar`` folds them,
    /// where folding into a copy first was a thirtieth of the run, callgrind), the first phrase
    /// found ends the scan, and a scalar outside ``LatinScalar``'s range gives nil, for the
    /// general path; a phrase found before it is found there too, since lower case is the same
    /// for the Latin text before it.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, folding: Bool) -> UInt64? {
        // The table through a pointer: a byte's look into it was bounds-checked at every byte.
        (folding ? mayStartFolded : mayStart).withUnsafeBufferPointer { mayStart in
            scan(bytes, folding: folding, mayStart: mayStart)
        }
    }

    /// ``scan(_:folding:)`` with the table of bytes that may begin a phrase.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, folding: Bool, mayStart: UnsafeBufferPointer<Bool>) -> UInt64? {
        @inline(__always) func byte(_ index: Int) -> UInt8 {
            let byte = bytes[index]
            guard folding else { return byte }
            if byte >= 0x41, byte <= 0x5A { return byte + 0x20 }
            if byte >= 0x80, byte <= 0x9E, byte != 0x97, index > 0, bytes[index - 1] == 0xC3 { return byte + 0x20 }
            return byte
        }
        var mask: UInt64 = 0
        for index in bytes.indices where mayStart[Int(bytes[index])] {
            // A lead byte outside Latin-1 and U+2000–U+203F.
            if folding, bytes[index] >= 0xC0, bytes[index] != 0xC2, bytes[index] != 0xC3,
                bytes[index] != 0xE2 || index + 1 >= bytes.count || bytes[index + 1] != 0x80
            {
                return nil
            }
            guard index + 1 < bytes.count else { break }
            let key = UInt16(byte(index)) << 8 | UInt16(byte(index + 1))
            guard starts[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0 else { continue }
            for candidate in lists[Int(listOfStart[Int(key)]) - 1] where mask & (1 << UInt64(candidate)) == 0 {
                let needle = needles[candidate]
                guard bytes.count - index >= needle.count else { continue }
                var offset = 2
                while offset < needle.count, byte(index + offset) == needle[offset] { offset += 1 }
                guard offset == needle.count else { continue }
                mask |= 1 << UInt64(candidate)
                if folding { return mask }
            }
        }
        return mask
    }
}
