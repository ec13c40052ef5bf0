import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger
import Testing
@testable import IntiqalStorage

/// `v6-markings`: commitments, their status changes, resolutions and sites carry a marking;
/// notes and saved plans; reads and exports for a viewer; adopt-scale takes effect.
@Suite struct MarkingsV6Tests {
    static let commission: Set<String> = ["IRQ", "USA"]
    static let gbr = MarkingReader(party: "GBR", commission: commission)
    static let usa = MarkingReader(party: "USA", commission: commission)

    /// A workspace as an Intiqal before v6 left it: its v6 columns and tables taken off again.
    static func olderWorkspace() throws -> String {
        let path = TempDir().path("v5.intiqal")
        let store = try SQLiteWorkspaceStore(path: path, create: true, now: fixedClock())
        try store.importScenario(try example(), actor: "setup")
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                DROP TABLE note; DROP TABLE saved_plan;
                ALTER TABLE entity DROP COLUMN marking; ALTER TABLE commitment DROP COLUMN marking;
                ALTER TABLE commitment_status DROP COLUMN marking; ALTER TABLE resolution DROP COLUMN marking;
                DELETE FROM grdb_migrations WHERE identifier = 'v6-markings';
                PRAGMA user_version = 4;
                """)
        }
        try raw.close()
        return path
    }

    @Test func existingRecordsBecomeJointAndTheFrameIsPublic() throws {
        let path = try Self.olderWorkspace()
        let store = try SQLiteWorkspaceStore(path: path)
        let all = try store.markedScenario(readableBy: .fileHolder).scenario
        #expect(!all.sites.isEmpty && !all.commitments.isEmpty && all.commitments.contains { !$0.history.isEmpty })
        let records = try store.commitmentRecords(readableBy: .fileHolder)
        #expect(records.allSatisfy { $0.marking == .joint && $0.statuses.allSatisfy { $0.marking == .joint } })
        // A partner outside the commission plans in the frame, without the sites or commitments.
        let partner = try store.markedScenario(readableBy: Self.gbr)
        #expect(partner.scenario.regions == all.regions && partner.scenario.capabilities == all.capabilities)
        #expect(partner.scenario.sites.isEmpty && partner.scenario.commitments.isEmpty && partner.scenario.assessments.isEmpty)
        #expect(partner.marking == .public)
        let member = try store.markedScenario(readableBy: Self.usa)
        #expect(member.scenario.sites == all.sites && member.scenario.commitments == all.commitments && member.marking == .joint)
    }

    @Test(arguments: StoreKind.allCases)
    func aViewersExportHoldsOnlyWhatItMayRead(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try example(), actor: "setup")
        let rating = Assessment(party: "IRQ", factor: .capability, region: "anbar", capability: "isr", month: YearMonth(year: 2025, month: 1),
                                value: 2.718, scale: ScaleReference(factor: .capability, version: 1))
        let ratingID = try store.transaction { try $0.recordAssessments([rating], marking: .rel(["IRQ"]), actor: "irq") }[0]
        let commitment = try #require(try store.commitmentRecords(readableBy: .fileHolder).first?.commitment.id)
        try store.transaction { tx in
            _ = try tx.addNote(entity: "assessment", id: String(ratingID), text: "irq-only-note", marking: .rel(["IRQ"]), actor: "irq")
            _ = try tx.addNote(entity: "commitment", id: commitment, text: "everyone-note", marking: .public, actor: "sec")
            _ = try tx.savePlan(name: "draft", mode: "conditions", plan: "{}", marking: .rel(["GBR", "IRQ", "USA"]), actor: "sec")
            try tx.recordCommitmentStatus(commitment: commitment, change: .init(month: YearMonth(year: 2025, month: 2), status: .full, note: "usa-only-change"),
                                          marking: .rel(["USA"]), actor: "usa")
        }
        let whole = try store.exportWorkspace()
        let copy = try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: fixedClock())
        try copy.importWorkspace(whole)
        #expect(try copy.exportWorkspace() == whole)

        let forUSA = try store.exportWorkspace(readableBy: Self.usa)
        let text = String(decoding: try JSONEncoder().encode(forUSA), as: UTF8.self)
        #expect(!text.contains("2.718") && !text.contains("irq-only-note") && text.contains("everyone-note") && text.contains("usa-only-change"))
        #expect(forUSA.marking == .rel(["USA"]))
        let forGBR = try store.exportWorkspace(readableBy: Self.gbr)
        let gbrText = String(decoding: try JSONEncoder().encode(forGBR), as: UTF8.self)
        #expect(forGBR.structure?.sites.isEmpty == true && forGBR.commitments.isEmpty && forGBR.ledger.isEmpty)
        #expect(!gbrText.contains("usa-only-change") && gbrText.contains("everyone-note") && forGBR.savedPlans?.count == 1)
        // PUBLIC records and the plan saved REL GBR IRQ USA: readable by GBR, IRQ and USA.
        #expect(forGBR.marking == .rel(["GBR", "IRQ", "USA"]))
    }

    /// Binding decisions all take effect: an adopted scale becomes the factor's current one.
    @Test(arguments: StoreKind.allCases)
    func anAdoptedScaleBecomesCurrentOnceBinding(kind: StoreKind) throws {
        let store = try kind.make()
        var scenario = try example()
        if !scenario.scales.contains(where: { $0.factor == .capability && $0.version == 1 }) {
            scenario.scales.append(.defaultScale(for: .capability))
        }
        scenario.scales.append(RatingScale(factor: .capability, version: 2, minimum: 0, maximum: 10))
        try store.importScenario(scenario, actor: "sec")
        let book = DecisionBook(store: store)
        #expect(try book.scenario().currentScale(for: .capability).version == 2)
        let irq = PartyKey(party: "IRQ"), usa = PartyKey(party: "USA")
        try registerCoChairs(book, irq, usa)
        let entry = try book.propose(DecisionRequest(kind: .adoptScale, factor: .capability, version: 1), actor: "sec")
        try book.sign(seq: entry.seq, key: irq, actor: "irq")
        // One signature: not binding, no effect.
        #expect(try book.scenario().currentScale(for: .capability).version == 2)
        try book.sign(seq: entry.seq, key: usa, actor: "usa")
        let (effective, refused) = try book.effects()
        #expect(refused.isEmpty)
        #expect(effective.currentScale(for: .capability).version == 1 && effective.currentScale(for: .capability).maximum == 4)
        #expect(effective.currentScale(for: .threat).version == 1)
        // A proposal made now checks values against the adopted scale: 7 fits v2 but not v1.
        let refusal = #expect(throws: StorageError.self) {
            try book.propose(DecisionRequest(kind: .resolveDispute, region: "anbar", capability: "isr", month: "2025-01",
                                             factor: .capability, value: 7), actor: "sec")
        }
        #expect(refusal?.field == "value")
    }
}
