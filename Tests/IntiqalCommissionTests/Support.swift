import Foundation
import IntiqalCommission
import IntiqalDomain
import IntiqalPostgres
import IntiqalScenario
import IntiqalStorage
import Testing

/// The stores the use cases are tried on: SQLite in memory always, PostgreSQL (a fresh schema
/// each) when `INTIQAL_TEST_DATABASE_URL` names a server.
enum TestStore: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let databaseURL = ProcessInfo.processInfo.environment["INTIQAL_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var allCases: [TestStore] { databaseURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    func make(now: @escaping @Sendable () -> Date) throws -> any WorkspaceStore {
        switch self {
        case .sqlite: return try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: now)
        case .postgres:
            guard let url = Self.databaseURL else { throw StorageError.invalid("INTIQAL_TEST_DATABASE_URL is not set") }
            let schema = "c_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            return try PostgresWorkspaceStore(url: url + (url.contains("?") ? "&" : "?") + "schema=\(schema)", maximumConnections: 2, now: now)
        }
    }
}

/// A fresh workspace holding iraq-2024, at a fixed clock (in memory unless `store` says otherwise).
func exampleCommission(_ kind: TestStore = .sqlite) throws -> Commission {
    let store = try kind.make(now: { Date(timeIntervalSince1970: 1_735_689_600) })
    try store.importScenario(try ScenarioLoader.loadBundled("iraq-2024").scenario, actor: "setup")
    return Commission(store: store, now: { Date(timeIntervalSince1970: 1_735_689_600) })
}

/// The example with an admin and a user of each role that the tests act as.
func staffedCommission(_ kind: TestStore = .sqlite) throws -> Commission {
    let c = try exampleCommission(kind)
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
