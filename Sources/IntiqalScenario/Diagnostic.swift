/// A problem found in a scenario file, located by file, line, column and field path.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable { case warning, error }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Field path, e.g. `sites[0].teams[2].headcount`.
    public var path: String
    public var message: String

    public init(severity: Severity, file: String, line: Int?, column: Int?, path: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let field = path.isEmpty ? "" : "\(path): "
        return "\(location): \(severity.rawValue): \(field)\(message)"
    }
}

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
