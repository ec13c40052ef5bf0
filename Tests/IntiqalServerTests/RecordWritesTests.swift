import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalCommission
import IntiqalDomain
import IntiqalServer
import IntiqalStorage
import Testing

/// The API's tokens, incident imports and splits, commitment status changes and re-marking:
/// who may (DESIGN §7, stated here independently of `Permission`), 404 for a record the caller
/// may not read, CSRF for cookie-authenticated writes, no writes with a read-only token.
@Suite struct RecordWritesTests {
    static let acledHeader = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities"

    /// Invented rows in ACLED's layout: line 2 in Ramadi (Anbar) on 3 March 2025; line 3 in a
    /// governorate of no scenario region (unmapped).
    static let acled = """
    \(acledHeader)
    TEST0001,2025-03-03,2025,1,Explosions/Remote violence,Remote explosive/landmine/IED,Group A,,Iraq,Al Anbar,Ramadi,Ramadi,33.42,43.30,1,Test wire,Invented for a test,0
    TEST0002,2025-03-04,2025,1,Battles,Armed clash,Group B,,Iraq,Al Basrah,Basrah,Basrah,30.50,47.81,1,Test wire,Invented for a test,0

    """

    static func csvHeaders(_ s: Session) -> HTTPFields {
        [.cookie: "intiqal_session=\(s.cookie)", HTTPField.Name("X-CSRF-Token")!: s.csrf, .contentType: "text/csv"]
    }

