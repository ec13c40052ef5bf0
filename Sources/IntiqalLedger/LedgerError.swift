/// An error of the ledger: a malformed entry, a bad key, a signature that cannot be made.
public struct LedgerError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Code: Sendable, Equatable {
        case malformed, key, signing, decision, receipt, export
    }

    private let code: Code
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static func malformed(_ message: String) -> LedgerError { LedgerError(.malformed, message) }
    public static func key(_ message: String) -> LedgerError { LedgerError(.key, message) }
    static func signing(_ message: String) -> LedgerError { LedgerError(.signing, message) }
    public static func decision(_ message: String) -> LedgerError { LedgerError(.decision, message) }
    public static func receipt(_ message: String) -> LedgerError { LedgerError(.receipt, message) }
    public static func export(_ message: String) -> LedgerError { LedgerError(.export, message) }

    public var description: String { message }
}
