import Foundation
import IntiqalDomain
import IntiqalLedger
import IntiqalStorage
import PostgresNIO

/// The workspace on a PostgreSQL server, for deployments of several `intiqal serve` instances
/// on one database (DESIGN §10). Same protocol, same semantics as `SQLiteWorkspaceStore`:
///
/// - Every write is one transaction that first takes the workspace's writer lock (a
///   transaction-scoped advisory lock on the schema), so writers from any number of instances
///   run one at a time as SQLite's `BEGIN IMMEDIATE` makes them, ledger appends included: two
///   instances appending at once give one chain, no fork, no gap. Reads take no lock (MVCC): a
///   long read never blocks a write, and each read sees one snapshot (`REPEATABLE READ`).
/// - Markings are enforced by row-level security as well as by the store's own filters: each
///   transaction carries its reader (`intiqal.reader`, see `PostgresMigrations`).
/// - The synchronous protocol is bridged by blocking the calling thread on the pool's own event
///   loop (never blocking an event loop itself).
public final class PostgresWorkspaceStore: WorkspaceStore, @unchecked Sendable {
    public let location: String
    let database: PostgresLocation
    let pool: PGPool
    let now: @Sendable () -> Date

    /// Connects to `url` (`postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME]`) and brings
    /// the schema up to date. `maximumConnections` bounds this instance's pool.
    public init(url: String, maximumConnections: Int = 8, now: @escaping @Sendable () -> Date = { Date() }) throws {
        database = try PostgresLocation(url: url)
        location = database.description
        self.now = now
        pool = try PGPool(database, maximumConnections: maximumConnections)
        try migrate()
    }

    /// Closes the pool's connections (also done when the store is released).
    public func close() { pool.close() }

    // MARK: Transactions

    /// Who reads in a transaction, as row-level security sees it.
    enum Reader {
        /// Every row: the holder of the workspace, and write transactions.
        case everything
        case viewer(MarkingReader)

        var setting: (reader: String, commission: String) {
            switch self {
            case .everything: return ("*", "")
            case .viewer(let r):
                let commission = r.commission.sorted().joined(separator: " ")
                if r.readsEverything { return ("*", commission) }
                return (r.jointOnly ? ":joint" : (r.party ?? ""), commission)
            }
        }
    }

    private var schemaPath: String { "\"\(database.schema)\"" }

    /// Runs `body` in one transaction: `BEGIN`, the schema and the reader, then COMMIT, or
    /// ROLLBACK on any error. A connection lost before anything was done is replaced once.
    func inTransaction<T>(write: Bool, reader: Reader, _ body: (PGConnection) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            var started = false
            do {
                return try pool.withConnection { c in
                    try c.execute(write ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    started = true
                    do {
                        let (r, commission) = reader.setting
                        // One round trip: the schema, the reader, and for a write the writer lock.
                        _ = try c.query("SELECT set_config('search_path', ?, true), set_config('intiqal.reader', ?, true), "
                                            + "set_config('intiqal.commission', ?, true)"
                                            + (write ? ", pg_advisory_xact_lock(7341, hashtext(?))" : ""),
                                        write ? [schemaPath, r, commission, database.schema] : [schemaPath, r, commission])
                        let result = try body(c)
                        // Every write bumps the change counter in the same transaction (`changeCounter()`):
                        // every instance's readers key derived products on it.
                        if write {
                            try c.execute("""
                                INSERT INTO meta (key, value) VALUES ('changes', '1')
                                ON CONFLICT (key) DO UPDATE SET value = (CAST(meta.value AS BIGINT) + 1)::text
                                """)
                        }
                        try c.execute("COMMIT")
                        return result
                    } catch {
                        if !PGPool.isConnectionError(error) { _ = try? c.execute("ROLLBACK") }
                        throw error
                    }
                }
            } catch let error where !started && attempt == 1 && PGPool.isConnectionError(error) {
                continue
            } catch {
                throw map(error)
            }
        }
    }