    /// An accepted evidence item about the imported Ramadi attack, marked `marking`: it merges
    /// into the dataset's incident, which then has two sources. Returns the incident and the
    /// evidence source's id.
    static func mergedIncident(_ demo: DemoWorkspace, marking: Marking) throws -> (incident: Int64, source: Int64) {
        let admin = Viewer.user(demo.account("admin").user)
        _ = try demo.commission.importIncidents(acled, file: "merge.csv", format: .acled, marking: marking, by: admin)
        let content = #"{"actors":[],"date":"2025-03-03","place":"Ramadi","planned":false,"type":"attack"}"#
        let before = Set(try demo.commission.evidenceItems(for: .fileHolder("x")).map(\.id))
        _ = try demo.commission.ingest([EvidenceInput(file: "r-\(UUID().uuidString).txt", sha256: "00", items: [("event", content)],
                                                      marking: marking)], by: admin)
        let item = try #require(try demo.commission.evidenceItems(for: .fileHolder("x")).map(\.id).first { !before.contains($0) })
        let incident = try #require(try demo.commission.review(item: item, status: .accepted, by: admin).incident)
        let record = try demo.commission.incident(id: incident, for: .fileHolder("x"))
        #expect(record.sources.count >= 2, "the evidence should merge into an incident")
        return (incident, try #require(record.sources.first { $0.evidenceItem == item }).id)
    }

    typealias Check = (String, HTTPRequest.Method, String, HTTPFields, String?) async throws -> TestResponse

    /// Called by `ContractTests`: every operation added here, with its documented answers.
    static func exerciseInContract(_ demo: DemoWorkspace, _ client: some TestClientProtocol, _ check: Check) async throws {
        let member = try await client.signIn(demo, "irq-capability")
        let analyst = try await client.signIn(demo, "irq-analyst")
        let admin = try await client.signIn(demo, "admin")
        let irqSecretariat = try await client.signIn(demo, "irq-secretariat")
        let usaSecretariat = try await client.signIn(demo, "usa-secretariat")

        // Tokens.
        _ = try await check("/api/v1/tokens", .get, "/api/v1/tokens", member.readHeaders, nil)
        let made = try await check("/api/v1/tokens", .post, "/api/v1/tokens", member.writeHeaders, #"{"label":"script","scope":"read-write","days":7}"#)
        #expect(made.status == .created)
        let value = try #require(object(made)["value"] as? String)
        let tokenID = ((object(made)["token"] as? [String: Any])?["id"] as? NSNumber)?.int64Value ?? 0
        _ = try await check("/api/v1/tokens", .post, "/api/v1/tokens", member.writeHeaders, #"{"label":""}"#)
        _ = try await check("/api/v1/tokens", .post, "/api/v1/tokens", member.writeHeaders, #"{"label":"x","user":"admin"}"#)
        _ = try await check("/api/v1/tokens", .post, "/api/v1/tokens", member.writeHeaders, #"{"label":"x","user":"nobody"}"#)
        _ = try await check("/api/v1/tokens", .post, "/api/v1/tokens",
                            [.authorization: "Bearer \(value)", .contentType: "application/json"], #"{"label":"minted"}"#)
        _ = try await check("/api/v1/tokens", .get, "/api/v1/tokens?user=irq-capability", admin.readHeaders, nil)
        _ = try await check("/api/v1/tokens/{id}", .delete, "/api/v1/tokens/\(tokenID)", usaSecretariat.writeHeaders, nil)
        _ = try await check("/api/v1/tokens/{id}", .delete, "/api/v1/tokens/\(tokenID)", member.writeHeaders, nil)
        _ = try await check("/api/v1/tokens/{id}", .delete, "/api/v1/tokens/\(tokenID)", member.writeHeaders, nil)
        _ = try await check("/api/v1/tokens/{id}", .delete, "/api/v1/tokens/x", member.writeHeaders, nil)
        _ = try await check("/api/v1/tokens/{id}", .delete, "/api/v1/tokens/\(tokenID)", member.readHeaders, nil)

        // Incidents: import, then split a merged one.
        _ = try await check("/api/v1/incidents/import", .post, "/api/v1/incidents/import?format=acled&name=test.csv", csvHeaders(member), acled)
        _ = try await check("/api/v1/incidents/import", .post, "/api/v1/incidents/import?format=ucdp-ged", csvHeaders(member), acled)
        _ = try await check("/api/v1/incidents/import", .post, "/api/v1/incidents/import?format=acled", csvHeaders(member),
                            acled.replacingOccurrences(of: "2025-03-04", with: "2025-02-30"))
        _ = try await check("/api/v1/incidents/import", .post, "/api/v1/incidents/import?format=bogus", csvHeaders(member), acled)
        _ = try await check("/api/v1/incidents/import", .post, "/api/v1/incidents/import?format=acled", csvHeaders(analyst), acled)
        let merged = try mergedIncident(demo, marking: .joint)
        _ = try await check("/api/v1/incidents/{id}/split", .post, "/api/v1/incidents/\(merged.incident)/split", analyst.writeHeaders,
                            #"{"source":\#(merged.source)}"#)
        let split = try await check("/api/v1/incidents/{id}/split", .post, "/api/v1/incidents/\(merged.incident)/split", member.writeHeaders,
                                    #"{"source":\#(merged.source)}"#)
        let created = (object(split)["id"] as? NSNumber)?.int64Value ?? 0
        _ = try await check("/api/v1/incidents/{id}/split", .post, "/api/v1/incidents/\(created)/split", member.writeHeaders,
                            #"{"source":\#(merged.source)}"#)
        _ = try await check("/api/v1/incidents/{id}/split", .post, "/api/v1/incidents/\(merged.incident)/split", member.writeHeaders,
                            #"{"source":\#(merged.source)}"#)
        _ = try await check("/api/v1/incidents/{id}/split", .post, "/api/v1/incidents/\(merged.incident)/split", member.writeHeaders, "{}")

        // Commitments and sites.
        _ = try await check("/api/v1/commitments/{id}/status", .post, "/api/v1/commitments/hmc-working-groups/status", irqSecretariat.writeHeaders,
                            #"{"status":2,"month":"2025-03","note":"recorded over the API"}"#)
        _ = try await check("/api/v1/commitments/{id}/status", .post, "/api/v1/commitments/hmc-working-groups/status", member.writeHeaders,
                            #"{"status":2,"month":"2025-03"}"#)
        _ = try await check("/api/v1/commitments/{id}/status", .post, "/api/v1/commitments/hmc-working-groups/status", irqSecretariat.writeHeaders,
                            #"{"status":7,"month":"2025-03"}"#)
        _ = try await check("/api/v1/commitments/{id}/status", .post, "/api/v1/commitments/none/status", irqSecretariat.writeHeaders,
                            #"{"status":1,"month":"2025-03"}"#)
        _ = try await check("/api/v1/commitments/{id}/marking", .put, "/api/v1/commitments/repatriation-ne-syria/marking",
                            usaSecretariat.writeHeaders, #"{"marking":"REL USA"}"#)
        _ = try await check("/api/v1/commitments/{id}/marking", .put, "/api/v1/commitments/repatriation-ne-syria/marking",
                            irqSecretariat.writeHeaders, #"{"marking":"JOINT"}"#)
        _ = try await check("/api/v1/commitments/{id}/status", .post, "/api/v1/commitments/repatriation-ne-syria/status", irqSecretariat.writeHeaders,
                            #"{"status":1,"month":"2025-03"}"#)
        _ = try await check("/api/v1/commitments/{id}/marking", .put, "/api/v1/commitments/hmc-working-groups/marking",
                            irqSecretariat.writeHeaders, #"{"marking":"SECRET"}"#)
        _ = try await check("/api/v1/sites/{id}/marking", .put, "/api/v1/sites/harir/marking", admin.writeHeaders, #"{"marking":"JOINT"}"#)
        _ = try await check("/api/v1/sites/{id}/marking", .put, "/api/v1/sites/harir/marking", member.writeHeaders, #"{"marking":"JOINT"}"#)
        _ = try await check("/api/v1/sites/{id}/marking", .put, "/api/v1/sites/none/marking", admin.writeHeaders, #"{"marking":"JOINT"}"#)
        _ = try await check("/api/v1/sites/{id}/marking", .put, "/api/v1/sites/harir/marking", admin.writeHeaders, "{}")
    }

    @Test func tokensOverHTTPShownOnceListedByOwnerOrAdminRevokedAs404ForOthers() async throws {
        let demo = try makeDemo(seed: 41)
        try await application(demo).test(.router) { client in
            let member = try await client.signIn(demo, "irq-capability")
            let made = try await client.send("/api/v1/tokens", .post, headers: member.writeHeaders, body: #"{"label":"nightly","scope":"read-write","days":2}"#)
            #expect(made.status == .created)
            let value = try #require(object(made)["value"] as? String)
            let token = try #require(object(made)["token"] as? [String: Any])
            let id = try #require((token["id"] as? NSNumber)?.int64Value)
            #expect(token["user"] as? String == "irq-capability" && token["scope"] as? String == "read-write" && token["value"] == nil)
            // The list never shows the value.
            let listed = try await client.send("/api/v1/tokens", headers: member.readHeaders)
            #expect(items(listed).map { ($0["id"] as? NSNumber)?.int64Value } == [id])
            #expect(!String(buffer: listed.body).contains(value))
            // The token works, and may write but not mint another token.
            let bearer: HTTPFields = [.authorization: "Bearer \(value)", .contentType: "application/json"]
            #expect(try await client.send("/api/v1/session", headers: bearer).status == .ok)
            #expect(try await client.send("/api/v1/tokens", .post, headers: bearer, body: #"{"label":"minted"}"#).status == .forbidden)
            // A cookie write without the CSRF token is refused, and writes nothing.
            var noCSRF = member.writeHeaders
            noCSRF[HTTPField.Name("X-CSRF-Token")!] = nil
            #expect(try await client.send("/api/v1/tokens", .post, headers: noCSRF, body: #"{"label":"csrf"}"#).status == .forbidden)
            #expect(try await client.send("/api/v1/tokens/\(id)", .delete, headers: noCSRF).status == .forbidden)
            #expect(try demo.commission.tokens(by: .user(demo.account("irq-capability").user)).count == 1)
            // Only the owner and an administrator see it: to anyone else it does not exist.
            for account in demo.accounts where !["irq-capability", "admin"].contains(account.user.name) {
                let s = try await client.signIn(demo, account.user.name)
                let list = try await client.send("/api/v1/tokens?user=irq-capability", headers: s.readHeaders)
                #expect(list.status == .ok && items(list).isEmpty, "\(account.user.name)")
                let r = try await client.send("/api/v1/tokens/\(id)", .delete, headers: s.writeHeaders)
                #expect(r.status == .notFound, "\(account.user.name): \(r.status)")
                #expect(!String(buffer: r.body).contains("nightly"))
                let other = try await client.send("/api/v1/tokens", .post, headers: s.writeHeaders, body: #"{"label":"x","user":"irq-capability"}"#)
                #expect(other.status == .forbidden, "\(account.user.name)")
            }
            let admin = try await client.signIn(demo, "admin")
            let all = try await client.send("/api/v1/tokens?user=irq-capability", headers: admin.readHeaders)
            #expect(items(all).map { ($0["id"] as? NSNumber)?.int64Value } == [id])
            #expect(try await client.send("/api/v1/tokens/\(id)", .delete, headers: admin.writeHeaders).status == .noContent)
            #expect(try await client.send("/api/v1/tokens/\(id)", .delete, headers: member.writeHeaders).status == .conflict)
            #expect(try await client.send("/api/v1/session", headers: bearer).status == .unauthorized)
            // A read-only token cannot write, here either.
            let read = try demo.commission.newToken(user: "irq-capability", label: "ro", scope: .read, days: 1,
                                                    by: .user(demo.account("irq-capability").user))
            let roID = read.token.id
            let ro: HTTPFields = [.authorization: "Bearer \(read.value)", .contentType: "application/json"]
            #expect(try await client.send("/api/v1/tokens/\(roID)", .delete, headers: ro).status == .forbidden)
            #expect(try await client.send("/api/v1/sites/harir/marking", .put, headers: ro, body: #"{"marking":"JOINT"}"#).status == .forbidden)
            #expect(try await client.send("/api/v1/incidents/import?format=acled", .post, headers: ro, body: Self.acled).status == .forbidden)
        }
    }

    @Test func importsByWhoMayIngestAllOrNothingWithLinesOfUnmappedRows() async throws {
        let demo = try makeDemo(seed: 42)
        let mayIngest: Set<User.Role> = [.admin, .secretariat, .liaison, .workingGroupMember]
        try await application(demo).test(.router) { client in
            let before = try demo.commission.incidents(for: .fileHolder("x")).count
            // A bad file: 422 naming the line and field, nothing written.
            let member = try await client.signIn(demo, "irq-threat")
            let bad = try await client.send("/api/v1/incidents/import?format=acled&name=bad.csv", .post, headers: Self.csvHeaders(member),
                                            body: Self.acled.replacingOccurrences(of: "2025-03-04", with: "2025-02-30"))
            #expect(bad.status == .unprocessableContent)
            #expect(object(bad)["field"] as? String == "event_date" && (object(bad)["detail"] as? String ?? "").contains("line 3"), "\(String(buffer: bad.body))")
            #expect(try demo.commission.incidents(for: .fileHolder("x")).count == before)
            // A layout that is not the one named.
            let wrong = try await client.send("/api/v1/incidents/import?format=ucdp-ged", .post, headers: Self.csvHeaders(member), body: Self.acled)
            #expect(wrong.status == .unprocessableContent && object(wrong)["field"] as? String == "format")
            // A body over the upload limit.
            let huge = Self.acled + String(repeating: "x", count: 1024 * 1024)
            #expect(try await client.send("/api/v1/incidents/import?format=acled", .post, headers: Self.csvHeaders(member), body: huge).status
                    == .contentTooLarge)
            #expect(try demo.commission.incidents(for: .fileHolder("x")).count == before)
            var first = true
            for account in demo.accounts {
                let s = try await client.signIn(demo, account.user.name)
                let r = try await client.send("/api/v1/incidents/import?format=acled", .post, headers: Self.csvHeaders(s), body: Self.acled)
                guard mayIngest.contains(account.user.role) else {
                    #expect(r.status == .forbidden, "\(account.user.name): \(r.status)"); continue
                }
                #expect(r.status == .ok, "\(account.user.name): \(String(buffer: r.body))")
                let report = object(r)
                #expect(report["rows"] as? Int == 2 && report["added"] as? Int == (first ? 1 : 0) && report["alreadyPresent"] as? Int == (first ? 0 : 1))
                #expect((report["unmapped"] as? [[String: Any]])?.map { $0["line"] as? Int } == [3])
                first = false
            }
            #expect(try demo.commission.incidents(for: .fileHolder("x")).count == before + 1)
        }
    }

    @Test func splitsByReviewersOfIncidentsTheyMayRead() async throws {
        let demo = try makeDemo(seed: 43)
        try await application(demo).test(.router) { client in
            let irq = try Self.mergedIncident(demo, marking: .rel(["IRQ"]))
            let body = #"{"source":\#(irq.source)}"#
            // Another party's reviewer: the incident does not exist for them.
            let usa = try await client.signIn(demo, "usa-threat")
            let hidden = try await client.send("/api/v1/incidents/\(irq.incident)/split", .post, headers: usa.writeHeaders, body: body)
            #expect(hidden.status == .notFound && !String(buffer: hidden.body).contains("Ramadi"))
            // A reader of the incident who does not review evidence.
            let analyst = try await client.signIn(demo, "irq-analyst")
            #expect(try await client.send("/api/v1/incidents/\(irq.incident)/split", .post, headers: analyst.writeHeaders, body: body).status == .forbidden)
            // A source that is not this incident's.
            let reviewer = try await client.signIn(demo, "irq-threat")
            #expect(try await client.send("/api/v1/incidents/1/split", .post, headers: reviewer.writeHeaders, body: body).status == .notFound)
            var noCSRF = reviewer.writeHeaders
            noCSRF[HTTPField.Name("X-CSRF-Token")!] = nil
            #expect(try await client.send("/api/v1/incidents/\(irq.incident)/split", .post, headers: noCSRF, body: body).status == .forbidden)
            #expect(try demo.commission.incident(id: irq.incident, for: .fileHolder("x")).sources.count == 2)
            let r = try await client.send("/api/v1/incidents/\(irq.incident)/split", .post, headers: reviewer.writeHeaders, body: body)
            #expect(r.status == .created)
            #expect((object(r)["sources"] as? [[String: Any]])?.map { ($0["id"] as? NSNumber)?.int64Value } == [irq.source])
            #expect(object(r)["marking"] as? String == "REL IRQ")
            #expect(try demo.commission.incident(id: irq.incident, for: .fileHolder("x")).sources.count == 1)
        }
    }

    @Test func commitmentStatusAndMarkingsByAdministratorsAndTheSecretariatOnRecordsTheyMayRead() async throws {
        let demo = try makeDemo(seed: 44)
        let usaSecretariat = Viewer.user(demo.account("usa-secretariat").user)
        // One commitment and one site only the USA may read.
        try demo.commission.setMarking(entity: "commitment", id: "repatriation-ne-syria", .rel(["USA"]), by: usaSecretariat)
        try demo.commission.setMarking(entity: "site", id: "harir", .rel(["USA"]), by: usaSecretariat)
        try await application(demo).test(.router) { client in
            for account in demo.accounts {
                let u = account.user
                let s = try await client.signIn(demo, u.name)
                let mayChange = u.role == .admin || u.role == .secretariat
                // A record every party reads.
                // A JOINT record: the commission's parties read it, a partner does not (404).
                let readsJoint = u.party == "IRQ" || u.party == "USA"
                let status = try await client.send("/api/v1/commitments/hmc-working-groups/status", .post, headers: s.writeHeaders,
                                                   body: #"{"status":1,"month":"2025-02","note":"by \#(u.name)"}"#)
                #expect(status.status == (!readsJoint ? .notFound : mayChange ? .created : .forbidden), "\(u.name): \(status.status)")
                if mayChange {
                    #expect((object(status)["history"] as? [[String: Any]])?.contains { $0["note"] as? String == "by \(u.name)" } == true)
                }
                let joint = try await client.send("/api/v1/commitments/hmc-working-groups/marking", .put, headers: s.writeHeaders,
                                                  body: #"{"marking":"JOINT"}"#)
                #expect(joint.status == (!readsJoint ? .notFound : mayChange ? .ok : .forbidden), "\(u.name): \(joint.status)")
                // Records only the USA reads: 404 to everyone else, whatever their role.
                let expected: HTTPResponse.Status = u.party != "USA" ? .notFound : mayChange ? .created : .forbidden
                let hidden = try await client.send("/api/v1/commitments/repatriation-ne-syria/status", .post, headers: s.writeHeaders,
                                                   body: #"{"status":1,"month":"2025-02"}"#)
                #expect(hidden.status == expected, "\(u.name): \(hidden.status)")
                for path in ["/api/v1/commitments/repatriation-ne-syria/marking", "/api/v1/sites/harir/marking"] {
                    let r = try await client.send(path, .put, headers: s.writeHeaders, body: #"{"marking":"REL USA"}"#)
                    #expect(r.status == (u.party != "USA" ? .notFound : mayChange ? .ok : .forbidden), "\(u.name) \(path): \(r.status)")
                    if u.party != "USA" {
                        // Word for word the answer for a record that does not exist.
                        let none = try await client.send(path.replacingOccurrences(of: "harir", with: "no-such").replacingOccurrences(of: "repatriation-ne-syria", with: "no-such"),
                                                         .put, headers: s.writeHeaders, body: #"{"marking":"REL USA"}"#)
                        #expect(String(buffer: r.body).replacingOccurrences(of: "harir", with: "no-such")
                                    .replacingOccurrences(of: "repatriation-ne-syria", with: "no-such") == String(buffer: none.body))
                    }
                }
                // Without the CSRF token nothing is written.
                var noCSRF = s.writeHeaders
                noCSRF[HTTPField.Name("X-CSRF-Token")!] = nil
                let refused = try await client.send("/api/v1/commitments/hmc-working-groups/status", .post, headers: noCSRF,
                                                    body: #"{"status":3,"month":"2025-02","note":"forged"}"#)
                #expect(refused.status == .forbidden)
            }
            let history = try demo.commission.commitment(id: "hmc-working-groups", for: .fileHolder("x")).history
            #expect(!history.contains { $0.note == "forged" })
            #expect(history.filter { $0.note?.hasPrefix("by ") == true }.count
                    == demo.accounts.filter { $0.user.role == .admin || $0.user.role == .secretariat }.count)
            // Still only the USA's: the 404s above wrote nothing.
            #expect(throws: CommissionError.self) { try demo.commission.commitment(id: "repatriation-ne-syria", for: .user(demo.account("irq-secretariat").user)) }
        }
    }
}
