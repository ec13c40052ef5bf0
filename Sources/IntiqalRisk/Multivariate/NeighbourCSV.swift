/// Reads a neighbour structure from CSV: a header `region,neighbour`, then one pair a line
/// (the relation is symmetric; a pair may be given once). Lines starting with `#` are comments.
/// Regions are those named in the pairs plus `regions`, if given. Errors name the file, line and field.
public enum NeighbourCSV {
    public static func parse(_ text: String, file: String = "<input>", regions: [String] = []) throws -> NeighbourStructure {
        let records = try QuotedCSVReader.read(text, file: file).filter { !($0.fields.first?.trimmingWhitespace.hasPrefix("#") ?? false) }
        guard let header = records.first, header.fields.map({ $0.trimmingWhitespace.lowercased() }) == ["region", "neighbour"] else {
            throw RiskError(.csv, .riskNeighboursCsvHeader, "expected the header region,neighbour", file: file, line: records.first?.line ?? 1, field: "region")
        }
        var pairs: [(String, String)] = []
        var names = regions
        for record in records.dropFirst() {
            let f = record.fields.map(\.trimmingWhitespace)
            guard f.count == 2, !f[0].isEmpty, !f[1].isEmpty else {
                throw RiskError(.csv, .riskNeighboursCsvFields, "expected two region names", file: file, line: record.line, field: f.count < 1 || (f.first ?? "").isEmpty ? "region" : "neighbour")
            }
            guard f[0] != f[1] else {
                throw RiskError(.csv, .riskNeighboursCsvSelf, "'\(f[0])' cannot neighbour itself", file: file, line: record.line, field: "neighbour")
            }
            for name in f where !names.contains(name) { names.append(name) }
            pairs.append((f[0], f[1]))
        }
        return try NeighbourStructure(regions: names, pairs: pairs)
    }
}
