import Foundation
import IntiqalDomain
import Yams

/// Reads scenario files (YAML, or JSON, which is read as YAML) into a validated `Scenario`.
///
/// Loading never stops at the first problem: every problem found is reported with its file,
/// line, column and field path, and a scenario with any error is not returned.
public enum ScenarioLoader {
    /// The scenarios bundled with Intiqal.
    public static let bundledNames = ["iraq-2024", "contested-2025"]

    /// Loads a file; a bare name of a bundled scenario (e.g. `iraq-2024`) loads that. A file
    /// larger than `limits.fileBytes` is refused before it is read.
    public static func load(path: String, limits: ScenarioLimits = .standard) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        if !FileManager.default.fileExists(atPath: path), bundledNames.contains(path) {
            return try loadBundled(path)
        }
        let data: Data
        do {
            data = try InputFile.data(atPath: path, maxBytes: limits.fileBytes)
        } catch {
            throw ScenarioError(diagnostics: [.error(.scenarioFileUnreadable, at: DiagnosticLocation(file: path, line: error.line),
                                                      en: error.message, ar: "تعذّرت قراءة الملف: \(error.message)")])
        }
        return try load(data: data, file: path, limits: limits)
    }

    public static func loadBundled(_ name: String) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        guard bundledNames.contains(name),
              let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Examples"),
              let data = try? Data(contentsOf: url)
        else {
            throw ScenarioError(diagnostics: [.error(.scenarioNoBundled, at: DiagnosticLocation(file: name),
                                                      en: "no bundled scenario of that name (have: \(bundledNames.joined(separator: ", ")))",
                                                      ar: "لا سيناريو مرفقًا بهذا الاسم (المتاح: \(bundledNames.joined(separator: "، ")))")])
        }
        return try load(data: data, file: "\(name).yaml")
    }

    /// The text of a bundled scenario, for `intiqal export` and the docs.
    public static func bundledText(_ name: String) -> String? {
        Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Examples")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    public static func load(data: Data, file: String, limits: ScenarioLimits = .standard) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        guard data.count <= limits.fileBytes else { throw tooLarge(data.count, file: file, limits: limits) }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = InputFile.firstInvalidUTF8(data)
            throw ScenarioError(diagnostics: [.error(.scenarioNotUTF8, at: DiagnosticLocation(file: file, line: offset.line),
                                                      en: "not valid UTF-8 (byte \(offset.byte))", ar: "ليس UTF-8 صالحًا (البايت \(offset.byte))")])
        }
        return try load(text: text, file: file, limits: limits)
    }

    public static func load(text: String, file: String, limits: ScenarioLimits = .standard) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        guard text.utf8.count <= limits.fileBytes else { throw tooLarge(text.utf8.count, file: file, limits: limits) }
        if let excess = DocumentBudget.check(text, limits: limits) {
            throw ScenarioError(diagnostics: [.error(.scenarioBudget, at: DiagnosticLocation(file: file, line: excess.line, column: excess.column),
                                                      en: excess.message, ar: "الملف يتجاوز حدًا: \(excess.message)")])
        }
        let root: Node
        do {
            // The basic resolver: the reader reads scalars as text and types them itself, and
            // Yams's duplicate-key check otherwise resolves every key's tag by regular expressions
            // (a third of the time of loading a large scenario). Duplicate keys are found all the same.
            guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
                throw ScenarioError(diagnostics: [.error(.scenarioEmpty, at: DiagnosticLocation(file: file, line: 1), en: "the file is empty", ar: "الملف فارغ")])
            }
            root = node
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw ScenarioError(diagnostics: [yamlDiagnostic(error, file: file, limits: limits)])
        } catch {
            throw ScenarioError(diagnostics: [.error(.scenarioParse, at: DiagnosticLocation(file: file),
                                                      en: "cannot parse: \(error)", ar: "تعذّر التحليل: \(error)")])
        }
        let log = DiagnosticLog(file: file, limits: limits)
        let reader = ScenarioReader(root: NodeReader(node: root, path: "", log: log))
        let scenario = reader.read()
        if log.hasErrors || scenario == nil {
            throw ScenarioError(diagnostics: log.items)
        }
        return (scenario!, log.items)
    }

    static func tooLarge(_ bytes: Int, file: String, limits: ScenarioLimits) -> ScenarioError {
        ScenarioError(diagnostics: [.error(.scenarioTooLarge, at: DiagnosticLocation(file: file),
                                            en: InputFileError.tooLargeMessage(bytes: bytes, limit: limits.fileBytes),
                                            ar: "الملف \(bytes) بايت؛ الحد \(limits.fileBytes) بايت")])
    }

    static func nestingMessage(_ limits: ScenarioLimits) -> String {
        "lists and mappings nested more than \(limits.nestingDepth) levels deep; at most \(limits.nestingDepth) (InputLimits.nestingDepth)"
    }

    static func yamlDiagnostic(_ error: YamlError, file: String, limits: ScenarioLimits = .standard) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            // libyaml stops at 1,000 levels with its own wording; say it as every other limit is said.
            if problem.localizedCaseInsensitiveContains("nesting level") {
                return .error(.scenarioNesting, at: DiagnosticLocation(file: file, line: mark.line, column: mark.column),
                              en: nestingMessage(limits),
                              ar: "قوائم وتعيينات متداخلة أعمق من \(limits.nestingDepth) مستوى؛ الحد \(limits.nestingDepth) (InputLimits.nestingDepth)")
            }
            return .error(.scenarioYAMLSyntax, at: DiagnosticLocation(file: file, line: mark.line, column: mark.column),
                          en: "not valid YAML or JSON: \(problem)", ar: "ليس YAML أو JSON صالحًا: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(.scenarioDuplicateKeys, at: DiagnosticLocation(file: file, line: context.mark.line, column: context.mark.column),
                          en: "duplicate keys in a mapping: \(duplicates.joined(separator: ", "))",
                          ar: "مفاتيح مكررة في تعيين: \(duplicates.joined(separator: "، "))")
        case .reader(let problem, let offset, _, _):
            return .error(.scenarioYAMLRead, at: DiagnosticLocation(file: file),
                          en: "cannot read: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                          ar: "تعذّرت القراءة: \(problem)\(offset.map { " عند البايت \($0)" } ?? "")")
        default:
            return .error(.scenarioYAMLInvalid, at: DiagnosticLocation(file: file),
                          en: "not valid YAML or JSON: \(error)", ar: "ليس YAML أو JSON صالحًا: \(error)")
        }
    }
}
