/// Joint ratings of a scenario, as of any month: each party's latest rating carried forward,
/// converted to the current scale, combined conservatively, and flagged as disputed when the
/// parties differ by more than the policy's tolerance.
///
/// The joint value is the cautious one: the higher threat, the higher requirement, the lower
/// ISF capability. A commission resolution fixes the value until either party rates again.
public struct JointRatingBook: Sendable {
    /// One rating: its month (ordinal) and where it is in `assessments`. Eight bytes, so that a
    /// book over millions of ratings costs little beside the scenario's own array, which it shares.
    private struct Entry: Sendable {
        var month: Int32
        var index: Int32
    }

    private let assessments: [Assessment]
    private var bySubject: [RatingSubject: [String: [Entry]]] = [:]
    private var resolutions: [RatingSubject: [Resolution]] = [:]
    private let parties: [String]
    private let tolerance: Double
    private let currentScales: [Factor: RatingScale]
    private let scales: [ScaleReference: RatingScale]

    public init(scenario: Scenario) {
        parties = scenario.policy.ratingParties
        tolerance = scenario.policy.disputeTolerance
        var current: [Factor: RatingScale] = [:]
        var all: [ScaleReference: RatingScale] = [:]
        for factor in Factor.allCases {
            current[factor] = scenario.currentScale(for: factor)
            all[ScaleReference(factor: factor, version: 1)] = .defaultScale(for: factor)
        }
        for scale in scenario.scales { all[ScaleReference(factor: scale.factor, version: scale.version)] = scale }
        currentScales = current
        scales = all
        assessments = scenario.assessments
        for (i, assessment) in assessments.enumerated() {
            bySubject[assessment.subject, default: [:]][assessment.party, default: []]
                .append(Entry(month: Int32(truncatingIfNeeded: assessment.month.ordinal), index: Int32(truncatingIfNeeded: i)))
        }
        for key in bySubject.keys {
            for party in bySubject[key]!.keys {
                bySubject[key]![party]!.sort { $0.month < $1.month }
            }
        }
        for resolution in scenario.resolutions {
            resolutions[resolution.subject, default: []].append(resolution)
        }
        for key in resolutions.keys { resolutions[key]!.sort { $0.month < $1.month } }
    }

    /// Every subject that has at least one rating.
    public var subjects: [RatingSubject] { bySubject.keys.sorted() }

    /// The first month any party rated anything; nil for a scenario without ratings.
    public var earliestMonth: YearMonth? {
        bySubject.values.flatMap { $0.values.compactMap { $0.first.map { YearMonth(ordinal: Int($0.month)) } } }.min()
    }

    /// The joint rating in force in `month`, or nil when a rating party has not yet rated it.
    public func rating(_ subject: RatingSubject, asOf month: YearMonth) -> JointRating? {
        guard let rated = bySubject[subject] else { return nil }
        let scale = currentScales[subject.factor] ?? .defaultScale(for: subject.factor)
        var byParty: [JointRating.PartyRating] = []
        for party in parties {
            guard let entries = rated[party], let entry = Self.latest(in: entries, atOrBefore: month) else { return nil }
            let a = assessments[Int(entry.index)]
            let from = scales[a.scale] ?? scale
            byParty.append(.init(party: party, month: a.month, value: from.convert(a.value, to: scale),
                                 ratedValue: a.value, scale: a.scale, trend: a.trend, confidence: a.confidence,
                                 evidence: a.evidence, illustrative: a.illustrative))
        }
        guard !byParty.isEmpty else { return nil }
        let basis = byParty.map(\.month).max()!
        let values = byParty.map(\.value)
        let spread = values.max()! - values.min()!
        let cautious = subject.factor == .capability ? values.min()! : values.max()!
        let trend = subject.factor == .threat ? Self.worst(byParty.compactMap(\.trend)) : nil
        if let resolution = resolutions[subject].flatMap({ list in
            list.last { $0.month <= month && $0.month >= basis }
        }) {
            return JointRating(subject: subject, value: resolution.value, trend: resolution.trend ?? trend,
                               disputed: false, resolution: resolution, byParty: byParty, basisMonth: resolution.month)
        }
        let disputed = spread > tolerance + 1e-9
        return JointRating(subject: subject, value: disputed ? nil : cautious, trend: trend, disputed: disputed,
                           resolution: nil, byParty: byParty, basisMonth: basis)
    }

    private static func latest(in entries: [Entry], atOrBefore month: YearMonth) -> Entry? {
        let ordinal = month.ordinal
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(entries[mid].month) <= ordinal { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : entries[lo - 1]
    }

    private static func worst(_ trends: [Trend]) -> Trend? {
        if trends.contains(.rising) { return .rising }
        if trends.contains(.steady) { return .steady }
        return trends.isEmpty ? nil : .falling
    }
}
