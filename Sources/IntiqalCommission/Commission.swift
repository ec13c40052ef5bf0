import Foundation
import IntiqalDomain
import IntiqalStorage

/// The commission's rules, once: every use case takes the acting `Viewer`, authorizes inside
/// the write's transaction, reads only what the viewer may read, and throws `CommissionError`.
/// The CLI and the server both call it.
public struct Commission: Sendable {
    public let store: any WorkspaceStore
    /// The clock (injected: tests run at a fixed time).
    let now: @Sendable () -> Date
    /// Random bytes for session ids, CSRF tokens and TOTP secrets (injected: tests seed it).
    let randomBytes: @Sendable (Int) -> [UInt8]
    /// The signed heads kept and the head last served, remembered for as long as this value lives.
    let heads = SignedHeadMemory()
    /// Derived products kept per reading party while the workspace's change counter stays the same.
    let cache = DerivedCache()

    public init(store: any WorkspaceStore, now: @escaping @Sendable () -> Date = { Date() },
                randomBytes: @escaping @Sendable (Int) -> [UInt8] = Commission.systemRandomBytes) {
        self.store = store
        self.now = now
        self.randomBytes = randomBytes
    }

    /// The system's cryptographically secure generator.
    public static let systemRandomBytes: @Sendable (Int) -> [UInt8] = { count in
        var g = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &g) }
    }

    /// Runs `body`, turning the library's errors into `CommissionError`s.
    func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw CommissionError.from(error) }
    }

    /// `make`'s product for `viewer`'s party, kept while the workspace does not change.
    func cached<T>(_ product: String, _ viewer: Viewer?, make: () throws -> T) throws -> T {
        let counter = try? store.changeCounter()   // unreadable: made afresh, and the read in `make` reports why
        return try cache.value(DerivedCache.Key(product: product, party: viewer.map { $0.party ?? "\u{0}" }), counter: counter ?? nil,
                               make: make)
    }

    /// `make`'s product (e.g. an encoded answer) kept for `viewer`'s party under `product` while
    /// the workspace does not change; `make` must use only what that party may read.
    public func kept<T>(_ product: String, for viewer: Viewer, make: () throws -> T) throws -> T {
        try cached("kept " + product, viewer, make: make)
    }

    /// What `viewer` may read.
    func reader(_ viewer: Viewer) throws -> MarkingReader {
        guard let party = viewer.party else { return .fileHolder }
        return MarkingReader(party: party, commission: try cached("parties", nil) { try store.commissionParties() })
    }

    /// The decision book acting for `viewer`: decisions rest on the commission's joint record,
    /// and each append re-checks `permission` inside its transaction.
    func decisionBook(_ viewer: Viewer, _ permissions: [Permission] = []) throws -> DecisionBook {
        // Checked before the book reads the ledger (so a refusal says nothing of its entries),
        // and again inside the append's transaction.
        try store.transaction { tx in _ = try Self.authorize(tx, viewer.name, permissions) }
        // No decision is proposed or signed on a ledger that contradicts a kept signed head.
        _ = try checkedLedger()
        let commission = try store.commissionParties()
        let name = viewer.name
        return DecisionBook(store: store, now: now, reader: .joint(commission)) { tx in
            try Self.authorize(tx, name, permissions)
        }
    }
}
