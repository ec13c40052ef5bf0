/// A known, piecewise-constant shape of the background rate over the observation window:
/// `μ(t) = μ · multiplier[k]` on segment k. Segments are consecutive from day 0 and
/// their lengths add up to the horizon (e.g. calendar months).
public struct BackgroundShape: Sendable, Codable, Hashable {
    /// Length of each segment, days (> 0).
    public var segmentDays: [Double]
    /// Multiplier of the background on each segment (> 0, finite).
    public var multiplier: [Double]

    public init(segmentDays: [Double], multiplier: [Double]) {
        self.segmentDays = segmentDays
        self.multiplier = multiplier
    }

    /// Total length, days.
    public var days: Double { segmentDays.reduce(0, +) }

    /// `∫₀ᵀ multiplier(t) dt`.
    public var integral: Double { zip(segmentDays, multiplier).map { $0 * $1 }.reduce(0, +) }

    func validate(horizon: Double) throws {
        guard !segmentDays.isEmpty, segmentDays.count == multiplier.count else {
            throw RiskError.invalid(.riskBackgroundSegments, "background", "the background shape needs one multiplier per segment (\(segmentDays.count) segments, \(multiplier.count) multipliers)")
        }
        for (k, d) in segmentDays.enumerated() where !(d.isFinite && d > 0) {
            throw RiskError.invalid(.riskBackgroundSegmentDays, "background.segmentDays[\(k)]", "segment length must be a positive number of days, got \(d)")
        }
        for (k, m) in multiplier.enumerated() where !(m.isFinite && m > 0) {
            throw RiskError.invalid(.riskBackgroundMultiplier, "background.multiplier[\(k)]", "multiplier must be positive and finite, got \(m)")
        }
        guard abs(days - horizon) <= 1e-9 * max(1, horizon) else {
            throw RiskError.invalid(.riskBackgroundTotalDays, "background.segmentDays", "segments add up to \(days) days, the horizon is \(horizon)")
        }
    }

    /// For sorted times: the multiplier at each time and the integral of the multiplier from 0.
    func evaluate(sortedTimes: [Double]) -> (at: [Double], cumulative: [Double]) {
        var at: [Double] = [], cumulative: [Double] = []
        at.reserveCapacity(sortedTimes.count)
        cumulative.reserveCapacity(sortedTimes.count)
        var k = 0, start = 0.0, before = 0.0  // segment index, its start, ∫ up to its start
        for t in sortedTimes {
            while k < segmentDays.count - 1, t >= start + segmentDays[k] {
                before += segmentDays[k] * multiplier[k]
                start += segmentDays[k]
                k += 1
            }
            at.append(multiplier[k])
            cumulative.append(before + (t - start) * multiplier[k])
        }
        return (at, cumulative)
    }
}
