import IntiqalDomain

/// The bounds on the work one scenario file may cause: its size, its nodes after aliases are
/// expanded, its nesting, the entries of one list or mapping. `standard` is `InputLimits`'.
public struct ScenarioLimits: Sendable, Hashable {
    /// Bytes of the file.
    public var fileBytes: Int
    /// Nodes after aliases are expanded, whatever the file's size.
    public var nodes: Int
    /// Nodes that aliases may add beyond those written in the file: what is read is then at
    /// most the file's own nodes plus this, so a small file cannot make the reader do much work.
    public var aliasNodes: Int
    /// Lists and mappings within each other.
    public var nestingDepth: Int
    /// Entries of one list or mapping (sites, teams, assessments, a rating series…).
    public var recordsPerSection: Int

    public init(fileBytes: Int = InputLimits.fileBytes, nodes: Int = InputLimits.yamlNodes,
                aliasNodes: Int = InputLimits.yamlAliasNodes, nestingDepth: Int = InputLimits.nestingDepth,
                recordsPerSection: Int = InputLimits.recordsPerSection) {
        self.fileBytes = fileBytes
        self.nodes = nodes
        self.aliasNodes = aliasNodes
        self.nestingDepth = nestingDepth
        self.recordsPerSection = recordsPerSection
    }

    public static let standard = ScenarioLimits()
}
