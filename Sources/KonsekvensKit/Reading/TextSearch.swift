/// Substring search on UTF-8 bytes. Foundation's `contains(_:)` on String goes through
/// NSString and was a fifth of extraction's time (callgrind); this is a plain byte scan.
extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte (case-sensitive).
    func includes(_ needle: String) -> Bool {
        var haystack = String(self)
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard pattern.count <= hay.count else { return false }
                let last = hay.count - pattern.count
                var index = 0
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < pattern.count, hay[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
