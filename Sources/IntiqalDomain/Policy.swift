/// The commission's rules for gates and disputes.
public struct Policy: Sendable, Hashable, Codable {
    /// Threat must be at or below this (on the threat scale in force) for a gate to hold.
    public var threatCeiling: Double
    /// Whether a rising threat blocks a gate whatever its level.
    public var blockRisingThreat: Bool
    /// Consecutive months a gate must hold before advisers may leave.
    public var holdMonths: Int
    /// Parties' ratings further apart than this (scale units) are disputed.
    public var disputeTolerance: Double
    /// Whether a site still open must be able to re-intervene in a region after its handover.
    public var requireReintervention: Bool
    /// For how many months after a region's last handover an open site must still support it.
    public var reinterventionMonths: Int
    /// The parties whose ratings make a joint rating (the two delegations).
    public var ratingParties: [String]

    public init(threatCeiling: Double = 2, blockRisingThreat: Bool = true, holdMonths: Int = 3,
                disputeTolerance: Double = 1, requireReintervention: Bool = true, reinterventionMonths: Int = 3,
                ratingParties: [String] = ["IRQ", "USA"]) {
        self.threatCeiling = threatCeiling
        self.blockRisingThreat = blockRisingThreat
        self.holdMonths = holdMonths
        self.disputeTolerance = disputeTolerance
        self.requireReintervention = requireReintervention
        self.reinterventionMonths = reinterventionMonths
        self.ratingParties = ratingParties
    }
}
