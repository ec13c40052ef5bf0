import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning

/// What someone asks the commission to decide, before it is checked: the fields of one
/// decision kind, as a command line or a request gives them.
///
/// `validated(against:)` is the one place the rules of a decision's payload live: which fields a
/// kind needs and which it must not have, ids that must exist in the scenario, months inside the
/// scenario's period, values on the factor's scale, kinds of subject (threat is rated per region).
/// Proposals pass through it, and so does every binding decision before its effect is applied,
/// so a binding decision can never carry what a proposal could not.
public struct DecisionRequest: Sendable, Hashable {
    public var kind: Decision.Kind
    public var mode: PlanMode?
    public var region: String?
    public var capability: String?
    public var month: String?
    public var factor: Factor?
    public var value: Double?
    public var trend: Trend?
    public var phase: String?
    public var version: Int?
    public var commitment: String?
    public var status: Int?

    public init(kind: Decision.Kind, mode: PlanMode? = nil, region: String? = nil, capability: String? = nil,
                month: String? = nil, factor: Factor? = nil, value: Double? = nil, trend: Trend? = nil,
                phase: String? = nil, version: Int? = nil, commitment: String? = nil, status: Int? = nil) {
        self.kind = kind
        self.mode = mode
        self.region = region
        self.capability = capability
        self.month = month
        self.factor = factor
        self.value = value
        self.trend = trend
        self.phase = phase
        self.version = version
        self.commitment = commitment
        self.status = status
    }

    /// The request a stored decision's payload records (fields it does not know are left out;
    /// a field of the wrong JSON type is an error naming it).
    public init(decision: Decision) throws {
        let p = decision.payload
        func text(_ key: String) throws -> String? {
            guard let v = p[key] else { return nil }
            guard let s = v.stringValue else { throw StorageError.invalid(field: key, "expected text") }
            return s
        }
        func number(_ key: String) throws -> Double? {
            guard let v = p[key] else { return nil }
            guard let d = v.doubleValue else { throw StorageError.invalid(field: key, "expected a number") }
            return d
        }
        func whole(_ key: String) throws -> Int? {
            guard let v = p[key] else { return nil }
            guard let i = v.intValue else { throw StorageError.invalid(field: key, "expected a whole number") }
            return i
        }
        func member<E: RawRepresentable<String>>(_ key: String, _: E.Type) throws -> E? {
            guard let s = try text(key) else { return nil }
            guard let e = E(rawValue: s) else { throw StorageError.invalid(field: key, "unknown value '\(s)'") }
            return e
        }
        self.init(kind: decision.kind,
                  mode: decision.kind == .adoptPlan ? try member("mode", PlanMode.self) : nil,
                  region: try text("region"), capability: try text("capability"), month: try text("month"),
                  factor: try member("factor", Factor.self), value: try number("value"),
                  trend: try member("trend", Trend.self), phase: try text("phase"), version: try whole("version"),
                  commitment: try text("commitment"), status: try whole("status"))
    }

    /// The names of the fields this request gives.
    var givenFields: [String] {
        var names: [String] = []
        if mode != nil { names.append("mode") }
        if region != nil { names.append("region") }
        if capability != nil { names.append("capability") }
        if month != nil { names.append("month") }
        if factor != nil { names.append("factor") }
        if value != nil { names.append("value") }
        if trend != nil { names.append("trend") }
        if phase != nil { names.append("phase") }
        if version != nil { names.append("version") }
        if commitment != nil { names.append("commitment") }
        if status != nil { names.append("status") }
        return names
    }

    /// The fields a kind needs, and those it may have besides.
    static func fields(of kind: Decision.Kind) -> (required: [String], optional: [String]) {
        switch kind {
        case .adoptPlan: return ([], ["mode"])
        case .gateMet: return (["region", "capability", "month"], [])
        case .resolveDispute: return (["factor", "region", "month", "value"], ["capability", "trend"])
        case .phaseComplete: return (["phase", "month"], [])
        case .adoptScale: return (["factor", "version"], [])
        case .commitmentStatus: return (["commitment", "status", "month"], [])
        }
    }

