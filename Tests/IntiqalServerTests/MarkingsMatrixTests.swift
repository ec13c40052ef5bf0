import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalCommission
import IntiqalDomain
import IntiqalServer
import IntiqalStorage
import Testing

/// Every demo user × every marked record × every read endpoint: no response reveals a record
/// the user may not read, by id or by a value only that record carries. Markings are drawn at
/// random (seeded) over ratings and evidence.
@Suite struct MarkingsMatrixTests {
    struct Planted {
        var ratings: [(id: Int64, value: Double, marking: Marking)] = []
        var evidence: [(marker: String, marking: Marking)] = []
    }

    /// Records ratings by working-group members of both parties (REL their party), releases a
    /// random half, and ingests evidence under random markings.
    static func plant(_ demo: DemoWorkspace, seed: UInt64) throws -> Planted {
        let random = SeededBytes(seed: seed)
        let c = demo.commission
        var planted = Planted()
        let scenario = try c.scenario(for: .fileHolder("x")).scenario
        let regions = scenario.regions.map(\.id), capabilities = scenario.capabilities.map(\.id)
        for i in 0..<24 {
            let party = i % 2 == 0 ? "IRQ" : "USA"
            let member = try c.users().first { $0.name == "\(party.lowercased())-capability" }!
            // A value no other record carries: 6 significant decimals, unique per i.
            let value = 1 + Double(i) / 16 + 0.000_137 * Double(i + 1)
            let rating = Assessment(party: party, factor: .capability, region: regions[Int(random.next() % UInt64(regions.count))],
                                    capability: capabilities[Int(random.next() % UInt64(capabilities.count))],
                                    month: scenario.start.adding(months: Int(random.next() % 12)), value: value,
                                    scale: ScaleReference(factor: .capability, version: scenario.currentScale(for: .capability).version))
            let id = try c.recordAssessments([rating], by: .user(member))[0]
            var marking = Marking.rel([party])
            if random.next() % 2 == 0 { marking = try c.release(assessment: id, by: .user(member)).marking }
            planted.ratings.append((id, value, marking))
        }
        let choices: [Marking] = [.public, .joint, .rel(["IRQ"]), .rel(["USA"]), .rel(["GBR"]), .rel(["IRQ", "USA"]), .rel(["GBR", "USA"])]
        for i in 0..<14 {
            let marking = choices[Int(random.next() % UInt64(choices.count))]
            let marker = "evidence-marker-\(seed)-\(i)-end"
            _ = try c.ingest([EvidenceInput(file: "\(marker).txt", sha256: marker, items: [("event", #"{"note":"\#(marker)"}"#)],
                                            marking: marking)], by: .fileHolder("admin"))
            planted.evidence.append((marker, marking))
        }
        return planted
    }

    static let readEndpoints = ["/api/v1/assessments", "/api/v1/assessments?current=true", "/api/v1/assessments?group=capability",
                                "/api/v1/status", "/api/v1/plan", "/api/v1/plan?mode=deadlines", "/api/v1/audit",
                                "/api/v1/evidence/items", "/api/v1/ledger", "/api/v1/decisions", "/api/v1/keys", "/api/v1/users",
                                "/api/v1/session"]

    @Test(arguments: [UInt64(7), 8])
    func noResponseRevealsARecordTheViewerMayNotRead(seed: UInt64) async throws {
        let demo = try makeDemo(seed: seed)
        let planted = try Self.plant(demo, seed: seed)
        let commission: Set<String> = ["IRQ", "USA"]
        try await application(demo).test(.router) { client in
            for account in demo.accounts {
                let party = account.user.party
                let reader = MarkingReader(party: party, commission: commission)
                let s = try await client.signIn(demo, account.user.name)
                var bodies = ""
                for uri in Self.readEndpoints {
                    let r = try await client.send(uri, headers: s.readHeaders)
                    #expect(r.status == .ok, "\(account.user.name) \(uri)")
                    bodies += String(buffer: r.body)
                }
                let listing = items(try await client.send("/api/v1/assessments", headers: s.readHeaders))
                let listed = Set(listing.compactMap { ($0["id"] as? NSNumber)?.int64Value })
                for item in listing {
                    if let old = (item["supersedes"] as? NSNumber)?.int64Value { #expect(listed.contains(old), "\(account.user.name) sees a link to \(old)") }
                }
                for rating in planted.ratings {
                    let readable = reader.mayRead(rating.marking)
                    #expect(listed.contains(rating.id) == readable, "\(account.user.name) rating \(rating.id) \(rating.marking)")
                    let one = try await client.send("/api/v1/assessments/\(rating.id)", headers: s.readHeaders)
                    #expect(one.status == (readable ? .ok : .notFound))
                    if !readable {
                        // Indistinguishable from a record that does not exist: same status, same document.
                        let missing = try await client.send("/api/v1/assessments/999999", headers: s.readHeaders)
                        var a = object(one), b = object(missing)
                        #expect(a["detail"] as? String == "assessment \(rating.id): no such rating")
                        #expect(b["detail"] as? String == "assessment 999999: no such rating")
                        a["detail"] = nil
                        b["detail"] = nil
                        #expect(NSDictionary(dictionary: a) == NSDictionary(dictionary: b))
                        #expect(!bodies.contains(json(rating.value)), "\(account.user.name) sees the value of \(rating.id)")
                        #expect(!bodies.contains(#""entity":"assessment","entityID":"\#(rating.id)""#), "\(account.user.name) sees the audit of \(rating.id)")
                    }
                }
                let plan = try await client.send("/api/v1/plan", headers: s.readHeaders)
                let marking = try #require(plan.headers[HTTPField.Name("Intiqal-Marking")!].flatMap(Marking.init))
                #expect(marking == (object(try await client.send("/api/v1/status", headers: s.readHeaders))["marking"] as? String).flatMap(Marking.init))
                // Whoever may read the product may read every input it rests on: the viewer's party is among its readers.
                #expect(reader.mayRead(marking), "\(account.user.name): \(marking)")
                for e in planted.evidence {
                    #expect(bodies.contains(e.marker) == reader.mayRead(e.marking), "\(account.user.name) evidence \(e.marker) \(e.marking)")
                }
            }
        }
    }

    /// A write to a record the viewer may not read answers exactly as one to a record that does
    /// not exist: same status, same problem document but for the id it names.
    @Test func reviewingAnItemTheViewerMayNotReadIsAnsweredAsAMissingOne() async throws {
        let demo = try makeDemo(seed: 9)
        let planted = try Self.plant(demo, seed: 9)
        let items = try demo.commission.evidenceItems(for: .fileHolder("admin"))
        try await application(demo).test(.router) { client in
            let s = try await client.signIn(demo, "irq-threat")
            let reader = MarkingReader(party: "IRQ", commission: ["IRQ", "USA"])
            let hidden = try #require(items.first { !reader.mayRead($0.marking) }, "seed 9 plants an item IRQ may not read (\(planted.evidence.count) planted)")
            let body = json(["status": "accepted"])
            let refused = try await client.send("/api/v1/evidence/items/\(hidden.id)/review", .post, headers: s.writeHeaders, body: body)
            let missing = try await client.send("/api/v1/evidence/items/999999/review", .post, headers: s.writeHeaders, body: body)
            #expect(refused.status == .notFound && missing.status == .notFound)
            #expect(String(buffer: refused.body).replacingOccurrences(of: "\(hidden.id)", with: "999999") == String(buffer: missing.body))
            #expect(try demo.commission.evidenceItems(for: .fileHolder("admin")).first { $0.id == hidden.id }?.status == hidden.status)
        }
    }

    @Test func anUploadedReportIsRelItsAuthorsPartyUnlessMarkedOtherwise() async throws {
        let demo = try makeDemo(seed: 5)
        try await application(demo).test(.router) { client in
            let irq = try await client.signIn(demo, "irq-threat"), usa = try await client.signIn(demo, "usa-threat")
            let text = "Baghdad, 4 March 2025 - Militants attacked an army checkpoint in Anbar province on Monday, killing four soldiers, officials said."
            let r = try await client.send("/api/v1/evidence/documents", .post, headers: irq.writeHeaders,
                                          body: json(["name": "irq-report.txt", "text": text, "published": "2025-03-04"]))
            #expect(r.status == .created && object(r)["marking"] as? String == "REL IRQ" && (object(r)["items"] as? Int ?? 0) > 0)
            let mine = String(buffer: try await client.send("/api/v1/evidence/items", headers: irq.readHeaders).body)
            let theirs = String(buffer: try await client.send("/api/v1/evidence/items", headers: usa.readHeaders).body)
            #expect(mine.contains("checkpoint") && !theirs.contains("checkpoint"))
            let shared = try await client.send("/api/v1/evidence/documents", .post, headers: irq.writeHeaders,
                                               body: json(["name": "joint.txt", "marking": "JOINT",
                                                           "text": "Erbil, 6 March 2025 - Militants attacked a convoy near Erbil on Thursday, officials said."]))
            #expect(shared.status == .created)
            #expect(String(buffer: try await client.send("/api/v1/evidence/items", headers: usa.readHeaders).body).contains("convoy"))
            let analyst = try await client.signIn(demo, "usa-analyst")
            #expect(try await client.send("/api/v1/evidence/documents", .post, headers: analyst.writeHeaders,
                                          body: json(["name": "a.txt", "text": "x"])).status == .forbidden)
        }
    }

    @Test func theCountsOfAListAreThoseOfWhatTheViewerMayRead() async throws {
        let demo = try makeDemo(seed: 3)
        _ = try Self.plant(demo, seed: 3)
        try await application(demo).test(.router) { client in
            for name in ["irq-analyst", "usa-analyst", "gbr-liaison"] {
                let s = try await client.signIn(demo, name)
                let r = object(try await client.send("/api/v1/assessments", headers: s.readHeaders))
                let expected = try demo.commission.assessments(for: .user(demo.account(name).user)).count
                #expect(r["total"] as? Int == expected && (r["items"] as? [Any])?.count == expected)
            }
        }
    }
}
