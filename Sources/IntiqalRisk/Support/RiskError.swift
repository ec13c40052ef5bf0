import IntiqalDomain

/// The public error of IntiqalRisk: a struct over a private code, so cases can grow.
///
/// Users read `description`, which names the file, line and field where there is one.
public struct RiskError: Error, CustomStringConvertible, Sendable, Hashable {
    enum Code: Sendable, Hashable {
        case invalidInput
        case tooFewEvents
        case csv
        case nonConvergence
    }

    let code: Code
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

    init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        diagnostics = []
    }

    /// A CSV file's problems; the first is the one `file`, `line`, `field` and `message` name.
    init(csv diagnostics: [Diagnostic]) {
        code = .csv
        let first = diagnostics.first
        message = first?.message.en ?? "cannot read the file"
        file = first?.location.file
        line = first?.location.line
        field = first?.location.path
        self.diagnostics = diagnostics
    }

    static func invalid(_ field: String, _ message: String) -> RiskError {
        RiskError(.invalidInput, message, field: field)
    }

    /// True when the input had too few events to fit a model.
    public var isTooFewEvents: Bool { code == .tooFewEvents }
    /// True when the error came from reading a CSV file.
    public var isCSVError: Bool { code == .csv }

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
