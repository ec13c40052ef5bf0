extension GateStatus {
    /// The status table's first line: how many gates are met, unmet, disputed and not needed
    /// (a pair no adviser team works on is not counted as unmet).
    public static func summary(scenario: String, gates: [GateStatus]) -> String {
        var counts: [State: Int] = [:]
        for gate in gates { counts[gate.state, default: 0] += 1 }
        return "\(scenario), \(gates.first?.month.description ?? "-"): \(counts[.met] ?? 0) met, \(counts[.unmet] ?? 0) unmet, "
            + "\(counts[.disputed] ?? 0) disputed, \(counts[.notNeeded] ?? 0) not needed"
    }
}
