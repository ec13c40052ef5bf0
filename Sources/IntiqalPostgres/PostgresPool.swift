import Foundation
import IntiqalStorage
import PostgresNIO

/// Where a PostgreSQL workspace lives: `postgres://user:password@host:port/database?schema=…`.
public struct PostgresLocation: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// A schema (namespace) inside the database for the workspace's tables; `public` by default.
    /// One database can so hold several workspaces (the tests make one per test).
    public var schema: String
    /// `require` for TLS; `disable` (the default) for none.
    public var tls: Bool

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String) throws {
        guard Self.isURL(text), let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw StorageError.invalid(field: "database", "not a PostgreSQL URL (expected postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
        }
        self.host = host
        port = url.port ?? 5432
        guard let user = url.user, !user.isEmpty else {
            throw StorageError.invalid(field: "database", "the PostgreSQL URL names no user (postgres://USER@HOST/DATABASE)")
        }
        self.user = user.removingPercentEncoding ?? user
        password = url.password.map { $0.removingPercentEncoding ?? $0 }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard !path.isEmpty, !path.contains("/") else {
            throw StorageError.invalid(field: "database", "the PostgreSQL URL names no database (postgres://USER@HOST/DATABASE)")
        }
        database = path.removingPercentEncoding ?? path
        schema = "public"
        tls = false
        for item in url.queryItems ?? [] {
            switch item.name {
            case "schema":
                guard let s = item.value, Self.isIdentifier(s) else {
                    throw StorageError.invalid(field: "database", "schema: a schema name is letters, digits and _ (at most 63)")
                }
                schema = s
            case "sslmode": tls = item.value == "require" || item.value == "verify-full"
            default: break
            }
        }
    }

    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 63 && s.first.map { $0.isLetter || $0 == "_" } == true
            && s.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }

    /// For messages: the URL without its password.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (schema == "public" ? "" : "?schema=\(schema)")
    }
}

/// A row read from PostgreSQL, its columns by position.
struct PGRow {
    let row: PostgresRandomAccessRow
    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func get<T: PostgresDecodable>(_ index: Int, _ type: T.Type = T.self) throws -> T {
        try row[index].decode(T.self)
    }
}

/// One connection checked out for one transaction. Every call blocks the calling thread on an
/// `EventLoopFuture` of the pool's own event loops (never one of them: NIO refuses that).
final class PGConnection {
    let connection: PostgresConnection
    let logger: Logger

    init(_ connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Binds values as GRDB's arguments do: String, Int, Int64, Double, Bool, or nil for NULL.
    static func bindings(_ values: [Any?]) -> PostgresBindings {
        var b = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case nil: b.appendNull()
            case let x as String: b.append(x)
            case let x as Int: b.append(Int64(x))
            case let x as Int64: b.append(x)
            case let x as Double: b.append(x)
            case let x as Bool: b.append(x)
            case let x?: b.append(String(describing: x))
            }
        }
        return b
    }

    /// SQL written with SQLite's `?` placeholders (outside quotes), numbered for PostgreSQL (`$1`…),
    /// so statements stay close to the SQLite store's.
    static func numbered(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        var out = "", n = 0, inQuote = false
        out.reserveCapacity(sql.utf8.count + 16)
        for c in sql {
            if c == "'" { inQuote.toggle() }
            if c == "?", !inQuote { n += 1; out += "$\(n)" } else { out.append(c) }
        }
        return out
    }

    /// How long one statement may take before the connection is given up (closed: the server
    /// rolls its transaction back) and the caller told the database is unavailable. A future
    /// that never completes (seen once after a server restart) must not hold a thread forever.
    static let statementTimeout: TimeInterval = 60

    /// Waits for `future` on the calling thread (never an event loop), at most `statementTimeout`.
    func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        future.whenComplete { result in
            box.set(result)
            semaphore.signal()
        }
        if semaphore.wait(timeout: .now() + Self.statementTimeout) == .timedOut {
            let _: EventLoopFuture<Void> = connection.close()
            throw PGTimeout()
        }
        return try box.get()
    }

    func query(_ sql: String, _ values: [Any?] = []) throws -> [PGRow] {
        let result = try wait(connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: Self.bindings(values)), logger: logger))
        return result.rows.map(PGRow.init)
    }

    /// Runs a statement; the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: [Any?] = []) throws -> Int {
        let result = try wait(connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: Self.bindings(values)), logger: logger))
        return result.metadata.rows ?? 0
    }

    func one<T: PostgresDecodable>(_ sql: String, _ values: [Any?] = [], _ type: T.Type = T.self) throws -> T? {
        try query(sql, values).first.map { try $0.get(0, T.self) }
    }

    /// A list of text (a statement with several parts, e.g. DDL, as simple queries one by one).
    func executeScript(_ sql: String) throws {
        for statement in Self.split(sql) { try execute(statement) }
    }

    /// Splits a script at `;` outside quotes and `$$` bodies.
    static func split(_ sql: String) -> [String] {
        var out: [String] = [], current = ""
        var inQuote = false, inDollar = false
        var chars = Array(sql)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "$", chars.first == "$", !inQuote { inDollar.toggle(); current.append("$$"); chars = chars.dropFirst(); continue }
            if c == "'", !inDollar { inQuote.toggle() }
            if c == ";", !inQuote, !inDollar {
                let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !s.isEmpty { out.append(s) }
                current = ""
                continue
            }
            current.append(c)
        }
        let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !s.isEmpty { out.append(s) }
        return out
    }
}

