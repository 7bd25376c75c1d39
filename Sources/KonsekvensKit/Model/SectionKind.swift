/// What a section of an agenda item is, whatever a kommune calls it.
///
/// The names each kommune uses are data, in ``SectionHeadings``.
public enum SectionKind: String, Sendable, Hashable, CaseIterable {
    /// Resume og sagens baggrund, Resume.
    case summary
    /// Indstillinger, Indstilling, Det indstilles.
    case recommendation
    /// Behandling, Sagsprocedure: which bodies handle the case.
    case procedure
    /// Sagsfremstilling, Sagsbeskrivelse, Fremstilling.
    case caseDescription
    /// Økonomiske konsekvenser, Økonomi, Bevillingsmæssige konsekvenser.
    case economy
    /// Bilag.
    case attachments
    /// The decision: Beslutning, "Direktionens møde den 3. maj 2021:".
    case decision
    /// Sagstype: the case type, a value such as "Beslutning", not a decision.
    case caseType
    /// Lovgrundlag.
    case legalBasis
    /// Sagens forløb: the meetings the case has passed through.
    case caseHistory
    /// A heading the reader knows but that has no budget meaning (Tidsplan, Høring, …).
    case other
    /// Text before an item's first heading, or an item with no headings at all.
    case unlabelled
}
