import Foundation

/// Substring search on UTF-8 bytes. Foundation's `contains(_:)` on String goes through
/// NSString and was a fifth of extraction's time (callgrind); this is a byte scan (memchr, memcmp).
extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte (case-sensitive).
    func includes(_ needle: String) -> Bool { utf8Offset(of: needle) != nil }

    /// The UTF-8 offset of the first occurrence of `needle`, compared byte for byte.
    func utf8Offset(of needle: String) -> Int? {
        // Native Strings and their Substrings lend their bytes without a copy; copying the
        // haystack for each of the dozens of phrases asked of it was a tenth of the run (callgrind).
        if let found = utf8.withContiguousStorageIfAvailable({ hay in needle.utf8Offset(in: hay) }) { return found }
        var copy = String(self)
        copy.makeContiguousUTF8()
        return copy.utf8Offset(of: needle)
    }

    /// Whether the text starts with `prefix`, compared byte for byte. `hasPrefix` compares
    /// Characters, and was a fifteenth of the run on words such as "øre" (callgrind); for the NFC
    /// text the reader makes, the answer is the same.
    func startsWithBytes(_ prefix: String) -> Bool {
        hasBytes(prefix, atEnd: false)
    }

    /// Whether the text ends with `suffix`, compared byte for byte (see ``startsWithBytes(_:)``).
    func endsWithBytes(_ suffix: String) -> Bool {
        hasBytes(suffix, atEnd: true)
    }

    private func hasBytes(_ part: String, atEnd: Bool) -> Bool {
        let count = part.utf8.count, total = utf8.count
        guard count <= total else { return false }
        guard count > 0 else { return true }
        let found = utf8.withContiguousStorageIfAvailable { mine in
            part.utf8.withContiguousStorageIfAvailable { theirs in
                memcmp(mine.baseAddress! + (atEnd ? total - count : 0), theirs.baseAddress!, count) == 0
            }
        }
        if let found, let found { return found }
        return atEnd ? utf8.suffix(count).elementsEqual(part.utf8) : utf8.starts(with: part.utf8)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `word` is in these bytes with every byte compared with its 0x20 bit set: ASCII
    /// letters in either case, "ø" and "Ø" alike (and a little more, such as "@" and "`", which
    /// only lets more through). A necessary test, cheap enough for every line.
    func containsFolded(_ word: [UInt8]) -> Bool {
        guard count >= word.count, let first = word.first else { return false }
        for start in 0...(count - word.count) where self[start] | 0x20 == first | 0x20 {
            var offset = 1
            while offset < word.count, self[start + offset] | 0x20 == word[offset] | 0x20 { offset += 1 }
            if offset == word.count { return true }
        }
        return false
    }
}

extension String {
    /// Whether `word` is in the text, its bytes compared as ``UnsafeBufferPointer/containsFolded(_:)`` does.
    func containsFolded(_ word: [UInt8]) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.containsFolded(word) }) { return found }
        var copy = self
        return copy.withUTF8 { $0.containsFolded(word) }
    }

    /// Whether the first Character is upper-case, as `first?.isUppercase` says, read from the
    /// first byte when it is ASCII (a combining mark after it changes no case).
    var startsUppercase: Bool {
        guard let byte = utf8.first else { return false }
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return first?.isUppercase == true
    }

    /// The offset of this text's bytes in `hay`, if they occur there (memchr, memcmp).
    func utf8Offset(in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        let found = utf8.withContiguousStorageIfAvailable { pattern -> Int? in
            guard !pattern.isEmpty else { return 0 }
            guard pattern.count <= hay.count, let base = hay.baseAddress else { return nil }
            let first = Int32(pattern[0])
            let last = hay.count - pattern.count
            var index = 0
            while index <= last {
                guard let found = memchr(base + index, first, last - index + 1) else { return nil }
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if memcmp(base + index, pattern.baseAddress!, pattern.count) == 0 { return index }
                index += 1
            }
            return nil
        }
        if let found { return found }
        var copy = self
        copy.makeContiguousUTF8()
        return copy.utf8Offset(in: hay)
    }
}

extension StringProtocol {
    /// The same text as `lowercased()`, without the Unicode case tables for ASCII and the Latin-1
    /// letters Danish uses (Æ, Ø, Å, É, …); other text goes through `lowercased()`.
    /// `lowercased()` on every word and line was a tenth of the run (perf).
    func fastLowercased() -> String {
        var source = String(self)
        let folded = source.withUTF8 { LatinScalar.lowercased($0) }
        guard let folded else { return source.lowercased() }
        return folded.isEmpty ? source : String(decoding: folded, as: UTF8.self)
    }
}

