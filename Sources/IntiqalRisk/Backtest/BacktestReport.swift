import IntiqalDomain

/// The outcome of a back-test: scores per horizon and method, the forecasts against what
/// happened per region, and the model's last fits. Encodes as the JSON of `intiqal backtest`.
public struct BacktestReport: Sendable, Hashable, Codable {
    /// A method's skill against one baseline: 1 − Brier / Brier of the baseline.
    public struct Skill: Sendable, Hashable, Codable {
        public var baseline: ForecastMethod
        public var brierSkill: Double?
    }

    /// One method's scores at one horizon.
    public struct MethodScore: Sendable, Hashable, Codable {
        public var method: ForecastMethod
        public var score: ProbabilityScore
        /// Against every other method that is a baseline.
        public var skill: [Skill]
    }

    /// Scores at one horizon: of the region-month events and of the plan-level event.
    public struct HorizonScores: Sendable, Hashable, Codable {
        public var horizon: Int
        /// P(count ≥ threshold) for each region and target month (target = origin + horizon − 1).
        public var regionMonth: [MethodScore]
        /// P(threshold in `consecutive` consecutive months in any region within `horizon` months of the origin).
        public var planLevel: [MethodScore]

        public func regionMonth(_ method: ForecastMethod) -> MethodScore? { regionMonth.first { $0.method == method } }
        public func planLevel(_ method: ForecastMethod) -> MethodScore? { planLevel.first { $0.method == method } }
    }

    /// One method's forecasts for one region at one horizon, aligned with `months`.
    public struct ForecastSeries: Sendable, Hashable, Codable {
        public var method: ForecastMethod
        public var horizon: Int
        /// nil where the origin would precede the data's second month.
        public var probabilities: [Double?]
    }

    /// A region's counts over the scored months and the forecasts made for them.
    public struct RegionSeries: Sendable, Hashable, Codable {
        public var region: String
        public var counts: [Int]
        public var forecasts: [ForecastSeries]
    }

    /// The model's fit for a region at the last origin.
    public struct RegionFit: Sendable, Hashable, Codable {
        public var region: String
        public var eventsInWindow: Int
        /// nil when the window held too few events to fit (a Poisson rate was used).
        public var parameters: HawkesParameters?
    }

    public var configuration: BacktestConfiguration
    /// Where the incidents came from (a file or workspace), and what was done to them.
    public var source: String
    public var dataStart: YearMonth
    public var dataEnd: YearMonth
    public var regions: [String]
    /// The scored target months.
    public var months: [YearMonth]
    public var methods: [ForecastMethod]
    public var horizons: [HorizonScores]
    public var series: [RegionSeries]
    public var lastFits: [RegionFit]
    /// Origins whose Hawkes fit failed or had too few events, per region (a Poisson rate stood in).
    public var poissonFallbacks: Int
    public var notes: [String]
    /// The same notes in Arabic, position by position.
    public var notesAr: [String]
    /// γ_dep fitted from a presence history, when one was given.
    public var departureEffect: DepartureEffect?

    public func horizon(_ h: Int) -> HorizonScores? { horizons.first { $0.horizon == h } }
}
