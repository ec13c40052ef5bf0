import Foundation
import GRDB
import IntiqalDomain
import IntiqalLedger

/// The default store: one SQLite file (WAL mode), or GRDB's in-memory database for tests.
///
/// Migrates in `init`; refuses a workspace written by a newer schema. Writers take the write
/// lock up front (`BEGIN IMMEDIATE`) and wait up to `busyTimeout` for another process, then
/// fail with "workspace is busy, try again".
public final class SQLiteWorkspaceStore: WorkspaceStore {
    public let location: String
    /// Opened for reading only: writes are refused before they reach SQLite.
    public let readOnly: Bool
    let writer: any DatabaseWriter
    let now: @Sendable () -> Date

    /// Opens (and with `create`, creates) the workspace file at `path`. With `readOnly` the file
    /// is opened for reading only: nothing is created, migrated or written, and a file that is
    /// not an Intiqal workspace of this schema is refused.
    public init(path: String, create: Bool = false, readOnly: Bool = false, busyTimeout: TimeInterval = 5,
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        location = path
        self.now = now
        self.readOnly = readOnly
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StorageError.cannotOpen(path, "it is a directory") }
        if !exists && !create { throw StorageError.missing(path) }
        if exists && create { throw StorageError.invalid("\(path): a file already exists there") }
        if exists { try Self.checkHeader(path) }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        do {
            writer = try Self.wrap(path) {
                readOnly ? try DatabaseQueue(path: path, configuration: config) as any DatabaseWriter
                         : try DatabasePool(path: path, configuration: config)
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError.cannotOpen(path, Self.describe(error))
        }
        if readOnly { try checkSchema() } else { try migrate() }
    }

