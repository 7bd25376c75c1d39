/// What extraction needs to know beyond the text.
public struct ExtractionOptions: Sendable, Hashable {
    /// The analysed kommune ("Kalundborg"); when nil, each document's own
    /// (``MunicipalityGuess/of(_:)``: its masthead's, its rådhus's or the one it names most).
    public var municipality: String?
    /// The budget horizon that open-ended amounts run to; when nil, the meeting year and three
    /// overslagsår.
    public var horizon: ClosedRange<Int>?

    public init(municipality: String? = nil, horizon: ClosedRange<Int>? = nil) {
        self.municipality = municipality
        self.horizon = horizon
    }
}
