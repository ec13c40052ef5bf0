/// A CSV text that cannot be read: a line or a file over its limit, or an unterminated quote.
/// Names the file, the 1-based line and the field.
public struct CSVError: Error, CustomStringConvertible, Sendable, Hashable {
    private enum Code: Sendable, Hashable {
        case lineTooLong(bytes: Int, limit: Int)
        case tooManyRows(limit: Int)
        case unterminatedQuote
    }

    private let code: Code
    public let file: String
    public let line: Int
    /// The field at fault (`field 3`), when there is one.
    public let field: String?

    static func lineTooLong(file: String, line: Int, bytes: Int, limit: Int) -> CSVError {
        CSVError(code: .lineTooLong(bytes: bytes, limit: limit), file: file, line: line, field: nil)
    }
    static func tooManyRows(file: String, line: Int, limit: Int) -> CSVError {
        CSVError(code: .tooManyRows(limit: limit), file: file, line: line, field: nil)
    }
    static func unterminatedQuote(file: String, line: Int, field: Int) -> CSVError {
        CSVError(code: .unterminatedQuote, file: file, line: line, field: "field \(field)")
    }

    /// What is wrong, without the location.
    public var message: String {
        switch code {
        case .lineTooLong(let bytes, let limit):
            "the line is \(bytes) bytes long; at most \(limit) bytes a line"
        case .tooManyRows(let limit):
            "more than \(limit) rows; at most \(limit) rows a file"
        case .unterminatedQuote:
            "unterminated quoted field"
        }
    }

    public var description: String {
        "\(file):\(line): \(field.map { "\($0): " } ?? "")\(message)"
    }

    /// The same problem as a diagnostic: its code, its location and the message in both languages.
    public var diagnostic: Diagnostic {
        let at = DiagnosticLocation(file: file, line: line, path: field)
        switch code {
        case .lineTooLong(let bytes, let limit):
            return .error(.csvLineTooLong, at: at, en: message, ar: "طول السطر \(bytes) بايت؛ الحد \(limit) بايت للسطر")
        case .tooManyRows(let limit):
            return .error(.csvTooManyRows, at: at, en: message, ar: "أكثر من \(limit) صف؛ الحد \(limit) صف للملف")
        case .unterminatedQuote:
            return .error(.csvUnterminatedQuote, at: at, en: message, ar: "حقل مقتبس غير مُغلق")
        }
    }
}
