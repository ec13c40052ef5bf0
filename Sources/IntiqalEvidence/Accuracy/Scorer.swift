import IntiqalDomain
import Foundation

/// Scores extraction results against a ``GoldFile``.
public enum Scorer {
    /// Runs the extractor over the gold documents found in `directory` (passing `published` where the page has no
    /// date line) and scores the results. Documents missing from the directory are skipped.
    public static func run(gold: GoldFile, directory: String, extractor: Extractor = Extractor()) -> (AccuracyReport, [String: DocumentEvidence]) {
        var results: [String: DocumentEvidence] = [:]
        for d in gold.documents {
            let path = (directory as NSString).appendingPathComponent(d.file)
            let pub = d.publishedInPage ? nil : CivilDate(d.published)
            if let r = try? extractor.extract(path: path, published: pub, name: d.file) { results[d.file] = r }
        }
        return (score(gold: gold, results: results), results)
    }

    /// Scores per language (`GoldFile.Document.language`; documents without one count as `"?"`).
    public static func scoreByLanguage(gold: GoldFile, results: [String: DocumentEvidence]) -> [String: AccuracyReport] {
        var byLanguage: [String: [GoldFile.Document]] = [:]
        for d in gold.documents { byLanguage[d.language ?? "?", default: []].append(d) }
        return byLanguage.mapValues { docs in
            score(gold: GoldFile(version: gold.version, about: gold.about, documents: docs), results: results)
        }
    }

    public static func score(gold: GoldFile, results: [String: DocumentEvidence]) -> AccuracyReport {
        var ev = PRF(truePositives: 0, predicted: 0, expected: 0)
        var dt = ev, days = ev, num = ev
        var placesOK = 0, placesScored = 0, overlap = 0, plannedOK = 0
        for g in gold.documents {
            guard let r = results[g.file] else { continue }
            let sys = r.events.filter { $0.date != nil }
            // Events: one-to-one on (type, date, dateEnd).
            var used = [Bool](repeating: false, count: sys.count)
            ev.expected += g.events.count
            ev.predicted += sys.count
            for ge in g.events {
                // Prefer a candidate whose sentence overlaps the gold sentence.
                let cands = sys.indices.filter { !used[$0] && sys[$0].type == ge.type && sys[$0].date == ge.date && sys[$0].dateEnd == ge.dateEnd }
                guard let i = cands.first(where: { sys[$0].evidence.start < ge.end && ge.start < sys[$0].evidence.end }) ?? cands.first
                else { continue }
                used[i] = true
                ev.truePositives += 1
                if sys[i].evidence.start < ge.end && ge.start < sys[i].evidence.end { overlap += 1 }
                if sys[i].planned == ge.planned { plannedOK += 1 }
                if let place = ge.place {
                    placesScored += 1
                    if sys[i].place == place { placesOK += 1 }
                }
            }
            // Dates regardless of type: distinct (date, end) per document.
            let goldDates = Set(g.events.map { "\($0.date)|\($0.dateEnd ?? "")" })
            let sysDates = Set(sys.map { "\($0.date ?? "")|\($0.dateEnd ?? "")" })
            dt.expected += goldDates.count
            dt.predicted += sysDates.count
            dt.truePositives += sysDates.intersection(goldDates).count
            // Distinct day-precise dates.
            let goldDays = Set(g.events.filter { $0.date.count == 10 }.map(\.date))
            let sysDays = Set(sys.filter { $0.precision == .day }.compactMap(\.date))
            days.expected += goldDays.count
            days.predicted += sysDays.count
            days.truePositives += sysDays.intersection(goldDays).count
            // Numbers: multiset on (value, unit).
            var goldNums = g.numbers.map { "\($0.value)|\($0.unit)" }
            num.expected += goldNums.count
            num.predicted += r.numbers.count
            for n in r.numbers {
                if let k = goldNums.firstIndex(of: "\(n.value)|\(n.unit)") { goldNums.remove(at: k); num.truePositives += 1 }
            }
        }
        return AccuracyReport(events: ev, dates: dt, daysToTheDay: days, numbers: num, placesCorrect: placesOK,
                              placesScored: placesScored, evidenceOverlap: overlap, plannedAgree: plannedOK)
    }

    /// Every day-precise event date of the results that is not a gold event date of its document (what lowers the
    /// day-date precision), with its gold counterpart: the gold events overlapping its sentence, else the nearest one
    /// of the same type.
    public static func dayDateMistakes(gold: GoldFile, results: [String: DocumentEvidence]) -> [DayDateMistake] {
        var out: [DayDateMistake] = []
        for g in gold.documents {
            guard let r = results[g.file] else { continue }
            let goldDays = Set(g.events.filter { $0.date.count == 10 }.map(\.date))
            var seen: Set<String> = []
            for e in r.events where e.precision == .day {
                guard let date = e.date, !goldDays.contains(date), seen.insert(date).inserted else { continue }
                let span = e.evidence
                var near = g.events.filter { $0.start < span.end && span.start < $0.end }
                if near.isEmpty {
                    func distance(_ x: GoldFile.Event) -> Int { x.end <= span.start ? span.start - x.end : max(0, x.start - span.end) }
                    if let n = g.events.filter({ $0.type == e.type }).min(by: { distance($0) < distance($1) }) { near = [n] }
                }
                out.append(DayDateMistake(file: g.file, type: e.type, date: date, evidenceStart: span.start,
                                          evidenceEnd: span.end, gold: near))
            }
        }
        return out
    }
}