/// A statement that took longer than `PGConnection.statementTimeout`: its connection was closed.
struct PGTimeout: Error, CustomStringConvertible {
    var description: String { "no answer from the database within \(Int(PGConnection.statementTimeout)) s" }
}

/// The result of a future, handed from an event loop to the waiting thread.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    func set(_ r: Result<T, any Error>) { lock.lock(); result = r; lock.unlock() }
    func get() throws -> T {
        lock.lock(); defer { lock.unlock() }
        guard let result else { throw PGTimeout() }
        return try result.get()
    }
}

/// A small pool of connections for synchronous callers. Connections are opened when needed,
/// closed ones (the server restarted, the network dropped) are thrown away and replaced.
final class PGPool: @unchecked Sendable {
    let location: PostgresLocation
    /// The event loops of every pool: the store's own, never the server's, so a caller blocked
    /// waiting on a query can never be the loop that must run it.
    private static let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let maximum: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0
    private var shutDown = false

    init(_ location: PostgresLocation, maximumConnections: Int) throws {
        self.location = location
        maximum = max(1, maximumConnections)
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: location.tls ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable)
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        var logger = Logger(label: "intiqal.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit { close() }

    func close() {
        condition.lock()
        let connections = idle
        idle = []
        let wasShutDown = shutDown
        shutDown = true
        condition.unlock()
        if wasShutDown { return }
        for c in connections { try? c.close().wait() }
    }

    private func checkout() throws -> PostgresConnection {
        condition.lock()
        while true {
            if shutDown { condition.unlock(); throw StorageError.unavailable(location.description, "the store is closed") }
            while let c = idle.popLast() {
                if !c.isClosed { condition.unlock(); return c }
                open -= 1
            }
            if open < maximum { break }
            condition.wait()
        }
        open += 1
        nextID += 1
        let id = nextID
        condition.unlock()
        do {
            return try PostgresConnection.connect(on: Self.group.next(), configuration: configuration, id: id, logger: logger).wait()
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func checkin(_ c: PostgresConnection, healthy: Bool) {
        if !healthy || c.isClosed { let _: EventLoopFuture<Void> = c.close() }
        condition.lock()
        if healthy && !c.isClosed && !shutDown { idle.append(c) } else { open -= 1 }
        condition.signal()
        condition.unlock()
    }

    /// Runs `body` with one connection of the pool; a connection that failed is not returned to it.
    func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let c = try checkout()
        do {
            let result = try body(PGConnection(c, logger: logger))
            checkin(c, healthy: true)
            return result
        } catch {
            checkin(c, healthy: !Self.isConnectionError(error))
            throw error
        }
    }

    /// Whether `error` means the connection (not the statement) failed.
    static func isConnectionError(_ error: any Error) -> Bool {
        if let e = error as? PSQLError {
            switch e.code {
            case .server: return isServerShutdown(e)
            case .queryCancelled, .tooManyParameters: return false
            default: return true
            }
        }
        return error is ChannelError || error is IOError || error is PGTimeout
    }

    /// SQLSTATE class 57 (operator intervention: admin shutdown, crash shutdown) and 08 (connection).
    static func isServerShutdown(_ e: PSQLError) -> Bool {
        guard let state = e.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("57") || state.hasPrefix("08")
    }
}
