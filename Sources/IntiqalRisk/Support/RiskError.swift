import IntiqalDomain

/// The public error of IntiqalRisk: a struct over a private code, so cases can grow.
///
/// Users read `description`, which names the file, line and field where there is one.
public struct RiskError: Error, CustomStringConvertible, Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case invalidInput
        case tooFewEvents
        case csv
        case nonConvergence
    }

    let kind: Kind
    /// The stable code of the (first) problem, from the one table of codes (`risk.*`, `csv.*`); callers and tests
    /// match it, never the wording.
    public let code: DiagnosticCode
    /// The file the problem was found in, when it came from a file.
    public let file: String?
    /// The 1-based line, when it came from a file.
    public let line: Int?
    /// The field (column or parameter) at fault.
    public let field: String?
    /// What is wrong, in words.
    public let message: String

    /// Every problem found in the input, each with its code, location and Arabic text (CSV
    /// files: every bad row, up to `maximumDiagnostics`); empty for other errors.
    public let diagnostics: [Diagnostic]

    /// The most problems one file reports before reading stops.
    static let maximumDiagnostics = 100

    init(_ kind: Kind, _ code: DiagnosticCode, _ message: String, file: String? = nil, line: Int? = nil, field: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        diagnostics = []
    }

    /// A CSV file's problems; the first is the one `file`, `line`, `field` and `message` name.
    init(csv diagnostics: [Diagnostic]) {
        kind = .csv
        let first = diagnostics.first
        code = first?.code ?? (.riskCSVUnreadable)
        message = first?.message.en ?? "cannot read the file"
        file = first?.location.file
        line = first?.location.line
        field = first?.location.path
        self.diagnostics = diagnostics
    }

    static func invalid(_ code: DiagnosticCode, _ field: String, _ message: String) -> RiskError {
        RiskError(.invalidInput, code, message, field: field)
    }

    /// True when the input had too few events to fit a model.
    public var isTooFewEvents: Bool { kind == .tooFewEvents }
    /// True when the error came from reading a CSV file.
    public var isCSVError: Bool { kind == .csv }

    /// The (first) problem as a diagnostic: its code, file, line and field, the message (in Arabic too where the
    /// reader of a CSV file gives it).
    public var diagnostic: Diagnostic {
        if let first = diagnostics.first { return first }
        var d = Diagnostic.error(code, at: DiagnosticLocation(file: file, line: line, path: field), en: message, ar: message)
        d.message = LocalizedText(en: message)
        return d
    }

    /// The error in `language`: as `description`, with each message in that language where it has one.
    public func text(_ language: Language) -> String {
        guard !diagnostics.isEmpty else { return description }
        return diagnostics.map {
            Self.describe(file: $0.location.file, line: $0.location.line, field: $0.location.path, message: $0.message.text(language))
        }.joined(separator: "\n")
    }

    public var description: String {
        guard diagnostics.count > 1 else { return Self.describe(file: file, line: line, field: field, message: message) }
        return diagnostics.map {
            Self.describe(file: $0.location.file, line: $0.location.line, field: $0.location.path, message: $0.message.en)
        }.joined(separator: "\n")
    }

    private static func describe(file: String?, line: Int?, field: String?, message: String) -> String {
        var location: [String] = []
        if let file { location.append(file) }
        if let line { location.append("line \(line)") }
        if let field { location.append("field '\(field)'") }
        return location.isEmpty ? message : "\(location.joined(separator: ", ")): \(message)"
    }
}
