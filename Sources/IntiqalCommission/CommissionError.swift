import IntiqalRisk
import IntiqalLedger
import IntiqalPlanning
import IntiqalScenario
import IntiqalStorage

/// An error of a use case, of a kind the caller can match (the server maps kinds to HTTP
/// statuses, the CLI prints `description`). Wording names the field, never a command.
public struct CommissionError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Code: Sendable, Equatable { case notFound, forbidden, conflict, invalid, busy, unavailable, unauthenticated, throttled }

    private let code: Code
    /// What is wrong, without the field's name.
    public let detail: String
    /// The input field that is wrong, where one is (`value`, `month`, `region`…).
    public let field: String?

    private init(_ code: Code, _ detail: String, field: String? = nil) {
        self.code = code
        self.detail = detail
        self.field = field
    }

    /// No such record, or one the viewer may not read (the two are indistinguishable).
    public static func notFound(_ detail: String) -> CommissionError { CommissionError(.notFound, detail) }
    /// The acting user's role, party or working group does not allow it.
    public static func forbidden(_ detail: String) -> CommissionError { CommissionError(.forbidden, detail) }
    /// The record's state does not allow it (already released, already signed, changed meanwhile).
    public static func conflict(_ detail: String) -> CommissionError { CommissionError(.conflict, detail) }
    /// Bad input, naming the field where one is.
    public static func invalid(field: String?, _ detail: String) -> CommissionError { CommissionError(.invalid, detail, field: field) }
    /// Another writer holds the workspace; try again.
    public static func busy(_ detail: String) -> CommissionError { CommissionError(.busy, detail) }
    /// The workspace cannot be used here (read-only, needs an upgrade, damaged, missing).
    public static func unavailable(_ detail: String) -> CommissionError { CommissionError(.unavailable, detail) }
    /// Sign-in failed or is required (wrong name, password or code; no session).
    public static func unauthenticated(_ detail: String) -> CommissionError { CommissionError(.unauthenticated, detail) }
    /// Too many failed sign-ins; try later.
    public static func throttled(_ detail: String) -> CommissionError { CommissionError(.throttled, detail) }

    public var isNotFound: Bool { code == .notFound }
    public var isForbidden: Bool { code == .forbidden }
    public var isConflict: Bool { code == .conflict }
    public var isInvalid: Bool { code == .invalid }
    public var isBusy: Bool { code == .busy }
    public var isUnavailable: Bool { code == .unavailable }
    public var isUnauthenticated: Bool { code == .unauthenticated }
    public var isThrottled: Bool { code == .throttled }

    public var description: String { field.map { "\($0): \(detail)" } ?? detail }

    /// An invalid-input error whose message begins with the field's path (`assessments[3].region: …`).
    static func located(_ message: String) -> CommissionError {
        if let colon = message.range(of: ": ") {
            let path = message[..<colon.lowerBound]
            if !path.isEmpty, path.allSatisfy({ $0.isLetter || $0.isNumber || "[]._-".contains($0) }) {
                return invalid(field: String(path), String(message[colon.upperBound...]))
            }
        }
        return invalid(field: nil, message)
    }

    /// The same error with its field's path made relative to `prefix` (`assessments[0].region` → `region`).
    public func relative(to prefix: String) -> CommissionError {
        guard let field, field.hasPrefix(prefix) else { return self }
        return CommissionError(code, detail, field: String(field.dropFirst(prefix.count)))
    }

    /// The library's errors in these kinds.
    static func from(_ error: any Error) -> any Error {
        switch error {
        case let e as CommissionError: return e
        case let e as StorageError:
            if e.isBusy { return busy(e.description) }
            if e.isConflict { return conflict(e.description) }
            if e.isNotFound { return notFound(e.description) }
            if e.isInvalid {
                if let field = e.field, e.description.hasPrefix("\(field): ") {
                    return invalid(field: field, String(e.description.dropFirst(field.count + 2)))
                }
                return located(e.description)
            }
            return unavailable(e.description)
        case let e as LedgerError: return invalid(field: nil, e.description)
        case let e as ScenarioError: return invalid(field: nil, e.description)
        case let e as PlanningError: return invalid(field: nil, e.description)
        case let e as RiskError: return invalid(field: nil, e.description)
        default: return error
        }
    }
}
