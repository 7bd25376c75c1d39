/// Byte-level readings of a line for text made of ``LatinScalar``s without joiners, where every
/// scalar is a Character of its own (CR LF aside, and both are white space). There the results
/// are those of walking Characters, which cost the reader a tenth of its time (callgrind). Each
/// function returns nil for other text, and the caller walks Characters.
enum LatinText {
    /// The byte range without leading and trailing white space (empty for a blank line), and
    /// the number of Characters before it. Only the white space at either end is read: a
    /// ``LatinScalar`` space never extends the Character before it, nor does any other one.
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> (range: Range<Int>, leading: Int)? {
        var first = 0, leading = 0
        while first < bytes.count {
            guard let scalar = LatinScalar(in: bytes, at: first), !scalar.joins else { return nil }
            guard scalar.isSpace else { break }
            // CR LF is one Character.
            if !(bytes[first] == 0x0A && first > 0 && bytes[first - 1] == 0x0D) { leading += 1 }
            first += scalar.length
        }
        guard first < bytes.count else { return (0..<0, 0) }
        var end = bytes.count
        while end > first {
            var start = end - 1
            while start > first, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard let scalar = LatinScalar(in: bytes, at: start), !scalar.joins, start + scalar.length == end else { return nil }
            guard scalar.isSpace else { break }
            end = start
        }
        return (first..<end, leading)
    }

    /// What separates words: any white space, or only the space " ".
    enum Separator {
        case whiteSpace, space
    }

    /// The ranges of the words between runs of white space, as `split(whereSeparator:
    /// \.isSpaceLike)` finds them, or between runs of " " as `split(separator: " ")` does.
    @inline(__always)
    static func wordRanges(_ bytes: UnsafeBufferPointer<UInt8>, at separator: Separator = .whiteSpace) -> [Range<Int>]? {
        // Room for words of seven bytes: growing the array by doubling was most of its cost.
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 7 + 1)
        var wordStart = -1
        var index = 0
        while index < bytes.count {
            guard let scalar = LatinScalar(in: bytes, at: index), !scalar.joins else { return nil }
            if separator == .space ? bytes[index] == 0x20 : scalar.isSpace {
                if wordStart >= 0 { ranges.append(wordStart..<index) }
                wordStart = -1
            } else if wordStart < 0 {
                wordStart = index
            }
            index += scalar.length
        }
        if wordStart >= 0 { ranges.append(wordStart..<bytes.count) }
        return ranges
    }

    /// The text split at white space, as `split(whereSeparator: \.isSpaceLike)` splits it, or at
    /// spaces, as `split(separator: " ")` does: on the bytes where ``wordRanges(_:at:)`` reads
    /// them, by Characters otherwise. Splitting Characters was a tenth of reading a Greve
    /// meeting (callgrind).
    static func words(of text: String, at separator: Separator = .whiteSpace) -> [Substring] {
        if let ranges = text.utf8.withContiguousStorageIfAvailable({ wordRanges($0, at: separator) }), let ranges {
            let utf8 = text.utf8
            return ranges.map { range in
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
        }
        return separator == .space ? text.split(separator: " ") : text.split(whereSeparator: \.isSpaceLike)
    }

    /// The text of `range` of `bytes`, which start and end on scalar boundaries.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
