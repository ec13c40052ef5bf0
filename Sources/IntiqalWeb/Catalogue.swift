import Foundation
import IntiqalDomain

/// The label catalogue: one file per language (`Resources/labels/en.json`, `ar.json`), every
/// key in both (a test reads the whole of both files). A key missing at run time shows as
/// `⟦key⟧`, never as English on an Arabic page.
public struct Catalogue: Sendable {
    public let labels: [Language: [String: String]]

    public static let shared: Catalogue = {
        var labels: [Language: [String: String]] = [:]
        for language in Language.allCases {
            labels[language] = load(language)
        }
        return Catalogue(labels: labels)
    }()

    /// The catalogue file of `language`, as bundled.
    public static func load(_ language: Language) -> [String: String] {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/labels"),
              let data = try? Data(contentsOf: url),
              let dictionary = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return dictionary
    }

    public func text(_ key: String, _ language: Language) -> String {
        labels[language]?[key] ?? "⟦\(key)⟧"
    }
}
