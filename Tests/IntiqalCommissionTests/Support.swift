import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalScenario
import IntiqalStorage

/// A fresh in-memory workspace holding iraq-2024, at a fixed clock.
func exampleCommission() throws -> Commission {
    let store = try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: { Date(timeIntervalSince1970: 1_735_689_600) })
    try store.importScenario(try ScenarioLoader.loadBundled("iraq-2024").scenario, actor: "setup")
    return Commission(store: store, now: { Date(timeIntervalSince1970: 1_735_689_600) })
}

/// The example with an admin and a user of each role that the tests act as.
func staffedCommission() throws -> Commission {
    let c = try exampleCommission()
    let admin = Viewer.fileHolder("admin")
    try c.addUser(User(name: "admin", party: "IRQ", role: .admin), by: admin)
    for user in [
        User(name: "irq-capability", party: "IRQ", role: .workingGroupMember, workingGroup: "capability"),
        User(name: "irq-threat", party: "IRQ", role: .workingGroupMember, workingGroup: "threat"),
        User(name: "usa-capability", party: "USA", role: .workingGroupMember, workingGroup: "capability"),
        User(name: "irq-cochair", party: "IRQ", role: .coChair),
        User(name: "secretariat", party: "USA", role: .secretariat),
        User(name: "usa-analyst", party: "USA", role: .analyst),
        User(name: "gbr-liaison", party: "GBR", role: .liaison),
    ] {
        try c.addUser(user, by: admin)
    }
    return c
}

/// The registered user `name` as a signed-in viewer.
func viewer(_ c: Commission, _ name: String) throws -> Viewer {
    .user(try c.users().first { $0.name == name }!)
}

/// A capability rating of `party` for anbar × isr in 2025-01.
func isrRating(_ party: String, _ value: Double) -> Assessment {
    Assessment(party: party, factor: .capability, region: "anbar", capability: "isr", month: YearMonth(year: 2025, month: 1),
               value: value, trend: nil, scale: ScaleReference(factor: .capability, version: 1), confidence: .medium)
}
