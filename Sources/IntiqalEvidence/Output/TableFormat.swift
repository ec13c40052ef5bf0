import Foundation

/// Plain-text rendering for `--format table`.
public enum TableFormat {
    public static func render(_ doc: DocumentEvidence) -> String {
        var out = "\(doc.document)  (published \(doc.published ?? "unknown"))\n"
        out += pad("DATE", 23) + pad("TYPE", 11) + pad("PLAN", 5) + pad("PLACE", 16) + "EVIDENCE\n"
        for e in doc.events {
            let date = (e.date ?? "-") + (e.dateEnd.map { "…" + $0 } ?? "")
            out += pad(date, 23) + pad(e.type.rawValue, 11) + pad(e.planned ? "yes" : "", 5) + pad(e.place ?? "", 16)
            out += excerpt(e.evidence.sentence) + " [\(e.evidence.start)-\(e.evidence.end)]\n"
        }
        for n in doc.numbers {
            out += "  number: \(n.qualifier.map { $0 + " " } ?? "")\(n.value.formatted()) \(n.unit) [\(n.evidence.start)-\(n.evidence.end)]\n"
        }
        out += "  entities: " + doc.entities.map { "\($0.name) (\($0.mentions.count))" }.joined(separator: ", ") + "\n\n"
        return out
    }

    public static func render(_ m: MergedEvent) -> String {
        let date = (m.date ?? "-") + (m.dateEnd.map { "…" + $0 } ?? "")
        var out = pad(date, 23) + pad(m.type.rawValue, 11) + (m.place ?? "") + "  sources: \(m.sources.count)\n"
        for s in m.sources { out += "    \(s.document) [\(s.evidence.start)-\(s.evidence.end)] \(excerpt(s.evidence.sentence))\n" }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? String(s.prefix(n - 1)) + " " : s + String(repeating: " ", count: n - s.count)
    }

    static func excerpt(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 70 ? String(flat.prefix(69)) + "…" : flat
    }
}
