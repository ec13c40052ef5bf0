import Foundation
import IntiqalDomain

/// γ_dep fitted from a record: the regions' Hawkes models with a background that scales as
/// exp(γ_dep · (1 − share)), share the coalition's presence each month, over a stated period.
/// What it says about a departure: a full departure (share 1 → 0) multiplies the background
/// rate by e^γ, with the interval e^{γ ± 1.96·se}. An association over the record, not a
/// causal effect: everything else that moved with the presence is in it.
public struct DepartureEffect: Sendable, Hashable, Codable {
    public var from: YearMonth
    public var to: YearMonth
    /// Events in the period, and the regions with enough of them to enter the profile likelihood.
    public var events: Int
    public var regionsFitted: Int
    public var estimate: CoefficientEstimate
    /// 95 % interval of γ_dep (normal, from the profile's curvature); nil without a standard error.
    public var ci95: [Double]?
    /// e^γ and its interval: the background's multiplier for a full departure.
    public var multiplier: Double
    public var multiplierCI95: [Double]?
    public var notes: [String]

    /// Fits γ_dep on the incidents from `from` to `to` (inclusive) against `presence`.
    public static func fit(incidents: [Incident], presence: PresenceHistory, from: YearMonth, to: YearMonth,
                           regions: [String]? = nil, seed: UInt64 = 0) throws -> DepartureEffect {
        guard from <= to, to.months(since: from) < 1_200 else {
            throw RiskError.invalid(.riskDeparturePeriod, "presence-from", "the period must run forward (\(from) to \(to)), at most 100 years")
        }
        let months = to.months(since: from) + 1
        let inPeriod = incidents.filter { i in
            guard i.kind == .attack || i.kind == .strike, let d = CivilDate(i.date) else { return false }
            let m = d.yearMonth
            return m >= from && m <= to
        }
        let names = regions ?? Array(Set(inPeriod.map(\.region))).sorted()
        let history = presence.exposureHistory(regions: names, start: from, months: months)
        let fit = try RiskModel.fit(incidents: inPeriod, history: history, jitterSeed: seed)
        let e = fit.gammaDeparture
        let ci = e.fitted ? e.standardError.map { [e.value - 1.96 * $0, e.value + 1.96 * $0] } : nil
        return DepartureEffect(from: from, to: to, events: inPeriod.reduce(0) { $0 + $1.count },
                               regionsFitted: fit.regions.filter { $0.fit != nil }.count, estimate: e, ci95: ci,
                               multiplier: exp(e.value), multiplierCI95: ci.map { $0.map(exp) },
                               notes: fit.model.notes)
    }
}
