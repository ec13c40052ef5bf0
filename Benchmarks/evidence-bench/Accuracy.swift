import Foundation
import IntiqalEvidence

/// `evidence-bench accuracy GOLD DIR [-v]`: the reader's scores per language on a gold file, and every wrong day-date
/// with its gold counterpart (`-v` adds the sentence and the gold day dates that were missed).
enum Accuracy {
    static func run(goldPath: String, directory: String, verbose: Bool) throws {
        let gold = try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: URL(fileURLWithPath: goldPath)))
        let (_, results) = Scorer.run(gold: gold, directory: directory)
        for (language, report) in Scorer.scoreByLanguage(gold: gold, results: results).sorted(by: { $0.key < $1.key }) {
            print("== \(language)\n\(report)")
        }
        print("== wrong day dates")
        for m in Scorer.dayDateMistakes(gold: gold, results: results) {
            print(m)
            if verbose, let e = results[m.file]?.events.first(where: { $0.date == m.date && $0.evidence.start == m.evidenceStart }) {
                print("   « \(e.evidence.sentence.prefix(300)) »")
            }
        }
        guard verbose else { return }
        print("== gold day dates not found")
        for g in gold.documents {
            guard let r = results[g.file] else { print("\(g.file): not read"); continue }
            let found = Set(r.events.filter { $0.precision == .day }.compactMap(\.date))
            for e in g.events where e.date.count == 10 && !found.contains(e.date) {
                print("\(g.file): gold \(e.type.rawValue) \(e.date) at \(e.start)–\(e.end)")
            }
        }
        print("== gold events not matched (type+date)")
        for g in gold.documents {
            guard let r = results[g.file] else { continue }
            var pool = r.events.filter { $0.date != nil }
            for e in g.events {
                if let k = pool.firstIndex(where: { $0.type == e.type && $0.date == e.date && $0.dateEnd == e.dateEnd }) {
                    pool.remove(at: k)
                } else {
                    print("\(g.file): missed \(e.type.rawValue) \(e.date) at \(e.start)–\(e.end)")
                }
            }
            for e in pool { print("\(g.file): extra \(e.type.rawValue) \(e.date ?? "") at \(e.evidence.start)–\(e.evidence.end)\(verbose ? " « \(e.evidence.sentence.prefix(200)) »" : "")") }
        }
    }
}
