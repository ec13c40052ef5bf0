import Foundation
import IntiqalDomain
import IntiqalScenario
import Testing

/// Every integer a scenario gives is held to its documented range (`InputLimits`), and no file
/// can make the loader do more work than its size warrants: too large, too deep, too many
/// values once aliases are expanded, too many entries in a list. Each refusal names the file,
/// the line and column where it can, the field, and the limit.
@Suite struct ScenarioInputLimitsTests {
    typealias Loader = ScenarioLoaderTests

    struct OutOfRange: Sendable, CustomTestStringConvertible {
        var old: String
        var new: String
        /// Text on the line the error is reported on.
        var lineOf: String
        var path: String
        var message: String
        var testDescription: String { path }
    }

    static let outOfRange: [OutOfRange] = [
        // The crash of issue 9: a headcount of 2^62 trapped the planner's arithmetic.
        .init(old: "capability: air-cover, headcount: 150, nation: USA}", new: "capability: air-cover, headcount: 4611686018427387904, nation: USA}",
              lineOf: "aaa-anbar-air", path: "sites[0].teams[0].headcount", message: "must be at most 100000 (got 4611686018427387904), range 1–100000"),
        // Too large for any integer type: still named as out of range, not as "not a number".
        .init(old: "capability: isr, headcount: 120,", new: "capability: isr, headcount: 99999999999999999999999,",
              lineOf: "aaa-anbar-isr", path: "sites[0].teams[1].headcount", message: "must be at most 100000 (got 99999999999999999999999)"),
        .init(old: "    supports: [anbar, syria-border]\n    minimumGarrison: 300", new: "    supports: [anbar, syria-border]\n    minimumGarrison: 1000001",
              lineOf: "minimumGarrison: 1000001", path: "sites[0].minimumGarrison", message: "must be at most 1000000 (got 1000001), range 0–1000000"),
        .init(old: "  overallPerMonth: 400\n", new: "  overallPerMonth: 9223372036854775807\n",
              lineOf: "overallPerMonth", path: "capacity.overallPerMonth", message: "must be at most 1000000 (got 9223372036854775807)"),
        .init(old: "perSite: {ain-al-asad: 350,", new: "perSite: {ain-al-asad: 3500000,",
              lineOf: "perSite:", path: "capacity.perSite.ain-al-asad", message: "must be at most 1000000 (got 3500000)"),
        .init(old: "horizonMonths: 36 ", new: "horizonMonths: 1201 ",
              lineOf: "horizonMonths:", path: "horizonMonths", message: "must be at most 1200 (got 1201), range 1–1200"),
        .init(old: "  holdMonths: 3\n", new: "  holdMonths: 121\n",
              lineOf: "holdMonths:", path: "policy.holdMonths", message: "must be at most 120 (got 121), range 0–120"),
        .init(old: "region: anbar, kind: attack, count: 40,", new: "region: anbar, kind: attack, count: 9223372036854775807,",
              lineOf: "count: 9223372036854775807", path: "incidents[0].count", message: "must be at most 1000000 (got 9223372036854775807), range 0–1000000"),
    ]

    @Test(arguments: outOfRange)
    func integerOutsideItsDocumentedRangeIsRefusedWhereItStands(_ c: OutOfRange) {
        let text = Loader.edited(c.old, c.new)
        let match = Loader.expectError(Loader.failure(text), path: c.path, line: Loader.line(of: c.lineOf, in: text), message: c.message)
        #expect(match?.location.column != nil)
    }

    @Test func scaleBoundsAndVersionsHaveTheirRanges() {
        let text = Loader.minimal(phases: """
            phases: [{id: p, name: P, sites: [base]}]
            scales:
              - {factor: threat, version: 1001, min: 1, max: 5}
              - {factor: requirement, version: 2, min: -1001, max: 4}
            """)
        let diagnostics = Loader.failure(text)
        Loader.expectError(diagnostics, path: "scales[0].version", line: Loader.line(of: "version: 1001", in: text), message: "must be at most 1000 (got 1001), range 1–1000")
        Loader.expectError(diagnostics, path: "scales[1].min", line: Loader.line(of: "min: -1001", in: text), message: "must be at least -1000 (got -1001)")
    }

    @Test func incidentCountZeroIsAcceptedAsTheCSVAcceptsIt() throws {
        let text = Loader.edited("region: anbar, kind: attack, count: 40,", "region: anbar, kind: attack, count: 0,")
        let scenario = try ScenarioLoader.load(text: text, file: Loader.file).scenario
        #expect(scenario.incidents.first?.count == 0)
    }

    // MARK: - Months

    @Test(arguments: ["9999-12", "1899-12", "2201-01"])
    func monthWithAYearOutOfRangeSaysSo(month: String) {
        let text = Loader.edited("start: 2024-10 ", "start: \(month) ")
        let year = month.prefix(4)
        Loader.expectError(Loader.failure(text), path: "start", line: Loader.line(of: "start:", in: text),
                           message: "year \(year) of '\(month)' is out of range 1900–2200")
    }

