import Foundation
import IntiqalDomain

extension CLI {
    /// The language diagnostics (and reports) are printed in: the command's `--lang` where it has one, else the
    /// `INTIQAL_LANG` environment variable (`en` or `ar`), else English. Set once at start-up, before any work.
    nonisolated(unsafe) static var language: Language = .en

    /// Reads `INTIQAL_LANG`: unset or empty is English; anything but `en` or `ar` is an error naming the variable.
    static func languageFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<Language, LanguageError> {
        guard let raw = environment["INTIQAL_LANG"], !raw.isEmpty else { return .success(.en) }
        let value = raw.lowercased()
        // Locale-style values ("ar_IQ.UTF-8", "en-GB") name the language first.
        let head = String(value.prefix { $0.isLetter })
        guard let language = Language(rawValue: head) else { return .failure(LanguageError(value: raw)) }
        return .success(language)
    }

    struct LanguageError: Error, CustomStringConvertible {
        var value: String
        var description: String { "INTIQAL_LANG: expected en or ar, got '\(value)'" }
    }

    /// A command's `--lang`, when given, overrides `INTIQAL_LANG` for everything it prints; returns the language used.
    @discardableResult
    static func use(_ option: Language?) -> Language {
        if let option { language = option }
        return language
    }

    /// Prints diagnostics to standard error, one a line, in the chosen language.
    static func printDiagnostics(_ diagnostics: [Diagnostic], prefix: String = "") {
        for d in diagnostics { FileHandle.standardError.write(Data("\(prefix)\(d.text(language))\n".utf8)) }
    }
}
