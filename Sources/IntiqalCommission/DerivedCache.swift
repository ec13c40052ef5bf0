import Foundation

/// Products derived from the workspace (a viewer's scenario, gates, plans, readable ratings,
/// the roster, session and token rows), kept while the workspace's change counter
/// (`WorkspaceStore.changeCounter`) stays the same. Any committed write, by this process or
/// another, changes the counter, and the next read after it starts an empty cache. Products
/// are keyed by the reading party, never shared between parties: a product holds only what
/// its party may read.
final class DerivedCache: @unchecked Sendable {
    struct Key: Hashable {
        var product: String
        /// The reading party (`nil`: the holder of the file).
        var party: String?
    }

    /// Entries kept for one counter value at most; past it the cache starts again (a flood of
    /// distinct months or sessions cannot grow it without bound).
    static let capacity = 512

    private let lock = NSLock()
    private var counter: Int64 = .min      // guarded by `lock`
    private var entries: [Key: Any] = [:]  // guarded by `lock`

    /// The product for `key` at `counter`, made by `make` when it is not kept. With no counter
    /// (a store that keeps none) nothing is kept.
    func value<T>(_ key: Key, counter: Int64?, make: () throws -> T) throws -> T {
        guard let counter else { return try make() }
        let found: T? = lock.withLock {
            if counter > self.counter {
                self.counter = counter
                entries.removeAll(keepingCapacity: true)
                return nil
            }
            // `flatMap`: a missing key must not cast to an optional `T` as a found `nil`.
            return counter == self.counter ? entries[key].flatMap { $0 as? T } : nil
        }
        if let found { return found }
        let made = try make()
        lock.withLock {
            guard counter == self.counter else { return }   // the workspace moved on while it was made
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }

    /// `value` for a product made asynchronously (e.g. a Monte Carlo estimate).
    func value<T>(_ key: Key, counter: Int64?, make: () async throws -> T) async throws -> T {
        guard let counter else { return try await make() }
        let found: T? = lock.withLock {
            if counter > self.counter {
                self.counter = counter
                entries.removeAll(keepingCapacity: true)
                return nil
            }
            return counter == self.counter ? entries[key].flatMap { $0 as? T } : nil
        }
        if let found { return found }
        let made = try await make()
        lock.withLock {
            guard counter == self.counter else { return }
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }
}
