import IntiqalDomain
@testable import IntiqalPlanning
import IntiqalScenario
import Testing

/// `intiqal plan contested-2025` shows what the README promises of it: the disputes and their
/// resolutions, the revised scale, and relocation (here: why none is needed).
@Suite struct ContestedTableTests {
    static func table(_ name: String, _ language: Language = .en) throws -> String {
        let scenario = try ScenarioLoader.loadBundled(name).scenario
        let plan = try Planner(scenario: scenario).plan(mode: .conditions)
        return PlanTableRenderer(scenario: scenario, language: language).render(plan)
    }

    @Test func contestedTableShowsDisputesScaleRevisionAndRelocation() throws {
        let table = try Self.table("contested-2025")
        #expect(table.contains("Disputed ratings"))
        #expect(table.contains("threat, Syria border zone: disputed 2025-01–2025-08 (IRQ 2, USA 4); resolved by HMC-2025-09-syria-threat from 2025-09 (2)"))
        #expect(table.contains("ISF capability, Counter-terrorism / Ninewa: disputed 2025-01–2025-05 (IRQ 7.5, USA 5); resolved by HMC-2025-06-ninewa-ct from 2025-06 (6.5)"))
        #expect(table.contains("Rating scales"))
        #expect(table.contains("ISF capability revised: v1 0–4 → v2 0–10; 2 ratings on an earlier version converted"))
        #expect(table.contains("Relocations"))
        #expect(table.contains("qay-syria-isr (ISR / Syria border zone): no relocation needed, leaves from Qayyarah airfield West (2026-02) before its site closes"))
    }

    @Test func contestedTableInArabicHasTheSameSections() throws {
        let table = try Self.table("contested-2025", .ar)
        #expect(table.contains("التقييمات المتنازع عليها"))
        #expect(table.contains("HMC-2025-09-syria-threat"))
        #expect(table.contains("سلالم التقييم"))
        #expect(table.contains("عمليات النقل"))
    }

    @Test func exampleTableListsItsRelocationMove() throws {
        let table = try Self.table("iraq-2024")
        #expect(table.contains("Relocations"))
        #expect(table.contains("aaa-border (150): Ain al-Asad air base → Harir air base (Erbil)"))
        #expect(!table.contains("Rating scales"))
    }
}
