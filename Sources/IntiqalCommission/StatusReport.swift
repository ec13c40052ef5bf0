import IntiqalStorage

/// The gates of one month as a viewer may see them.
public struct StatusReport: Sendable, Hashable, Codable {
    public var scenario: String
    public var gates: [GateStatus]
    /// Binding decisions that take no effect, and why (only for readers of the ledger).
    public var refused: [String]
    /// The combined marking of the inputs: who may read this report.
    public var marking: Marking
}
