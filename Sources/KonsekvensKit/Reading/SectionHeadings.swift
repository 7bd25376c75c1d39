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

    /// Decision headings that name the body before its name: "Beslutning i Økonomiudvalget den …".
    static let decisionPrefixes = ["beslutning i "]
    /// Decision headings that name the body first, in its genitive, with a date:
    /// "Direktionens møde den 3. maj 2021:", "Byrådets beslutning den 28. november 2024".
    static let datedDecisionInfixes = ["s møde den ", "s beslutning den "]
    /// …and without a date, when the heading ends with it: "Byrådets beslutning".
    static let undatedDecisionSuffixes = ["s beslutning"]

    /// The lower-case form used for comparison.
    static func normalized(_ text: String) -> String {
        // Written as UTF-8 bytes, a scalar at a time: this runs on every line, and appending to a
        // String.UnicodeScalarView was a sixth of reading (callgrind). A space-like scalar never
        // starts a grapheme cluster with others here.
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
        while let last = result.last, last == UInt8(ascii: ":") || last == UInt8(ascii: ".") || last == 0x20 { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }
}
