/// Expected growth of ISF capability (scale points per month) while advisers are present.
public struct Growth: Sendable, Hashable, Codable {
    public var withAdvisersPerMonth: Double
    public var withoutAdvisersPerMonth: Double
    /// Per-capability rates with advisers present, overriding the default.
    public var byCapability: [String: Double]

    public init(withAdvisersPerMonth: Double = 0.1, withoutAdvisersPerMonth: Double = 0, byCapability: [String: Double] = [:]) {
        self.withAdvisersPerMonth = withAdvisersPerMonth
        self.withoutAdvisersPerMonth = withoutAdvisersPerMonth
        self.byCapability = byCapability
    }

    public func rate(for capability: String) -> Double { byCapability[capability] ?? withAdvisersPerMonth }
}
