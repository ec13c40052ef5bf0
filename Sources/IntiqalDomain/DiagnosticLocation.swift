/// Where a diagnostic points: a file (or document), a 1-based line and column, a byte offset, and
/// a field path such as `sites[0].teams[2].headcount`; each only where known.
public struct DiagnosticLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var byteOffset: Int?
    public var path: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.path = path
    }

    /// `file:line:column` (or `file: byte N`), without the field path.
    public var description: String {
        var place = file ?? ""
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        if let byteOffset { place += place.isEmpty ? "byte \(byteOffset)" : ": byte \(byteOffset)" }
        return place
    }
}
