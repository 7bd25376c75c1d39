/// Decodes HTML character references: named ones minutes use, and numeric ones.
enum HTMLEntities {
    /// Decodes the reference that starts at `position` (an "&") in UTF-8 bytes; returns its
    /// text and how many bytes it spans. A "&" that starts no known reference stands for itself.
    static func decode(_ bytes: [UInt8], at position: Int) -> (text: String, length: Int) {
        var cursor = position + 1
        // The name is made into a String once, at its ";". Every name resolved is ASCII, so a
        // byte beyond ASCII ends the search as surely as a letter no name has.
        while cursor < bytes.count, cursor - position <= 32 {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ";") {
                let name = bytes[(position + 1)..<cursor]
                if let text = common(name) ?? resolve(String(decoding: name, as: UTF8.self)) { return (text, cursor - position + 1) }
                break
            }
            guard isNameByte(byte) else { break }
            cursor += 1
        }
        return ("&", 1)
    }

    /// The UTF-8 of the letter or space that the reference at `position` (an "&") stands for,
    /// and the reference's length, when it is one of the few minutes use most ("&nbsp;",
    /// "&oslash;", "&aring;", …: each a scalar of two bytes); nil for any other. Decoding these
    /// into a String and appending it was 1 % of a run over generated minutes (callgrind).
    static func common(_ bytes: [UInt8], at position: Int) -> (utf8: (UInt8, UInt8), length: Int)? {
        bytes.withUnsafeBufferPointer { bytes in
            for (name, utf8) in twoByteNames {
                let end = position + 1 + name.count
                guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { continue }
                var same = true
                for offset in 0..<name.count where bytes[position + 1 + offset] != name[offset] {
                    same = false
                    break
                }
                if same { return (utf8, end - position + 1) }
            }
            return nil
        }
    }

    /// The names of ``common(_:at:)``, most common first, with the two bytes of their text in ``named``.
    private static let twoByteNames: [(name: [UInt8], utf8: (UInt8, UInt8))] = ["nbsp", "oslash", "aring", "aelig", "Oslash", "Aring", "AElig"].map { name in
        let utf8 = Array(named[name]!.utf8)
        precondition(utf8.count == 2)
        return (Array(name.utf8), (utf8[0], utf8[1]))
    }

    /// The references Danish minutes use most, told by their bytes: a String made of each name
    /// and looked up was 0,4 % of a run on generated minutes (callgrind).
    private static func common(_ name: ArraySlice<UInt8>) -> String? {
        commonNames.first { $0.name.count == name.count && $0.name.elementsEqual(name) }?.text
    }

    /// The most common names, most common first, with their text from ``named``.
    private static let commonNames: [(name: [UInt8], text: String)] = ["nbsp", "oslash", "aring", "aelig", "amp"].map { name in
        (Array(name.utf8), named[name]!)
    }

    /// An ASCII letter, a digit or "#".
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x23: true
        default: false
        }
    }

    private static func resolve(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            guard let value, value != 0 else { return nil }
            // Numeric references in 128–159 mean Windows-1252 characters in practice.
            if (0x80...0x9F).contains(value) {
                return TextDecoding.decode([UInt8(value)]).text
            }
            return Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
        }
        return named[name]
    }

    private static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø", "aring": "å", "Aring": "Å",
        "auml": "ä", "Auml": "Ä", "ouml": "ö", "Ouml": "Ö", "uuml": "ü", "Uuml": "Ü",
        "eacute": "é", "Eacute": "É", "egrave": "è", "aacute": "á", "agrave": "à", "oacute": "ó",
        "iacute": "í", "uacute": "ú", "ccedil": "ç", "ntilde": "ñ", "szlig": "ß",
        "ndash": "–", "mdash": "—", "minus": "−", "hellip": "…", "sect": "§", "para": "¶",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bdquo": "„", "sbquo": "‚",
        "laquo": "«", "raquo": "»", "frac12": "½", "frac14": "¼", "frac34": "¾", "deg": "°",
        "times": "×", "divide": "÷", "euro": "€", "pound": "£", "cent": "¢", "shy": "\u{00AD}",
        "middot": "·", "bull": "•", "copy": "©", "reg": "®", "trade": "™", "sup2": "²", "sup3": "³",
        "ensp": " ", "emsp": " ", "thinsp": "\u{2009}", "zwsp": "\u{200B}", "zwnj": "\u{200C}",
        "percnt": "%", "plusmn": "±", "micro": "µ", "ordm": "º", "ordf": "ª",
    ]
}
