import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalScenario
import IntiqalPostgres
@testable import IntiqalStorage

/// The stores every storage test runs against: SQLite in memory and in a file always, and
/// PostgreSQL when `INTIQAL_TEST_DATABASE_URL` names a server (`.ci/run` starts one; see the
/// README). Each PostgreSQL store is a fresh schema of that database.
enum StoreKind: String, Sendable, CustomTestStringConvertible {
    case memory, file, postgres

    var testDescription: String { rawValue }

    static var allCases: [StoreKind] { PostgresTest.url == nil ? [.memory, .file] : [.memory, .file, .postgres] }

    func make() throws -> any WorkspaceStore {
        switch self {
        case .memory, .file: return try makeSQLite()
        case .postgres: return try PostgresTest.store()
        }
    }

    /// For tests of the SQLite store itself.
    func makeSQLite() throws -> SQLiteWorkspaceStore {
        switch self {
        case .memory: return try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: fixedClock())
        case .file, .postgres: return try SQLiteWorkspaceStore(path: TempDir().path("workspace.intiqal"), create: true, now: fixedClock())
        }
    }
}

/// The PostgreSQL server of the tests, if any.
enum PostgresTest {
    static let url: String? = {
        let url = ProcessInfo.processInfo.environment["INTIQAL_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if url == nil {
            print("note: INTIQAL_TEST_DATABASE_URL is not set: the store tests run against SQLite only, PostgreSQL is SKIPPED (see README)")
        }
        return url
    }()

    /// `url` with a fresh schema: one workspace of its own.
    static func schemaURL(_ schema: String = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()) -> String? {
        guard let url else { return nil }
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    static func store(schema: String? = nil) throws -> PostgresWorkspaceStore {
        guard let url = schema.map({ schemaURL($0) }) ?? schemaURL() else {
            throw StorageError.invalid("INTIQAL_TEST_DATABASE_URL is not set")
        }
        return try PostgresWorkspaceStore(url: url, maximumConnections: 4, now: fixedClock())
    }
}

/// A clock that ticks one second per reading, from a fixed instant.
func fixedClock() -> @Sendable () -> Date {
    let counter = Counter()
    return { Date(timeIntervalSince1970: 1_735_689_600 + Double(counter.next())) }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// A fresh temporary directory, removed at process exit only (tests are short-lived).
struct TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("intiqal-storage-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TempDirs.shared.add(url)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Every temporary directory the tests made, removed when the test process exits (a test's
/// workspace may still be open while the test runs, so not before).
final class TempDirs: @unchecked Sendable {
    static let shared = TempDirs()
    private let lock = NSLock()
    private var urls: [URL] = []

    private init() {
        atexit { TempDirs.shared.removeAll() }
    }

    func add(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        urls.append(url)
    }

    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for url in urls { try? FileManager.default.removeItem(at: url) }
        urls.removeAll()
    }
}

func example() throws -> Scenario { try ScenarioLoader.loadBundled("iraq-2024").scenario }

import Testing

/// Registers the two co-chairs' keys and has each countersign the other's (entries n…n+3).
func registerCoChairs(_ book: DecisionBook, _ irq: PartyKey, _ usa: PartyKey) throws {
    let i = try book.registerKey(party: irq.party, publicKey: irq.publicKey, actor: "sec")
    let u = try book.registerKey(party: usa.party, publicKey: usa.publicKey, actor: "sec")
    try book.countersignKey(seq: i.seq, key: usa, actor: "usa")
    try book.countersignKey(seq: u.seq, key: irq, actor: "irq")
}
