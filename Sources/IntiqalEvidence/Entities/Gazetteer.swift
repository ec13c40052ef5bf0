import Foundation

/// A bilingual list of people, organisations, parties, places, sites and capability areas, loaded from a
/// JSON data file (`Resources/gazetteer.json` by default), matched over folded tokens with Arabic clitics
/// (و ف ب ل ك ال لل) stripped from the first word of a name.
public struct Gazetteer: Sendable {
    struct Alias: Sendable {
        var tokens: [UInt64]
        var entity: Int32
    }

    public let entries: [GazetteerEntry]
    /// First-token canonical hash → aliases starting with it, longest first.
    private(set) var firstToken: [UInt64: [Alias]] = [:]

    struct File: Codable {
        var version: Int
        var entities: [GazetteerEntry]
    }

    /// The gazetteer bundled with the module: people, organisations, parties, places outside
    /// Iraq and capability areas from `Resources/gazetteer.json`, and Iraq's places from the one
    /// gazetteer of Iraq (`IntiqalPlaces`, shared with the dataset imports).
    public static let bundled: Gazetteer = {
        var entries: [GazetteerEntry] = []
        if let url = Bundle.module.url(forResource: "gazetteer", withExtension: "json", subdirectory: "Resources"),
           let g = try? Gazetteer(contentsOf: url) {
            entries = g.entries
        }
        return Gazetteer(entries: entries + iraqPlaces(.bundled))
    }()

    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EvidenceError.unreadable(url.path, reason: "\(error.localizedDescription)")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch let DecodingError.keyNotFound(key, ctx) {
            let path = (ctx.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw EvidenceError.badGazetteer(url.path, field: path, reason: "missing field")
        } catch let DecodingError.dataCorrupted(ctx) {
            throw EvidenceError.badGazetteer(url.path, field: ctx.codingPath.map(\.stringValue).joined(separator: "."),
                                             reason: ctx.debugDescription)
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw EvidenceError.badGazetteer(url.path, field: ctx.codingPath.map(\.stringValue).joined(separator: "."),
                                             reason: ctx.debugDescription)
        } catch {
            throw EvidenceError.badGazetteer(url.path, field: nil, reason: "not a gazetteer file")
        }
        self.init(entries: file.entities)
    }

    public init(entries: [GazetteerEntry]) {
        self.entries = entries
        var tokenizer = Tokenizer()
        for (i, entry) in entries.enumerated() {
            for alias in entry.aliases + [entry.name] {
                let scalars = alias.unicodeScalars.map(\.value)
                scalars.withUnsafeBufferPointer { tokenizer.tokenize($0) }
                guard !tokenizer.tokens.isEmpty, tokenizer.tokens.count <= 12 else { continue }
                let hashes = tokenizer.tokens.map { Gazetteer.canonicalHash($0, tokenizer.text) }
                let key = hashes[0]
                var list = firstToken[key, default: []]
                if !list.contains(where: { $0.tokens == hashes }) {
                    list.append(Alias(tokens: hashes, entity: Int32(i)))
                    list.sort { $0.tokens.count > $1.tokens.count }
                }
                firstToken[key] = list
            }
        }
    }

    /// Hash of the folded token with a leading Arabic article removed.
    static func canonicalHash(_ t: Token, _ text: [UInt32]) -> UInt64 {
        let lo = Int(t.ts), hi = Int(t.te)
        if t.kind == .arabic, hi - lo >= 4, text[lo] == 0x0627, text[lo + 1] == 0x0644 {
            return FNV.hash(text, lo + 2, hi)
        }
        return t.hash
    }

    func aliases(startingWith hash: UInt64) -> [Alias]? { firstToken[hash] }

    public var isEmpty: Bool { entries.isEmpty }
}
