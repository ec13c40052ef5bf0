import Foundation

/// Per-region Hawkes parameters and the link from a plan's exposures to background rates.
///
/// Background rate of region r in plan month m (per day):
/// `μ_r(m) = μ_r · exp(γ_gap · (gap_r(m) − gap_r^ref) + γ_dep · (1 − share_r(m)))`,
/// where `μ_r` is the rate fitted under reference conditions (gap `gap_r^ref`, every adviser
/// present). The exponent is capped at ±`maximumLogMultiplier`. Self-excitation (α, β) is a
/// property of the region's violence and does not change with the plan.
public struct RiskModel: Sendable, Codable, Hashable {
    /// Per-region base parameters (μ at reference conditions, α, β).
    public var regions: [String: HawkesParameters]
    /// Parameters for a region with no entry (an assumption; the report says so).
    public var fallback: HawkesParameters
    /// Log-rate increase per scale point of weighted capability gap.
    public var gammaGap: Double
    /// Log-rate increase when every adviser of the region has left.
    public var gammaDeparture: Double
    /// Gap at which each region's μ was fitted; a region without one takes the
    /// no-change baseline's month-0 gap (the conditions of today).
    public var referenceGap: [String: Double]
    /// Covariance of (log μ, log α, log β) per region, row-major 3×3, for propagating the
    /// fit's uncertainty into the Monte Carlo (regions without an entry are held fixed).
    public var logCovariance: [String: [Double]]
    /// Standard errors of γ_gap and γ_dep when they were fitted (nil: held fixed).
    public var gammaGapStandardError: Double?
    public var gammaDepartureStandardError: Double?
    /// True when the incident data behind the model are illustrative, not observed.
    public var illustrative: Bool
    /// Caveats carried into every report built on this model.
    public var notes: [String]
    /// The same caveats in Arabic, position by position.
    public var notesAr: [String]

    /// Default γ_gap: a gap of 4 points (one area from "independent" to "not capable",
    /// weight 1) multiplies the background rate by e ≈ 2.7. An assumption, not a fit.
    public static let defaultGammaGap = 0.25
    /// Default γ_dep: full departure multiplies the background rate by e^0.5 ≈ 1.65.
    public static let defaultGammaDeparture = 0.5
    /// Default parameters of a region without data: about 3 incidents a month.
    public static let defaultFallback = HawkesParameters(mu: 0.05, alpha: 0.5, beta: 0.5)
    /// Cap on |log multiplier| of the background rate.
    public static let maximumLogMultiplier = 10.0

    public init(regions: [String: HawkesParameters],
                fallback: HawkesParameters = RiskModel.defaultFallback,
                gammaGap: Double = RiskModel.defaultGammaGap,
                gammaDeparture: Double = RiskModel.defaultGammaDeparture,
                referenceGap: [String: Double] = [:],
                logCovariance: [String: [Double]] = [:],
                gammaGapStandardError: Double? = nil,
                gammaDepartureStandardError: Double? = nil,
                illustrative: Bool = false,
                notes: [String] = [],
                notesAr: [String] = []) {
        self.regions = regions
        self.fallback = fallback
        self.gammaGap = gammaGap
        self.gammaDeparture = gammaDeparture
        self.referenceGap = referenceGap
        self.logCovariance = logCovariance
        self.gammaGapStandardError = gammaGapStandardError
        self.gammaDepartureStandardError = gammaDepartureStandardError
        self.illustrative = illustrative
        let both = RiskNotes(en: notes, ar: notesAr)
        self.notes = both.en
        self.notesAr = both.ar
    }

    enum CodingKeys: String, CodingKey {
        case regions, fallback, gammaGap, gammaDeparture, referenceGap, logCovariance
        case gammaGapStandardError, gammaDepartureStandardError, illustrative, notes, notesAr
    }

