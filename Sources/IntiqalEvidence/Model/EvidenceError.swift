/// The module's public error: what went wrong and in which file or field.
public struct EvidenceError: Error, CustomStringConvertible, Sendable, Hashable {
    private enum Code: Sendable, Hashable {
        case unreadable(reason: String)
        case badDate(value: String)
        case badGazetteer(reason: String)
    }

    private let code: Code
    /// The file (or option) the error is about.
    public let file: String
    public let field: String?

    private init(_ code: Code, file: String, field: String? = nil) {
        self.code = code
        self.file = file
        self.field = field
    }

    public static func unreadable(_ file: String, reason: String) -> EvidenceError {
        EvidenceError(.unreadable(reason: reason), file: file)
    }

    public static func badDate(_ value: String, field: String) -> EvidenceError {
        EvidenceError(.badDate(value: value), file: field, field: field)
    }

    public static func badGazetteer(_ file: String, field: String?, reason: String) -> EvidenceError {
        EvidenceError(.badGazetteer(reason: reason), file: file, field: field)
    }

    public var description: String {
        switch code {
        case .unreadable(let reason):
            return "\(file): cannot read: \(reason)"
        case .badDate(let value):
            return "\(file): '\(value)' is not a date of the form YYYY-MM-DD"
        case .badGazetteer(let reason):
            if let field { return "\(file): \(field): \(reason)" }
            return "\(file): \(reason)"
        }
    }
}
