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

    init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.field = field
    }

    static func invalid(_ field: String, _ message: String) -> RiskError {
        RiskError(.invalidInput, message, field: field)
    }

    /// True when the input had too few events to fit a model.
    public var isTooFewEvents: Bool { code == .tooFewEvents }
    /// True when the error came from reading a CSV file.
    public var isCSVError: Bool { code == .csv }

    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let line { location.append("line \(line)") }
        if let field { location.append("field '\(field)'") }
        return location.isEmpty ? message : "\(location.joined(separator: ", ")): \(message)"
    }
}