    /// Decodes leniently: only `regions` is required; the rest take their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(regions: try c.decode([String: HawkesParameters].self, forKey: .regions),
                  fallback: try c.decodeIfPresent(HawkesParameters.self, forKey: .fallback) ?? Self.defaultFallback,
                  gammaGap: try c.decodeIfPresent(Double.self, forKey: .gammaGap) ?? Self.defaultGammaGap,
                  gammaDeparture: try c.decodeIfPresent(Double.self, forKey: .gammaDeparture) ?? Self.defaultGammaDeparture,
                  referenceGap: try c.decodeIfPresent([String: Double].self, forKey: .referenceGap) ?? [:],
                  logCovariance: try c.decodeIfPresent([String: [Double]].self, forKey: .logCovariance) ?? [:],
                  gammaGapStandardError: try c.decodeIfPresent(Double.self, forKey: .gammaGapStandardError),
                  gammaDepartureStandardError: try c.decodeIfPresent(Double.self, forKey: .gammaDepartureStandardError),
                  illustrative: try c.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false,
                  notes: try c.decodeIfPresent([String].self, forKey: .notes) ?? [],
                  notesAr: try c.decodeIfPresent([String].self, forKey: .notesAr) ?? [])
    }

    /// Throws unless every parameter is usable for simulation (finite, α < 1).
    public func validate() throws {
        for (region, p) in regions.sorted(by: { $0.key < $1.key }) {
            do { try p.validate(requireStationary: true) } catch let e as RiskError {
                throw RiskError.invalid(.riskModelRegionParameters, "regions.\(region).\(e.field ?? "")", e.message)
            }
        }
        do { try fallback.validate(requireStationary: true) } catch let e as RiskError {
            throw RiskError.invalid(.riskModelFallbackParameters, "fallback.\(e.field ?? "")", e.message)
        }
        guard gammaGap.isFinite else { throw RiskError.invalid(.riskModelGammaGap, "gammaGap", "gammaGap must be finite, got \(gammaGap)") }
        guard gammaDeparture.isFinite else { throw RiskError.invalid(.riskModelGammaDeparture, "gammaDeparture", "gammaDeparture must be finite, got \(gammaDeparture)") }
        for (region, g) in referenceGap where !g.isFinite {
            throw RiskError.invalid(.riskModelReferenceGap, "referenceGap.\(region)", "reference gap must be finite, got \(g)")
        }
        for (region, c) in logCovariance.sorted(by: { $0.key < $1.key }) {
            guard c.count == 9, c.allSatisfy(\.isFinite), Matrix3(c).choleskyOfCovariance() != nil else {
                throw RiskError.invalid(.riskModelLogCovariance, "logCovariance.\(region)", "must be 9 finite numbers forming a symmetric positive semi-definite matrix")
            }
        }
        for (name, se) in [("gammaGapStandardError", gammaGapStandardError), ("gammaDepartureStandardError", gammaDepartureStandardError)] {
            if let se, !(se.isFinite && se >= 0) { throw RiskError.invalid(.riskModelStandardError, name, "must be finite and ≥ 0, got \(se)") }
        }
    }

    /// The base parameters of `region` (the fallback when it has none).
    public func parameters(for region: String) -> HawkesParameters {
        regions[region] ?? fallback
    }

    /// Background rate (per day) of `region` in a month with the given exposure.
    public func backgroundRate(region: String, gap: Double, coalitionShare: Double, referenceGap reference: Double) -> Double {
        Self.backgroundRate(mu: parameters(for: region).mu, gammaGap: gammaGap, gammaDeparture: gammaDeparture,
                            gap: gap, reference: referenceGap[region] ?? reference, coalitionShare: coalitionShare)
    }

    /// `μ · exp(γ_gap (gap − reference) + γ_dep (1 − share))`, exponent capped at ±10.
    static func backgroundRate(mu: Double, gammaGap: Double, gammaDeparture: Double,
                               gap: Double, reference: Double, coalitionShare: Double) -> Double {
        let exponent = gammaGap * (gap - reference) + gammaDeparture * (1 - coalitionShare)
        let capped = min(max(exponent, -maximumLogMultiplier), maximumLogMultiplier)
        return mu * exp(capped.isNaN ? 0 : capped)
    }
}
