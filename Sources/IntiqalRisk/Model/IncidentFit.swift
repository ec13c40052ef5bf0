import IntiqalDomain

/// Per-region Hawkes fits from incident records, and the risk model they give.
public struct IncidentFit: Sendable, Codable, Hashable {
    /// One region's outcome.
    public struct RegionFit: Sendable, Codable, Hashable {
        public var region: String
        /// Events in the window (after expanding counts).
        public var events: Int
        /// The maximum-likelihood fit; nil when the region had too few events or it failed.
        public var fit: FitResult?
        /// The parameters the model uses for this region (fitted, capped, or fallback).
        public var parameters: HawkesParameters
        /// Why the parameters are not the plain fit, when they are not.
        public var note: String?
    }

    /// Observation window: first day of the earliest incident's month to the end of the
    /// latest incident's month.
    public var windowStart: CivilDate
    public var windowEnd: CivilDate
    /// Window length in days.
    public var days: Double
    public var regions: [RegionFit]
    /// γ_gap and γ_dep: fitted when an exposure history with variation was given.
    public var gammaGap: CoefficientEstimate
    public var gammaDeparture: CoefficientEstimate
    public var model: RiskModel
}
