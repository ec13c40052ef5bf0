/// A fitted (or assumed) coefficient of the background link.
public struct CoefficientEstimate: Sendable, Codable, Hashable {
    public var value: Double
    /// From the curvature of the profile likelihood; nil when assumed or not estimable.
    public var standardError: Double?
    /// True when estimated from the data, false when the default was kept.
    public var fitted: Bool
    /// Why it was not fitted, when it was not.
    public var note: String?
    /// The same in Arabic.
    public var noteAr: String?
}
