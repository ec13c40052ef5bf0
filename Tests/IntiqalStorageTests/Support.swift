import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalScenario
@testable import IntiqalStorage

/// The stores every storage test runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory, file

    var testDescription: String { rawValue }

    func make() throws -> SQLiteWorkspaceStore {
        switch self {
        case .memory: return try SQLiteWorkspaceStore(inMemory: UUID().uuidString, now: fixedClock())
        case .file: return try SQLiteWorkspaceStore(path: TempDir().path("workspace.intiqal"), create: true, now: fixedClock())
        }
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
