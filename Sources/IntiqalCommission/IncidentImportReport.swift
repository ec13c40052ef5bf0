/// What `Commission.importIncidents` did with a dataset file: every row is accounted for.
public struct IncidentImportReport: Sendable, Hashable, Codable {
    /// A row that maps to no region of the scenario: its line and why.
    public struct Unmapped: Sendable, Hashable, Codable {
        public var line: Int
        public var reason: String
    }

    /// `acled` or `ucdp-ged`.
    public var format: String
    public var file: String
    /// Data rows read.
    public var rows: Int
    /// Incidents added now.
    public var added: Int
    /// Rows already in the workspace (same stable key): not added again.
    public var alreadyPresent: Int
    /// Rows in no region of the scenario, with their lines: not added, never silently.
    public var unmapped: [Unmapped]
    /// Incidents added per region.
    public var byRegion: [String: Int]

    /// One line per fact, in English.
    public var lines: [String] {
        var out = ["\(file): \(rows) rows (\(format)): \(added) incidents added, \(alreadyPresent) already present, \(unmapped.count) unmapped"]
        for (region, n) in byRegion.sorted(by: { $0.key < $1.key }) { out.append("  \(region): \(n)") }
        for u in unmapped.prefix(50) { out.append("  unmapped line \(u.line): \(u.reason)") }
        if unmapped.count > 50 { out.append("  … and \(unmapped.count - 50) more unmapped rows (see --format json)") }
        return out
    }
}
