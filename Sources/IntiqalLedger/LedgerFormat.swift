/// The encoding version of a ledger entry, carried in its body's `format` field.
///
/// - `legacy` (1, no `format` field): the first canonical JSON (keys by UTF-8 bytes, Swift's
///   number forms); keys are valid on registration; signatures cover only the signed entry's hash.
/// - `jcs` (2): RFC 8785 bodies; key registrations countersigned by another party; signatures
///   cover the whole entry, including the chain's head before it.
///
/// Formats never go backwards along a chain: after the first format-2 entry every entry is format 2.
public enum LedgerFormat: Int, Sendable, Hashable, Comparable, CaseIterable {
    case legacy = 1
    case jcs = 2

    public static let current = LedgerFormat.jcs

    public static func < (a: LedgerFormat, b: LedgerFormat) -> Bool { a.rawValue < b.rawValue }

    /// The canonical bytes of `value` in this format.
    public func encode(_ value: CanonicalValue) -> [UInt8] {
        switch self {
        case .legacy: value.canonicalBytes
        case .jcs: value.jcsBytes
        }
    }
}
