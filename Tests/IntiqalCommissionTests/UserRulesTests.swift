import IntiqalCommission
import IntiqalStorage
import Testing

@Suite struct UserRulesTests {
    @Test func firstUserMustBeAnAdmin() throws {
        let c = try exampleCommission()
        let error = #expect(throws: CommissionError.self) {
            try c.addUser(User(name: "ana", party: "IRQ", role: .analyst), by: .fileHolder("ana"))
        }
        #expect(error?.isInvalid == true && error?.field == "role")
        try c.addUser(User(name: "root", party: "IRQ", role: .admin), by: .fileHolder("root"))
        #expect(try c.users().map(\.name) == ["root"])
    }

    @Test func onlyAnAdministratorAddsUsersOnceAnyExist() throws {
        let c = try staffedCommission()
        let error = #expect(throws: CommissionError.self) {
            try c.addUser(User(name: "new", party: "IRQ", role: .analyst), by: try viewer(c, "usa-analyst"))
        }
        #expect(error?.isForbidden == true)
        // The (USA) secretariat manages USA's users below co-chair, and no one else.
        let secretariat = try viewer(c, "secretariat")
        try c.addUser(User(name: "new", party: "USA", role: .analyst), by: secretariat)
        for (party, role) in [("IRQ", User.Role.analyst), ("USA", .coChair), ("USA", .admin), ("IRQ", .workingGroupMember)] {
            let refused = #expect(throws: CommissionError.self) {
                try c.addUser(User(name: "new-\(party)-\(role.rawValue)", party: party, role: role,
                                   workingGroup: role == .workingGroupMember ? "threat" : nil), by: secretariat)
            }
            #expect(refused?.isForbidden == true, "\(party) \(role)")
        }
        // Nor move a user of theirs to another party, nor change another party's user.
        #expect(throws: CommissionError.self) { try c.addUser(User(name: "new", party: "IRQ", role: .analyst), by: secretariat) }
        #expect(try c.users().first { $0.name == "new" }?.party == "USA")
        // Nor make an API token to act as someone else; an admin may.
        let token = #expect(throws: CommissionError.self) {
            try c.newToken(user: "new", label: "x", scope: .read, days: 1, by: secretariat)
        }
        #expect(token?.isForbidden == true)
    }

    @Test func unknownPartyNamesTheField() throws {
        let c = try staffedCommission()
        let error = #expect(throws: CommissionError.self) {
            try c.addUser(User(name: "x", party: "XYZ", role: .analyst), by: .fileHolder("admin"))
        }
        #expect(error?.field == "party")
    }

    @Test func shortPasswordIsRefusedNamingTheField() throws {
        let c = try staffedCommission()
        let error = #expect(throws: CommissionError.self) {
            try c.addUser(User(name: "x", party: "IRQ", role: .analyst), password: "short", by: .fileHolder("admin"))
        }
        #expect(error?.field == "password")
    }

    @Test func aRoleChangedBeforeTheWriteIsTheRoleChecked() throws {
        let c = try staffedCommission()
        let member = try viewer(c, "irq-capability")   // signed in while a working-group member
        try c.addUser(User(name: "irq-capability", party: "IRQ", role: .analyst), by: .fileHolder("admin"))
        let error = #expect(throws: CommissionError.self) { try c.recordAssessments([isrRating("IRQ", 2)], by: member) }
        #expect(error?.isForbidden == true)
    }
}
