import IntiqalStorage

extension Commission {
    /// Inside a write's transaction: the acting user, re-read now, must hold every permission.
    /// A workspace without users is open to the holder of the file (its bootstrap state).
    /// Returns the user (`nil` while the workspace is open).
    @discardableResult
    static func authorize(_ tx: any WorkspaceTransaction, _ name: String, _ permissions: [Permission]) throws -> User? {
        guard try tx.hasUsers() else { return nil }
        guard let user = try tx.user(named: name) else {
            throw CommissionError.forbidden("'\(name)' is not a registered user of this workspace")
        }
        for p in permissions where !p.allows(user) {
            throw CommissionError.forbidden("\(name) (\(user.role.rawValue) of \(user.party)\(user.workingGroup.map { ", \($0) group" } ?? "")) may not \(p.words)")
        }
        return user
    }
}
