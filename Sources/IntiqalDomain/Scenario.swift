/// Everything the planner needs: the posture, the assessments, the policy and the agreed phases.
public struct Scenario: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedText
    /// First month of the plan.
    public var start: YearMonth
    /// Number of months planned.
    public var horizonMonths: Int
    public var parties: [Party]
    public var regions: [Region]
    public var capabilities: [CapabilityArea]
    public var scales: [RatingScale]
    public var sites: [Site]
    public var phases: [Phase]
    public var assessments: [Assessment]
    public var resolutions: [Resolution]
    public var policy: Policy
    public var capacity: Capacity
    public var growth: Growth
    public var commitments: [Commitment]
    public var incidents: [Incident]
    /// Citations: key → where the fact comes from.
    public var sources: [String: String]
    /// Scale versions the commission adopted by a binding decision (`adopt-scale`), in ledger
    /// order: the last adopted of a factor is its current scale, whatever newer versions exist.
    /// Laid over the scenario from the ledger; never part of a scenario file (`nil`).
    public var adoptedScales: [ScaleReference]?

    public init(id: String, name: LocalizedText, start: YearMonth, horizonMonths: Int, parties: [Party],
                regions: [Region], capabilities: [CapabilityArea], scales: [RatingScale], sites: [Site],
                phases: [Phase], assessments: [Assessment], resolutions: [Resolution] = [], policy: Policy,
                capacity: Capacity, growth: Growth, commitments: [Commitment] = [], incidents: [Incident] = [],
                sources: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.start = start
        self.horizonMonths = horizonMonths
        self.parties = parties
        self.regions = regions
        self.capabilities = capabilities
        self.scales = scales
        self.sites = sites
        self.phases = phases
        self.assessments = assessments
        self.resolutions = resolutions
        self.policy = policy
        self.capacity = capacity
        self.growth = growth
        self.commitments = commitments
        self.incidents = incidents
        self.sources = sources
    }

    public var end: YearMonth { start.adding(months: horizonMonths - 1) }

    /// The newest version of `factor`'s scale: the one joint ratings are expressed in.
    public func currentScale(for factor: Factor) -> RatingScale {
        if let adopted = adoptedScales?.last(where: { $0.factor == factor }), let scale = scale(adopted) { return scale }
        return scales.filter { $0.factor == factor }.max { $0.version < $1.version } ?? .defaultScale(for: factor)
    }

    public func scale(_ reference: ScaleReference) -> RatingScale? {
        scales.first { $0.factor == reference.factor && $0.version == reference.version }
            ?? (reference.version == 1 && !scales.contains { $0.factor == reference.factor }
                ? .defaultScale(for: reference.factor) : nil)
    }

    public func site(_ id: String) -> Site? { sites.first { $0.id == id } }
    public func region(_ id: String) -> Region? { regions.first { $0.id == id } }
    public func capability(_ id: String) -> CapabilityArea? { capabilities.first { $0.id == id } }
    public func phase(_ id: String) -> Phase? { phases.first { $0.id == id } }
}
