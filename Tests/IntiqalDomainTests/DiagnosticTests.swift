import Foundation
import IntiqalDomain
import Testing

/// The one diagnostic type: stable codes, one per site, and how a diagnostic reads.
@Suite struct DiagnosticTests {
    /// Every code the package reports. A code is never renamed once shipped: changing this list
    /// other than by adding to it breaks callers that match codes.
    static let shipped: [String] = [
        "scenario.file-unreadable", "scenario.no-bundled", "scenario.not-utf8", "scenario.budget", "scenario.empty",
        "scenario.parse", "scenario.too-large", "scenario.nesting", "scenario.yaml-syntax", "scenario.duplicate-keys",
        "scenario.yaml-read", "scenario.yaml-invalid",
        "scenario.expected-fields", "scenario.unknown-field", "scenario.expected-list", "scenario.too-many-entries",
        "scenario.expected-mapping", "scenario.expected-text", "scenario.invalid-id", "scenario.expected-integer",
        "scenario.range", "scenario.range-above", "scenario.expected-number", "scenario.expected-boolean",
        "scenario.missing-field", "scenario.scale-bounds", "scenario.scale-label", "scenario.duplicate-scale",
        "scenario.negative", "scenario.no-rating-party", "scenario.team-region-unsupported", "scenario.missing-capacity",
        "scenario.capacity-unknown-site", "scenario.growth-unknown-capability", "scenario.deadline-before-start",
        "scenario.unknown-phase", "scenario.site-in-two-phases", "scenario.region-in-two-phases", "scenario.phase-cycle",
        "scenario.threat-per-region", "scenario.rating-capability-required", "scenario.admiralty-grade",
        "scenario.rating-month", "scenario.expected-rating", "scenario.unknown-trend", "scenario.values-and-month",
        "scenario.unknown-scale-version", "scenario.rating-outside-scale", "scenario.trend-not-threat",
        "scenario.rating-after-end", "scenario.duplicate-rating", "scenario.resolution-capability-required",
        "scenario.resolution-outside-scale", "scenario.commitment-status", "scenario.incident-date",
        "scenario.incident-period", "scenario.negative-weight", "scenario.deadline-after-end",
        "scenario.garrison-over-capacity", "scenario.unknown-rating-party", "scenario.gate-unrated",
        "scenario.missing-section", "scenario.duplicate-id", "scenario.month", "scenario.not-one-of",
        "scenario.unknown-reference",
        "verifier.input-out-of-range", "verifier.wrong-scenario", "verifier.wrong-period",
        "verifier.site-headcount-mismatch", "verifier.site-closure-mismatch", "verifier.site-count-mismatch",
        "verifier.handover-unreported", "verifier.handover-not-happening", "verifier.handover-total-mismatch",
        "verifier.remaining-mismatch", "verifier.personnel-months-mismatch", "verifier.phase-completion-mismatch",
        "verifier.phase-slack-mismatch", "verifier.phase-deadline-mismatch", "verifier.deadline-missed-unexplained",
        "verifier.risk-debt-missing", "verifier.risk-debt-wrong", "verifier.risk-debt-extra",
        "verifier.risk-debt-adviser-months-mismatch", "verifier.risk-debt-total-mismatch",
        "verifier.move-outside-horizon", "verifier.unknown-site", "verifier.site-already-closed",
        "verifier.move-not-positive", "verifier.move-too-large", "verifier.unknown-team", "verifier.team-elsewhere",
        "verifier.more-leave-than-remain", "verifier.gate-not-held", "verifier.unknown-target", "verifier.team-split",
        "verifier.target-closed", "verifier.target-unsupported", "verifier.advisers-at-closing-site",
        "verifier.garrison-mismatch", "verifier.capacity-exceeded", "verifier.site-capacity-exceeded",
        "verifier.advisers-at-closed-site", "verifier.below-garrison", "verifier.phase-order",
        "verifier.no-reintervention", "verifier.not-verified",
        "evidence.foreign-encoding", "evidence.invalid-utf8", "evidence.line-split", "evidence.sentence-split",
        "evidence.document-truncated",
        "csv.line-too-long", "csv.too-many-rows", "csv.unterminated-quote",
        "risk.incidents-no-region-column",
        "risk.incidents-unknown-column",
        "risk.incidents-too-few-fields",
        "risk.incidents-too-many-fields",
        "risk.incidents-date",
        "risk.incidents-empty-region",
        "risk.incidents-count",
        "risk.events-empty",
        "risk.events-field-count",
        "risk.events-date",
        "risk.events-number",
        "risk.events-ucdp-no-adm1",
        "risk.events-acled-no-admin1",
        "risk.events-unknown-header",
        "risk.presence-no-header",
        "risk.presence-missing-column",
        "risk.presence-field-count",
        "risk.presence-date",
        "risk.presence-troops",
        "risk.presence-source",
        "risk.presence-order",
        "risk.presence-no-positive",
        "risk.events-too-many-records",
        "risk.events-unterminated-quote",
        "csv.ratings-file",
        "csv.ratings-empty",
        "csv.ratings-missing-column",
        "csv.ratings-field-count",
        "csv.ratings-group",
        "csv.ratings-month",
        "csv.ratings-value",
        "csv.ratings-trend",
        "csv.ratings-confidence",
        "csv.ratings-scale",
        "csv.ratings-unknown-party",
        "csv.ratings-unknown-region",
        "csv.ratings-threat-capability",
        "csv.ratings-unknown-capability",
        "csv.ratings-capability-required",
        "csv.ratings-after-end",
        "csv.ratings-outside-scale",
        "csv.ratings-unknown-scale",
        "risk.montecarlo-no-plans",
        "risk.montecarlo-too-many-plans",
        "risk.montecarlo-plan-no-regions",
        "risk.montecarlo-too-many-regions",
        "risk.montecarlo-baseline-region-twice",
        "risk.montecarlo-too-many-months",
        "risk.montecarlo-too-many-cells",
        "risk.montecarlo-plan-exposure",
        "risk.montecarlo-plan-region-twice",
        "risk.montecarlo-plan-months-differ",
        "risk.montecarlo-baseline-missing-region",
        "risk.montecarlo-baseline-months-differ",
        "risk.montecarlo-extra-region",
        "risk.montecarlo-too-many-incidents",
        "risk.simulation-horizon",
        "risk.simulation-explosive",
        "risk.simulation-explosive-background",
        "risk.montecarlo-runs",
        "risk.montecarlo-parallelism",
        "risk.multivariate-start",
        "risk.multivariate-not-finite",
        "risk.neighbours-region-twice",
        "risk.neighbours-unknown-region",
        "risk.neighbours-unknown-neighbour",
        "risk.neighbours-self",
        "risk.multivariate-parameters",
        "risk.multivariate-explosive",
        "risk.multivariate-times",
        "risk.multivariate-horizon",
        "risk.multivariate-event-time",
        "risk.neighbours-csv-header",
        "risk.neighbours-csv-fields",
        "risk.neighbours-csv-self",
        "risk.exposure-csv-unknown-column",
        "risk.exposure-csv-missing-column",
        "risk.exposure-csv-columns",
        "risk.exposure-csv-field-count",
        "risk.exposure-csv-month",
        "risk.exposure-csv-empty-region",
        "risk.exposure-csv-gap",
        "risk.exposure-csv-coalition-share",
        "risk.exposure-csv-no-rows",
        "risk.exposure-csv-months",
        "risk.exposure-csv-span",
        "risk.threshold-incidents",
        "risk.threshold-months",
        "risk.fit-gamma",
        "risk.fit-incident-date",
        "risk.fit-incident-region",
        "risk.fit-incident-count",
        "risk.fit-incident-until",
        "risk.fit-incident-period",
        "risk.fit-no-incidents",
        "risk.fit-window-years",
        "risk.exposure-empty-region",
        "risk.exposure-no-months",
        "risk.exposure-share-months",
        "risk.exposure-gap",
        "risk.exposure-coalition-share",
        "risk.history-start",
        "risk.history-no-regions",
        "risk.history-region-twice",
        "risk.history-months-differ",
        "risk.model-region-parameters",
        "risk.model-fallback-parameters",
        "risk.model-gamma-gap",
        "risk.model-gamma-departure",
        "risk.model-reference-gap",
        "risk.model-log-covariance",
        "risk.model-standard-error",
        "risk.backtest-incident-date",
        "risk.backtest-incident-count",
        "risk.backtest-incident-region",
        "risk.backtest-too-many-incidents",
        "risk.backtest-incident-until",
        "risk.backtest-no-incidents",
        "risk.backtest-years",
        "risk.backtest-too-many-regions",
        "risk.departure-period",
        "risk.backtest-no-months",
        "risk.backtest-threshold",
        "risk.backtest-consecutive",
        "risk.backtest-horizons",
        "risk.backtest-period",
        "risk.backtest-window",
        "risk.backtest-level",
        "risk.backtest-volatility",
        "risk.backtest-runs",
        "risk.backtest-log-floor",
        "risk.fit-too-few-events",
        "risk.fit-not-finite",
        "risk.likelihood-horizon",
        "risk.likelihood-event-time",
        "risk.parameters-mu",
        "risk.parameters-alpha",
        "risk.parameters-beta",
        "risk.parameters-stationary",
        "risk.background-segments",
        "risk.background-segment-days",
        "risk.background-multiplier",
        "risk.background-total-days",
        "risk.csv-unreadable",
    ]

