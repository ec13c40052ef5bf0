import IntiqalDomain
import IntiqalScenario
@testable import IntiqalStorage
import Testing

/// A bulk import into a workspace without ratings skips looking each slot up; the result must be
/// the same as slot by slot: a second rating of the same slot supersedes the first.
@Suite struct BulkImportTests {
    static func bare() throws -> Scenario {
        var s = try ScenarioLoader.loadBundled("iraq-2024").scenario
        s.assessments = []
        return s
    }

    static func rating(_ value: Double, month: Int = 1) -> Assessment {
        Assessment(party: "IRQ", factor: .capability, region: "anbar", capability: "isr", month: YearMonth(year: 2025, month: month),
                   value: value, scale: ScaleReference(factor: .capability, version: 1))
    }

    @Test(arguments: StoreKind.allCases)
    func sameSlotTwiceInOneImportIntoAnEmptyWorkspaceSupersedes(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try Self.bare(), actor: "sec")
        let ids = try store.recordAssessments([Self.rating(2), Self.rating(1, month: 2), Self.rating(3)], actor: "wg3")
        let history = try store.assessmentHistory()
        #expect(history.map(\.supersedes) == [nil, nil, ids[0]])
        #expect(try store.assessmentHistory().count == 3)
        #expect(try store.scenario().assessments.map(\.value).sorted() == [1, 3])
    }

    @Test(arguments: StoreKind.allCases)
    func distinctSlotsIntoAnEmptyWorkspaceSupersedeNothing(kind: StoreKind) throws {
        let store = try kind.make()
        var scenario = try Self.bare()
        scenario.assessments = (1...12).map { Self.rating(Double($0 % 4), month: $0) }
        try store.importScenario(scenario, actor: "sec")
        #expect(try store.assessmentHistory().allSatisfy { $0.supersedes == nil })
        #expect(try store.assessmentHistory().count == 12)
        // Importing the same again adds nothing (every slot is looked up: the workspace has ratings).
        try store.importScenario(scenario, actor: "sec")
        #expect(try store.assessmentHistory().count == 12)
    }

    @Test(arguments: StoreKind.allCases)
    func batchedInsertGivesEachRatingItsIdAndAuditRecordInOrder(kind: StoreKind) throws {
        let store = try kind.make()
        try store.importScenario(try Self.bare(), actor: "sec")
        // 200 ratings: three full batches of 64 and a partial one.
        let ratings = (0..<200).map { i in
            Assessment(party: i % 2 == 0 ? "IRQ" : "USA", factor: .capability, region: "anbar", capability: "isr",
                       month: YearMonth(year: 2015, month: 1).adding(months: i / 2), value: Double(i % 5),
                       scale: ScaleReference(factor: .capability, version: 1))
        }
        let ids = try store.recordAssessments(ratings, actor: "wg3")
        let history = try store.assessmentHistory()
        #expect(ids == history.map(\.id))
        #expect(history.map(\.assessment) == ratings)
        let audit = try store.auditLog().filter { $0.entity == "assessment" }
        #expect(audit.map(\.entityID) == ids.map(String.init))
        #expect(audit.map(\.after) == ratings.map { SQLiteWorkspaceStore.auditText($0) })
        #expect(audit.allSatisfy { $0.action == "create" && $0.before == nil && $0.actor == "wg3" })
    }

    @Test func slotsAreNewOnlyWithoutDuplicatesInAnEmptyWorkspace() throws {
        let store = try StoreKind.memory.makeSQLite()
        try store.importScenario(try Self.bare(), actor: "sec")
        let (distinct, twice) = try store.read { db in
            (try SQLiteWorkspaceStore.slotsAreNew(db, [Self.rating(1), Self.rating(2, month: 2)]),
             try SQLiteWorkspaceStore.slotsAreNew(db, [Self.rating(1), Self.rating(2)]))
        }
        #expect(distinct)
        #expect(!twice)
        try store.recordAssessments([Self.rating(1)], actor: "wg3")
        let afterOne = try store.read { db in try SQLiteWorkspaceStore.slotsAreNew(db, [Self.rating(2, month: 3)]) }
        #expect(!afterOne)
    }
}
