import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalCommission
import IntiqalDomain
import IntiqalLedger
import IntiqalServer
import IntiqalStorage
import Testing

/// Every demo user × party × working group × write endpoint gets exactly what DESIGN §7 allows.
@Suite struct WriteRulesTests {
    static func ratingBody(party: String, group: String) -> String {
        let capability = group == "threat" ? "" : #","capability":"isr""#
        let value = group == "threat" ? #""value":3,"trend":"steady""# : #""value":2"#
        return #"{"party":"\#(party)","group":"\#(group)","region":"anbar"\#(capability),"month":"2025-01",\#(value)}"#
    }

    /// DESIGN §7, stated independently of `Permission`: members rate their party and group;
    /// the secretariat and admins record for their own party; nobody else writes ratings.
    static func mayRate(_ u: User, party: String, group: String) -> Bool {
        switch u.role {
        case .workingGroupMember: u.party == party && u.workingGroup == group
        case .secretariat, .admin: u.party == party
        default: false
        }
    }

    @Test func ratingsByRolePartyAndGroup() async throws {
        let demo = try makeDemo(seed: 11)
        try await application(demo).test(.router) { client in
            for account in demo.accounts {
                let s = try await client.signIn(demo, account.user.name)
                for party in ["IRQ", "USA"] {
                    for group in ["threat", "requirement", "capability"] {
                        let r = try await client.send("/api/v1/assessments", .post, headers: s.writeHeaders,
                                                      body: Self.ratingBody(party: party, group: group))
                        let allowed = Self.mayRate(account.user, party: party, group: group)
                        #expect(r.status == (allowed ? .created : .forbidden), "\(account.user.name) \(party) \(group): \(String(buffer: r.body))")
                        if allowed { #expect(object(r)["marking"] as? String == "REL \(party)") }
                    }
                }
            }
        }
    }

    @Test func releasesOnlyByTheRatingsParty() async throws {
        let demo = try makeDemo(seed: 12)
        let member = demo.account("irq-capability").user
        try await application(demo).test(.router) { client in
            for account in demo.accounts {
                let id = try demo.commission.recordAssessments([Assessment.isr("IRQ")], by: .user(member))[0]
                let s = try await client.signIn(demo, account.user.name)
                let r = try await client.send("/api/v1/assessments/\(id)/release", .post, headers: s.writeHeaders)
                let expected: HTTPResponse.Status = account.user.party != "IRQ" ? .notFound
                    : [.coChair, .workingGroupMember, .secretariat, .admin].contains(account.user.role) ? .ok : .forbidden
                #expect(r.status == expected, "\(account.user.name)")
            }
        }
    }

    @Test func proposalsBySecretariatCoChairsAndAdmins() async throws {
        let demo = try makeDemo(seed: 13)
        try await application(demo).test(.router) { client in
            for account in demo.accounts {
                let s = try await client.signIn(demo, account.user.name)
                let r = try await client.send("/api/v1/decisions", .post, headers: s.writeHeaders,
                                              body: #"{"kind":"gate-met","region":"anbar","capability":"isr","month":"2025-01"}"#)
                let allowed = [.secretariat, .coChair, .admin].contains(account.user.role)
                #expect(r.status == (allowed ? .created : .forbidden), "\(account.user.name)")
            }
        }
    }

    /// DESIGN §7 for the roster: an admin manages anyone; a party's secretariat manages its own
    /// party's users below co-chair; nobody else manages users.
    static func mayManage(_ u: User, party: String, role: User.Role) -> Bool {
        u.role == .admin || (u.role == .secretariat && u.party == party && ![.admin, .coChair].contains(role))
    }

    @Test func usersAreAddedByAdminsAndTheirOwnPartysSecretariatAndCanSignIn() async throws {
        let demo = try makeDemo(seed: 15)
        try await application(demo).test(.router) { client in
            for account in demo.accounts {
                let s = try await client.signIn(demo, account.user.name)
                for party in ["IRQ", "USA"] {
                    for role in User.Role.allCases {
                        let name = "\(party)-\(role.rawValue)-by-\(account.user.name)"
                        let group = role == .workingGroupMember ? #","group":"threat""# : ""
                        let r = try await client.send("/api/v1/users", .post, headers: s.writeHeaders,
                                                      body: #"{"name":"\#(name)","party":"\#(party)","role":"\#(role.rawValue)"\#(group),"password":"correct horse battery"}"#)
                        let allowed = Self.mayManage(account.user, party: party, role: role)
                        #expect(r.status == (allowed ? .created : .forbidden), "\(account.user.name) → \(party) \(role)")
                        if allowed && ![.admin, .coChair].contains(role) {
                            let signIn = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                                               body: #"{"name":"\#(name)","password":"correct horse battery"}"#)
                            #expect(signIn.status == .ok)
                        }
                    }
                }
                // Nor may anyone but an admin change a user of another party (here: demote IRQ's co-chair).
                let r = try await client.send("/api/v1/users", .post, headers: s.writeHeaders,
                                              body: #"{"name":"irq-cochair","party":"IRQ","role":"analyst"}"#)
                #expect(r.status == (account.user.role == .admin ? .created : .forbidden), "\(account.user.name) demoting irq-cochair")
                if account.user.role == .admin {
                    _ = try await client.send("/api/v1/users", .post, headers: s.writeHeaders, body: #"{"name":"irq-cochair","party":"IRQ","role":"co-chair"}"#)
                }
            }
        }
    }

    static func mayIngest(_ u: User) -> Bool { [.workingGroupMember, .secretariat, .liaison, .admin].contains(u.role) }
    static func mayReview(_ u: User) -> Bool { [.workingGroupMember, .secretariat, .admin].contains(u.role) }
    static func mayRegisterKey(_ u: User, party: String) -> Bool { [.coChair, .secretariat, .admin].contains(u.role) && u.party == party }
    static func maySign(_ u: User, party: String) -> Bool { u.role == .coChair && u.party == party }

    @Test func evidenceKeysAndSignaturesByEveryUser() async throws {
        let (demo, irq, usa, decisions) = try SignatureTests.prepared(seed: 17)
        let keys = ["IRQ": irq, "USA": usa]
        try await application(demo).test(.router) { client in
            for account in demo.accounts {
                let u = account.user
                let s = try await client.signIn(demo, u.name)
                // Upload a report.
                var r = try await client.send("/api/v1/evidence/documents", .post, headers: s.writeHeaders,
                                              body: #"{"name":"r.txt","text":"On 3 March 2025 two attacks struck Anbar.","marking":"PUBLIC"}"#)
                #expect(r.status == (Self.mayIngest(u) ? .created : .forbidden), "\(u.name) upload")
                // Review an item every user may read.
                _ = try demo.commission.ingest([.init(file: "\(u.name).txt", sha256: "00", items: [("event", "{}")], marking: .public)],
                                               by: .fileHolder("admin"))
                let item = try #require(try demo.commission.evidenceItems(for: .fileHolder("admin")).last).id
                r = try await client.send("/api/v1/evidence/items/\(item)/review", .post, headers: s.writeHeaders, body: #"{"status":"accepted"}"#)
                #expect(r.status == (Self.mayReview(u) ? .ok : .forbidden), "\(u.name) review")
                for party in ["IRQ", "USA"] {
                    // Register a co-chair key for the party.
                    r = try await client.send("/api/v1/keys", .post, headers: s.writeHeaders,
                                              body: json(["party": party, "publicKey": PartyKey(party: party).publicKey]))
                    #expect(r.status == (Self.mayRegisterKey(u, party: party) ? .created : .forbidden), "\(u.name) key of \(party)")
                    // Sign decision 2 for the party, with its key, as a co-chair's machine would for this user.
                    let ledger = items(try await client.send("/api/v1/ledger", headers: (try await client.signIn(demo, "admin")).readHeaders))
                    r = try await client.send("/api/v1/decisions/\(decisions[1])/signatures", .post, headers: s.writeHeaders,
                                              body: SignatureTests.signed(keys[party]!, decision: decisions[1], by: u.name, ledger: ledger))
                    let allowed = Self.maySign(u, party: party)
                    #expect(r.status == (allowed ? .created : .forbidden), "\(u.name) signs for \(party): \(String(buffer: r.body))")
                }
            }
        }
    }

    /// The check runs inside the write's transaction: a role changed after the request's user was
    /// read (its session) and before the write is the one the write sees.
    @Test func aRoleChangedBetweenTheCheckAndTheWriteIsTheOneTheWriteSees() async throws {
        let hook = Hook()
        // The store reads its clock just before it opens each write transaction: the change lands there.
        let store = try SQLiteWorkspaceStore(inMemory: "role-change", now: { hook.fire(); return fixedNow })
        let demo = try makeDemo(seed: 18, store: store)
        @Sendable func setRole(_ name: String, _ role: User.Role, group: String? = nil) -> @Sendable () -> Void {
            { _ = try? store.transaction { tx in try tx.addUser(User(name: name, party: "IRQ", role: role, workingGroup: group), actor: "admin") } }
        }
        let body = Self.ratingBody(party: "IRQ", group: "capability")
        try await application(demo).test(.router) { client in
            // A member whose session says capability member, demoted to analyst on the way to the write.
            let member = try await client.signIn(demo, "irq-capability")
            #expect(object(try await client.send("/api/v1/session", headers: member.readHeaders))["role"] as? String == "working-group-member")
            let before = try demo.commission.assessments(for: .fileHolder("admin")).count
            hook.arm(setRole("irq-capability", .analyst))
            var r = try await client.send("/api/v1/assessments", .post, headers: member.writeHeaders, body: body)
            #expect(r.status == .forbidden, "\(String(buffer: r.body))")
            #expect((object(r)["detail"] as? String ?? "").contains("analyst"))
            #expect(try demo.commission.assessments(for: .fileHolder("admin")).count == before)
            // An analyst whose session says analyst, made a capability member on the way: the write goes through.
            let analyst = try await client.signIn(demo, "irq-analyst")
            #expect(object(try await client.send("/api/v1/session", headers: analyst.readHeaders))["role"] as? String == "analyst")
            hook.arm(setRole("irq-analyst", .workingGroupMember, group: "capability"))
            r = try await client.send("/api/v1/assessments", .post, headers: analyst.writeHeaders, body: body)
            #expect(r.status == .created && object(r)["recordedBy"] as? String == "irq-analyst", "\(String(buffer: r.body))")
            #expect(!hook.armed)
        }
    }

    @Test func badInputIsA422NamingTheFieldNeverA5xx() async throws {
        let demo = try makeDemo(seed: 14)
        try await application(demo).test(.router) { client in
            let s = try await client.signIn(demo, "irq-capability")
            let cases: [(String, String?)] = [
                (#"{"party":"IRQ","group":"capability","region":"anbar","capability":"isr","month":"2025-13","value":2}"#, "month"),
                (#"{"party":"IRQ","group":"capability","region":"anbar","capability":"isr","month":"2025-01"}"#, "value"),
                (#"{"party":"IRQ","group":"nonsense","region":"anbar","month":"2025-01","value":2}"#, "group"),
                (#"{"party":"IRQ","group":"capability","region":"anbar","capability":"isr","month":"2025-01","value":"x"}"#, "value"),
                ("not json", nil),
                (#"{"party":"IRQ","group":"capability","region":"nowhere","capability":"isr","month":"2025-01","value":2}"#, "region"),
                (#"{"party":"IRQ","group":"capability","region":"anbar","capability":"isr","month":"2025-01","value":9}"#, "value"),
            ]
            for (body, field) in cases {
                let r = try await client.send("/api/v1/assessments", .post, headers: s.writeHeaders, body: body)
                #expect(r.status == .unprocessableContent, "\(body): \(String(buffer: r.body))")
                #expect(r.headers[.contentType] == "application/problem+json")
                #expect(object(r)["title"] as? String == "Unprocessable Content")
                if let field { #expect(object(r)["field"] as? String == field, "\(body)") }
            }
            for uri in ["/api/v1/assessments/abc", "/api/v1/assessments?month=x", "/api/v1/plan?mode=x", "/api/v1/status?month=2025"] {
                #expect(try await client.send(uri, headers: s.readHeaders).status == .unprocessableContent, "\(uri)")
            }
        }
    }
}

/// A change to make once, the next time the store's clock is read (just before a write transaction).
final class Hook: @unchecked Sendable {
    private let lock = NSLock()
    private var action: (@Sendable () -> Void)?
    func arm(_ action: @escaping @Sendable () -> Void) { lock.withLock { self.action = action } }
    var armed: Bool { lock.withLock { action != nil } }
    func fire() {
        let action = lock.withLock { () -> (@Sendable () -> Void)? in defer { self.action = nil }; return self.action }
        action?()
    }
}

extension Assessment {
    static func isr(_ party: String) -> Assessment {
        Assessment(party: party, factor: .capability, region: "anbar", capability: "isr", month: YearMonth(year: 2025, month: 1),
                   value: 2, scale: ScaleReference(factor: .capability, version: 1))
    }
}
