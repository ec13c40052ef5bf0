import IntiqalDomain

/// Evaluates gates: capability k in region r may pass to Iraqi lead when ISF capability is at or
/// above the requirement, threat is at or below the policy's ceiling and not rising, no rating it
/// rests on is disputed, and this has held for the policy's number of months.
///
/// ISF capability is projected forward from each delegation's latest rating (or the commission's
/// resolution) at the policy's growth rate while advisers are present (they are, until the gate
/// opens); the joint value is the lower projection, compared with the
/// requirement on the requirement's scale where the two scales differ.
public struct GateEvaluator: Sendable {
    public let scenario: Scenario
    public let book: JointRatingBook
    private let capabilityScale: RatingScale
    private let requirementScale: RatingScale

    public init(scenario: Scenario, book: JointRatingBook? = nil) {
        self.scenario = scenario
        self.book = book ?? JointRatingBook(scenario: scenario)
        capabilityScale = scenario.currentScale(for: .capability)
        requirementScale = scenario.currentScale(for: .requirement)
    }

    /// The gate's evaluation in each plan month (index 0 = scenario start), with held months
    /// counted from the earliest rating, and the first plan month it has held long enough.
    public func timeline(for key: GateKey) -> GateTimeline {
        let policy = scenario.policy
        let first = min(book.earliestMonth ?? scenario.start, scenario.start)
        var held = 0
        var checks: [GateCheck] = []
        checks.reserveCapacity(scenario.horizonMonths)
        var month = first
        var release: Int?
        while month <= scenario.end {
            var check = evaluate(key, at: month)
            held = check.met ? held + 1 : 0
            check.heldMonths = held
            let index = month.months(since: scenario.start)
            if index >= 0 {
                if release == nil, held >= policy.holdMonths { release = index }
                checks.append(check)
            }
            month = month.adding(months: 1)
        }
        let holdsFrom = release.map { scenario.start.adding(months: $0) }
        for i in checks.indices { checks[i].holdsFrom = holdsFrom }
        return GateTimeline(key: key, checks: checks, release: release)
    }

    /// The gate in one month, without the held-months count.
    public func evaluate(_ key: GateKey, at month: YearMonth) -> GateCheck {
        let policy = scenario.policy
        var unmet: [String] = []
        var basis: [GateCheck.Basis] = []

        let threat = book.rating(RatingSubject(factor: .threat, region: key.region, capability: nil), asOf: month)
        let requirement = book.rating(RatingSubject(factor: .requirement, region: key.region, capability: key.capability), asOf: month)
        let capability = book.rating(RatingSubject(factor: .capability, region: key.region, capability: key.capability), asOf: month)

        func note(_ factor: Factor, _ rating: JointRating?, value: Double?, projected: Bool) {
            guard let rating else {
                unmet.append("no joint \(factor.rawValue) rating for \(factor.isPerCapability ? key.description : key.region) by \(month)")
                return
            }
            if rating.disputed {
                let parts = rating.byParty.map { "\($0.party) \(Self.format($0.value))" }.joined(separator: ", ")
                unmet.append("\(factor.rawValue) rating for \(factor.isPerCapability ? key.description : key.region) is disputed (\(parts))")
            }
            basis.append(.init(factor: factor, value: value, disputed: rating.disputed, projected: projected,
                               resolution: rating.resolution?.decision, ratings: rating.byParty))
        }

        var capabilityValue: Double?
        var projected = false
        if let capability, let v = capability.value {
            // Each rating grows from the month it was made for (a resolution from its month), so a
            // party that re-rates does not freeze the other party's older rating; the joint value
            // is the cautious one of the projections.
            let rate = scenario.growth.rate(for: key.capability)
            let top = Double(capabilityScale.maximum)
            func grow(_ value: Double, from basis: YearMonth) -> Double {
                let months = month.months(since: basis)
                if months > 0 { projected = true }
                return min(top, value + rate * Double(max(0, months)))
            }
            if capability.resolution != nil || capability.byParty.isEmpty {
                capabilityValue = grow(v, from: capability.basisMonth)
            } else {
                capabilityValue = capability.byParty.map { grow($0.value, from: $0.month) }.min()
            }
        }
        // Capability is compared with the requirement on the requirement's scale.
        let comparable = capabilityValue.map { capabilityScale.convert($0, to: requirementScale) }
        note(.threat, threat, value: threat?.value, projected: false)
        note(.requirement, requirement, value: requirement?.value, projected: false)
        note(.capability, capability, value: capabilityValue, projected: projected)

        if let c = comparable, let r = requirement?.value, c + 1e-9 < r {
            unmet.append("ISF capability \(Self.format(c)) below requirement \(Self.format(r))")
        }
        if let t = threat?.value, t > policy.threatCeiling + 1e-9 {
            unmet.append("threat \(Self.format(t)) above ceiling \(Self.format(policy.threatCeiling))")
        }
        if policy.blockRisingThreat, threat?.trend == .rising {
            unmet.append("threat rising")
        }
        return GateCheck(month: month, met: unmet.isEmpty, capability: comparable, requirement: requirement?.value,
                         threat: threat?.value, trend: threat?.trend, heldMonths: 0, requiredMonths: policy.holdMonths,
                         holdsFrom: nil, unmet: unmet, basis: basis, reinterventionSite: nil)
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}

/// A gate's evaluations over the plan's months.
public struct GateTimeline: Sendable {
    public var key: GateKey
    public var checks: [GateCheck]
    /// The first plan month (index) in which the gate has held for the required months.
    public var release: Int?
}
