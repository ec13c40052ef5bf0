import ArgumentParser
import Foundation

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
            IncidentsCommand.self,
            BacktestCommand.self,
            InitCommand.self,
            ImportCommand.self,
            NotesCommand.self,
            ExportCommand.self,
            CopyCommand.self,
            AssessCommand.self,
            StatusCommand.self,
            KeysCommand.self,
            DecideCommand.self,
            ServeCommand.self,
            SignCommand.self,
            LedgerCommand.self,
            IngestCommand.self,
            ReviewCommand.self,
            UsersCommand.self,
            TokensCommand.self,
            AuditCommand.self,
            UpgradeCommand.self,
        ]
    )

    /// Runs the command line. Bad flags and arguments exit 1 with ArgumentParser's message, as
    /// every other bad input does (DESIGN §8), not with its usage code 64; help exits 0.
    static func main() async {
        switch CLI.languageFromEnvironment() {
        case .success(let language): CLI.language = language
        case .failure(let error):
            FileHandle.standardError.write(Data("intiqal: \(error)\n".utf8))
            Foundation.exit(1)
        }
        if let message = unknownSubcommand(Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data("intiqal: \(message)\n".utf8))
            Foundation.exit(1)
        }
        do {
            var command = try parseAsRoot(PathArguments.lift(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 1 : code.rawValue)
        }
    }

    /// A word where a subcommand belongs that names none, in words (ArgumentParser would complain
    /// about the options after it instead: "Unknown option '--workspace'").
    static func unknownSubcommand(_ arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = Intiqal.self
        var path: [String] = []
        for word in arguments {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty || word.hasPrefix("-") || word == "help" { return nil }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let names = subcommands.map { $0._commandName }.joined(separator: ", ")
                return "\(path.map { "\($0) " }.joined())unknown command '\(word)' (have: \(names))"
            }
            command = next
            path.append(word)
        }
        return nil
    }
}
