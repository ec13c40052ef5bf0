import ArgumentParser

@main
struct Intiqal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intiqal",
        abstract: "Conditions-based transition planning for a joint security commission.",
        subcommands: [
            PlanCommand.self,
            VerifyPlanCommand.self,
            RiskCommand.self,
            ExtractCommand.self,
            FitIncidentsCommand.self,
            InitCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            AssessCommand.self,
            StatusCommand.self,
            KeysCommand.self,
            DecideCommand.self,
            SignCommand.self,
            LedgerCommand.self,
            IngestCommand.self,
            ReviewCommand.self,
            UsersCommand.self,
            AuditCommand.self,
        ]
    )
}
