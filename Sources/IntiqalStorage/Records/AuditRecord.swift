/// One change to the workspace: who, when, what, and the state before and after (JSON text).
public struct AuditRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityID: String
    public var before: String?
    public var after: String?
    /// The marking of the record the change is to; a reader sees only the rows it may read.
    public var marking: Marking

    public init(id: Int64, at: String, actor: String, action: String, entity: String, entityID: String, before: String?, after: String?,
                marking: Marking = .joint) {
        self.marking = marking
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }

    enum CodingKeys: String, CodingKey { case id, at, actor, action, entity, entityID, before, after, marking }

    /// An export written before markings reads its rows as `JOINT`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), at: try c.decode(String.self, forKey: .at),
                  actor: try c.decode(String.self, forKey: .actor), action: try c.decode(String.self, forKey: .action),
                  entity: try c.decode(String.self, forKey: .entity), entityID: try c.decode(String.self, forKey: .entityID),
                  before: try c.decodeIfPresent(String.self, forKey: .before), after: try c.decodeIfPresent(String.self, forKey: .after),
                  marking: try c.decodeIfPresent(Marking.self, forKey: .marking) ?? .joint)
    }
}
