import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalScenario
import IntiqalStorage
import Testing

/// Derived products are kept per party while the workspace's change counter stays the same:
/// any committed write, through this `Commission` or another process, is seen by the next read.
@Suite struct DerivedCacheTests {
    /// Two stores on one workspace file: as the server and a CLI command in another process.
    func twoOpenings() throws -> (server: Commission, other: Commission, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intiqal-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("w.intiqal").path
        try SQLiteWorkspaceStore.create(path: path, scenario: try ScenarioLoader.loadBundled("iraq-2024").scenario, actor: "setup")
        return (Commission(store: try SQLiteWorkspaceStore(path: path)), Commission(store: try SQLiteWorkspaceStore(path: path)), folder)
    }

    @Test func everyWriteChangesTheCounterWhoeverWrites() throws {
        let (server, other, folder) = try twoOpenings()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try #require(try server.store.changeCounter())
        try other.recordAssessments([isrRating("IRQ", 2)], by: .fileHolder("cli"))
        let after = try #require(try server.store.changeCounter())
        #expect(after > before)
        try server.recordAssessments([isrRating("IRQ", 3)], by: .fileHolder("cli"))
        #expect(try #require(try other.store.changeCounter()) > after)
    }

    @Test func aWriteByAnotherProcessIsSeenByTheNextRead() throws {
        let (server, other, folder) = try twoOpenings()
        defer { try? FileManager.default.removeItem(at: folder) }
        let holder = Viewer.fileHolder("cli")
        let historyBefore = try server.assessments(for: holder).count
        let statusBefore = try server.status(for: holder)
        let planBefore = try server.plan(mode: .conditions, for: holder)
        #expect(try server.status(for: holder) == statusBefore)   // kept
        // Every region's ISR rated far below the requirement in the first month, by another process.
        let scenario = try server.scenario(for: holder).scenario
        let low = scenario.regions.map { r in
            Assessment(party: "IRQ", factor: .capability, region: r.id, capability: "isr", month: scenario.start,
                       value: 0, scale: ScaleReference(factor: .capability, version: 1))
        }
        try other.recordAssessments(low, by: holder)
        #expect(try server.assessments(for: holder).count == historyBefore + low.count)
        #expect(try server.scenario(for: holder).scenario.assessments.contains { $0.capability == "isr" && $0.value == 0 })
        #expect(try server.plan(mode: .conditions, for: holder) != planBefore)
        _ = try server.status(for: holder)   // made again from the new ratings (gates may or may not move)
    }

    @Test func productsAreNotSharedBetweenParties() throws {
        let c = try staffedCommission()
        let irq = try viewer(c, "irq-capability"), usa = try viewer(c, "usa-capability")
        let id = try c.recordAssessments([isrRating("IRQ", 0.5)], by: irq)[0]
        // IRQ reads (and so keeps) its unreleased rating first; USA must still not see it.
        #expect(try c.assessments(for: irq).contains { $0.id == id })
        #expect(try c.derivedMarking(for: irq) == .rel(["IRQ"]))
        #expect(try !c.assessments(for: usa).contains { $0.id == id })
        #expect(try c.derivedMarking(for: usa) == .joint)
        #expect(try !c.scenario(for: usa).scenario.assessments.contains { $0.party == "IRQ" && $0.value == 0.5 })
    }

    @Test func aSignOutOrARevokedTokenEndsAtOnceThoughSessionsAreKept() throws {
        let c = try staffedCommission()
        let admin = Viewer.fileHolder("admin")
        let (value, token) = try c.newToken(user: "irq-capability", label: "t", scope: .read, days: 1, by: admin)
        #expect(try c.tokenUser(value).user.name == "irq-capability")
        #expect(try c.tokenUser(value).user.name == "irq-capability")   // kept
        try c.revokeToken(id: token.id, by: admin)
        let error = #expect(throws: CommissionError.self) { try c.tokenUser(value) }
        #expect(error?.isUnauthenticated == true)
    }

    @Test func theScaleOfARatingGivenWithoutOneIsTheNewest() throws {
        let c = try exampleCommission()
        let scenario = try c.scenario(for: .fileHolder("x")).scenario
        for group in Factor.allCases {
            #expect(try c.currentScaleVersion(for: group, viewer: .fileHolder("x")) == scenario.currentScale(for: group).version)
        }
    }
}

extension DerivedCacheTests {
    /// A product that is an optional (a session or token row) is looked up, not taken as a kept `nil`.
    @Test func aTokenStillSignsInAfterWritesBetweenItsUses() throws {
        let c = try staffedCommission()
        let admin = Viewer.fileHolder("admin")
        let (value, _) = try c.newToken(user: "irq-capability", label: "t", scope: .readWrite, days: 1, by: admin)
        let irq = try viewer(c, "irq-capability")
        for v in [2.0, 3.0, 4.0] {
            #expect(try c.tokenUser(value).user.name == "irq-capability")
            _ = try c.status(for: irq)
            try c.recordAssessments([isrRating("IRQ", v)], by: irq)
            _ = try c.status(for: irq)   // another product kept first at the new counter
            #expect(try c.tokenUser(value).user.name == "irq-capability")
        }
    }
}
