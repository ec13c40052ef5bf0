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

    public init(id: Int64, at: String, actor: String, action: String, entity: String, entityID: String, before: String?, after: String?) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }
}
