import Foundation
import IntiqalDomain
import IntiqalLedger
import Testing
@testable import IntiqalStorage

/// A small seeded generator (SplitMix64), so every run makes the same sequences.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct ExportPropertyTests {
    /// Any sequence of valid operations, then export and import, gives back the same workspace.
    @Test(arguments: StoreKind.allCases)
    func exportThenImportGivesTheSameWorkspace(kind: StoreKind) throws {
        let scenario = try example()
        let keys = ["IRQ": PartyKey(party: "IRQ"), "USA": PartyKey(party: "USA")]
        for seed in UInt64(1)...6 {
            var rng = SeededGenerator(state: seed)
            let store = try kind.make()
            try store.importScenario(scenario, actor: "sec")
            let book = DecisionBook(store: store)
            var decisions: [Int] = []
            for _ in 0..<Int.random(in: 5...25, using: &rng) {
                switch Int.random(in: 0..<7, using: &rng) {
                case 0, 1:
                    let factor = Factor.allCases.randomElement(using: &rng)!
                    let scale = scenario.currentScale(for: factor)
                    let batch = (0..<Int.random(in: 1...20, using: &rng)).map { _ in
                        Assessment(party: ["IRQ", "USA"].randomElement(using: &rng)!, factor: factor,
                                   region: scenario.regions.randomElement(using: &rng)!.id,
                                   capability: factor == .threat ? nil : scenario.capabilities.randomElement(using: &rng)!.id,
                                   month: YearMonth(year: 2025, month: Int.random(in: 1...12, using: &rng)),
                                   value: Double(Int.random(in: scale.minimum...scale.maximum, using: &rng)) + (Bool.random(using: &rng) ? 0.5 : 0) * (factor == .threat ? 0 : 0),
                                   trend: factor == .threat ? Trend.allCases.randomElement(using: &rng) : nil,
                                   scale: ScaleReference(factor: factor, version: scale.version),
                                   confidence: Assessment.Confidence.allCases.randomElement(using: &rng)!,
                                   evidence: Bool.random(using: &rng) ? [EvidenceReference(source: "seed-00\(Int.random(in: 0...4, using: &rng))", note: "n — ملاحظة")] : [])
                    }
                    try store.recordAssessments(batch, actor: "wg-\(Int.random(in: 1...3, using: &rng))")
                case 2:
                    if let c = scenario.commitments.randomElement(using: &rng) {
                        try store.recordCommitmentStatus(commitment: c.id, change: .init(month: YearMonth(year: 2025, month: Int.random(in: 1...12, using: &rng)),
                                                                                           status: Commitment.Status.allCases.randomElement(using: &rng)!, note: "progress"), actor: "sec")
                    }
                case 3:
                    try store.addUser(User(name: "user\(Int.random(in: 1...5, using: &rng))", party: ["IRQ", "USA"].randomElement(using: &rng)!,
                                           role: User.Role.allCases.randomElement(using: &rng)!, workingGroup: Bool.random(using: &rng) ? "threat" : nil), actor: "admin")
                case 4:
                    try store.addEvidence(file: "doc\(Int.random(in: 1...9, using: &rng)).txt", sha256: "00", items: [("event", #"{"type":"attack"}"#)], actor: "analyst")
                    let items = try store.evidenceItems()
                    try store.reviewEvidenceItem(id: items.randomElement(using: &rng)!.id, status: [.accepted, .rejected].randomElement(using: &rng)!, reviewer: "wg1")
                case 5:
                    let report = try book.verify()
                    if report.registrations.isEmpty { try registerCoChairs(book, keys["IRQ"]!, keys["USA"]!) }
                    decisions.append(try book.propose(DecisionRequest(kind: .adoptScale, factor: .threat, version: 1), actor: "sec").seq)
                default:
                    if let d = decisions.randomElement(using: &rng) {
                        let state = try book.verify().decisions.first { $0.seq == d }!
                        if let party = state.missing.first { try book.sign(seq: d, key: keys[party]!, actor: "co-chair") }
                    }
                }
            }
            let export = try store.exportWorkspace()
            let data = try JSONEncoder().encode(export)
            let decoded = try JSONDecoder().decode(WorkspaceExport.self, from: data)
            let copy = try kind.make()
            try copy.importWorkspace(decoded)
            #expect(try copy.exportWorkspace() == export, "seed \(seed)")
            #expect(try DecisionBook(store: copy).verify().ok)
            #expect(try copy.scenario() == store.scenario())
            #expect(throws: StorageError.self) { try copy.importWorkspace(decoded) }
        }
    }
}
