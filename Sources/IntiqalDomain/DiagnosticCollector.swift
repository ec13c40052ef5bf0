/// Collects the diagnostics of a stage, in the order they are found, so that every problem is
/// reported at once rather than the first one thrown.
public struct DiagnosticCollector: Sendable, Hashable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) { self.diagnostics = diagnostics }

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) { diagnostics.append(contentsOf: other) }

    public mutating func error(_ code: DiagnosticCode, at location: DiagnosticLocation = DiagnosticLocation(), en: String, ar: String) {
        diagnostics.append(.error(code, at: location, en: en, ar: ar))
    }

    public mutating func warning(_ code: DiagnosticCode, at location: DiagnosticLocation = DiagnosticLocation(), en: String, ar: String) {
        diagnostics.append(.warning(code, at: location, en: en, ar: ar))
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var isEmpty: Bool { diagnostics.isEmpty }
    public var codes: [DiagnosticCode] { diagnostics.map(\.code) }
}
