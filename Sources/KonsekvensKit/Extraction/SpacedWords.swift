/// The bare words of a paragraph's tokens, each between spaces (" 1 mio. kr. årligt i 2021 "),
/// written once, so the phrases around each amount are looked up in a slice of it. Writing the
/// words again for each amount, twice, was a twentieth of the run (callgrind).
struct SpacedWords {
    /// A space, then each token's ``TextToken/bare`` word followed by a space.
    let bytes: [UInt8]
    /// The offset of the space before each token's word; the last is the final space.
    private let spaces: [Int]

    /// The words of `tokens` of the UTF-8 `text`, written into room measured first: appending
    /// each word's bytes to a growing array was a twentieth of the run on generated minutes, and
    /// reading each token's bare String another (callgrind), so a word spelt as it stands in
    /// the text (``TextToken/bareIsSpelt``, most of them) is copied from there.
    init(_ tokens: [TextToken], in text: [UInt8]) {
        var length = 1
        for token in tokens {
            length += (token.bareIsSpelt ? token.end - token.start : token.bare.utf8.count) + 1
        }
        var spaces = [Int](repeating: 0, count: tokens.count + 1)
        bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            text.withUnsafeBufferPointer { text in
                spaces.withUnsafeMutableBufferPointer { spaces in
                    buffer[0] = 0x20
                    var offset = 1
                    for index in tokens.indices {
                        let (start, end) = (tokens[index].start, tokens[index].end)
                        if tokens[index].bareIsSpelt {
                            for byte in text[start..<end] {
                                buffer[offset] = byte
                                offset += 1
                            }
                        } else {
                            var word = tokens[index].bare
                            word.withUTF8 { word in
                                if let base = word.baseAddress { (buffer.baseAddress! + offset).initialize(from: base, count: word.count) }
                                offset += word.count
                            }
                        }
                        spaces[index + 1] = offset
                        buffer[offset] = 0x20
                        offset += 1
                    }
                    count = offset
                }
            }
        }
        self.spaces = spaces
    }

    /// The words of the tokens in `range`, each between spaces; a single space for none.
    func words(_ range: Range<Int>) -> ArraySlice<UInt8> {
        bytes[spaces[range.lowerBound]...spaces[range.upperBound]]
    }

    /// The words of `first`, then those of `second`, as one run between spaces, handed to
    /// `body` from a temporary buffer (on the stack when small): an array for each, made twice
    /// for every amount, was allocated and freed for one scan.
    func withWords<Result>(_ first: Range<Int>, _ second: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let head = words(first)
        let tail = bytes[(spaces[second.lowerBound] + 1)..<(spaces[second.upperBound] + 1)]
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: head.count + tail.count) { buffer in
            _ = buffer.initialize(fromContentsOf: head)
            _ = buffer[head.count...].initialize(fromContentsOf: tail)
            defer { buffer.deinitialize() }
            return body(UnsafeBufferPointer(buffer))
        }
    }
}
