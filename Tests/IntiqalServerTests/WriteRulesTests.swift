import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalCommission
import IntiqalDomain
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

    @Test func usersAreAddedByAdministratorsOnlyAndCanSignIn() async throws {
        let demo = try makeDemo(seed: 15)
        try await application(demo).test(.router) { client in
            for account in demo.accounts {
                let s = try await client.signIn(demo, account.user.name)
                let name = "added-by-\(account.user.name)"
                let r = try await client.send("/api/v1/users", .post, headers: s.writeHeaders,
                                              body: #"{"name":"\#(name)","party":"USA","role":"analyst","password":"correct horse battery"}"#)
                let allowed = [.admin, .secretariat].contains(account.user.role)
                #expect(r.status == (allowed ? .created : .forbidden), "\(account.user.name)")
                if allowed {
                    let signIn = try await client.send("/api/v1/session", .post, headers: [.contentType: "application/json"],
                                                       body: #"{"name":"\#(name)","password":"correct horse battery"}"#)
                    #expect(signIn.status == .ok)
                }
            }
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

extension Assessment {
    static func isr(_ party: String) -> Assessment {
        Assessment(party: party, factor: .capability, region: "anbar", capability: "isr", month: YearMonth(year: 2025, month: 1),
                   value: 2, scale: ScaleReference(factor: .capability, version: 1))
    }
}
