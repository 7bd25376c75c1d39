/// The bare words of a paragraph's tokens, each between spaces (" 1 mio. kr. årligt i 2021 "),
/// written once, so the phrases around each amount are looked up in a slice of it. Writing the
/// words again for each amount, twice, was a twentieth of the run (callgrind).
struct SpacedWords {
    /// A space, then each token's ``TextToken/bare`` word followed by a space.
    let bytes: [UInt8]
    /// The offset of the space before each token's word; the last is the final space.
    private let spaces: [Int]

    init(_ tokens: [TextToken]) {
        var bytes: [UInt8] = [0x20]
        var spaces = [0]
        spaces.reserveCapacity(tokens.count + 1)
        for token in tokens {
            bytes.append(contentsOf: token.bare.utf8)
            spaces.append(bytes.count)
            bytes.append(0x20)
        }
        self.bytes = bytes
        self.spaces = spaces
    }

    /// The words of the tokens in `range`, each between spaces; a single space for none.
    func words(_ range: Range<Int>) -> ArraySlice<UInt8> {
        bytes[spaces[range.lowerBound]...spaces[range.upperBound]]
    }

    /// The words of `first`, then those of `second`, as one run between spaces.
    func words(_ first: Range<Int>, _ second: Range<Int>) -> [UInt8] {
        var joined = Array(words(first))
        joined.append(contentsOf: bytes[(spaces[second.lowerBound] + 1)..<(spaces[second.upperBound] + 1)])
        return joined
    }
}
