import IntiqalDomain

/// `Scenario.validate(_:at:)` with the scenario's ids and scales looked up once, for bulk writes
/// (an import of millions of ratings): the same checks in the same order, the same messages.
package struct AssessmentValidator {
    private let scenario: Scenario
    private let parties: Set<String>
    private let regions: Set<String>
    private let capabilities: Set<String>
    private var scales: [ScaleReference: RatingScale?] = [:]

    package init(_ scenario: Scenario) {
        self.scenario = scenario
        parties = Set(scenario.parties.map(\.id))
        regions = Set(scenario.regions.map(\.id))
        capabilities = Set(scenario.capabilities.map(\.id))
    }

    package mutating func validate(_ a: Assessment, at path: @autoclosure () -> String) throws {
        let known = parties.contains(a.party) && regions.contains(a.region)
            && (a.factor == .threat ? a.capability == nil : a.capability.map(capabilities.contains) ?? false)
            && a.month <= scenario.end
        let scale: RatingScale?
        if let cached = scales[a.scale] { scale = cached } else {
            scale = scenario.scale(a.scale)
            scales[a.scale] = .some(scale)
        }
        // Anything unusual: the scenario's own check, which names the field.
        guard known, let scale, a.value.isFinite, scale.contains(a.value) else {
            try scenario.validate(a, at: path())
            return
        }
    }
}
