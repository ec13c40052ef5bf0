import Foundation

extension MonteCarlo {
    /// Background rates per region, scenario and month, ready for simulation. Scenario 0 is
    /// the baseline, scenario p + 1 plan p.
    struct Setup: Sendable {
        var regions: [String]
        var months: Int
        var plans: Int
        var scenarios: Int { plans + 1 }
        /// One joint simulator per region (parameters at their estimates).
        var simulators: [RegionSimulator]
        /// What a run needs to redraw parameters (nil: parameters held at their estimates).
        var uncertainty: Uncertainty?

        struct Uncertainty: Sendable {
            struct Region: Sendable {
                var parameters: HawkesParameters
                var logFactor: Matrix3?     // L with L·Lᵀ = covariance of (log μ, log α, log β)
                var reference: Double
                /// Exposures by scenario: the baseline, then each plan.
                var exposures: [RegionExposure]
            }
            var regions: [Region]
            var gamma: SIMD2<Double>
            var gammaStandardErrors: SIMD2<Double>
        }

        init(plans: [[RegionExposure]], baseline: [RegionExposure], model: RiskModel, parameterUncertainty: Bool = false) throws {
            guard !plans.isEmpty else { throw RiskError.invalid(.riskMontecarloNoPlans, "plans", "no plan to evaluate") }
            guard plans.count <= MonteCarlo.maximumPlans else {
                throw RiskError.invalid(.riskMontecarloTooManyPlans, "plans", "at most \(MonteCarlo.maximumPlans) plans at once, got \(plans.count)")
            }
            func name(_ p: Int) -> String { p == 0 ? "plan" : "plans[\(p)]" }
            let first = plans[0]
            guard !first.isEmpty else { throw RiskError.invalid(.riskMontecarloPlanNoRegions, "plan", "the plan has no regions") }
            guard first.count < Int(MonteCarlo.gammaStream) else {
                throw RiskError.invalid(.riskMontecarloTooManyRegions, "plan", "at most \(MonteCarlo.gammaStream - 1) regions, got \(first.count)")
            }
            for e in baseline { try e.validate() }
            var baseByRegion: [String: RegionExposure] = [:]
            for e in baseline {
                guard baseByRegion.updateValue(e, forKey: e.region) == nil else {
                    throw RiskError.invalid(.riskMontecarloBaselineRegionTwice, "baseline.\(e.region)", "region '\(e.region)' appears twice in the baseline")
                }
            }
            let months = first[0].gap.count
            guard months <= 1_200 else { throw RiskError.invalid(.riskMontecarloTooManyMonths, "plan.\(first[0].region).gap", "at most 1200 months, got \(months)") }
            // Counts are kept per set of scenarios and month; at worst every month adds a set per
            // scenario. Bound that memory before any is taken.
            guard (plans.count + 1) * months * months <= MonteCarlo.maximumCountCells else {
                throw RiskError.invalid(.riskMontecarloTooManyCells, "plans", "\(plans.count) plans over \(months) months are too many to evaluate together (at most \(MonteCarlo.maximumCountCells) scenario-month-months); evaluate fewer plans at once or a shorter horizon")
            }
            // Every plan: valid exposures, the baseline's regions once each, the same months.
            var byPlan: [[String: RegionExposure]] = []
            for (p, plan) in plans.enumerated() {
                var seen: [String: RegionExposure] = [:]
                for e in plan {
                    do { try e.validate() } catch let error as RiskError where p > 0 {
                        throw RiskError.invalid(.riskMontecarloPlanExposure, "\(name(p)).\(error.field ?? e.region)", error.message)
                    }
                    guard seen.updateValue(e, forKey: e.region) == nil else {
                        throw RiskError.invalid(.riskMontecarloPlanRegionTwice, "\(name(p)).\(e.region)", "region '\(e.region)' appears twice in the plan")
                    }
                    guard e.months == months else {
                        throw RiskError.invalid(.riskMontecarloPlanMonthsDiffer, "\(name(p)).\(e.region).gap", "region '\(e.region)' has \(e.months) months, others \(months)")
                    }
                    guard let b = baseByRegion[e.region] else {
                        throw RiskError.invalid(.riskMontecarloBaselineMissingRegion, "baseline.\(e.region)", "region '\(e.region)' of the plan is missing from the baseline")
                    }
                    guard b.months == months else {
                        throw RiskError.invalid(.riskMontecarloBaselineMonthsDiffer, "baseline.\(e.region).gap", "baseline region '\(e.region)' has \(b.months) months, the plan \(months)")
                    }
                }
                if let extra = baseline.first(where: { seen[$0.region] == nil }) {
                    throw RiskError.invalid(.riskMontecarloExtraRegion, p == 0 ? "baseline.\(extra.region)" : "\(name(p))",
                                            p == 0 ? "baseline region '\(extra.region)' is not in the plan"
                                                   : "region '\(extra.region)' of the baseline is missing from plan \(p + 1)")
                }
                byPlan.append(seen)
            }

            var simulators: [RegionSimulator] = []
            var uncertain: [Uncertainty.Region] = []
            for e in first {
                let b = baseByRegion[e.region]!
                let exposures = [b] + byPlan.map { $0[e.region]! }
                let p = model.parameters(for: e.region)
                let reference = b.gap[0]
                let rates = exposures.map { x in
                    (0..<months).map { m in
                        model.backgroundRate(region: e.region, gap: x.gap[m], coalitionShare: x.coalitionShare[m], referenceGap: reference)
                    }
                }
                // Guard against inputs that would take hours or all memory: the expected count
                // is known in closed form (background × days / (1 − α)).
                let expected = (rates.map { $0.reduce(0, +) }.max() ?? 0) * RegionSimulator.monthDays / (1 - p.alpha)
                guard expected <= MonteCarlo.maximumExpectedIncidents else {
                    throw RiskError.invalid(.riskMontecarloTooManyIncidents, "plan.\(e.region)",
                                            "region '\(e.region)' would average \(expected.formatted(0)) incidents per run (limit \(MonteCarlo.maximumExpectedIncidents.formatted(0))); check the model's rates and the exposures")
                }
                simulators.append(RegionSimulator(background: rates, alpha: p.alpha, beta: p.beta))
                uncertain.append(.init(parameters: p, logFactor: model.logCovariance[e.region].flatMap { Matrix3($0).choleskyOfCovariance() },
                                       reference: model.referenceGap[e.region] ?? reference, exposures: exposures))
            }
            regions = first.map(\.region)
            self.months = months
            self.plans = plans.count
            self.simulators = simulators
            let gammaErrors = SIMD2(model.gammaGapStandardError ?? 0, model.gammaDepartureStandardError ?? 0)
            if parameterUncertainty, uncertain.contains(where: { $0.logFactor != nil }) || gammaErrors != .zero {
                uncertainty = Uncertainty(regions: uncertain, gamma: SIMD2(model.gammaGap, model.gammaDeparture),
                                          gammaStandardErrors: gammaErrors)
            } else {
                uncertainty = nil
            }
        }
    }
}
