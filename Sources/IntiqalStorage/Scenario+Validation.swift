import IntiqalDomain

extension Scenario {
    /// Checks a rating against this scenario (party, region, capability, month, scale), as
    /// every store does before recording it; the message names the field (`path.region`).
    public func validate(_ a: Assessment, at path: String) throws {
        let s = self
        func bad(_ field: String, _ message: String) -> StorageError { .invalid("\(path).\(field): \(message)") }
        guard s.parties.contains(where: { $0.id == a.party }) else { throw bad("party", "unknown party '\(a.party)'") }
        guard s.region(a.region) != nil else { throw bad("region", "unknown region '\(a.region)'") }
        if a.factor == .threat {
            if a.capability != nil { throw bad("capability", "threat is rated per region, not per capability area") }
        } else {
            guard let c = a.capability else { throw bad("capability", "\(a.factor.rawValue) is rated per capability area: name one") }
            guard s.capability(c) != nil else { throw bad("capability", "unknown capability area '\(c)'") }
        }
        guard a.month <= s.end else { throw bad("month", "\(a.month) is after the plan's last month \(s.end)") }
        guard let scale = s.scale(a.scale) else { throw bad("scale", "no \(a.factor.rawValue) scale version \(a.scale.version)") }
        guard a.value.isFinite, scale.contains(a.value) else {
            throw bad("value", "\(a.value) is outside the \(a.factor.rawValue) scale \(scale.minimum)–\(scale.maximum)")
        }
    }
}
