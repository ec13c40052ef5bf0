/// The two ways the commission plans (DESIGN §5).
public enum PlanMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The earliest schedule in which no team leaves before its gates have held.
    case conditions
    /// Meet the agreed deadlines; report every handover forced before its gate holds.
    case deadlines
}