    @Test func monthKeyOfARatingSeriesWithAYearOutOfRangeSaysSo() {
        let text = Loader.edited("{party: USA, factor: threat, region: diyala, values: {2024-09: 3 steady}",
                                 "{party: USA, factor: threat, region: diyala, values: {3024-09: 3 steady}")
        Loader.expectError(Loader.failure(text), path: "assessments[7].values.3024-09", line: Loader.line(of: "{3024-09: 3", in: text),
                           message: "year 3024 of '3024-09' is out of range 1900–2200")
    }

    // MARK: - One rule per field

    struct Annotation: Sendable, CustomTestStringConvertible {
        var old: String
        var new: String
        var lineOf: String
        var path: String
        var message: String
        var testDescription: String { path }
    }

    static let annotations: [Annotation] = [
        .init(old: "    source: seed-001\n    illustrative: true\n    teams:\n      - {id: aaa-anbar-air",
              new: "    source: seed-001\n    illustrative: maybe\n    teams:\n      - {id: aaa-anbar-air",
              lineOf: "illustrative: maybe", path: "sites[0].illustrative", message: "expected true or false, got 'maybe'"),
        .init(old: "  perSite: {ain-al-asad: 350, victory: 250, harir: 350}\n  illustrative: true",
              new: "  perSite: {ain-al-asad: 350, victory: 250, harir: 350}\n  illustrative: maybe",
              lineOf: "illustrative: maybe", path: "capacity.illustrative", message: "expected true or false, got 'maybe'"),
        .init(old: "  byCapability: {air-cover: 0.036, border-security: 0.06}\n  illustrative: true",
              new: "  byCapability: {air-cover: 0.036, border-security: 0.06}\n  illustrative: [yes, no]",
              lineOf: "illustrative: [yes, no]", path: "growth.illustrative", message: "expected true or false, got 'a list'"),
        .init(old: "    source: seed-001\n    illustrative: true\n    teams:\n      - {id: aaa-anbar-air",
              new: "    source: [seed-001, seed-002]\n    illustrative: true\n    teams:\n      - {id: aaa-anbar-air",
              lineOf: "source: [seed-001, seed-002]", path: "sites[0].source", message: "expected text"),
        .init(old: "\nsites:\n", new: "\nnotes: [one, two]\nsites:\n",
              lineOf: "notes: [one, two]", path: "notes", message: "expected text"),
        .init(old: "  - {id: isr, name: {en: ISR, ar: المراقبة والاستطلاع}, source: seed-004}",
              new: "  - {id: isr, name: {en: ISR, ar: المراقبة والاستطلاع}, source: {key: seed-004}}",
              lineOf: "source: {key: seed-004}", path: "capabilities[1].source", message: "expected text"),
    ]

    /// `illustrative` and `source` are read by the same rule on sites, capacity, growth and
    /// capabilities as on assessments, where a bad value was already refused.
    @Test(arguments: annotations)
    func sourceAndIllustrativeAreReadByOneRuleEverywhere(_ c: Annotation) {
        let text = Loader.edited(c.old, c.new)
        Loader.expectError(Loader.failure(text), path: c.path, line: Loader.line(of: c.lineOf, in: text), message: c.message)
    }

    // MARK: - Work bounded by the file's size

    /// The hostile file of issue 9: 3,000 commitments, all the alias `*c` of one whose history
    /// is 3,000 aliases: 50 KB of text that expands to tens of millions of values.
    static func aliasBomb(commitments: Int = 3_000, history: Int = 3_000) -> String {
        let entries = "[&s {month: 2030-01, status: 1}" + String(repeating: ", *s", count: history - 1) + "]"
        let list = "[&c {id: c1, parties: [IRQ], text: T, source: S, history: \(entries)}" + String(repeating: ", *c", count: commitments - 1) + "]"
        return Loader.minimal(phases: "phases: [{id: p, name: P, sites: [base]}]\ncommitments: \(list)")
    }

    @Test func nestedAliasesAreRefusedBeforeTheyAreExpanded() {
        let text = Self.aliasBomb()
        #expect(text.utf8.count < 50_000)
        let diagnostics = Loader.failure(text)
        #expect(diagnostics.count == 1)
        Loader.expectError(diagnostics, path: "", line: Loader.line(of: "commitments:", in: text),
                           message: "aliases expand the document by more than 100000 values (InputLimits.yamlAliasNodes)")
    }

    @Test func aFewAliasesLoad() throws {
        let text = Loader.minimal(phases: """
            phases: [{id: p, name: P, sites: [base]}]
            commitments:
              - {id: c1, parties: [IRQ], text: T, source: S, history: &h [{month: 2030-01, status: 1}, {month: 2030-02, status: 2}]}
              - {id: c2, parties: [USA], text: T, source: S, history: *h}
            """)
        let scenario = try ScenarioLoader.load(text: text, file: Loader.file).scenario
        #expect(scenario.commitments.map(\.history.count) == [2, 2])
    }

