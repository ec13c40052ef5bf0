/// A problem a stage found in its input: how bad, a stable code a caller can match, where, and
/// what, in English and Arabic. Stages collect them (`DiagnosticCollector`) and go on; they throw
/// only when they cannot.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case warning, error }

    public var severity: Severity
    public var code: DiagnosticCode
    public var location: DiagnosticLocation
    public var message: LocalizedText

    public init(_ severity: Severity, _ code: DiagnosticCode, at location: DiagnosticLocation = DiagnosticLocation(),
                en: String, ar: String) {
        self.severity = severity
        self.code = code
        self.location = location
        message = LocalizedText(en: en, ar: ar)
    }

    public static func error(_ code: DiagnosticCode, at location: DiagnosticLocation = DiagnosticLocation(),
                             en: String, ar: String) -> Diagnostic {
        Diagnostic(.error, code, at: location, en: en, ar: ar)
    }

    public static func warning(_ code: DiagnosticCode, at location: DiagnosticLocation = DiagnosticLocation(),
                               en: String, ar: String) -> Diagnostic {
        Diagnostic(.warning, code, at: location, en: en, ar: ar)
    }

    /// `file:line:column: severity: path: message` in `language`, leaving out what is not known.
    public func text(_ language: Language) -> String {
        let place = location.description
        let field = location.path.map { $0.isEmpty ? "" : "\($0): " } ?? ""
        return (place.isEmpty ? "" : "\(place): ") + "\(severity.rawValue): \(field)\(message.text(language))"
    }

    public var description: String { text(.en) }
}
