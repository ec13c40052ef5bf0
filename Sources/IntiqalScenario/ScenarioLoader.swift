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

    /// Loads a file; a bare name of a bundled scenario (e.g. `iraq-2024`) loads that.
    public static func load(path: String) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        if !FileManager.default.fileExists(atPath: path), bundledNames.contains(path) {
            return try loadBundled(path)
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard !isDirectory.boolValue else {
            throw ScenarioError(diagnostics: [Diagnostic(severity: .error, file: path, line: nil, column: nil, path: "",
                                                         message: "is a directory, not a scenario file")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(diagnostics: [Diagnostic(severity: .error, file: path, line: nil, column: nil, path: "",
                                                         message: exists ? "cannot read the file" : "no such file")])
        }
        return try load(data: data, file: path)
    }

    public static func loadBundled(_ name: String) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        guard bundledNames.contains(name),
              let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Examples"),
              let data = try? Data(contentsOf: url)
        else {
            throw ScenarioError(diagnostics: [Diagnostic(severity: .error, file: name, line: nil, column: nil, path: "",
                                                         message: "no bundled scenario of that name (have: \(bundledNames.joined(separator: ", ")))")])
        }
        return try load(data: data, file: "\(name).yaml")
    }

    /// The text of a bundled scenario, for `intiqal export` and the docs.
    public static func bundledText(_ name: String) -> String? {
        Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Examples")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    public static func load(data: Data, file: String) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8(data)
            throw ScenarioError(diagnostics: [Diagnostic(severity: .error, file: file, line: offset.line, column: nil, path: "",
                                                         message: "not valid UTF-8 (byte \(offset.byte))")])
        }
        return try load(text: text, file: file)
    }

    public static func load(text: String, file: String) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        let root: Node
        do {
            // The basic resolver: the reader reads scalars as text and types them itself, and
            // Yams's duplicate-key check otherwise resolves every key's tag by regular expressions
            // (a third of the time of loading a large scenario). Duplicate keys are found all the same.
            guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
                throw ScenarioError(diagnostics: [Diagnostic(severity: .error, file: file, line: 1, column: nil, path: "",
                                                             message: "the file is empty")])
            }
            root = node
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw ScenarioError(diagnostics: [yamlDiagnostic(error, file: file)])
        } catch {
            throw ScenarioError(diagnostics: [Diagnostic(severity: .error, file: file, line: nil, column: nil, path: "",
                                                         message: "cannot parse: \(error)")])
        }
        let log = DiagnosticLog(file: file)
        let reader = ScenarioReader(root: NodeReader(node: root, path: "", log: log))
        let scenario = reader.read()
        if log.hasErrors || scenario == nil {
            throw ScenarioError(diagnostics: log.items)
        }
        return (scenario!, log.items)
    }

    static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(severity: .error, file: file, line: mark.line, column: mark.column, path: "",
                              message: "not valid YAML or JSON: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(severity: .error, file: file, line: context.mark.line, column: context.mark.column, path: "",
                              message: "duplicate keys in a mapping: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(severity: .error, file: file, line: nil, column: nil, path: "",
                              message: "cannot read: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        default:
            return Diagnostic(severity: .error, file: file, line: nil, column: nil, path: "", message: "not valid YAML or JSON: \(error)")
        }
    }

    static func firstInvalidUTF8(_ data: Data) -> (byte: Int, line: Int) {
        var line = 1
        var i = 0
        let bytes = [UInt8](data)
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (i, line)
            }
            if i + length > bytes.count { return (i, line) }
            for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return (i, line) }
            if b == 0x0A { line += 1 }
            i += length
        }
        return (i, line)
    }
}
