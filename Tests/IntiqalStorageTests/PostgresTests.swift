import Foundation
import IntiqalDomain
import IntiqalLedger
@testable import IntiqalPostgres
import Testing
@testable import IntiqalStorage

/// What only a database server can show: several instances on one database, and the second
/// lock on markings (row-level security). Skipped, with a note, without a server
/// (`INTIQAL_TEST_DATABASE_URL`).
@Suite(.enabled(if: PostgresTest.url != nil, "INTIQAL_TEST_DATABASE_URL is not set: PostgreSQL tests SKIPPED"))
struct PostgresTests {
    static func schema() -> String { "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }

    /// Two instances (two stores, two connection pools) on one workspace append to the ledger at
    /// once: the result is one chain, every append in it once, no fork, no gap.
    @Test func racingAppendsFromTwoInstancesGiveOneChain() async throws {
        let schema = Self.schema()
        let a = try PostgresTest.store(schema: schema), b = try PostgresTest.store(schema: schema)
        let perWriter = 25, writersPerInstance = 4
        try await withThrowingTaskGroup(of: [Int].self) { group in
            for (n, store) in [a, b].enumerated() {
                for w in 0..<writersPerInstance {
                    group.addTask {
                        var seqs: [Int] = []
                        for i in 0..<perWriter {
                            let entry = try store.appendLedger(actor: "writer-\(n)-\(w)") { seq, prev in
                                LedgerEntry.make(seq: seq, kind: .decision, prevHash: prev,
                                                 body: .object(["instance": .integer(Int64(n)), "writer": .integer(Int64(w)), "i": .integer(Int64(i))]))
                            }
                            seqs.append(entry.seq)
                        }
                        return seqs
                    }
                }
            }
            var all: [Int] = []
            for try await seqs in group { all += seqs }
            #expect(all.sorted() == Array(1...(2 * writersPerInstance * perWriter)))
        }
        let entries = try a.ledgerEntries()
        #expect(entries.map(\.seq) == Array(1...(2 * writersPerInstance * perWriter)))
        for (prev, next) in zip(entries, entries.dropFirst()) { #expect(next.prevHash == prev.hash) }
        #expect(entries.first?.prevHash == LedgerEntry.genesisHash)
        #expect(try b.ledgerEntries() == entries)
        // Every append audited once, in the same transaction.
        #expect(try a.auditLog().filter { $0.entity == "ledger" }.count == entries.count)
    }

    /// Sessions and tokens are rows of the database: one instance sees what the other wrote.
    @Test func sessionsAndThrottlingAreSharedByInstances() throws {
        let schema = Self.schema()
        let a = try PostgresTest.store(schema: schema), b = try PostgresTest.store(schema: schema)
        try a.addUser(User(name: "ana", party: "IRQ", role: .analyst), actor: "admin")
        try a.transaction { tx in
            try tx.createSession(StoredSession(idHash: "h1", user: "ana", csrfToken: "c", expiresAt: 99), createdAt: 1)
            try tx.recordFailedSignIn(user: "ana", address: "10.0.0.1", at: 50)
        }
        #expect(try b.session(idHash: "h1")?.user == "ana")
        let failures = try b.transaction { try $0.failedSignIns(user: "ana", address: "10.0.0.1", since: 0) }
        #expect(failures.user == 1 && failures.address == 1)
        #expect(try b.transaction { try $0.deleteSession(idHash: "h1") })
        #expect(try a.session(idHash: "h1") == nil)
    }

    /// The second lock: with the store's own filter out of the way (the table read directly
    /// through the store's connection), PostgreSQL alone returns only what the viewer may read.
    @Test func rowLevelSecurityAloneHidesWhatAViewerMayNotRead() throws {
        let store = try PostgresTest.store()
        #expect(try store.rowLevelSecurityApplies(), "the test role must be neither superuser nor BYPASSRLS")
        var scenario = try example()
        scenario.assessments = []
        try store.importScenario(scenario, actor: "sec")
        let commission = try store.commissionParties()
        #expect(commission == ["IRQ", "USA"])
        let rating = { (party: String, month: Int) in
            Assessment(party: party, factor: .capability, region: "anbar", capability: "isr", month: YearMonth(year: 2025, month: month),
                       value: 2, scale: ScaleReference(factor: .capability, version: 1))
        }
        try store.transaction { tx in
            _ = try tx.recordAssessments([rating("IRQ", 1)], marking: .rel(["IRQ"]), actor: "wg-irq")
            _ = try tx.recordAssessments([rating("USA", 2)], marking: .rel(["USA"]), actor: "wg-usa")
            _ = try tx.recordAssessments([rating("IRQ", 3)], marking: .joint, actor: "wg-irq")
            _ = try tx.recordAssessments([rating("USA", 4)], marking: .public, actor: "wg-usa")
            _ = try tx.recordAssessments([rating("IRQ", 5)], marking: .rel(["IRQ", "USA"]), actor: "wg-irq")
            _ = try tx.addEvidence([EvidenceInput(file: "irq.txt", sha256: "a", items: [(kind: "event", content: "{}")], marking: .rel(["IRQ"])),
                                    EvidenceInput(file: "usa.txt", sha256: "b", items: [(kind: "event", content: "{}")], marking: .rel(["USA"]))],
                                   actor: "sec")
        }
        let usa = MarkingReader(party: "USA", commission: commission)
        let irq = MarkingReader(party: "IRQ", commission: commission)
        // v6-markings' tables: a site and a commitment re-marked, a note and a saved plan of one party's.
        let structure = try store.scenario()
        let site = try #require(structure.sites.first?.id), commitment = try #require(structure.commitments.first?.id)
        try store.transaction { tx in
            try tx.setMarking(of: "site", id: site, .rel(["IRQ"]), actor: "sec")
            try tx.setMarking(of: "commitment", id: commitment, .rel(["IRQ"]), actor: "sec")
            try tx.recordCommitmentStatus(commitment: commitment, change: .init(month: YearMonth(year: 2025, month: 6), status: .full),
                                          marking: .joint, actor: "sec")
            _ = try tx.addNote(entity: "assessment", id: "1", text: "irq", marking: .rel(["IRQ"]), actor: "wg-irq")
            _ = try tx.savePlan(name: "p", mode: "conditions", plan: "{}", marking: .rel(["IRQ"]), actor: "wg-irq")
            _ = try tx.addNote(entity: "assessment", id: "4", text: "usa", marking: .public, actor: "wg-usa")
            _ = try tx.savePlan(name: "q", mode: "deadlines", plan: "{}", marking: .joint, actor: "sec")
            _ = try tx.addIncident(NewIncident(incident: Incident(date: "2025-03-03", region: "anbar", kind: .attack), datePrecision: .day,
                                               place: nil, placePrecision: nil, marking: .rel(["IRQ"]),
                                               source: NewIncidentSource(kind: .dataset, provenance: "{}")), actor: "sec")
        }
        for table in ["assessment", "evidence_document", "evidence_item", "audit", "entity", "commitment", "commitment_status", "note", "saved_plan",
                      "incident", "incident_source"] {
            let seenByUSA = try store.markingsVisibleToDatabase(table: table, reader: usa)
            #expect(!seenByUSA.isEmpty, "\(table)")
            #expect(!seenByUSA.contains("REL IRQ"), "\(table): the database showed USA a REL IRQ row")
            #expect(seenByUSA.allSatisfy { usa.mayRead(Marking($0)!) }, "\(table)")
            let seenByIRQ = try store.markingsVisibleToDatabase(table: table, reader: irq)
            #expect(!seenByIRQ.contains("REL USA"), "\(table): the database showed IRQ a REL USA row")
            // The commission as a whole reads only what both parties may.
            let joint = try store.markingsVisibleToDatabase(table: table, reader: .joint(commission))
            #expect(joint.allSatisfy { $0 == "PUBLIC" || $0 == "JOINT" || $0 == "REL IRQ USA" }, "\(table)")
            // No reader set at all: nothing.
            #expect(try store.markingsVisibleToDatabase(table: table, reader: nil).isEmpty, "\(table)")
        }
        #expect(Set(try store.markingsVisibleToDatabase(table: "assessment", reader: usa)) == ["REL USA", "JOINT", "PUBLIC", "REL IRQ USA"])
        // The holder of the workspace reads every row.
        #expect(try store.markingsVisibleToDatabase(table: "assessment", reader: .fileHolder).count == 5)
        // And through the store's reads, the viewer sees the same rows the database allowed.
        #expect(try store.assessmentHistory(readableBy: usa).map(\.assessment.party) == ["USA", "IRQ", "USA", "IRQ"])
        #expect(try store.markedScenario(readableBy: usa).scenario.sites.map(\.id).contains(site) == false)
        #expect(try store.commitmentRecords(readableBy: usa).contains { $0.commitment.id == commitment } == false)
        #expect(try store.notes(readableBy: usa).map(\.text) == ["usa"] && store.savedPlans(readableBy: usa).map(\.name) == ["q"])
        #expect(try store.incidents(readableBy: usa).allSatisfy { $0.marking != .rel(["IRQ"]) })
        #expect(try store.incidents(readableBy: irq).contains { $0.marking == .rel(["IRQ"]) })
        #expect(try store.notes(readableBy: irq).count == 2 && store.savedPlans(readableBy: irq).count == 2)
    }

    /// Two instances starting at once on a new schema: one migrates, the other finds it done.
    @Test func twoInstancesMigrateOneSchemaOnce() async throws {
        let schema = Self.schema()
        async let a = Task.detached { try PostgresTest.store(schema: schema) }.value
        async let b = Task.detached { try PostgresTest.store(schema: schema) }.value
        let (x, y) = try await (a, b)
        try x.addUser(User(name: "u", party: "IRQ", role: .analyst), actor: "admin")
        #expect(try y.users().map(\.name) == ["u"])
    }

    /// A whole workspace from SQLite into PostgreSQL and back (what `intiqal copy` does): each
    /// copy's full export equals the original's.
    @Test func aWorkspaceCopiedEitherWayExportsTheSame() throws {
        let original = try StoreKind.file.makeSQLite()
        try signedWorkspace(original)
        try original.addUser(User(name: "ana", party: "IRQ", role: .coChair), actor: "admin")
        try original.transaction { tx in
            _ = try tx.addEvidence([EvidenceInput(file: "r.txt", sha256: "ab", items: [(kind: "event", content: #"{"a":1}"#)], marking: .rel(["IRQ"]))],
                                   actor: "sec")
            try tx.setMarking(assessment: 3, .rel(["USA"]), actor: "sec")
        }
        // v6-markings' records: notes, a saved plan, a re-marked site and commitment, a marked status change.
        let scenario = try original.scenario()
        let site = try #require(scenario.sites.first?.id)
        let commitment = try #require(scenario.commitments.first)
        try original.transaction { tx in
            _ = try tx.addNote(entity: "site", id: site, text: "a note", marking: .rel(["IRQ"]), actor: "irq")
            _ = try tx.addNote(entity: "assessment", id: "3", text: "another", marking: .public, actor: "usa")
            _ = try tx.savePlan(name: "p1", mode: "conditions", plan: #"{"plan":1}"#, marking: .joint, actor: "sec")
            try tx.setMarking(of: "site", id: site, .rel(["IRQ", "USA"]), actor: "sec")
            try tx.setMarking(of: "commitment", id: commitment.id, .rel(["USA"]), actor: "sec")
            try tx.recordCommitmentStatus(commitment: commitment.id, change: .init(month: YearMonth(year: 2025, month: 6), status: .full),
                                          marking: .public, actor: "sec")
        }
        // v5-incidents' records: a dataset incident of one party's, a merged second source, and a split.
        let first = try #require(scenario.incidents.first)
        try original.transaction { tx in
            let id = try tx.addIncident(NewIncident(incident: first, datePrecision: .month, place: "anbar/ramadi", placePrecision: "place",
                                                    marking: .rel(["IRQ"]),
                                                    source: NewIncidentSource(kind: .dataset, dataset: "acled", key: "acled:1", file: "a.csv", line: 2,
                                                                              provenance: "{}")), actor: "sec")
            let merged = try tx.addIncidentSource(incident: id, NewIncidentSource(
                kind: .dataset, dataset: "ucdp", key: "ucdp:9", provenance: "{}",
                merge: IncidentMerge(rule: "same-region-within-days", region: first.region, kind: first.kind, sourceDate: first.date,
                                     incidentDate: first.date, days: 0, sourcePlace: nil, incidentPlace: "anbar/ramadi", marking: .rel(["IRQ"]))),
                actor: "sec")
            _ = try tx.splitIncidentSource(id: merged, into: NewIncident(incident: first, datePrecision: .day, place: nil, placePrecision: nil,
                                                                         marking: .joint, source: NewIncidentSource(kind: .dataset, provenance: "{}")),
                                           actor: "sec")
            #expect(try tx.datasetKeysPresent(["acled:1", "ucdp:9", "other"]) == ["acled:1", "ucdp:9"])
        }
        let export = try original.exportWorkspace()
        #expect(export.notes?.count == 2 && export.savedPlans?.count == 1)
        #expect((export.incidentRecords?.count ?? 0) == scenario.incidents.count + 2)
        #expect(export.markings?.sites[site] == .rel(["IRQ", "USA"]) && export.markings?.commitments[commitment.id] == .rel(["USA"]))
        let pg = try PostgresTest.store()
        try pg.importWorkspace(export)
        #expect(try pg.exportWorkspace() == export)
        // Ids go on after the imported ones.
        let next = try pg.recordAssessments([export.assessments[0].assessment], actor: "sec")
        #expect(next[0] > export.assessments.map(\.id).max()!)
        // A second import into a workspace that is no longer empty writes nothing.
        #expect(throws: StorageError.self) { try pg.importWorkspace(export) }
        let back = try StoreKind.file.makeSQLite()
        try back.importWorkspace(try pg.exportWorkspace())
        #expect(try back.exportWorkspace() == pg.exportWorkspace())
    }
}

/// What needs no server: the URL, and the SQL helpers of the PostgreSQL store.
@Suite struct PostgresLocationTests {
    /// The URL: its parts, and bad ones refused naming the field.
    @Test func databaseURLsAreParsedAndBadOnesRefused() throws {
        let l = try PostgresLocation(url: "postgres://intiqal:s%40cret@db.example:6543/work?schema=w1")
        #expect(l.user == "intiqal" && l.password == "s@cret" && l.host == "db.example" && l.port == 6543 && l.database == "work" && l.schema == "w1")
        #expect(!l.description.contains("cret"))
        for bad in ["postgres://db.example/work", "postgres://u@db.example/", "postgres://u@db.example/w?schema=a;b", "mysql://u@h/d"] {
            #expect(throws: StorageError.self) { try PostgresLocation(url: bad) }
        }
    }

    /// SQLite's `?` placeholders become `$1`…, but not inside quotes; scripts split at `;` outside quotes and `$$` bodies.
    @Test func placeholdersAreNumberedAndScriptsSplit() {
        #expect(PGConnection.numbered("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?") == "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2")
        #expect(PGConnection.split("CREATE TABLE a (x TEXT DEFAULT ';'); CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;")
                == ["CREATE TABLE a (x TEXT DEFAULT ';')", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql"])
    }
}