    /// Refuses, before SQLite sees it, a file that cannot be a workspace: an empty file (which
    /// SQLite would silently turn into a new database) or one without SQLite's header.
    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StorageError.cannotOpen(path, "the file cannot be read (permissions)")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { throw StorageError.cannotOpen(path, "not an Intiqal workspace (the file is empty)") }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw StorageError.cannotOpen(path, "not an Intiqal workspace (not an SQLite file)")
        }
    }

    /// Creates a workspace at `path` holding `scenario`, all or nothing: it is built under a
    /// temporary name beside `path`, closed, then renamed into place.
    public static func create(path: String, scenario: Scenario?, actor: String) throws {
        try create(path: path, scenario: scenario, export: nil, actor: actor)
    }

    /// Creates a workspace at `path` holding `export` (a whole workspace: `intiqal copy`), all or
    /// nothing as `create(path:scenario:actor:)`.
    public static func create(path: String, export: WorkspaceExport) throws {
        try create(path: path, scenario: nil, export: export, actor: "")
    }

    private static func create(path: String, scenario: Scenario?, export: WorkspaceExport?, actor: String) throws {
        var existing: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &existing) {
            throw StorageError.invalid(existing.boolValue ? "\(path): is a directory; name a new file for the workspace (e.g. \(path)/w.intiqal)"
                                                         : "\(path): a file already exists there")
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StorageError.invalid("\(path): cannot create the workspace: no such directory \(url.deletingLastPathComponent().path)")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).creating-\(UUID().uuidString)").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        let store = try SQLiteWorkspaceStore(path: temporary, create: true)
        if let scenario { try store.importScenario(scenario, actor: actor) }
        if let export { try store.importWorkspace(export) }
        // Everything into the main file before it gets its real name: the WAL stays behind.
        try store.wrap {
            try store.writer.writeWithoutTransaction { db in
                let result = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                guard let result, try result.decode(Int.self, atIndex: 0) == 0 else { throw StorageError.busy(path) }
            }
            try store.writer.close()
        }
        guard link(temporary, path) == 0 else {
            throw StorageError.invalid("\(path): cannot create the workspace (\(errno == EEXIST ? "a file already exists there" : String(cString: strerror(errno))))")
        }
    }

    /// A workspace in memory (GRDB's in-memory database): same schema, same code paths.
    public init(inMemory name: String = "memory", now: @escaping @Sendable () -> Date = { Date() }) throws {
        location = ":memory:\(name)"
        self.now = now
        readOnly = false
        var config = Configuration()
        config.foreignKeysEnabled = true
        writer = try DatabaseQueue(configuration: config)
        try migrate()
    }

    private func migrate() throws {
        let migrator = WorkspaceMigrations.migrator
        try wrap {
            let applied = try writer.read { db -> Set<String> in
                try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
            }
            let known = Set(migrator.migrations)
            let unknown = applied.subtracting(known)
            let userVersion = try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if !unknown.isEmpty || userVersion > WorkspaceMigrations.schemaVersion {
                let names = unknown.isEmpty ? ["user_version \(userVersion)"] : unknown.sorted()
                throw StorageError.newerSchema(location, unknown: names)
            }
            if applied != known {
                try migrator.migrate(writer)
                try writer.write { db in
                    try db.execute(sql: "PRAGMA user_version = \(WorkspaceMigrations.schemaVersion)")
                    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('schemaVersion', ?)",
                                   arguments: [String(WorkspaceMigrations.schemaVersion)])
                }
            }
        }
    }

    /// For a read-only opening: the file must already be a workspace of this schema, since
    /// nothing may be migrated.
    private func checkSchema() throws {
        let migrator = WorkspaceMigrations.migrator
        try wrap {
            let (applied, userVersion) = try writer.read { db -> (Set<String>, Int) in
                guard try db.tableExists("grdb_migrations"), try db.tableExists("meta") else {
                    throw StorageError.cannotOpen(location, "not an Intiqal workspace (an SQLite file without a workspace's tables)")
                }
                return (try migrator.appliedIdentifiers(db), try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
            }
            let known = Set(migrator.migrations)
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty || userVersion > WorkspaceMigrations.schemaVersion {
                throw StorageError.newerSchema(location, unknown: unknown.isEmpty ? ["user_version \(userVersion)"] : unknown.sorted())
            }
            let pending = known.subtracting(applied)
            if !pending.isEmpty { throw StorageError.needsUpgrade(location, pending: pending.sorted()) }
        }
    }

    // MARK: Transactions and errors

    /// One write transaction, taken with `BEGIN IMMEDIATE`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if readOnly { throw StorageError.readOnly(location) }
        return try wrap {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    try Self.countChange(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// One write transaction (`BEGIN IMMEDIATE`) in which a use case checks and writes.
    public func transaction<T>(_ body: (any WorkspaceTransaction) throws -> T) throws -> T {
        let at = timestamp
        return try write { db in try body(SQLiteWorkspaceTransaction(db: db, store: self, at: at)) }
    }

    /// Every write transaction bumps the workspace's change counter (`meta` key `changes`), in
    /// the same transaction, whichever process writes: readers key derived products on it.
    static func countChange(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO meta (key, value) VALUES ('changes', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
            """).execute()
    }

    /// The workspace's change counter: it differs after any committed write, by any process.
    public func changeCounter() throws -> Int64? {
        try read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'changes'")).flatMap { Int64($0) } ?? 0
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try wrap { try writer.read(body) }
    }

    func wrap<T>(_ body: () throws -> T) throws -> T {
        try Self.wrap(location, body)
    }

    static func wrap<T>(_ location: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StorageError.busy(location)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StorageError.readOnly(location)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StorageError.cannotOpen(location, "not an Intiqal workspace or the file is damaged")
        } catch let error as DatabaseError {
            throw StorageError.invalid("\(location): database error: \(error.message ?? "\(error.resultCode)")")
        } catch let error as RowDecodingError {
            throw StorageError.cannotOpen(location, "the workspace is damaged (a value of the wrong type was written into it): \(error)")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError {
            if e.resultCode == .SQLITE_NOTADB { return "not an Intiqal workspace (not an SQLite file)" }
            return e.message ?? "\(e.resultCode)"
        }
        return "\(error)"
    }

    var timestamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: now())
    }

    /// Appends an audit row; it carries the marking of the record it describes.
    func audit(_ db: Database, at: String, actor: String, action: String, entity: String, id: String,
               before: String?, after: String?, marking: Marking = .joint) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit (at, actor, action, entity, entity_id, before, after, marking) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [at, actor, action, entity, id, before, after, marking.description])
    }
}

/// Sorted-key JSON text of a value (for entity rows and the audit log).
package func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

package func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws -> T {
    do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
        throw StorageError.invalid("stored \(what) is not readable: \(error)")
    }
}
