import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning

/// Proposes, signs and verifies the commission's decisions in a workspace's ledger, and
/// applies a decision's effect (a resolution, a commitment status, a phase completion) once
/// it binds, in the same transaction as the last signature.
public struct DecisionBook: Sendable {
    public let store: any WorkspaceStore
    let now: @Sendable () -> Date

    public init(store: any WorkspaceStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    var timestamp: String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: now())
    }

    /// The ratings a decision rests on: how many are in force and the SHA-256 of their canonical form.
    public static func ratingsFingerprint(_ scenario: Scenario) throws -> CanonicalValue {
        let sorted = scenario.assessments.sorted {
            ($0.subject, $0.party, $0.month) < ($1.subject, $1.party, $1.month)
        }
        return ["count": .integer(Int64(sorted.count)), "sha256": .string(canonicalHash(try CanonicalValue(encoding: sorted)))]
    }

    public static func planHash(_ plan: Plan) throws -> String { canonicalHash(try CanonicalValue(encoding: plan)) }

    /// Registers a co-chair's public key for a party.
    @discardableResult
    public func registerKey(party: String, publicKey: String, actor: String) throws -> LedgerEntry {
        guard let raw = Data(base64Encoded: publicKey), raw.count == 32 else {
            throw StorageError.invalid("public key: expected base64 of 32 bytes")
        }
        let scenario = try store.scenario()
        guard scenario.parties.contains(where: { $0.id == party }) else { throw StorageError.invalid("party: unknown party '\(party)'") }
        let at = timestamp
        return try store.appendLedger(actor: actor) { seq, prev in
            .make(seq: seq, kind: .key, prevHash: prev, body: LedgerVerifier.keyBody(party: party, publicKey: publicKey, by: actor, at: at))
        }
    }

    /// Proposes a decision; it binds once every party of the policy's rating parties has signed.
    @discardableResult
    public func propose(_ kind: Decision.Kind, summary: String, payload: [String: CanonicalValue], actor: String) throws -> LedgerEntry {
        let scenario = try self.scenario()
        var payload = payload
        payload["scenario"] = .string(scenario.id)
        payload["ratings"] = try Self.ratingsFingerprint(scenario)
        let decision = Decision(kind: kind, summary: summary, payload: payload, requiredParties: scenario.policy.ratingParties,
                                proposedBy: actor, proposedAt: timestamp)
        return try store.appendLedger(actor: actor) { seq, prev in .make(seq: seq, kind: .decision, prevHash: prev, body: decision.body) }
    }

    /// Proposes adopting the plan made now from the workspace's ratings, recording its hash.
    @discardableResult
    public func proposePlan(mode: PlanMode, actor: String) throws -> (entry: LedgerEntry, plan: Plan) {
        let scenario = try self.scenario()
        let plan = try Planner(scenario: scenario).plan(mode: mode)
        let entry = try propose(.adoptPlan, summary: "adopt the \(mode.rawValue) plan of \(scenario.id)",
                                payload: ["planHash": .string(try Self.planHash(plan)), "mode": .string(mode.rawValue),
                                          "start": .string(plan.start.description), "end": .string(plan.end.description)],
                                actor: actor)
        return (entry, plan)
    }

    /// Signs decision `seq` with `key`; the ledger must verify first. Returns the state after.
    @discardableResult
    public func sign(seq: Int, key: PartyKey, actor: String) throws -> LedgerReport.DecisionState {
        let report = try verify()
        if let failure = report.failure { throw StorageError.invalid("ledger does not verify (\(failure)); not signing") }
        guard let state = report.decisions.first(where: { $0.seq == seq }) else {
            throw StorageError.notFound("entry \(seq): no decision with that number")
        }
        guard state.decision.requiredParties.contains(key.party) else {
            throw StorageError.invalid("entry \(seq): \(key.party) is not a party required to sign")
        }
        guard report.keys[key.party]?.contains(key.publicKey) == true else {
            throw StorageError.invalid("key: this \(key.party) key is not registered in the workspace (use `intiqal keys register`)")
        }
        guard !state.signedBy.contains(key.party) else { throw StorageError.invalid("entry \(seq): already signed by \(key.party)") }
        let at = timestamp
        try store.appendLedger(actor: actor) { next, prev in
            .make(seq: next, kind: .signature, prevHash: prev,
                  body: try LedgerVerifier.signatureBody(decisionSeq: seq, decisionHash: state.hash, key: key, by: actor, at: at))
        }
        var after = state
        after.signedBy.append(key.party)
        return after
    }

    public func verify() throws -> LedgerReport { LedgerVerifier.verify(try store.ledgerEntries()) }

    /// Gates declared met by binding decisions: gate → the decision's entry number.
    public func declaredGates() throws -> [GateKey: Int] {
        var out: [GateKey: Int] = [:]
        for state in try verify().decisions where state.binding && state.decision.kind == .gateMet {
            if let r = state.decision.payload["region"]?.stringValue, let c = state.decision.payload["capability"]?.stringValue {
                out[GateKey(region: r, capability: c)] = state.seq
            }
        }
        return out
    }

    /// The workspace's scenario with the effect of every binding decision laid over it: resolved
    /// disputes, commitment statuses and completed phases. The ledger stays the one record of
    /// them, so signing is a single append.
    public func scenario() throws -> Scenario {
        var scenario = try store.scenario()
        let report = try verify()
        for state in report.decisions where state.binding { Self.apply(state.decision, seq: state.seq, to: &scenario) }
        return scenario
    }

    static func apply(_ d: Decision, seq: Int, to scenario: inout Scenario) {
        let p = d.payload
        let month = p["month"]?.stringValue.flatMap { YearMonth($0) }
        switch d.kind {
        case .resolveDispute:
            guard let factor = p["factor"]?.stringValue.flatMap(Factor.init(rawValue:)), let region = p["region"]?.stringValue,
                  let month, let value = p["value"]?.doubleValue else { return }
            scenario.resolutions.append(Resolution(subject: RatingSubject(factor: factor, region: region, capability: p["capability"]?.stringValue),
                                                   month: month, value: value,
                                                   trend: p["trend"]?.stringValue.flatMap(Trend.init(rawValue:)), decision: "ledger:\(seq)"))
        case .commitmentStatus:
            guard let id = p["commitment"]?.stringValue, let status = p["status"]?.intValue.flatMap(Commitment.Status.init(rawValue:)),
                  let month, let i = scenario.commitments.firstIndex(where: { $0.id == id }) else { return }
            scenario.commitments[i].history.append(.init(month: month, status: status, source: "ledger:\(seq)"))
        case .phaseComplete:
            guard let id = p["phase"]?.stringValue, let month, let i = scenario.phases.firstIndex(where: { $0.id == id }) else { return }
            scenario.phases[i].completed = month
        case .adoptPlan, .gateMet, .adoptScale:
            break
        }
    }
}