    @Test func everyShippedCodeIsStillThereUnderTheSameName() {
        #expect(DiagnosticCode.all.map(\.rawValue) == Self.shipped)
    }

    @Test func codesAreUniqueAndWellFormed() {
        let raw = DiagnosticCode.all.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        let stages: Set<Substring> = ["scenario", "verifier", "evidence", "csv", "risk"]
        for code in DiagnosticCode.all {
            #expect(stages.contains(code.stage), "\(code)")
            let name = code.rawValue.dropFirst(code.stage.count + 1)
            #expect(!name.isEmpty && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }, "\(code)")
        }
    }

    /// Each code is reported from one place in the sources: a site's code names that site.
    @Test func eachCodeIsUsedAtOneSite() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            Issue.record("cannot read \(sources.path)")
            return
        }
        var text = ""
        for case let url as URL in walker where url.pathExtension == "swift" && url.lastPathComponent != "DiagnosticCode.swift" {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        let names = try String(contentsOf: sources.appendingPathComponent("IntiqalDomain/DiagnosticCode.swift"), encoding: .utf8)
            .split(separator: "\n").compactMap { line -> String? in
                guard let r = line.range(of: "public static let "), let eq = line.range(of: " = DiagnosticCode(") else { return nil }
                return String(line[r.upperBound..<eq.lowerBound])
            }
        #expect(names.count == DiagnosticCode.all.count)
        for name in names {
            let uses = text.components(separatedBy: ".\(name),").count - 1 + text.components(separatedBy: ".\(name))").count - 1
            #expect(uses == 1, "\(name) is used at \(uses) sites")
        }
    }

    @Test func aDiagnosticReadsWithItsLocationInEitherLanguage() {
        let d = Diagnostic.error(.scenarioRangeBelow, at: DiagnosticLocation(file: "s.yaml", line: 3, column: 7, path: "sites[0].capacity"),
                                 en: "must be positive", ar: "يجب أن تكون موجبة")
        #expect(d.description == "s.yaml:3:7: error: sites[0].capacity: must be positive")
        #expect(d.text(.ar) == "s.yaml:3:7: error: sites[0].capacity: يجب أن تكون موجبة")
        let bytes = Diagnostic.warning(.evidenceInvalidUTF8, at: DiagnosticLocation(file: "a.txt", byteOffset: 4), en: "bad", ar: "سيئ")
        #expect(bytes.description == "a.txt: byte 4: warning: bad")
        #expect(Diagnostic.error(.verifierNotVerified, en: "not verified", ar: "لم يُتحقق منها").description == "error: not verified")
    }

    @Test func theCollectorKeepsEveryProblemInOrder() {
        var collector = DiagnosticCollector()
        collector.warning(.scenarioDeadlineAfterEnd, en: "late", ar: "متأخر")
        #expect(!collector.hasErrors)
        collector.error(.scenarioMissingField, en: "missing", ar: "مفقود")
        collector.error(.scenarioUnknownField, en: "unknown", ar: "غير معروف")
        #expect(collector.hasErrors)
        #expect(collector.codes == [.scenarioDeadlineAfterEnd, .scenarioMissingField, .scenarioUnknownField])
        #expect(collector.errors.count == 2 && collector.warnings.count == 1)
    }

    @Test func csvErrorsAreDiagnosticsWithTheirCodes() {
        do {
            _ = try CSVLines.records("a,b\nc,\"d", file: "q.csv")
            Issue.record("an unterminated quote was read")
        } catch {
            #expect(error.diagnostic.code == .csvUnterminatedQuote)
            #expect(error.diagnostic.location.file == "q.csv")
            #expect(error.diagnostic.message.en == error.message)
            #expect(error.diagnostic.message.ar?.isEmpty == false)
        }
    }

    @Test func diagnosticsRoundTripThroughJSON() throws {
        let d = Diagnostic.error(.verifierCapacityExceeded, at: DiagnosticLocation(path: "moves"), en: "over", ar: "فوق")
        let back = try JSONDecoder().decode(Diagnostic.self, from: JSONEncoder().encode(d))
        #expect(back == d)
        #expect(back.code.rawValue == "verifier.capacity-exceeded")
    }
}
