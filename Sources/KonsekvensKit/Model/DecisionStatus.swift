/// What a decision did with the case.
public enum DecisionStatus: String, Sendable, Hashable, CaseIterable {
    /// "Godkendt", "Vedtaget", "Bevilget".
    case approved
    /// "Godkendt idet …", "Godkendt med den bemærkning …".
    case approvedWithConditions = "approved-with-conditions"
    /// "Anbefales", "Indstillingen anbefales": recommended to the next body.
    case recommended
    /// "Drøftet", "Taget til efterretning", "Orientering".
    case noted
    /// "Afvist", "Ikke godkendt".
    case rejected
    /// "Udsat".
    case postponed
    /// "Sagen sendes tilbage …".
    case sentBack = "sent-back"
    /// No decision recorded, or none recognised.
    case none

    /// Approved, with or without conditions.
    public var isApproval: Bool { self == .approved || self == .approvedWithConditions }
}
