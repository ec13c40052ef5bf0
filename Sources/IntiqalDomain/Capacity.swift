/// How many personnel can be moved out (or between sites) per month.
public struct Capacity: Sendable, Hashable, Codable {
    /// Overall retrograde capacity, personnel per month.
    public var overallPerMonth: Int
    /// Per-site limits; a site not named is limited by the overall figure only.
    public var perSite: [String: Int]

    public init(overallPerMonth: Int, perSite: [String: Int] = [:]) {
        self.overallPerMonth = overallPerMonth
        self.perSite = perSite
    }

    public func limit(for site: String) -> Int { perSite[site] ?? overallPerMonth }
}
