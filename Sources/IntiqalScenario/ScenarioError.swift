import IntiqalDomain

/// A scenario that cannot be planned, with every problem found.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { text(.en) }

    /// The error in `language`: a head line counting the errors, then every diagnostic in that language.
    public func text(_ language: Language) -> String {
        let n = errors.count
        let head = switch language {
        case .en: "scenario has " + (n == 1 ? "1 error" : "\(n) errors") + ":"
        case .ar: "في السيناريو " + (n == 1 ? "خطأ واحد" : "\(n) أخطاء") + ":"
        }
        return ([head] + diagnostics.map { $0.text(language) }).joined(separator: "\n")
    }
}
