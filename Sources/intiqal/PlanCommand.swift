import ArgumentParser
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan")
    func run() async throws {}
}
struct VerifyPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify-plan")
    func run() async throws {}
}
