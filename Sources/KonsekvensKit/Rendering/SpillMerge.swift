/// The sorted parts of a spill file merged into one sorted sequence, each part read some 64 KB
/// at a time: the end of a sort too large for memory, whose sorted runs went to the file.
/// A binary heap of the parts' next elements, smallest first.
struct SpillMerge<Element> {
    private var heap: [(head: Element, rest: SpillFile.Strings)] = []
    private let decode: (ArraySlice<UInt8>) -> Element
    private let precedes: (Element, Element) -> Bool

    /// The elements of `parts` of `spill`, each part sorted by `precedes`, every string of them
    /// read as an element by `decode`.
    init(
        _ spill: SpillFile, parts: [Range<Int>], decode: @escaping (ArraySlice<UInt8>) -> Element,
        precedes: @escaping (Element, Element) -> Bool
    ) throws {
        (self.decode, self.precedes) = (decode, precedes)
        for part in parts {
            var strings = try spill.strings(in: part)
            if let bytes = try strings.next() { push(decode(bytes), strings) }
        }
    }

    /// The smallest element left.
    var first: Element? { heap.first?.head }

    /// Takes the smallest element, its part's next element taking its place.
    @discardableResult
    mutating func pop() throws -> Element? {
        // The head alone: a copy of the part's reader would copy its bytes when it reads on.
        guard let top = heap.first?.head else { return nil }
        if let bytes = try heap[0].rest.next() {
            heap[0].head = decode(bytes)
        } else {
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
        }
        var parent = 0
        while true {
            let (left, right) = (2 * parent + 1, 2 * parent + 2)
            var smallest = parent
            if left < heap.count, precedes(heap[left].head, heap[smallest].head) { smallest = left }
            if right < heap.count, precedes(heap[right].head, heap[smallest].head) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }

    private mutating func push(_ head: Element, _ rest: SpillFile.Strings) {
        heap.append((head, rest))
        var child = heap.count - 1
        while child > 0, precedes(heap[child].head, heap[(child - 1) / 2].head) {
            heap.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }
}
