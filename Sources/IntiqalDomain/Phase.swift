/// A named set of sites and regions with an agreed deadline and an order among phases.
public struct Phase: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    /// Sites that close in this phase.
    public var sites: [String]
    /// Regions whose coalition support ends in this phase.
    public var regions: [String]
    /// The agreed deadline: the last month in which the phase may complete.
    public var deadline: YearMonth?
    /// The month the phase was in fact completed, where it is known.
    public var completed: YearMonth?
    /// Phases that must complete no later than this one.
    public var after: [String]
    public var source: String?

    public init(id: String, name: LocalizedText, sites: [String], regions: [String], deadline: YearMonth?,
                completed: YearMonth? = nil, after: [String] = [], source: String? = nil) {
        self.id = id
        self.name = name
        self.sites = sites
        self.regions = regions
        self.deadline = deadline
        self.completed = completed
        self.after = after
        self.source = source
    }
}
