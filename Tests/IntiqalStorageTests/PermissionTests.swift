import IntiqalDomain
import Testing
@testable import IntiqalStorage

@Suite struct PermissionTests {
    @Test(arguments: StoreKind.allCases)
    func openUntilUsersExistThenRoleBound(kind: StoreKind) throws {
        let store = try kind.make()
        try store.authorize("anyone", [.administer, .propose])
        try store.addUser(User(name: "root", party: "IRQ", role: .admin), actor: "root")
        try store.addUser(User(name: "amira", party: "IRQ", role: .workingGroupMember, workingGroup: "capability"), actor: "root")
        try store.addUser(User(name: "john", party: "USA", role: .coChair), actor: "root")
        try store.authorize("amira", [.assess(party: "IRQ", group: .capability), .reviewEvidence])
        #expect(throws: StorageError.self) { try store.authorize("amira", [.assess(party: "USA", group: .capability)]) }
        #expect(throws: StorageError.self) { try store.authorize("amira", [.assess(party: "IRQ", group: .threat)]) }
        #expect(throws: StorageError.self) { try store.authorize("amira", [.propose]) }
        try store.authorize("john", [.sign(party: "USA"), .propose])
        #expect(throws: StorageError.self) { try store.authorize("john", [.sign(party: "IRQ")]) }
        #expect(throws: StorageError.self) { try store.authorize("stranger", [.reviewEvidence]) }
        try store.authorize("root", [.administer, .propose])
        #expect(throws: StorageError.self) { try store.authorize("root", [.sign(party: "IRQ")]) }
    }
}
