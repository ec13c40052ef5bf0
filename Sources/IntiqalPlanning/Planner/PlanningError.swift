/// Why the planning engine refuses a scenario: a value outside the ranges of `InputLimits`
/// (a scenario built in code or read from a workspace skips the loader's checks, and the engine
/// never does arithmetic on values it has not bounded).
public struct PlanningError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Code: Sendable, Equatable {
        case inputOutOfRange
    }

    private let code: Code
    /// Each value out of range, with its field path (`sites[2].teams[0].headcount`).
    public let problems: [String]

    public var isInputOutOfRange: Bool { code == .inputOutOfRange }

    static func inputOutOfRange(_ problems: [String]) -> PlanningError {
        PlanningError(code: .inputOutOfRange, problems: problems)
    }

    public var description: String {
        let shown = problems.prefix(20).joined(separator: "; ")
        let more = problems.count > 20 ? "; and \(problems.count - 20) more" : ""
        return "scenario outside the planner's limits: \(shown)\(more)"
    }
}
