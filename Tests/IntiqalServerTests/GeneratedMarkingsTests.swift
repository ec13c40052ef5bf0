import Foundation
import HTTPTypes
import HummingbirdTesting
import IntiqalCommission
import IntiqalDomain
import IntiqalServer
import IntiqalStorage
import Testing

/// The markings matrix over a generated workspace: seeded random markings on ratings, evidence,
/// sites (with their teams), commitments and each status change, notes and saved plans; every
/// demo user × every record × every read endpoint (lists, gets, counts, the scenario, plans,
/// risk, the export, errors), through the real server on loopback. No response reveals a record
/// the user may not read, by id or by a value only that record carries.
@Suite struct GeneratedMarkingsTests {
    struct Marked { var id: String; var marking: Marking; var values: [String] }

    struct Generated {
        var planted: MarkingsMatrixTests.Planted
        var sites: [Marked] = []
        var commitments: [Marked] = []
        /// Status changes: their note is the distinctive value; the marking is the one stored.
        var statuses: [Marked] = []
        var notes: [Marked] = []
        var plans: [Marked] = []
        var documents: [Marked] = []
    }

    static let choices: [Marking] = [.public, .joint, .rel(["IRQ"]), .rel(["USA"]), .rel(["GBR"]), .rel(["IRQ", "USA"]), .rel(["GBR", "USA"]),
                                     .rel(["GBR", "IRQ"])]

