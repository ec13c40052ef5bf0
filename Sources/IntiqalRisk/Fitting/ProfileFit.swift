import Foundation

/// Estimates γ = (γ_gap, γ_dep) by maximising the profile log-likelihood
/// `ℓ(γ) = Σ_r max_{μ_r, α_r, β_r} log L_r(μ_r, α_r, β_r | γ)` over the coefficients whose
/// covariate varies over time within at least one region (μ_r absorbs any constant level,
/// so only change over time identifies γ).
struct ProfileFit {
    struct Region {
        var name: String
        var times: [Double]
        var exposure: RegionExposure
        var days: [Double]
    }

    let regions: [Region]
    let horizon: Double
    /// Whether γ_gap, γ_dep are identifiable from these data.
    let varies: [Bool]
    /// Search interval of each γ.
    static let bound = 4.0

    init(regions: [(String, [Double], (exposure: RegionExposure, days: [Double]))], horizon: Double) throws {
        self.regions = regions.map { Region(name: $0.0, times: $0.1, exposure: $0.2.exposure, days: $0.2.days) }
        self.horizon = horizon
        func varying(_ values: [Double]) -> Bool { (values.max() ?? 0) - (values.min() ?? 0) > 1e-9 }
        let months = self.regions.map { $0.days.count }
        varies = [
            zip(self.regions, months).contains { varying(Array($0.exposure.gap.prefix($1))) },
            zip(self.regions, months).contains { varying(Array($0.exposure.coalitionShare.prefix($1))) },
        ]
    }

    /// The background shape of one region's history under γ, relative to its last month's
    /// gap and full coalition presence.
    static func shape(_ exposure: RegionExposure, days: [Double], gamma: SIMD2<Double>) -> BackgroundShape {
        let reference = exposure.gap[min(days.count, exposure.months) - 1]
        let multiplier = days.indices.map { k in
            let x = gamma.x * (exposure.gap[k] - reference) + gamma.y * (1 - exposure.coalitionShare[k])
            return exp(min(max(x, -RiskModel.maximumLogMultiplier), RiskModel.maximumLogMultiplier))
        }
        return BackgroundShape(segmentDays: days, multiplier: multiplier)
    }

    /// Profile log-likelihood at γ (−∞ where some region cannot be fitted). Each region is
    /// fitted by Newton from its previous estimate and from its anchor (the full multi-start
    /// fit at the first γ), keeping the better: a warm start alone can drift onto a lesser
    /// local maximum in β and make the profile jagged; a full multi-start at every γ is slow.
    func profile(_ gamma: SIMD2<Double>, starts: inout [HawkesParameters?], anchors: inout [HawkesParameters?]) -> Double {
        var total = 0.0
        for (i, r) in regions.enumerated() {
            guard let likelihood = try? HawkesLikelihood(eventTimes: r.times, horizon: horizon,
                                                         background: Self.shape(r.exposure, days: r.days, gamma: gamma))
            else { return -.infinity }
            let fit: FitResult?
            if let anchor = anchors[i] {
                fit = try? HawkesFit.fit(likelihood, starts: [anchor] + (starts[i].map { [$0] } ?? []), grid: false)
            } else {
                fit = try? HawkesFit.fit(likelihood, starts: [], grid: true)
                anchors[i] = fit?.parameters
            }
            guard let fit else { return -.infinity }
            starts[i] = fit.parameters
            total += fit.logLikelihood
        }
        return total
    }

    struct Estimate {
        var gamma: SIMD2<Double>
        var standardErrors: [Double?]
    }

    /// Coordinate-wise golden-section ascent over the identifiable coefficients (the others
    /// stay at `start`), then standard errors from the curvature at the maximum.
    func maximise(start: SIMD2<Double>) -> Estimate {
        var gamma = start
        var starts = [HawkesParameters?](repeating: nil, count: regions.count)
        var anchors = [HawkesParameters?](repeating: nil, count: regions.count)
        _ = profile(start, starts: &starts, anchors: &anchors)
        let free = (0..<2).filter { varies[$0] }
        guard !free.isEmpty, !regions.isEmpty else { return Estimate(gamma: gamma, standardErrors: [nil, nil]) }
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<(free.count == 1 ? 1 : 3) {
            for k in free {
                var lo = -Self.bound, hi = Self.bound
                func f(_ x: Double) -> Double {
                    var g = gamma
                    g[k] = x
                    return profile(g, starts: &starts, anchors: &anchors)
                }
                var x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo)
                var f1 = f(x1), f2 = f(x2)
                while hi - lo > 1e-3 {
                    if f1 >= f2 {
                        hi = x2; x2 = x1; f2 = f1
                        x1 = hi - ratio * (hi - lo); f1 = f(x1)
                    } else {
                        lo = x1; x1 = x2; f1 = f2
                        x2 = lo + ratio * (hi - lo); f2 = f(x2)
                    }
                }
                gamma[k] = (lo + hi) / 2
            }
        }
        // Observed information of the profile by central differences.
        let h = 0.02
        let centre = profile(gamma, starts: &starts, anchors: &anchors)
        var info = [[Double]](repeating: [0, 0], count: 2)
        for a in free {
            for b in free where b >= a {
                func at(_ da: Double, _ db: Double) -> Double {
                    var g = gamma
                    g[a] += da
                    g[b] += db
                    return profile(g, starts: &starts, anchors: &anchors)
                }
                let value: Double
                if a == b {
                    value = -(at(h, 0) - 2 * centre + at(-h, 0)) / (h * h)
                } else {
                    value = -(at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
                }
                info[a][b] = value
                info[b][a] = value
            }
        }
        var errors: [Double?] = [nil, nil]
        if free.count == 1 {
            let k = free[0]
            if info[k][k] > 0, info[k][k].isFinite { errors[k] = 1 / info[k][k].squareRoot() }
        } else {
            let det = info[0][0] * info[1][1] - info[0][1] * info[1][0]
            if det > 0, info[0][0] > 0, det.isFinite {
                errors[0] = (info[1][1] / det).squareRoot()
                errors[1] = (info[0][0] / det).squareRoot()
            }
        }
        // An estimate on the edge of the search interval is not an interior maximum.
        for k in free where abs(gamma[k]) > Self.bound - 0.01 { errors[k] = nil }
        return Estimate(gamma: gamma, standardErrors: errors)
    }
}