    func write<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try inTransaction(write: true, reader: .everything, body)
    }

    func read<T>(_ reader: Reader = .everything, _ body: (PGConnection) throws -> T) throws -> T {
        try inTransaction(write: false, reader: reader, body)
    }

    public func transaction<T>(_ body: (any WorkspaceTransaction) throws -> T) throws -> T {
        let at = timestamp
        return try write { c in try body(PostgresWorkspaceTransaction(c: c, store: self, at: at)) }
    }

    /// A database error as the store's errors: the server gone → unavailable (503), a
    /// serialisation failure or deadlock → busy, anything else → invalid naming the database.
    func map(_ error: any Error) -> any Error {
        if error is StorageError { return error }
        if let e = error as? PSQLError {
            if PGPool.isConnectionError(e) {
                return StorageError.unavailable(location, e.serverInfo?[.message] ?? "connection lost or refused")
            }
            let state = e.serverInfo?[.sqlState] ?? ""
            if state == "40001" || state == "40P01" || state == "55P03" { return StorageError.busy(location) }
            if state == "25006" { return StorageError.readOnly(location) }
            return StorageError.invalid("\(location): database error: \(e.serverInfo?[.message] ?? "\(e.code)")")
        }
        if PGPool.isConnectionError(error) { return StorageError.unavailable(location, "\(error)") }
        if error is PostgresDecodingError {
            return StorageError.cannotOpen(location, "the workspace is damaged (a value of the wrong type was written into it)")
        }
        return error
    }

    // MARK: Migrations

    private func migrate() throws {
        do {
            try pool.withConnection { c in
                try c.execute("BEGIN")
                do {
                    // Two instances starting at once: one migrates, the other waits and finds it done.
                    _ = try c.query("SELECT pg_advisory_xact_lock(7342, hashtext(?))", [database.schema])
                    if database.schema != "public" { try c.execute("CREATE SCHEMA IF NOT EXISTS \(schemaPath)") }
                    _ = try c.query("SELECT set_config('search_path', ?, true)", [schemaPath])
                    try c.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)")
                    let applied = Set(try c.query("SELECT name FROM schema_migrations").map { try $0.get(0, String.self) })
                    let known = Set(PostgresMigrations.all.map(\.name))
                    let unknown = applied.subtracting(known)
                    if !unknown.isEmpty { throw StorageError.newerSchema(location, unknown: unknown.sorted()) }
                    for m in PostgresMigrations.all where !applied.contains(m.name) {
                        try c.executeScript(m.sql)
                        // The wall clock, not the store's (`now` is for the rows the workspace records).
                        try c.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                                      [m.name, ISO8601DateFormatter().string(from: Date())])
                    }
                    if applied != known {
                        try c.execute("""
                            INSERT INTO meta (key, value) VALUES ('schemaVersion', ?)
                            ON CONFLICT (key) DO UPDATE SET value = excluded.value
                            """, [String(WorkspaceMigrations.schemaVersion)])
                    }
                    try c.execute("COMMIT")
                } catch {
                    _ = try? c.execute("ROLLBACK")
                    throw error
                }
            }
        } catch {
            throw map(error)
        }
    }

    /// Whether PostgreSQL applies row-level security to this store's connections: the role is
    /// neither a superuser nor BYPASSRLS (which would see around the policies).
    public func rowLevelSecurityApplies() throws -> Bool {
        try read { c in
            let rows = try c.query("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
            guard let row = rows.first else { return false }
            return try !row.get(0, Bool.self) && !row.get(1, Bool.self)
        }
    }

    /// The markings of the rows of `table` that PostgreSQL alone returns to `reader`: no filter
    /// of the store's, only the transaction's reader and the table's row-level security policy.
    /// For checking the second lock (tests, `intiqal` diagnostics).
    public func markingsVisibleToDatabase(table: String, reader: MarkingReader?) throws -> [String] {
        guard PostgresMigrations.markedTables.contains(table) else {
            throw StorageError.invalid(field: "table", "not a table with markings: \(table)")
        }
        return try inTransaction(write: false, reader: reader.map { .viewer($0) } ?? .nobody) { c in
            try c.query("SELECT marking FROM \(table)").map { try $0.get(0, String.self) }
        }
    }

    // MARK: Shared

    var timestamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: now())
    }

    /// Appends an audit row; it carries the marking of the record it describes.
    func audit(_ c: PGConnection, at: String, actor: String, action: String, entity: String, id: String,
               before: String?, after: String?, marking: Marking = .joint) throws {
        try c.execute("INSERT INTO audit (at, actor, action, entity, entity_id, before, after, marking) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [at, actor, action, entity, id, before, after, marking.description])
    }

    /// Inserts a row and returns its id (`RETURNING id`).
    func insertReturningID(_ c: PGConnection, _ sql: String, _ values: [Any?]) throws -> Int64 {
        guard let id = try c.one(sql + " RETURNING id", values, Int64.self) else {
            throw StorageError.invalid("\(location): an insert returned no id")
        }
        return id
    }
}

extension PostgresWorkspaceStore.Reader {
    /// No reader at all: row-level security shows nothing.
    static var nobody: Self { .viewer(MarkingReader(party: "", commission: [])) }
}
