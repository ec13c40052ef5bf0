/// A problem found while reading a document that did not stop extraction
/// (invalid UTF-8, an over-long line cut in pieces).
public struct Diagnostic: Sendable, Codable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Hashable { case warning, error }

    public var severity: Severity
    public var document: String
    /// Byte offset in the file, when the problem is about bytes.
    public var byteOffset: Int?
    public var message: String

    public init(severity: Severity, document: String, byteOffset: Int? = nil, message: String) {
        self.severity = severity
        self.document = document
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String {
        if let byteOffset { return "\(document): byte \(byteOffset): \(severity.rawValue): \(message)" }
        return "\(document): \(severity.rawValue): \(message)"
    }
}
