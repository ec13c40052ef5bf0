import Foundation
import IntiqalDomain
import IntiqalScenario
import Testing

/// Every kind of bad scenario is rejected with diagnostics that name the file, the line, the
/// field path and the problem; good files (YAML or JSON) load.
@Suite struct ScenarioLoaderTests {
    static let file = "bad.yaml"

    static var bundled: String {
        guard let text = ScenarioLoader.bundledText("iraq-2024") else {
            Issue.record("bundled iraq-2024 text not found")
            return ""
        }
        return text
    }

    /// The bundled text with `old` (which must occur exactly once) replaced by `new`.
    static func edited(_ old: String, _ new: String, in text: String = bundled) -> String {
        let count = text.components(separatedBy: old).count - 1
        #expect(count == 1, "'\(old)' occurs \(count) times in the bundled scenario")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The 1-based line on which `needle` first occurs.
    static func line(of needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// The diagnostics of a load that must fail.
    static func failure(_ text: String, file: String = file) -> [Diagnostic] {
        do {
            _ = try ScenarioLoader.load(text: text, file: file)
            Issue.record("the scenario loaded, but it should not have")
            return []
        } catch let error as ScenarioError {
            #expect(!error.errors.isEmpty)
            return error.errors
        } catch {
            Issue.record("expected ScenarioError, got \(type(of: error)): \(error)")
            return []
        }
    }

    /// Asserts one error diagnostic at `path` on `line` of `file` whose message contains `message`.
    @discardableResult
    static func expectError(_ diagnostics: [Diagnostic], path: String, line: Int?, message: String,
                            file: String = file, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let match = diagnostics.first { ($0.location.path ?? "") == path && $0.message.en.contains(message) }
        #expect(match != nil, "no error at \(path) containing \"\(message)\" in:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        guard let match else { return nil }
        #expect(match.severity == .error, sourceLocation: sourceLocation)
        #expect(match.location.file == file, sourceLocation: sourceLocation)
        if let line { #expect(match.location.line == line, "line of \(match)", sourceLocation: sourceLocation) }
        #expect(match.description.hasPrefix("\(file):\(line.map(String.init) ?? "")"), sourceLocation: sourceLocation)
        #expect(match.description.contains("\(path): \(message)"), sourceLocation: sourceLocation)
        return match
    }

    @Test func capabilityWeightMustBeANumberNotBelowZero() {
        let line = "  - {id: isr, name: {en: ISR, ar: المراقبة والاستطلاع}, source: seed-004}"
        for (weight, message) in [("-0.5", "must not be negative"), ("heavy", "expected a number")] {
            let text = Self.edited(line, "  - {id: isr, name: {en: ISR, ar: المراقبة والاستطلاع}, weight: \(weight), source: seed-004}")
            Self.expectError(Self.failure(text), path: "capabilities[1].weight", line: Self.line(of: "weight: \(weight)", in: text), message: message)
        }
        let good = Self.edited(line, "  - {id: isr, name: {en: ISR, ar: المراقبة والاستطلاع}, weight: 2.5, source: seed-004}")
        let scenario = try? ScenarioLoader.load(text: good, file: Self.file).scenario
        #expect(scenario?.capabilities.map(\.weight) == [1, 2.5, 1, 1, 1, 1])
    }

    // MARK: - Good files

    @Test(arguments: ScenarioLoader.bundledNames)
    func bundledExampleLoadsWithoutErrors(name: String) throws {
        let (scenario, warnings) = try ScenarioLoader.loadBundled(name)
        #expect(scenario.id == name)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(!scenario.sites.isEmpty)
        #expect(!scenario.phases.isEmpty)
        #expect(!scenario.assessments.isEmpty)
    }

    @Test func bundledIraqScenarioHasTheArticlesPosture() throws {
        let scenario = try ScenarioLoader.loadBundled("iraq-2024").scenario
        #expect(scenario.start == YearMonth(year: 2024, month: 10))
        #expect(scenario.sites.map(\.id) == ["ain-al-asad", "victory", "harir"])
        #expect(scenario.phases.map(\.id) == ["federal-iraq", "kurdistan-syria"])
        #expect(scenario.phases[0].deadline == YearMonth(year: 2025, month: 9))
        #expect(scenario.phases[1].deadline == YearMonth(year: 2026, month: 9))
        #expect(scenario.phases[1].after == ["federal-iraq"])
        let us = scenario.sites.reduce(0) { total, site in
            total + site.minimumGarrison + site.teams.filter { $0.nation == "USA" }.reduce(0) { $0 + $1.headcount }
        }
        #expect(us == 2_500)
    }

    @Test func loadPathOfBundledNameLoadsTheExample() throws {
        let (scenario, _) = try ScenarioLoader.load(path: "contested-2025")
        #expect(scenario.id == "contested-2025")
    }

    @Test func jsonScenarioIsAccepted() throws {
        let json = """
        {
          "id": "json-mini",
          "name": {"en": "A small scenario", "ar": "سيناريو صغير"},
          "start": "2030-01",
          "horizonMonths": 6,
          "parties": [{"id": "IRQ", "name": "Iraq", "role": "host"}, {"id": "USA", "name": "United States", "role": "lead"}],
          "regions": [{"id": "anbar", "name": "Anbar"}],
          "capabilities": [{"id": "isr", "name": "ISR"}],
          "capacity": {"overallPerMonth": 100},
          "sites": [{"id": "base", "name": "Base", "region": "anbar", "supports": ["anbar"], "minimumGarrison": 10,
                     "teams": [{"id": "t1", "region": "anbar", "capability": "isr", "headcount": 20, "nation": "USA"}]}],
          "phases": [{"id": "only", "name": "Only phase", "sites": ["base"], "regions": ["anbar"], "deadline": "2030-04"}],
          "assessments": [
            {"party": "IRQ", "factor": "threat", "region": "anbar", "month": "2029-10", "value": 1, "trend": "falling"},
            {"party": "USA", "factor": "threat", "region": "anbar", "month": "2029-10", "value": 2, "trend": "steady"},
            {"party": "IRQ", "factor": "requirement", "region": "anbar", "capability": "isr", "month": "2029-10", "value": 2},
            {"party": "USA", "factor": "requirement", "region": "anbar", "capability": "isr", "month": "2029-10", "value": 2},
            {"party": "IRQ", "factor": "capability", "region": "anbar", "capability": "isr", "values": {"2029-10": 3}},
            {"party": "USA", "factor": "capability", "region": "anbar", "capability": "isr", "values": {"2029-10": 2.5}}
          ]
        }
        """
        let (scenario, warnings) = try ScenarioLoader.load(text: json, file: "mini.json")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(scenario.id == "json-mini")
        #expect(scenario.name.ar == "سيناريو صغير")
        #expect(scenario.horizonMonths == 6)
        #expect(scenario.sites.first?.teams.first?.headcount == 20)
        #expect(scenario.phases.first?.deadline == YearMonth(year: 2030, month: 4))
        #expect(scenario.assessments.count == 6)
        #expect(scenario.assessments.first { $0.party == "USA" && $0.factor == .capability }?.value == 2.5)
    }

    // MARK: - References, ranges, ids

    @Test func unknownRegionInATeamIsNamedWithAHint() {
        let text = Self.edited("{id: aaa-anbar-air, region: anbar,", "{id: aaa-anbar-air, region: anbr,")
        Self.expectError(Self.failure(text), path: "sites[0].teams[0].region", line: Self.line(of: "aaa-anbar-air", in: text),
                         message: "unknown region 'anbr' (did you mean 'anbar'?)")
    }

    @Test func negativeHeadcountIsRejected() {
        let text = Self.edited("capability: air-cover, headcount: 150, nation: USA}", "capability: air-cover, headcount: -150, nation: USA}")
        Self.expectError(Self.failure(text), path: "sites[0].teams[0].headcount", line: Self.line(of: "aaa-anbar-air", in: text),
                         message: "must be positive (got -150)")
    }

    @Test func zeroHeadcountIsRejected() {
        let text = Self.edited("{id: har-erbil-intel, region: erbil, capability: intelligence-analysis, headcount: 50,",
                               "{id: har-erbil-intel, region: erbil, capability: intelligence-analysis, headcount: 0,")
        Self.expectError(Self.failure(text), path: "sites[2].teams[3].headcount", line: Self.line(of: "har-erbil-intel", in: text),
                         message: "must be positive (got 0)")
    }

    @Test func ratingOutsideItsScaleIsRejected() {
        let old = "{party: IRQ, factor: capability, region: anbar, capability: air-cover, values: {2024-09: 3}"
        let text = Self.edited(old, "{party: IRQ, factor: capability, region: anbar, capability: air-cover, values: {2024-09: 7}")
        Self.expectError(Self.failure(text), path: "assessments[44].values.2024-09",
                         line: Self.line(of: "{party: IRQ, factor: capability, region: anbar, capability: air-cover", in: text),
                         message: "rating 7 is outside the capability scale v1 (0–4)")
    }

    @Test func threatRatingOutsideItsScaleIsRejected() {
        let text = Self.edited("{party: IRQ, factor: threat, region: erbil, values: {2024-09: 1 falling}",
                               "{party: IRQ, factor: threat, region: erbil, values: {2024-09: 0 falling}")
        Self.expectError(Self.failure(text), path: "assessments[12].values.2024-09",
                         line: Self.line(of: "{party: IRQ, factor: threat, region: erbil", in: text),
                         message: "rating 0 is outside the threat scale v1 (1–5)")
    }

    @Test func trendOnANonThreatRatingIsRejected() {
        let old = "{party: IRQ, factor: requirement, region: anbar, capability: air-cover, values: {2024-09: 3}"
        let text = Self.edited(old, "{party: IRQ, factor: requirement, region: anbar, capability: air-cover, values: {2024-09: 3 rising}")
        Self.expectError(Self.failure(text), path: "assessments[14].values.2024-09",
                         line: Self.line(of: "{party: IRQ, factor: requirement, region: anbar, capability: air-cover", in: text),
                         message: "only threat ratings carry a trend")
    }

    @Test func threatRatedPerCapabilityIsRejected() {
        let old = "{party: IRQ, factor: threat, region: baghdad, values:"
        let text = Self.edited(old, "{party: IRQ, factor: threat, region: baghdad, capability: isr, values:")
        Self.expectError(Self.failure(text), path: "assessments[4].capability",
                         line: Self.line(of: "capability: isr, values: {2024-06", in: text),
                         message: "threat is rated per region, not per capability area")
    }

    @Test func cycleInPhaseOrderIsNamed() {
        let text = Self.edited("    deadline: 2025-09\n", "    deadline: 2025-09\n    after: [kurdistan-syria]\n")
        let d = Self.expectError(Self.failure(text), path: "phases[0].after", line: Self.line(of: "after: [kurdistan-syria]", in: text),
                                 message: "cycle in phase order: federal-iraq → kurdistan-syria → federal-iraq")
        #expect(d != nil)
    }

    @Test func selfCycleInPhaseOrderIsNamed() {
        let yaml = Self.minimal(phases: """
            phases:
              - {id: a, name: A, sites: [base], regions: [anbar], after: [b]}
              - {id: b, name: B, after: [a]}
            """)
        Self.expectError(Self.failure(yaml), path: "phases[0].after", line: Self.line(of: "{id: a, name: A", in: yaml),
                         message: "cycle in phase order: a → b → a")
    }

    @Test func deadlineBeforeTheStartIsRejected() {
        let text = Self.edited("deadline: 2025-09", "deadline: 2024-05")
        Self.expectError(Self.failure(text), path: "phases[0].deadline", line: Self.line(of: "deadline: 2024-05", in: text),
                         message: "deadline 2024-05 is before the start 2024-10")
    }

    @Test func duplicateSiteIDIsRejected() {
        let text = Self.edited("  - id: victory\n", "  - id: ain-al-asad\n")
        Self.expectError(Self.failure(text), path: "sites[1].id", line: Self.line(of: "Camp Victory", in: text).map { $0 - 1 },
                         message: "duplicate site id 'ain-al-asad' (first at sites[0])")
    }

    @Test func duplicateTeamIDIsRejected() {
        let text = Self.edited("{id: vic-baghdad-isr,", "{id: aaa-anbar-isr,")
        Self.expectError(Self.failure(text), path: "sites[1].teams[1].id",
                         line: Self.line(of: "{id: aaa-anbar-isr, region: baghdad", in: text),
                         message: "duplicate team id 'aaa-anbar-isr' (first at sites[0].teams[1])")
    }

    @Test func duplicatePhaseIDIsRejected() {
        let text = Self.edited("  - id: kurdistan-syria\n", "  - id: federal-iraq\n")
        Self.expectError(Self.failure(text), path: "phases[1].id", line: Self.line(of: "Phase 2: support", in: text).map { $0 - 1 },
                         message: "duplicate phase id 'federal-iraq' (first at phases[0])")
    }

    @Test func duplicateRegionIDIsRejected() {
        let text = Self.edited("{id: diyala, name:", "{id: baghdad, name:")
        Self.expectError(Self.failure(text), path: "regions[2].id", line: Self.line(of: "{id: baghdad, name: {en: Diyala", in: text),
                         message: "duplicate region id 'baghdad' (first at regions[1])")
    }

    @Test func unknownFieldGetsADidYouMeanHint() {
        let old = "    region: anbar\n    supports: [anbar, syria-border]\n    minimumGarrison: 300\n"
        let text = Self.edited(old, "    region: anbar\n    supports: [anbar, syria-border]\n    minimumGarison: 300\n")
        let diagnostics = Self.failure(text)
        Self.expectError(diagnostics, path: "sites[0].minimumGarison", line: Self.line(of: "minimumGarison", in: text),
                         message: "unknown field 'minimumGarison' (did you mean 'minimumGarrison'?)")
        Self.expectError(diagnostics, path: "sites[0].minimumGarrison", line: nil, message: "missing required field 'minimumGarrison'")
    }

    @Test func unknownTopLevelFieldGetsADidYouMeanHint() {
        let text = Self.edited("horizonMonths: 36", "horizonMonths: 36\nphses: []")
        Self.expectError(Self.failure(text), path: "phses", line: Self.line(of: "phses", in: text),
                         message: "unknown field 'phses' (did you mean 'phases'?)")
    }

    @Test func siteInTwoPhasesIsRejected() {
        let text = Self.edited("    sites: [harir]\n", "    sites: [harir, victory]\n")
        Self.expectError(Self.failure(text), path: "phases[1].sites[1]", line: Self.line(of: "sites: [harir, victory]", in: text),
                         message: "site victory is already in phase federal-iraq")
    }

    @Test func garrisonAboveCapacityIsRejected() {
        let text = Self.edited("    minimumGarrison: 200\n", "    minimumGarrison: 300\n")
        Self.expectError(Self.failure(text), path: "sites[1].minimumGarrison",
                         line: Self.line(of: "Camp Victory", in: text).map { $0 + 3 },
                         message: "garrison 300 exceeds the retrograde capacity 250 per month: site victory could never close")
    }

    @Test func missingRequiredFieldIsNamed() {
        let text = Self.edited("    region: baghdad\n", "")
        Self.expectError(Self.failure(text), path: "sites[1].region", line: Self.line(of: "  - id: victory", in: text),
                         message: "missing required field 'region'")
    }

    @Test func missingTopLevelSectionIsNamed() {
        let yaml = Self.minimal(phases: "")
        let match = Self.expectError(Self.failure(yaml), path: "phases", line: 1, message: "missing required field 'phases'")
        #expect(match?.code == .scenarioMissingSection)
        #expect(match?.text(.ar).hasSuffix("phases: الحقل المطلوب 'phases' مفقود") == true)
    }

    @Test(arguments: ["2024-13", "Oct 2024", "2024-1", "24-10"])
    func badMonthFormatIsRejected(month: String) {
        let text = Self.edited("start: 2024-10 ", "start: \"\(month)\" ")
        let match = Self.expectError(Self.failure(text), path: "start", line: Self.line(of: "start:", in: text),
                                     message: "expected a month as YYYY-MM, got '\(month)'")
        #expect(match?.code == .scenarioMonth)
        #expect(match?.message.ar?.hasPrefix("المتوقع شهر بصيغة YYYY-MM") == true)
    }

    @Test func badMonthKeyInARatingSeriesIsRejected() {
        let text = Self.edited("{party: USA, factor: threat, region: diyala, values: {2024-09: 3 steady}",
                               "{party: USA, factor: threat, region: diyala, values: {2024-9: 3 steady}")
        let match = Self.expectError(Self.failure(text), path: "assessments[7].values.2024-9", line: Self.line(of: "{2024-9: 3", in: text),
                                     message: "expected a month as YYYY-MM, got '2024-9'")
        #expect(match?.code == .scenarioRatingMonth)
    }

    @Test func duplicateRatingIsRejected() {
        let anchor = "  - {party: IRQ, factor: threat, region: diyala, values: {2024-09: 3 steady}, illustrative: true}\n"
        let text = Self.edited(anchor, anchor + "  - {party: IRQ, factor: threat, region: diyala, month: 2024-09, value: 2}\n")
        Self.expectError(Self.failure(text), path: "assessments[7].value",
                         line: Self.line(of: "month: 2024-09, value: 2}", in: text),
                         message: "duplicate rating: IRQ already rated threat diyala for 2024-09 at assessments[6].values.2024-09")
    }

    @Test func unknownScaleVersionIsRejected() {
        let text = Self.edited("{party: USA, factor: threat, region: erbil, values:", "{party: USA, factor: threat, region: erbil, scale: 3, values:")
        Self.expectError(Self.failure(text), path: "assessments[13].scale", line: Self.line(of: "scale: 3", in: text),
                         message: "no threat scale version 3")
    }

    // MARK: - Files that are not scenarios

    @Test func invalidYAMLSyntaxIsReportedWithItsLine() {
        let yaml = "id: broken\nname: [unclosed\nstart: 2024-10\n"
        let diagnostics = Self.failure(yaml)
        #expect(diagnostics.count == 1)
        let d = diagnostics.first
        #expect(d?.location.file == Self.file)
        #expect(d?.message.en.hasPrefix("not valid YAML or JSON") == true, "\(String(describing: d))")
        #expect(d?.location.line != nil)
        #expect((d?.location.line ?? 0) >= 2)
    }

    @Test func invalidJSONIsReported() {
        let diagnostics = Self.failure("{\"id\": \"x\", \"name\": [1, 2}", file: "bad.json")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.file == "bad.json")
        #expect(diagnostics.first?.message.en.hasPrefix("not valid YAML or JSON") == true)
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func nonUTF8BytesAreReportedWithTheirLine() {
        var data = Data("id: x\nname: y\nstart: ".utf8)
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(contentsOf: Array("\n".utf8))
        do {
            _ = try ScenarioLoader.load(data: data, file: "latin.yaml")
            Issue.record("loaded invalid UTF-8")
        } catch let error as ScenarioError {
            #expect(error.errors.count == 1)
            let d = error.errors.first
            #expect(d?.location.file == "latin.yaml")
            #expect(d?.location.line == 3)
            #expect(d?.message.en == "not valid UTF-8 (byte 21)")
            #expect(error.description.contains("latin.yaml:3: error: not valid UTF-8"))
        } catch {
            Issue.record("expected ScenarioError, got \(error)")
        }
    }

    @Test(arguments: ["", "   \n\n", "# only a comment\n"])
    func emptyFileIsReported(text: String) {
        let diagnostics = Self.failure(text, file: "empty.yaml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.en == "the file is empty")
        #expect(diagnostics.first?.location.file == "empty.yaml")
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func topLevelListIsNotAScenario() {
        Self.expectError(Self.failure("- a\n- b\n"), path: "", line: 1, message: "expected a mapping of fields")
    }

    @Test func missingFileIsNamed() {
        let path = "/nonexistent/dir/nothing-here.yaml"
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("loaded a missing file")
        } catch let error as ScenarioError {
            #expect(error.errors.first?.location.file == path)
            #expect(error.errors.first?.message.en == "no such file")
            #expect(error.description.contains(path))
        } catch {
            Issue.record("expected ScenarioError, got \(error)")
        }
    }

    // MARK: - Many problems at once

    @Test func everyProblemInAFileIsReported() {
        var text = Self.edited("start: 2024-10 ", "start: 2024-13 ")
        text = Self.edited("{id: aaa-anbar-air, region: anbar,", "{id: aaa-anbar-air, region: anbr,", in: text)
        text = Self.edited("capability: isr, headcount: 120,", "capability: isr, headcount: -5,", in: text)
        text = Self.edited("    sites: [harir]\n", "    sites: [harir, victory]\n", in: text)
        text = Self.edited("{party: IRQ, factor: threat, region: erbil, values: {2024-09: 1 falling}",
                           "{party: IRQ, factor: threat, region: erbil, values: {2024-09: 9 falling}", in: text)
        let diagnostics = Self.failure(text)
        let paths = Set(diagnostics.map { $0.location.path ?? "" })
        for path in ["start", "sites[0].teams[0].region", "sites[0].teams[1].headcount", "phases[1].sites[1]",
                     "assessments[12].values.2024-09"] {
            #expect(paths.contains(path), "no error at \(path) in \(diagnostics.map(\.description))")
        }
        #expect(diagnostics.count >= 5)
        let description = ScenarioError(diagnostics: diagnostics).description
        #expect(description.hasPrefix("scenario has \(diagnostics.count) errors:"))
        #expect(diagnostics.allSatisfy { $0.location.line != nil })
    }

    // MARK: - Helpers

    /// A small valid scenario with the given phases section.
    static func minimal(phases: String) -> String {
        """
        id: mini
        name: Mini
        start: 2030-01
        horizonMonths: 6
        parties:
          - {id: IRQ, name: Iraq, role: host}
          - {id: USA, name: United States, role: lead}
        regions:
          - {id: anbar, name: Anbar}
        capabilities:
          - {id: isr, name: ISR}
        capacity: {overallPerMonth: 100}
        sites:
          - id: base
            name: Base
            region: anbar
            supports: [anbar]
            minimumGarrison: 10
            teams:
              - {id: t1, region: anbar, capability: isr, headcount: 20, nation: USA}
        \(phases)
        """
    }
}

extension ScenarioLoaderTests {
    @Test func duplicateTeamIsLocatedEvenWhenAnEarlierTeamOfItsSiteIsBad() {
        var text = Self.edited("{id: vic-baghdad-intel, region: baghdad, capability: intelligence-analysis, headcount: 150,",
                               "{id: vic-baghdad-intel, region: baghdad, capability: intelligence-analysis, headcount: -1,")
        text = Self.edited("{id: vic-baghdad-ammo,", "{id: aaa-anbar-isr,", in: text)
        let diagnostics = Self.failure(text)
        Self.expectError(diagnostics, path: "sites[1].teams[0].headcount", line: Self.line(of: "vic-baghdad-intel", in: text),
                         message: "must be positive (got -1)")
        Self.expectError(diagnostics, path: "sites[1].teams[2].id", line: Self.line(of: "{id: aaa-anbar-isr, region: baghdad", in: text),
                         message: "duplicate team id 'aaa-anbar-isr' (first at sites[0].teams[1])")
    }

    @Test func duplicateKeyInAMappingIsReported() {
        let text = Self.edited("horizonMonths: 36 ", "horizonMonths: 36\nhorizonMonths: 40\n#")
        let diagnostics = Self.failure(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.en.contains("horizonMonths") == true, "\(diagnostics)")
        #expect(diagnostics.first?.location.line != nil)
    }
}

extension ScenarioLoaderTests {
    @Test func eachProblemIsReportedOnce() {
        let text = Self.edited("    teams:\n      - {id: har-syria-air,", "    teams: 5\n    oldTeams:\n      - {id: har-syria-air,")
        let diagnostics = Self.failure(text)
        let list = diagnostics.filter { $0.location.path == "sites[2].teams" }
        #expect(list.count == 1, "\(list)")
        #expect(list.first?.message.en == "expected a list")
        #expect(list.first?.location.line == Self.line(of: "teams: 5", in: text))
        #expect(Set(diagnostics).count == diagnostics.count, "duplicate diagnostics: \(diagnostics)")
    }
}

extension ScenarioLoaderTests {
    @Test func siteInTwoPhasesIsLocatedAfterAnUnknownSite() {
        let text = Self.edited("    sites: [harir]\n", "    sites: [nowhere, harir, victory]\n")
        let diagnostics = Self.failure(text)
        let line = Self.line(of: "sites: [nowhere", in: text)
        Self.expectError(diagnostics, path: "phases[1].sites[0]", line: line, message: "unknown site 'nowhere'")
        Self.expectError(diagnostics, path: "phases[1].sites[2]", line: line, message: "site victory is already in phase federal-iraq")
    }

    @Test func regionInTwoPhasesIsLocatedAfterAnUnknownRegion() {
        let text = Self.edited("    regions: [erbil, syria-border]\n", "    regions: [atlantis, erbil, syria-border, anbar]\n")
        let diagnostics = Self.failure(text)
        Self.expectError(diagnostics, path: "phases[1].regions[3]", line: Self.line(of: "regions: [atlantis", in: text),
                         message: "region anbar is already in phase federal-iraq")
    }
}

extension ScenarioLoaderTests {
    @Test func supportsThatIsNotAListIsReportedOnce() {
        let text = Self.edited("    supports: [anbar, syria-border]\n", "    supports: anbar\n")
        let diagnostics = Self.failure(text)
        let supports = diagnostics.filter { $0.location.path == "sites[0].supports" }
        #expect(supports.count == 1, "\(supports)")
        #expect(supports.first?.message.en == "expected a list")
        #expect(supports.first?.location.line == Self.line(of: "supports: anbar", in: text))
        #expect(Set(diagnostics).count == diagnostics.count, "duplicate diagnostics: \(diagnostics)")
    }
}

extension ScenarioLoaderTests {
    @Test func teamForARegionItsSiteDoesNotSupportIsRejected() {
        let text = Self.edited("{id: har-ninewa-ground, region: ninewa,", "{id: har-ninewa-ground, region: baghdad,")
        Self.expectError(Self.failure(text), path: "sites[2].teams[2].region", line: Self.line(of: "har-ninewa-ground", in: text),
                         message: "team supports baghdad, which its site does not list in 'supports'")
    }
}
