import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalPlanning

/// Proposes, signs and verifies the commission's decisions in a workspace's ledger, and
/// applies a decision's effect (a resolution, a commitment status, a phase completion, an
/// adopted scale) once
/// it binds, in the same transaction as the last signature.
public struct DecisionBook: Sendable {
    public let store: any WorkspaceStore
    let now: @Sendable () -> Date
    /// Run inside every append's transaction before the entry is written: the caller's
    /// authorization check (the use-case library re-reads the acting user there).
    let authorize: @Sendable (any WorkspaceTransaction) throws -> Void
    /// Whose ratings decisions rest on and effects are laid over (the holder of the file: all).
    let reader: MarkingReader

    public init(store: any WorkspaceStore, now: @escaping @Sendable () -> Date = { Date() }, reader: MarkingReader = .fileHolder,
                authorize: @escaping @Sendable (any WorkspaceTransaction) throws -> Void = { _ in }) {
        self.store = store
        self.now = now
        self.reader = reader
        self.authorize = authorize
    }

    /// Appends through `authorize`, in one transaction.
    private func append(actor: String, _ make: (Int, String) throws -> LedgerEntry) throws -> LedgerEntry {
        try store.transaction { tx in
            try authorize(tx)
            return try tx.appendLedger(actor: actor, make)
        }
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

    /// Registers a co-chair's public key for a party. The key is pending until a co-chair of
    /// another party countersigns it (`countersignKey`); the first two keys countersign each other.
    @discardableResult
    public func registerKey(party: String, publicKey: String, actor: String) throws -> LedgerEntry {
        guard let raw = Data(base64Encoded: publicKey), raw.count == 32 else {
            throw StorageError.invalid("public key: expected base64 of 32 bytes")
        }
        let scenario = try store.scenario()
        guard scenario.parties.contains(where: { $0.id == party }) else { throw StorageError.invalid("party: unknown party '\(party)'") }
        let report = try verify()
        if let failure = report.failure { throw StorageError.invalid("ledger does not verify (\(failure)); not registering") }
        if let earlier = report.registrations.first(where: { $0.publicKey == publicKey }) {
            throw StorageError.invalid("public key: already registered for \(earlier.party) by entry \(earlier.seq)")
        }
        let at = timestamp
        return try append(actor: actor) { seq, prev in
            try Self.unchanged(since: report, next: seq)
            return .makeKey(seq: seq, prevHash: prev, party: party, publicKey: publicKey, by: actor, at: at)
        }
    }

    /// Proposes a decision after checking it against the workspace's scenario
    /// (`DecisionRequest.validated`); it binds once every party of the policy's rating parties
    /// has signed.
    @discardableResult
    public func propose(_ request: DecisionRequest, actor: String) throws -> LedgerEntry {
        if request.kind == .adoptPlan { return try proposePlan(mode: request.mode ?? .conditions, actor: actor).entry }
        let scenario = try self.scenario()
        let (summary, payload) = try request.validated(against: scenario)
        return try append(request.kind, summary: summary, payload: payload, scenario: scenario, actor: actor)
    }

    private func append(_ kind: Decision.Kind, summary: String, payload: [String: CanonicalValue], scenario: Scenario,
                        actor: String) throws -> LedgerEntry {
        var payload = payload
        payload["scenario"] = .string(scenario.id)
        payload["ratings"] = try Self.ratingsFingerprint(scenario)
        let decision = Decision(kind: kind, summary: summary, payload: payload, requiredParties: scenario.policy.ratingParties,
                                proposedBy: actor, proposedAt: timestamp)
        return try append(actor: actor) { seq, prev in .make(seq: seq, kind: .decision, prevHash: prev, body: decision.body) }
    }

    /// Proposes adopting the plan made now from the workspace's ratings, recording its hash.
    @discardableResult
    public func proposePlan(mode: PlanMode, actor: String) throws -> (entry: LedgerEntry, plan: Plan) {
        let scenario = try self.scenario()
        let plan = try Planner(scenario: scenario).plan(mode: mode)
        guard plan.verification.ok else { throw StorageError.invalid("the \(mode.rawValue) plan did not pass verification; not proposing it") }
        let entry = try append(.adoptPlan, summary: "adopt the \(mode.rawValue) plan of \(scenario.id)",
                               payload: ["planHash": .string(try Self.planHash(plan)), "mode": .string(mode.rawValue),
                                         "start": .string(plan.start.description), "end": .string(plan.end.description)],
                               scenario: scenario, actor: actor)
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
        try Self.requireActive(key, in: report)
        guard !state.signedBy.contains(key.party) else { throw StorageError.invalid("entry \(seq): already signed by \(key.party)") }
        let at = timestamp
        _ = try append(actor: actor) { next, prev in
            try Self.unchanged(since: report, next: next)
            return try .makeSignature(seq: next, prevHash: prev, target: seq, targetHash: state.hash, key: key, by: actor, at: at)
        }
        var after = state
        after.signedBy.append(key.party)
        return after
    }

    /// Adds a signature of decision `target` made elsewhere (the server never holds a private
    /// key): by `party`'s active key `publicKey`, over the entry that will be `seq`, after the
    /// head `head`, by `actor`, at `at`. The signature is verified before anything is written; if
    /// another entry got in first, nothing is written (`conflict`) and the signer signs anew.
    @discardableResult
    public func addSignature(target: Int, party: String, publicKey: String, seq: Int, head: String, at: String, signature: String,
                             actor: String) throws -> LedgerReport.DecisionState {
        let report = try verify()
        if let failure = report.failure { throw StorageError.invalid("ledger does not verify (\(failure)); not signing") }
        guard let state = report.decisions.first(where: { $0.seq == target }) else {
            throw StorageError.notFound("entry \(target): no decision with that number")
        }
        guard state.decision.requiredParties.contains(party) else {
            throw StorageError.invalid(field: "party", "\(party) is not a party required to sign entry \(target)")
        }
        guard report.registrations.contains(where: { $0.publicKey == publicKey && $0.party == party && $0.active }) else {
            throw StorageError.invalid(field: "publicKey", "not an active co-chair key of \(party) in this ledger")
        }
        guard !state.signedBy.contains(party) else { throw StorageError.conflict("entry \(target): already signed by \(party)") }
        guard at.count <= 40, !at.isEmpty else { throw StorageError.invalid(field: "at", "a timestamp of at most 40 characters") }
        let message = LedgerEntry.signatureMessage(seq: seq, prevHash: head, target: target, targetHash: state.hash, party: party,
                                                   publicKey: publicKey, by: actor, at: at)
        guard PartyKey.verify(signature: signature, message: message, publicKey: publicKey) else {
            throw StorageError.invalid(field: "signature", "does not verify: not by this key over this entry, head and signer")
        }
        _ = try append(actor: actor) { next, prev in
            guard next == seq, prev == head else {
                throw StorageError.conflict("ledger: the head moved to entry \(next - 1) since it was signed; sign again")
            }
            return .makeSignature(seq: next, prevHash: prev, target: target, targetHash: state.hash, party: party,
                                  publicKey: publicKey, by: actor, at: at, signature: signature)
        }
        var after = state
        after.signedBy.append(party)
        return after
    }

    /// The checks made on `report` hold only if nothing was appended since: inside the append's
    /// transaction, refuse when the ledger has grown (another signature or key got in first).
    static func unchanged(since report: LedgerReport, next: Int) throws {
        guard next == report.entries + 1 else {
            throw StorageError.conflict("ledger: entry \(next - 1) was appended while this one was prepared; nothing written, try again")
        }
    }

    static func requireActive(_ key: PartyKey, in report: LedgerReport) throws {
        guard let registration = report.registrations.first(where: { $0.publicKey == key.publicKey && $0.party == key.party }) else {
            throw StorageError.invalid("key: this \(key.party) key is not registered in the workspace (use `intiqal keys register`)")
        }
        guard registration.active else {
            throw StorageError.invalid("key: this \(key.party) key (entry \(registration.seq)) is not yet countersigned by another party's co-chair")
        }
    }

    /// Countersigns key registration `seq` (another party's key) with `key`. Returns the
    /// registration after: active once countersigned by an active key, or, for the first keys of
    /// the ledger, once two keys of different parties have countersigned each other.
    @discardableResult
    public func countersignKey(seq: Int, key: PartyKey, actor: String) throws -> KeyRegistration {
        let report = try verify()
        if let failure = report.failure { throw StorageError.invalid("ledger does not verify (\(failure)); not signing") }
        guard let target = report.registrations.first(where: { $0.seq == seq }) else {
            throw StorageError.notFound("entry \(seq): no key registration with that number")
        }
        guard target.format == .jcs else { throw StorageError.invalid("entry \(seq): a format-1 key, active without countersignature") }
        guard target.party != key.party else {
            throw StorageError.invalid("entry \(seq): a key of \(key.party); a co-chair of another party must countersign it")
        }
        guard !target.active else { throw StorageError.invalid("entry \(seq): the key is already countersigned") }
        guard let signer = report.registrations.first(where: { $0.publicKey == key.publicKey && $0.party == key.party }) else {
            throw StorageError.invalid("key: this \(key.party) key is not registered in the workspace (use `intiqal keys register`)")
        }
        if !signer.active && report.registrations.contains(where: \.active) {
            throw StorageError.invalid("key: this \(key.party) key (entry \(signer.seq)) is not yet countersigned by another party's co-chair")
        }
        let hash = try store.ledgerEntries()[seq - 1].hash
        let at = timestamp
        _ = try append(actor: actor) { next, prev in
            try Self.unchanged(since: report, next: next)
            return try .makeSignature(seq: next, prevHash: prev, target: seq, targetHash: hash, key: key, by: actor, at: at)
        }
        return try verify().registrations.first { $0.seq == seq } ?? target
    }

    /// A signed head of the ledger by `key`, a co-chair key registered in it; the ledger must verify.
    public func receipt(key: PartyKey) throws -> LedgerReceipt {
        let report = try verify()
        if let failure = report.failure { throw StorageError.invalid("ledger does not verify (\(failure)); not signing its head") }
        guard report.registrations.contains(where: { $0.publicKey == key.publicKey && $0.party == key.party }) else {
            throw StorageError.invalid("key: this \(key.party) key is not registered in the workspace (use `intiqal keys register`)")
        }
        return try LedgerReceipt(seq: report.head.seq, head: report.head.hash, at: timestamp, key: key)
    }

    public func verify() throws -> LedgerReport { LedgerVerifier.verify(try store.ledgerEntries()) }

    /// Gates declared met by binding decisions: gate → the decision's entry number.
    /// `report`: the ledger's verification when the caller already has it (verifying costs one
    /// Ed25519 check per signature).
    public func declaredGates(report: LedgerReport? = nil) throws -> [GateKey: Int] {
        var out: [GateKey: Int] = [:]
        for state in try (report ?? verify()).decisions where state.binding && state.decision.kind == .gateMet {
            if let r = state.decision.payload["region"]?.stringValue, let c = state.decision.payload["capability"]?.stringValue {
                out[GateKey(region: r, capability: c)] = state.seq
            }
        }
        return out
    }

    /// The workspace's scenario with the effect of every binding decision laid over it: resolved
    /// disputes, commitment statuses and completed phases. The ledger stays the one record of
    /// them, so signing is a single append.
    public func scenario() throws -> Scenario { try effects().scenario }

    /// A binding decision whose payload the rules refuse (written by an older Intiqal that did
    /// not check proposals, or by hand): it takes no effect, and every reader is told why.
    public struct RefusedDecision: Sendable, Hashable, CustomStringConvertible {
        public var seq: Int
        public var summary: String
        public var reason: String
        public var description: String { "ledger entry \(seq) (\(summary)) is binding but takes no effect: \(reason)" }
    }

    /// The scenario with every binding decision applied in ledger order, each checked by the same
    /// rules as a proposal against the scenario as it stands; and the binding decisions refused.
    public func effects(report: LedgerReport? = nil) throws -> (scenario: Scenario, refused: [RefusedDecision]) {
        try effects(on: try store.scenario(readableBy: reader), report: report)
    }

    /// `effects()` laid over `base`: a viewer's scenario (only the ratings it may read).
    public func effects(on base: Scenario, report: LedgerReport? = nil) throws -> (scenario: Scenario, refused: [RefusedDecision]) {
        var scenario = base
        var refused: [RefusedDecision] = []
        for state in try (report ?? verify()).decisions where state.binding {
            do {
                let request = try DecisionRequest(decision: state.decision)
                _ = try request.validated(against: scenario)
                Self.apply(request, seq: state.seq, to: &scenario)
            } catch let error as StorageError {
                refused.append(RefusedDecision(seq: state.seq, summary: state.decision.summary, reason: error.description))
            }
        }
        return (scenario, refused)
    }

    /// Lays a checked request's effect over the scenario.
    static func apply(_ r: DecisionRequest, seq: Int, to scenario: inout Scenario) {
        let month = r.month.flatMap { YearMonth($0) }
        switch r.kind {
        case .resolveDispute:
            guard let factor = r.factor, let region = r.region, let month, let value = r.value else { return }
            scenario.resolutions.append(Resolution(subject: RatingSubject(factor: factor, region: region, capability: r.capability),
                                                   month: month, value: value, trend: r.trend, decision: "ledger:\(seq)"))
        case .commitmentStatus:
            guard let id = r.commitment, let status = r.status.flatMap(Commitment.Status.init(rawValue:)), let month,
                  let i = scenario.commitments.firstIndex(where: { $0.id == id }) else { return }
            scenario.commitments[i].history.append(.init(month: month, status: status, source: "ledger:\(seq)"))
        case .phaseComplete:
            guard let id = r.phase, let month, let i = scenario.phases.firstIndex(where: { $0.id == id }) else { return }
            scenario.phases[i].completed = month
        case .adoptScale:
            // The adopted version becomes the factor's current scale: joint ratings, gates and
            // plans are expressed in it from now on.
            guard let factor = r.factor, let version = r.version else { return }
            scenario.adoptedScales = (scenario.adoptedScales ?? []) + [ScaleReference(factor: factor, version: version)]
        case .adoptPlan, .gateMet:
            break
        }
    }
}