    static func generate(_ demo: DemoWorkspace, seed: UInt64) throws -> Generated {
        let random = SeededBytes(seed: seed &+ 1_000)
        func pick() -> Marking { choices[Int(random.next() % UInt64(choices.count))] }
        let c = demo.commission
        let admin = Viewer.fileHolder("admin")
        var g = Generated(planted: try MarkingsMatrixTests.plant(demo, seed: seed))
        let scenario = try c.scenario(for: admin).scenario
        for site in scenario.sites {
            let m = pick()
            try c.setMarking(entity: "site", id: site.id, m, by: admin)
            g.sites.append(Marked(id: site.id, marking: m, values: [#""\#(site.id)""#] + site.teams.map { #""\#($0.id)""# }))
        }
        for (i, commitment) in scenario.commitments.enumerated() {
            let m = pick()
            try c.setMarking(entity: "commitment", id: commitment.id, m, by: admin)
            g.commitments.append(Marked(id: commitment.id, marking: m, values: [#""\#(commitment.id)""#, #""\#(commitment.id)#"#]))
            for k in 0..<(1 + Int(random.next() % 2)) {
                let marker = "status-marker-\(seed)-\(i)-\(k)-end"
                let chosen = pick()
                try c.recordCommitmentStatus(commitment: commitment.id, change: .init(month: scenario.start.adding(months: k), status: .minimal, note: marker),
                                             marking: chosen, by: admin)
                g.statuses.append(Marked(id: commitment.id, marking: chosen.combined(with: m, commission: ["IRQ", "USA"]), values: [marker]))
            }
        }
        for d in try c.evidenceDocuments(for: admin) {
            g.documents.append(Marked(id: String(d.id), marking: d.marking, values: [d.file]))
        }
        // Notes on records of every kind, under random markings (narrowed to the record's own).
        var targets: [(String, String)] = g.planted.ratings.prefix(8).map { ("assessment", String($0.id)) }
        targets += g.sites.map { ("site", $0.id) }
        targets += g.commitments.map { ("commitment", $0.id) }
        targets += g.documents.prefix(6).map { ("evidence-document", $0.id) }
        for (i, (entity, id)) in targets.enumerated() {
            let marker = "note-marker-\(seed)-\(i)-end"
            let note = try c.addNote(entity: entity, id: id, text: marker, marking: pick(), by: admin)
            g.notes.append(Marked(id: String(note.id), marking: note.marking, values: [marker]))
        }
        // Plans saved by users of each party: each carries the combined marking of what its saver read.
        for name in ["irq-capability", "usa-capability", "gbr-liaison", "irq-analyst"] {
            let marker = "plan-marker-\(seed)-\(name)-end"
            let saved = try c.savePlan(name: marker, mode: .conditions, by: .user(demo.account(name).user))
            g.plans.append(Marked(id: String(saved.id), marking: saved.marking, values: [marker]))
        }
        return g
    }

    static let lists = ["/api/v1/assessments", "/api/v1/assessments?current=true", "/api/v1/status", "/api/v1/plan",
                        "/api/v1/plan?mode=deadlines", "/api/v1/audit", "/api/v1/evidence/items", "/api/v1/evidence/documents",
                        "/api/v1/ledger", "/api/v1/decisions", "/api/v1/keys", "/api/v1/users", "/api/v1/session", "/api/v1/commitments",
                        "/api/v1/scenario", "/api/v1/export", "/api/v1/notes", "/api/v1/plans", "/api/v1/risk?runs=20&mode=deadlines"]

    @Test(arguments: [UInt64(11), 12])
    func noDoorRevealsARecordTheViewerMayNotRead(seed: UInt64) async throws {
        let demo = try makeDemo(seed: seed)
        let g = try Self.generate(demo, seed: seed)
        let commission: Set<String> = ["IRQ", "USA"]
        // Every kind was drawn both readable and unreadable for someone: the matrix can fail.
        #expect(Set(g.sites.map(\.marking)).count > 1 && Set(g.notes.map(\.marking)).count > 1 && Set(g.plans.map(\.marking)).count > 1)
        try await application(demo).test(.live) { client in
            for account in demo.accounts {
                let who = account.user.name
                let reader = MarkingReader(party: account.user.party, commission: commission)
                let s = try await client.signIn(demo, who)
                var bodies = ""
                var responses: [String: TestResponse] = [:]
                for uri in Self.lists {
                    let r = try await client.send(uri, headers: s.readHeaders)
                    responses[uri] = r
                    #expect(r.status == .ok, "\(who) \(uri): \(String(buffer: r.body).prefix(300))")
                    bodies += String(buffer: r.body)
                }
                // Single reads: 200 when readable, else the very 404 a never-used id gets.
                func single(_ prefix: String, _ id: String, _ missing: String, _ readable: Bool, suffix: String = "") async throws {
                    let one = try await client.send("\(prefix)/\(id)\(suffix)", headers: s.readHeaders)
                    #expect(one.status == (readable ? .ok : .notFound), "\(who) \(prefix)/\(id)\(suffix)")
                    if readable {
                        bodies += String(buffer: one.body)
                    } else {
                        let never = try await client.send("\(prefix)/\(missing)\(suffix)", headers: s.readHeaders)
                        var a = object(one), b = object(never)
                        #expect((a["detail"] as? String)?.replacingOccurrences(of: " \(id):", with: " \(missing):") == b["detail"] as? String,
                                "\(who) \(prefix)/\(id)")
                        a["detail"] = nil
                        b["detail"] = nil
                        #expect(!a.isEmpty && NSDictionary(dictionary: a) == NSDictionary(dictionary: b), "\(who) \(prefix)/\(id)")
                    }
                }
                for x in g.commitments {
                    try await single("/api/v1/commitments", x.id, "no-such-commitment", reader.mayRead(x.marking))
                    try await single("/api/v1/commitments", x.id, "no-such-commitment", reader.mayRead(x.marking), suffix: "/status")
                }
                for x in g.notes { try await single("/api/v1/notes", x.id, "999999", reader.mayRead(x.marking)) }
                for x in g.plans { try await single("/api/v1/plans", x.id, "999999", reader.mayRead(x.marking)) }
                for x in g.documents { try await single("/api/v1/evidence/documents", x.id, "999999", reader.mayRead(x.marking)) }
                // Distinctive values: present exactly when readable (the lists hold every readable record).
                for x in g.statuses + g.notes + g.plans {
                    for v in x.values { #expect(bodies.contains(v) == reader.mayRead(x.marking), "\(who): \(v) (\(x.marking))") }
                }
                for x in g.sites + g.commitments {
                    for v in x.values where !reader.mayRead(x.marking) { #expect(!bodies.contains(v), "\(who) sees \(v) (\(x.marking))") }
                    if reader.mayRead(x.marking) { #expect(bodies.contains(x.values[0]), "\(who) misses \(x.values[0])") }
                }
                for x in g.planted.ratings where !reader.mayRead(x.marking) {
                    #expect(!bodies.contains(json(x.value)), "\(who) sees the value of rating \(x.id)")
                }
                for x in g.planted.evidence { #expect(bodies.contains(x.marker) == reader.mayRead(x.marking), "\(who) evidence \(x.marker)") }
                // Counts are those of what the viewer may read.
                #expect(object(try await client.send("/api/v1/commitments", headers: s.readHeaders))["total"] as? Int
                        == g.commitments.filter { reader.mayRead($0.marking) }.count)
                #expect(object(try await client.send("/api/v1/notes", headers: s.readHeaders))["total"] as? Int
                        == g.notes.filter { reader.mayRead($0.marking) }.count)
                #expect(object(try await client.send("/api/v1/plans", headers: s.readHeaders))["total"] as? Int
                        == g.plans.filter { reader.mayRead($0.marking) }.count)
                // Derived products carry one combined marking, and the viewer is among its readers.
                var markings: [Marking] = []
                for uri in ["/api/v1/status", "/api/v1/plan", "/api/v1/plan?mode=deadlines", "/api/v1/scenario", "/api/v1/risk?runs=20&mode=deadlines"] {
                    let r = try #require(responses[uri])
                    let m = try #require((object(r)["marking"] as? String).flatMap(Marking.init), "\(who) \(uri)")
                    #expect(r.headers[HTTPField.Name("Intiqal-Marking")!].flatMap(Marking.init) == (uri == "/api/v1/status" ? nil : m))
                    markings.append(m)
                }
                #expect(Set(markings).count == 1 && reader.mayRead(markings[0]), "\(who): \(markings)")
                let exported = try #require(responses["/api/v1/export"])
                let export = try #require((object(exported)["marking"] as? String).flatMap(Marking.init))
                #expect(reader.mayRead(export), "\(who): export \(export)")
            }
        }
    }

    /// A note is narrowed to its record's marking, and one on a record the viewer may not read is
    /// answered as one on a record that does not exist.
    @Test func aNoteFollowsItsRecord() async throws {
        let demo = try makeDemo(seed: 31)
        let c = demo.commission
        let irq = Viewer.user(demo.account("irq-capability").user)
        let scenario = try c.scenario(for: irq).scenario
        let rating = Assessment(party: "IRQ", factor: .capability, region: scenario.regions[0].id, capability: scenario.capabilities[0].id,
                                month: scenario.start, value: 2, scale: ScaleReference(factor: .capability, version: 1))
        let id = try c.recordAssessments([rating], by: irq)[0]
        try await application(demo).test(.live) { client in
            let mine = try await client.signIn(demo, "irq-capability"), theirs = try await client.signIn(demo, "usa-capability")
            let made = try await client.send("/api/v1/notes", .post, headers: mine.writeHeaders,
                                             body: json(["entity": "assessment", "id": "\(id)", "text": "widely shared", "marking": "PUBLIC"]))
            #expect(made.status == .created && object(made)["marking"] as? String == "REL IRQ")
            let hidden = try await client.send("/api/v1/notes", .post, headers: theirs.writeHeaders,
                                               body: json(["entity": "assessment", "id": "\(id)", "text": "x"]))
            let missing = try await client.send("/api/v1/notes", .post, headers: theirs.writeHeaders,
                                                body: json(["entity": "assessment", "id": "999999", "text": "x"]))
            #expect(hidden.status == .notFound && String(buffer: hidden.body).replacingOccurrences(of: "\(id)", with: "999999") == String(buffer: missing.body))
            let unreadable = try await client.send("/api/v1/notes", .post, headers: mine.writeHeaders,
                                                   body: json(["entity": "assessment", "id": "\(id)", "text": "x", "marking": "REL USA"]))
            #expect(unreadable.status == .unprocessableContent && object(unreadable)["field"] as? String == "marking")
            #expect(!String(buffer: try await client.send("/api/v1/notes", headers: theirs.readHeaders).body).contains("widely shared"))
        }
    }
}
