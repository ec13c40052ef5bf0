import IntiqalDomain

/// What a back-test forecasts and scores.
public struct BacktestConfiguration: Sendable, Hashable, Codable {
    /// The event of a region and month: at least `threshold` incidents.
    public var threshold: Int
    /// The plan-level event: the threshold in `consecutiveMonths` consecutive months in any
    /// region (within a window of H months, min(consecutiveMonths, H) of them).
    public var consecutiveMonths: Int
    /// Forecast horizons in months (1 = the month starting at the origin).
    public var horizons: [Int]
    /// First and last target month scored.
    public var from: YearMonth
    public var to: YearMonth
    /// Months of history each forecast is fitted on (the trailing window before its origin).
    /// The defaults (window 24, level 6, volatility 0.5) were chosen on 2008–2011, before the default scored period.
    public var windowMonths: Int
    /// Months before the origin on which the model re-estimates its background level μ
    /// (α and β from the whole window held fixed); 0 keeps the window's μ.
    public var levelMonths: Int
    /// Monthly volatility of the model's background level in its simulated futures (0: fixed).
    public var levelVolatility: Double
    /// Simulated futures per region and origin (Hawkes model).
    public var runs: Int
    /// Seed of the simulations and of the within-day spreading of same-day events.
    public var seed: UInt64
    /// With a neighbour structure, the multivariate model is forecast and scored too.
    public var neighbours: NeighbourStructure?
    /// Probabilities are clipped to [logFloor, 1 − logFloor] in the log score only.
    public var logFloor: Double

    public init(threshold: Int = 5, consecutiveMonths: Int = 3, horizons: [Int] = [1, 3, 12],
                from: YearMonth = YearMonth(year: 2012, month: 1), to: YearMonth = YearMonth(year: 2018, month: 12),
                windowMonths: Int = 24, levelMonths: Int = 6, levelVolatility: Double = 0.5, runs: Int = 1_000, seed: UInt64 = 1, logFloor: Double = 0.001,
                neighbours: NeighbourStructure? = nil) {
        self.threshold = threshold
        self.consecutiveMonths = consecutiveMonths
        self.horizons = horizons
        self.from = from
        self.to = to
        self.windowMonths = windowMonths
        self.levelMonths = levelMonths
        self.levelVolatility = levelVolatility
        self.runs = runs
        self.seed = seed
        self.logFloor = logFloor
        self.neighbours = neighbours
    }

    /// Largest horizon accepted (months).
    public static let maximumHorizon = 60

    /// Throws a `RiskError` naming the field when a setting is out of range.
    public func validate() throws {
        guard (1...100_000).contains(threshold) else { throw RiskError.invalid(.riskBacktestThreshold, "threshold", "threshold must be in 1…100000, got \(threshold)") }
        guard (1...60).contains(consecutiveMonths) else {
            throw RiskError.invalid(.riskBacktestConsecutive, "consecutive", "consecutive months must be in 1…60, got \(consecutiveMonths)")
        }
        guard !horizons.isEmpty, horizons.allSatisfy({ (1...Self.maximumHorizon).contains($0) }), Set(horizons).count == horizons.count else {
            throw RiskError.invalid(.riskBacktestHorizons, "horizons", "horizons must be distinct months in 1…\(Self.maximumHorizon), got \(horizons)")
        }
        guard from <= to, to.months(since: from) < 1_200 else {
            throw RiskError.invalid(.riskBacktestPeriod, "from", "the scored months must run forward (from \(from) to \(to)), at most 100 years")
        }
        guard (3...600).contains(windowMonths) else { throw RiskError.invalid(.riskBacktestWindow, "window", "the window must be 3…600 months, got \(windowMonths)") }
        guard levelMonths >= 0, levelMonths < windowMonths else {
            throw RiskError.invalid(.riskBacktestLevel, "level", "the level window must be 0…\(windowMonths - 1) months (shorter than the window), got \(levelMonths)")
        }
        guard levelVolatility.isFinite, (0...2).contains(levelVolatility) else {
            throw RiskError.invalid(.riskBacktestVolatility, "volatility", "the level volatility must be in 0…2 a month, got \(levelVolatility)")
        }
        guard (10...1_000_000).contains(runs) else { throw RiskError.invalid(.riskBacktestRuns, "runs", "runs must be in 10…1000000, got \(runs)") }
        guard logFloor > 0, logFloor < 0.5 else { throw RiskError.invalid(.riskBacktestLogFloor, "logFloor", "the log-score floor must be in (0, 0.5), got \(logFloor)") }
    }
}
