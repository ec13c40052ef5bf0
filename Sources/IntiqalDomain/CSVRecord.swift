/// One data line of a CSV text: its 1-based line number and its fields, unquoted, untrimmed.
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
