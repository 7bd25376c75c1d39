/// The section headings kommuner write, and what each means: the one place to add a kommune's
/// wording. Names are compared in lower case, with a trailing ":" or "." and extra spaces removed.
enum SectionHeadings {
    static let names: [String: SectionKind] = [
        // Resume og sagens baggrund
        "resume og sagens baggrund": .summary,
        "resume": .summary,
        "resumé": .summary,
        "sagens baggrund": .summary,
        "baggrund": .summary,
        "kort resume": .summary,
        // Indstillinger
        "indstillinger": .recommendation,
        "indstilling": .recommendation,
        "det indstilles": .recommendation,
        "supplerende indstilling": .recommendation,
        "forslag til beslutning": .recommendation,
        "administrationens indstilling": .recommendation,
        // Behandling
        "behandling": .procedure,
        "sagsprocedure": .procedure,
        "sagsgang": .procedure,
        // Sagsfremstilling
        "sagsfremstilling": .caseDescription,
        "fremstilling": .caseDescription,
        "sagsbeskrivelse": .caseDescription,
        "supplerende sagsfremstilling": .caseDescription,
        "supplerende sagsbeskrivelse": .caseDescription,
        "ny supplerende sagsfremstilling": .caseDescription,
        "beskrivelse af sagen": .caseDescription,
        // Økonomiske konsekvenser
        "økonomiske konsekvenser": .economy,
        "økonomi": .economy,
        "økonomi og finansiering": .economy,
        "bevillingsmæssige konsekvenser": .economy,
        "økonomiske og personalemæssige konsekvenser": .economy,
        "økonomiske forhold": .economy,
        "økonomi og bevilling": .economy,
        "finansiering": .economy,
        // Bilag
        "bilag": .attachments,
        "bilagsliste": .attachments,
        "vedlagte bilag": .attachments,
        // Beslutning
        "beslutning": .decision,
        "beslutninger": .decision,
        "beslutningspunkter": .decision,
        "afgørelse": .decision,
        // Sagstype
        "sagstype": .caseType,
        // Lovgrundlag
        "lovgrundlag": .legalBasis,
        "retsgrundlag": .legalBasis,
        "lovgivning": .legalBasis,
        // Sagens forløb
        "sagens forløb": .caseHistory,
        // Known headings without budget meaning
        "tidsplan": .other,
        "kommunikation": .other,
        "høring": .other,
        "høringspligt": .other,
        "øvrige forhold": .other,
        "øvrige konsekvenser": .other,
        "øvrige opmærksomhedspunkter": .other,
        "miljøvurdering": .other,
        "supplerende dagsorden": .other,
        "personalemæssige konsekvenser": .other,
        "kompetence": .other,
        "kompetenceplacering": .other,
        "vurdering": .other,
        "videre proces": .other,
        "mål og effekt": .other,
    ]

    /// The length of the longest name, in bytes.
    static let longestName = names.keys.map(\.utf8.count).max() ?? 0

    /// Decision headings that name the body before its name: "Beslutning i Økonomiudvalget den …".
    static let decisionPrefixes = ["beslutning i "]
    /// Decision headings that name the body first, in its genitive, with a date:
    /// "Direktionens møde den 3. maj 2021:", "Byrådets beslutning den 28. november 2024".
    static let datedDecisionInfixes = ["s møde den ", "s beslutning den "]
    /// …and without a date, when the heading ends with it: "Byrådets beslutning".
    static let undatedDecisionSuffixes = ["s beslutning"]

    /// The lower-case form used for comparison.
    static func normalized(_ text: String) -> String {
        normalizedBytes(text) ?? normalizedScalars(text)
    }

    /// ``normalized(_:)`` for any text, scalar by scalar: a space-like scalar never starts a
    /// grapheme cluster with others here.
    static func normalizedScalars(_ text: String) -> String {
        var result: [UInt8] = []
        var space = false
        let lower = text.fastLowercased()
        result.reserveCapacity(lower.utf8.count)
        for scalar in lower.unicodeScalars {
            if scalar.isSpaceLike {
                space = true
                continue
            }
            if space, !result.isEmpty { result.append(0x20) }
            space = false
            if scalar.isASCII {
                result.append(UInt8(scalar.value))
            } else {
                result.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return trimmedKey(result)
    }

    /// ``normalized(_:)`` in one pass over the bytes, for ``LatinScalar`` text; nil for other
    /// text. This runs on every line, and was a sixth of reading before it worked on bytes
    /// (callgrind); it writes the key straight into the String, with no array between.
    private static func normalizedBytes(_ text: String) -> String? {
        let key = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var latin = true
            let key = String(unsafeUninitializedCapacity: bytes.count) { key in
                var count = 0
                var space = false
                var index = 0
                while index < bytes.count {
                    guard let scalar = LatinScalar(in: bytes, at: index) else {
                        latin = false
                        return 0
                    }
                    if scalar.isSpace {
                        space = true
                    } else {
                        if space, count > 0 {
                            key[count] = 0x20
                            count += 1
                        }
                        space = false
                        for offset in 0..<scalar.length { key[count + offset] = bytes[index + offset] }
                        count += scalar.length
                        if scalar.folds { key[count - 1] += 0x20 }
                    }
                    index += scalar.length
                }
                while count > 0, isTrimmed(key[count - 1]) { count -= 1 }
                return count
            }
            return latin ? key : nil
        }
        return key.flatMap { $0 }
    }

    /// A final ":", "." or space, which a key does not keep.
    private static func isTrimmed(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == 0x20
    }

    /// The key without a final ":", "." or space.
    private static func trimmedKey(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        while let last = bytes.last, isTrimmed(last) { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