extension String {
    /// The text of a run of scalars, encoded straight to UTF-8; `String.UnicodeScalarView(_:)`
    /// appends them one at a time, and was a fifth of the HTML reader's time when it read
    /// scalars (perf).
    init(scalars: ArraySlice<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var offset = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[offset] = UInt8(value)
                    offset += 1
                } else if value < 0x800 {
                    buffer[offset] = UInt8(0xC0 | value >> 6)
                    buffer[offset + 1] = UInt8(0x80 | value & 0x3F)
                    offset += 2
                } else if value < 0x10000 {
                    buffer[offset] = UInt8(0xE0 | value >> 12)
                    buffer[offset + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[offset + 2] = UInt8(0x80 | value & 0x3F)
                    offset += 3
                } else {
                    buffer[offset] = UInt8(0xF0 | value >> 18)
                    buffer[offset + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[offset + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[offset + 3] = UInt8(0x80 | value & 0x3F)
                    offset += 4
                }
            }
            return offset
        }
    }
}

extension String {
    /// Whether the text has the same bytes as `other`, like ``startsWithBytes(_:)``: `==` on two
    /// short unequal words cost some 140 instructions, and extraction asks it millions of times
    /// (callgrind). For the words extraction compares against (ASCII without "K", ";" and "`",
    /// dashes, "÷", "ø"), no other text is canonically equivalent, so this is what `==` says; a
    /// test checks every scalar.
    func equalsBytes(_ other: String) -> Bool { utf8.count == other.utf8.count && self == other }

    // Whether the text is one of a few words, byte for byte (see ``equalsBytes(_:)``).
    // `["fra", "af"].contains(word)` built its array on every call, tens of thousands of times
    // a run (callgrind); these compare in turn.

    /// Whether the text is `a` or `b`.
    func isOne(of a: String, _ b: String) -> Bool { equalsBytes(a) || equalsBytes(b) }

    /// Whether the text is `a`, `b` or `c`.
    func isOne(of a: String, _ b: String, _ c: String) -> Bool { equalsBytes(a) || equalsBytes(b) || equalsBytes(c) }

    /// Whether the text is `a`, `b`, `c` or `d`.
    func isOne(of a: String, _ b: String, _ c: String, _ d: String) -> Bool {
        equalsBytes(a) || equalsBytes(b) || equalsBytes(c) || equalsBytes(d)
    }
}

extension String {
    /// The text without the given ASCII characters at either end: what `trimmingCharacters(in:)`
    /// with their CharacterSet gives, since an ASCII byte of UTF-8 is always that scalar, without
    /// Foundation's some 9.000 instructions a call (callgrind).
    func trimming(ascii characters: StaticString) -> String {
        let set = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        assert(set.allSatisfy { $0 < 0x80 }, "trimming(ascii:) takes ASCII characters")
        var text = self
        return text.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, set.contains(bytes[start]) { start += 1 }
            while end > start, set.contains(bytes[end - 1]) { end -= 1 }
            return start == 0 && end == bytes.count ? self : String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// What `trimmingCharacters(in: .punctuationCharacters)` gives, trimmed on the bytes while the
    /// ends are ASCII: Foundation's took some 20.000 instructions a call (callgrind). At a
    /// non-ASCII byte it is Foundation's after all.
    func trimmingPunctuation() -> String {
        var text = self
        // The bytes kept, or nil when an end is not ASCII.
        let kept = text.withUTF8 { bytes -> Range<Int>? in
            var start = 0, end = bytes.count
            while start < end, bytes[start] < 0x80, Self.asciiPunctuation[Int(bytes[start])] { start += 1 }
            while end > start, bytes[end - 1] < 0x80, Self.asciiPunctuation[Int(bytes[end - 1])] { end -= 1 }
            return start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) ? start..<end : nil
        }
        guard let kept else { return trimmingCharacters(in: .punctuationCharacters) }
        // An ASCII byte is a scalar of its own, so the ends are scalar boundaries.
        let first = utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)
        return String(self[first..<utf8.index(first, offsetBy: kept.count)])
    }

    /// Which ASCII scalars are in `CharacterSet.punctuationCharacters`.
    private static let asciiPunctuation: [Bool] = (0..<128).map { CharacterSet.punctuationCharacters.contains(Unicode.Scalar(UInt8($0))) }

    /// The text with each non-breaking space (U+00A0, C2 A0 in UTF-8) made a space, on the bytes:
    /// also one a combining mark follows, which `replacingOccurrences(of:with:)` leaves.
    var withPlainSpaces: String {
        guard utf8.contains(0xC2) else { return self }
        var bytes = Array(utf8)
        var kept = 0, index = 0
        while index < bytes.count {
            let noBreak = bytes[index] == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0
            bytes[kept] = noBreak ? 0x20 : bytes[index]
            index += noBreak ? 2 : 1
            kept += 1
        }
        return String(decoding: bytes[..<kept], as: UTF8.self)
    }
}
