import Foundation
import IntiqalDomain
import Testing
@testable import IntiqalRisk

@Suite struct BacktestRenderingTests {
    static let report: BacktestReport = {
        let incidents = BacktestTests.incidents().map { i -> Incident in
            var i = i
            i.region = i.region == "a" ? "ninewa" : "anbar"
            return i
        }
        return try! Backtest.run(incidents: incidents, configuration: BacktestTests.configuration, source: "synthetic <test>")
    }()

    @Test func htmlPageIsSelfContainedWithDiagramsAndEscapedText() throws {
        let html = BacktestHTMLRenderer(language: .en).render(Self.report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))
        // One reliability diagram per horizon and one chart per region with incidents.
        #expect(html.components(separatedBy: "<svg").count - 1 == 3 + 2)
        #expect(html.contains("synthetic &lt;test&gt;") && !html.contains("synthetic <test>"))
        #expect(html.contains("Ninewa") && html.contains("Hawkes model"))
    }

    @Test func arabicPageRunsRightToLeftWithArabicLabels() {
        let html = BacktestHTMLRenderer(language: .ar).render(Self.report)
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("نينوى") && html.contains("الأنبار") && html.contains("نموذج هوكس"))
        #expect(html.contains("svg{direction:ltr"))  // charts keep time left to right
        #expect(Self.report.notesAr.count == Self.report.notes.count)
        for note in Self.report.notesAr { #expect(html.contains(BacktestHTMLRenderer.escape(note))) }
    }

    @Test func tableHasEveryHorizonAndMethodAndTheReliabilityTable() {
        let table = BacktestTableRenderer(language: .en).render(Self.report)
        for method in Self.report.methods { #expect(table.contains(method.english)) }
        #expect(table.contains("Reliability: Hawkes model, horizon 3"))
        #expect(table.contains("0.9–1.0"))
        let arabic = BacktestTableRenderer(language: .ar).render(Self.report)
        #expect(arabic.contains("جدول الموثوقية"))
    }
}
