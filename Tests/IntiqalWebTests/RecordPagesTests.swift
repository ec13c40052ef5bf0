import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntiqalCommission
import IntiqalDomain
import IntiqalServer
import IntiqalStorage
@testable import IntiqalWeb
import Testing

/// The risk comparison on the dashboard and the plans page; the incidents, notes and saved
/// plans pages, each showing only what the viewer may read.
@Suite struct RecordPagesTests {
    static func viewer(_ demo: DemoWorkspace, _ name: String) -> Viewer { .user(demo.accounts.first { $0.user.name == name }!.user) }

    @Test func theDashboardAndThePlansPageShowTheRiskOfBothModesAndNoChangeAsIntiqalRiskComputesIt() async throws {
        let demo = try PageTests.demo()
        let viewer = Self.viewer(demo, "usa-analyst")
        var request = RiskRequest()
        request.runs = Commission.pageRiskRuns
        let direct = try await demo.commission.risk(request, for: viewer).comparison
        let kept = try await demo.commission.keptRisk(for: viewer)
        try #require(kept.summary.rows.map(\.plan) == ["conditions", "deadlines", "baseline"], "\(kept.summary.notEstimated ?? "")")
        #expect(kept.summary.rows[0].pResurgence == direct.report.pResurgence && kept.summary.rows[1].pResurgence == direct.other.pResurgence)
        #expect(kept.summary.rows[2].pResurgence == direct.report.baseline.pResurgence)
        let again = try await demo.commission.keptRisk(for: viewer)
        #expect(again.summary == kept.summary)
        try await PageTests.app(demo).test(.router) { client in
            var b = try await PageTests.signIn(client, demo, "usa-analyst")
            let percent = String(format: "%.1f", kept.summary.rows[2].pResurgence * 100) + "%"
            for path in ["/", "/plans"] {
                let (status, page) = try await PageTests.get(client, &b, path)
                #expect(status == .ok)
                for mode in ["conditions", "deadlines", "baseline"] { #expect(page.contains("data-risk=\"\(mode)\""), "\(path) \(mode)") }
                #expect(page.contains(percent), "\(path) shows the baseline's \(percent)")
            }
        }
    }

    @Test func incidentsNotesAndSavedPlansShowOnlyWhatTheViewerMayRead() async throws {
        let demo = try PageTests.demo()
        let irq = Self.viewer(demo, "irq-threat")
        // An IRQ-only report whose attack, accepted, becomes an IRQ-only incident.
        let text = "Baghdad, 9 May 2025. Gunmen attacked a police checkpoint in Tarmiyah on 8 May 2025, wounding 3 policemen, officials said.\n"
        let (document, _) = try demo.commission.ingestReport(text: text, name: "irq-web-test.txt", published: "2025-05-09", marking: .rel(["IRQ"]), by: irq)
        let items = try demo.commission.evidenceItems(for: irq).filter { $0.documentID == document }
        var incident: Int64?, why: [String] = []
        for item in items {
            let outcome = try demo.commission.review(item: item.id, status: .accepted, by: irq)
            incident = outcome.incident ?? incident
            why.append(outcome.note ?? "")
        }
        let incidentID = try #require(incident, "\(why)")
        let region = try demo.commission.incident(id: incidentID, for: irq).incident.region
        let note = try demo.commission.addNote(entity: "evidence-document", id: String(document), text: "irq-note-text-2718", marking: nil, by: irq)
        let saved = try demo.commission.savePlan(name: "irq-saved-plan-1618", mode: .conditions, by: irq)
        #expect(saved.marking != .public)
        try await PageTests.app(demo).test(.router) { client in
            var i = try await PageTests.signIn(client, demo, "irq-threat")
            var u = try await PageTests.signIn(client, demo, "usa-threat")
            let (_, own) = try await PageTests.get(client, &i, "/incidents?month=2025-05")
            #expect(own.contains("data-incident=\"\(incidentID)\""))
            let (_, ownNotes) = try await PageTests.get(client, &i, "/notes")
            #expect(ownNotes.contains("irq-note-text-2718") && ownNotes.contains("data-note=\"\(note.id)\""))
            let (_, ownPlans) = try await PageTests.get(client, &i, "/saved-plans")
            #expect(ownPlans.contains("irq-saved-plan-1618"))
            let (ownStatus, ownPlan) = try await PageTests.get(client, &i, "/saved-plans/\(saved.id)")
            #expect(ownStatus == .ok && ownPlan.contains("<svg"))
            for path in ["/incidents", "/incidents?month=2025-05", "/incidents?region=\(region)&month=2025-05", "/notes",
                         "/notes?entity=evidence-document&id=\(document)", "/saved-plans"] {
                let (_, seen) = try await PageTests.get(client, &u, path)
                #expect(!seen.contains("data-incident=\"\(incidentID)\"") && !seen.contains("irq-note-text-2718")
                        && !seen.contains("irq-saved-plan-1618") && !seen.contains("irq-web-test"), "\(path)")
            }
            let (status, _) = try await PageTests.get(client, &u, "/saved-plans/\(saved.id)")
            #expect(status == .notFound)
            // A note on a record the viewer may not read is refused as if the record did not exist.
            let (_, page) = try await PageTests.get(client, &u, "/notes")
            let csrf = try #require(PageTests.hidden("csrf", in: page))
            let r = try await PageTests.post(client, &u, "/notes", [("csrf", csrf), ("entity", "evidence-document"), ("id", String(document)),
                                                                    ("marking", "JOINT"), ("text", "usa probe")])
            #expect(r.status == .unprocessableContent || r.status == .notFound)
            #expect(try demo.commission.notes(for: .fileHolder("x")).count == 1)
            // Saving the current plan by form, then a note on it.
            let save = try await PageTests.post(client, &u, "/saved-plans", [("csrf", csrf), ("name", "usa-plan-web"), ("mode", "deadlines")])
            #expect(save.status == .seeOther)
            let location = try #require(save.headers[.location])
            let (viewStatus, view) = try await PageTests.get(client, &u, location)
            #expect(viewStatus == .ok && view.contains("usa-plan-web"))
            let id = String(location.split(separator: "/").last!)
            let add = try await PageTests.post(client, &u, "/notes", [("csrf", csrf), ("entity", "saved-plan"), ("id", id), ("marking", "REL USA"),
                                                                      ("text", "usa-note-on-plan")])
            #expect(add.status == .seeOther)
            let (_, after) = try await PageTests.get(client, &u, location)
            #expect(after.contains("usa-note-on-plan"))
            let (_, irqView) = try await PageTests.get(client, &i, "/notes")
            #expect(!irqView.contains("usa-note-on-plan"))
            // A refused note keeps its text and names the field.
            let bad = try await PageTests.post(client, &u, "/notes", [("csrf", csrf), ("entity", "saved-plan"), ("id", id), ("marking", "REL USA"),
                                                                      ("text", "   ")])
            #expect(bad.status == .unprocessableContent && String(buffer: bad.body).contains("href=\"#f-text\""))
        }
    }
}
