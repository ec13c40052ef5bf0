/// A base hosting coalition advisers.
public struct Site: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    /// The region the site stands in.
    public var region: String
    /// Regions its advisers can support (and re-intervene in).
    public var supports: [String]
    /// Force protection and base support: present while the site is open, and the last to leave.
    /// A site's headcount is its teams plus this garrison, so it is at or above this minimum, or closed.
    public var minimumGarrison: Int
    public var teams: [AdviserTeam]

    public init(id: String, name: LocalizedText, region: String, supports: [String],
                minimumGarrison: Int, teams: [AdviserTeam]) {
        self.id = id
        self.name = name
        self.region = region
        self.supports = supports
        self.minimumGarrison = minimumGarrison
        self.teams = teams
    }

    /// Everyone at the site at the start of the plan.
    public var initialHeadcount: Int { minimumGarrison + teams.reduce(0) { $0 + $1.headcount } }
}
