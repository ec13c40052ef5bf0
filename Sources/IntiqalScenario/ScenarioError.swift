import IntiqalDomain

/// A scenario that cannot be planned, with every problem found.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let errors = errors
        let head = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return (["scenario has \(head):"] + diagnostics.map(\.description)).joined(separator: "\n")
    }
}
