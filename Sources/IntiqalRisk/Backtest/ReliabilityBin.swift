/// One bin of a reliability table: forecasts in [lower, upper) (the last bin includes 1).
public struct ReliabilityBin: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double
    /// Forecasts in the bin.
    public var count: Int
    /// Their mean, and the fraction of them whose event happened; nil when the bin is empty.
    public var meanForecast: Double?
    public var observedFrequency: Double?
}