    /// Checks the request against `scenario`; returns the decision's one-line summary and its
    /// payload (without the scenario id and ratings fingerprint, which the book adds). Throws
    /// `StorageError.invalid(field:…)` naming the first field that is wrong.
    public func validated(against scenario: Scenario) throws -> (summary: String, payload: [String: CanonicalValue]) {
        let (required, optional) = Self.fields(of: kind)
        let given = givenFields
        for name in required where !given.contains(name) {
            throw StorageError.invalid(field: name, "\(kind.rawValue) needs a \(name)")
        }
        for name in given where !required.contains(name) && !optional.contains(name) {
            throw StorageError.invalid(field: name, "does not apply to \(kind.rawValue)")
        }
        var payload: [String: CanonicalValue] = [:]
        if let region {
            guard scenario.region(region) != nil else { throw StorageError.invalid(field: "region", "unknown region '\(region)'") }
            payload["region"] = .string(region)
        }
        if let capability {
            guard scenario.capability(capability) != nil else {
                throw StorageError.invalid(field: "capability", "unknown capability area '\(capability)'")
            }
            payload["capability"] = .string(capability)
        }
        var yearMonth: YearMonth?
        if let month {
            let m: YearMonth
            do { m = try YearMonth.parse(month) } catch { throw StorageError.invalid(field: "month", error.description) }
            let earliest = kind == .commitmentStatus ? YearMonth(year: InputLimits.year.lowerBound, month: 1) : scenario.start
            guard m >= earliest, m <= scenario.end else {
                throw StorageError.invalid(field: "month", "\(m) is outside the scenario's period \(scenario.start)–\(scenario.end)")
            }
            yearMonth = m
            payload["month"] = .string(m.description)
        }
        if let phase {
            guard scenario.phase(phase) != nil else { throw StorageError.invalid(field: "phase", "unknown phase '\(phase)'") }
            payload["phase"] = .string(phase)
        }
        if let commitment {
            guard scenario.commitments.contains(where: { $0.id == commitment }) else {
                throw StorageError.invalid(field: "commitment", "unknown commitment '\(commitment)'")
            }
            payload["commitment"] = .string(commitment)
        }
        if let status {
            guard Commitment.Status(rawValue: status) != nil else {
                throw StorageError.invalid(field: "status", "\(status) is not a commitment status (0 not initiated, 1 minimal, 2 intermediate, 3 full)")
            }
            payload["status"] = .integer(Int64(status))
        }
        if let mode { payload["mode"] = .string(mode.rawValue) }
        if let factor { payload["factor"] = .string(factor.rawValue) }
        if let trend { payload["trend"] = .string(trend.rawValue) }
        if let version {
            guard let factor, scenario.scale(ScaleReference(factor: factor, version: version)) != nil else {
                throw StorageError.invalid(field: "version", "no \(factor?.rawValue ?? "") scale version \(version)")
            }
            payload["version"] = .integer(Int64(version))
        }
        if kind == .resolveDispute, let factor {
            if factor.isPerCapability {
                guard capability != nil else {
                    throw StorageError.invalid(field: "capability", "\(factor.rawValue) is rated per capability area: name one")
                }
            } else if capability != nil {
                throw StorageError.invalid(field: "capability", "threat is rated per region, not per capability area")
            }
        }
        if let value {
            let scale = factor.map { scenario.currentScale(for: $0) }
            guard value.isFinite else { throw StorageError.invalid(field: "value", "expected a finite number, got \(value)") }
            if let scale, !scale.contains(value) {
                throw StorageError.invalid(field: "value", "\(Self.format(value)) is outside the \(scale.factor.rawValue) scale \(scale.minimum)–\(scale.maximum)")
            }
            payload["value"] = .number(value)
        }
        return (summary(month: yearMonth), payload)
    }

    private func summary(month: YearMonth?) -> String {
        let m = month?.description ?? ""
        switch kind {
        case .adoptPlan: return "adopt the \((mode ?? .conditions).rawValue) plan"
        case .gateMet: return "gate \(capability ?? "")/\(region ?? "") met from \(m)"
        case .resolveDispute:
            return "\(factor?.rawValue ?? "") \(capability.map { "\($0)/" } ?? "")\(region ?? "") resolved at \(Self.format(value ?? 0))\(trend.map { " (\($0.rawValue))" } ?? "") from \(m)"
        case .phaseComplete: return "phase \(phase ?? "") complete in \(m)"
        case .adoptScale: return "adopt \(factor?.rawValue ?? "") scale version \(version ?? 0)"
        case .commitmentStatus: return "commitment \(commitment ?? "") at status \(status ?? 0) from \(m)"
        }
    }

    /// A rating in words: `3`, `2.5`.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
