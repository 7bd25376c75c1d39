/// The bare words of a paragraph's tokens, each between spaces (" 1 mio. kr. årligt i 2021 "),
/// written once, so the phrases around each amount are looked up in a slice of it. Writing the
/// words again for each amount, twice, was a twentieth of the run (callgrind).
struct SpacedWords {
    /// A space, then each token's ``TextToken/bare`` word followed by a space.
    let bytes: [UInt8]
    /// The offset of the space before each token's word; the last is the final space.
    private let spaces: [Int]

    /// The words of `tokens`, taken from text of `length` bytes or so (room is made for that many).
    init(_ tokens: [TextToken], length: Int) {
        var bytes: [UInt8] = [0x20]
        bytes.reserveCapacity(length + tokens.count + 1)
        var spaces = [0]
        spaces.reserveCapacity(tokens.count + 1)
        for token in tokens {
            // A word's bytes lent, not iterated one by one: appending the UTF-8 view cost 200
            // instructions a word (callgrind).
            var word = token.bare
            word.withUTF8 { bytes.append(contentsOf: $0) }
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
