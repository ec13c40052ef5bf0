/// The module's public error: what went wrong and in which file or field.
public struct EvidenceError: Error, CustomStringConvertible, Sendable, Hashable {
    private enum Code: Sendable, Hashable {
        case unreadable(reason: String)
        case badDate(value: String)
        case badGazetteer(reason: String)
        case tooLarge(bytes: Int, limit: Int)
        case encoding(name: String, mark: String)
        case notText(byteOffset: Int)
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

    /// The file is larger than the limit on one report (``InputLimits/fileBytes``).
    public static func tooLarge(_ file: String, bytes: Int, limit: Int) -> EvidenceError {
        EvidenceError(.tooLarge(bytes: bytes, limit: limit), file: file)
    }

    /// The file is text in an encoding other than UTF-8 (UTF-16 or UTF-32, by its byte order mark).
    public static func encoding(_ file: String, name: String, mark: String) -> EvidenceError {
        EvidenceError(.encoding(name: name, mark: mark), file: file)
    }

    /// The file does not look like text (a NUL byte near its start).
    public static func notText(_ file: String, byteOffset: Int) -> EvidenceError {
        EvidenceError(.notText(byteOffset: byteOffset), file: file)
    }

    /// The reason alone, without the file: what a list of skipped files shows next to each name.
    public var reason: String {
        switch code {
        case .unreadable(let reason): return reason
        case .badDate(let value): return "'\(value)' is not a date of the form YYYY-MM-DD"
        case .badGazetteer(let reason): return field.map { "\($0): \(reason)" } ?? reason
        case .tooLarge(let bytes, let limit):
            return "\(bytes) bytes, more than the limit of \(limit) bytes (\(limit / (1024 * 1024)) MiB) on one report"
        case .encoding(let name, let mark):
            return "\(name) text (byte order mark \(mark)); convert it to UTF-8, e.g. iconv -f \(name) -t UTF-8"
        case .notText(let offset):
            return "not a text file (NUL byte at offset \(offset))"
        }
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
        case .tooLarge, .encoding, .notText:
            return "\(file): cannot read: \(reason)"
        }
    }
}