    /// Yams hashes mapping keys while it composes, so an alias used as a key is expanded there
    /// (nested ones would hang it): keys are counted as every other value, before composing.
    @Test func aliasesUsedAsMappingKeysAreCountedBeforeComposing() {
        let lines = ["a0: &a0 [" + Array(repeating: "x", count: 1_000).joined(separator: ", ") + "]",
                     "a1: &a1 [" + Array(repeating: "*a0", count: 60).joined(separator: ", ") + "]",
                     "k: {*a1 : 1}"]
        let text = lines.joined(separator: "\n") + "\n"
        Loader.expectError(Loader.failure(text), path: "", line: 3,
                           message: "aliases expand the document by more than 100000 values (InputLimits.yamlAliasNodes)")
    }

    @Test(arguments: [65, 2_000])
    func deepNestingIsRefusedInOurWords(levels: Int) {
        let text = "id: x\nnotes: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
        let diagnostics = Loader.failure(text)
        #expect(diagnostics.count == 1)
        let match = Loader.expectError(diagnostics, path: "", line: 2,
                                       message: "lists and mappings nested more than 64 levels deep; at most 64 (InputLimits.nestingDepth)")
        #expect(match?.location.column != nil)
        #expect(!diagnostics.contains { $0.message.en.contains("yaml_set_max_nest_level") })
    }

    @Test func sixtyFourLevelsAreNotRefusedForTheirDepth() {
        let text = "id: x\nnotes: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "\n"
        #expect(!Loader.failure(text).contains { $0.message.en.contains("nested") })
    }

    @Test func fileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("intiqal-huge-\(UUID().uuidString).yaml")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        // A sparse file: its size says it is over the limit; nothing is written or read.
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(InputLimits.fileBytes) + 1)
        try handle.close()
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: url.path) }
        do {
            _ = try ScenarioLoader.load(path: url.path)
        } catch let error as ScenarioError {
            let d = try #require(error.errors.first)
            #expect(d.location.file == url.path)
            #expect(d.message.en == "the file is \(InputLimits.fileBytes + 1) bytes; at most \(InputLimits.fileBytes) bytes (InputLimits.fileBytes)")
        }
    }

    @Test func textOverTheSizeLimitIsRefused() {
        let limits = ScenarioLimits(fileBytes: 100)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(text: Loader.minimal(phases: ""), file: Loader.file, limits: limits) }
    }

    @Test func listWithMoreEntriesThanASectionMayHoldIsRefused() {
        let text = Loader.minimal(phases: "phases: [{id: p, name: P, sites: [base]}, {id: q, name: Q}, {id: r, name: R}]")
        let limits = ScenarioLimits(recordsPerSection: 2)
        do {
            _ = try ScenarioLoader.load(text: text, file: Loader.file, limits: limits)
            Issue.record("loaded")
        } catch let error as ScenarioError {
            Loader.expectError(error.errors, path: "phases", line: Loader.line(of: "phases:", in: text),
                               message: "3 entries; at most 2 entries in one list or mapping (InputLimits.recordsPerSection)")
        } catch {
            Issue.record("\(error)")
        }
    }
}

extension ScenarioInputLimitsTests {
    /// Lists are read more than once (teams, to find duplicate ids): their problem is said once.
    @Test func listOverTheLimitIsReportedOnce() throws {
        let text = Loader.minimal(phases: "phases: [{id: p, name: P, sites: [base]}]").replacingOccurrences(
            of: "      - {id: t1, region: anbar, capability: isr, headcount: 20, nation: USA}",
            with: "      - {id: t1, region: anbar, capability: isr, headcount: 20, nation: USA}\n      - {id: t2, region: anbar, capability: isr, headcount: 5, nation: USA}")
        do {
            _ = try ScenarioLoader.load(text: text, file: Loader.file, limits: ScenarioLimits(recordsPerSection: 1))
            Issue.record("loaded")
        } catch let error as ScenarioError {
            let teams = error.errors.filter { $0.location.path == "sites[0].teams" }
            #expect(teams.count == 1, "\(error)")
            #expect(teams.first?.message.en == "2 entries; at most 1 entries in one list or mapping (InputLimits.recordsPerSection)")
        }
    }
}

extension ScenarioInputLimitsTests {
    @Test func documentWithMoreValuesThanTheLimitIsRefusedWhereItCrossesIt() {
        let text = Loader.minimal(phases: "phases: [{id: p, name: P, sites: [base]}]\nnotes: [" + Array(repeating: "n", count: 200).joined(separator: ", ") + "]")
        do {
            _ = try ScenarioLoader.load(text: text, file: Loader.file, limits: ScenarioLimits(nodes: 100))
            Issue.record("loaded")
        } catch let error as ScenarioError {
            Loader.expectError(error.errors, path: "", line: Loader.line(of: "notes: [", in: text),
                               message: "more than 100 values (scalars, lists and mappings, aliases expanded); at most 100 (InputLimits.yamlNodes)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
