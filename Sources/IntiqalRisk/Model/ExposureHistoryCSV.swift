import IntiqalDomain

/// Reads an exposure history from CSV: `month,region,gap,coalitionShare`, one row per region
/// and month (`YYYY-MM`). Every region must cover the same consecutive months. A header line
/// naming the columns is optional; blank lines and `#` comments are skipped. Errors name the
/// file, line and field.
public enum ExposureHistoryCSV {
    public static func parse(_ text: String, file: String = "<input>") throws -> ExposureHistory {
        struct Row { var month: YearMonth; var gap: Double; var share: Double; var line: Int }
        let names = ["month", "region", "gap", "coalitionshare"]
        var columns = [0, 1, 2, 3]
        var sawContent = false
        var byRegion: [String: [Row]] = [:]
        var order: [String] = []
        for (lineNumber, raw) in try CSVRecords.read(text, file: file) {
            let fields = raw.map(\.trimmingWhitespace)
            if !sawContent {
                sawContent = true
                let lowered = fields.map { $0.lowercased() }
                if lowered.contains("month") {
                    if let unknown = lowered.first(where: { !names.contains($0) }) {
                        throw RiskError(.csv, .riskExposureCsvUnknownColumn, "unknown column '\(unknown)' (expected month, region, gap, coalitionShare)",
                                        file: file, line: lineNumber, field: unknown)
                    }
                    columns = try names.map { name in
                        guard let i = lowered.firstIndex(of: name) else {
                            let display = name == "coalitionshare" ? "coalitionShare" : name
                            throw RiskError(.csv, .riskExposureCsvMissingColumn, "header has no '\(display)' column", file: file, line: lineNumber, field: display)
                        }
                        return i
                    }
                    guard lowered.count == 4 else {
                        throw RiskError(.csv, .riskExposureCsvColumns, "expected the 4 columns month, region, gap, coalitionShare once each, found \(lowered.count) columns",
                                        file: file, line: lineNumber, field: "field \(lowered.count)")
                    }
                    continue
                }
            }
            guard fields.count == 4 else {
                throw RiskError(.csv, .riskExposureCsvFieldCount, "expected 4 fields (month,region,gap,coalitionShare), found \(fields.count)",
                                file: file, line: lineNumber, field: fields.count < 4 ? ["month", "region", "gap", "coalitionShare"][fields.count] : "field 5")
            }
            guard let month = YearMonth(fields[columns[0]]) else {
                throw RiskError(.csv, .riskExposureCsvMonth, "expected a month YYYY-MM, got '\(fields[columns[0]])'", file: file, line: lineNumber, field: "month")
            }
            let region = fields[columns[1]]
            guard !region.isEmpty else { throw RiskError(.csv, .riskExposureCsvEmptyRegion, "the region is empty", file: file, line: lineNumber, field: "region") }
            guard let gap = Double(fields[columns[2]]), gap.isFinite, gap >= 0 else {
                throw RiskError(.csv, .riskExposureCsvGap, "expected a gap ≥ 0, got '\(fields[columns[2]])'", file: file, line: lineNumber, field: "gap")
            }
            guard let share = Double(fields[columns[3]]), share.isFinite, share >= 0, share <= 1 else {
                throw RiskError(.csv, .riskExposureCsvCoalitionShare, "expected a coalition share in 0…1, got '\(fields[columns[3]])'", file: file, line: lineNumber, field: "coalitionShare")
            }
            if byRegion[region] == nil { order.append(region) }
            byRegion[region, default: []].append(Row(month: month, gap: gap, share: share, line: lineNumber))
        }
        guard !order.isEmpty else { throw RiskError(.csv, .riskExposureCsvNoRows, "no rows", file: file, field: "month") }
        var start: YearMonth?
        var months: Int?
        var regions: [RegionExposure] = []
        for region in order {
            let rows = byRegion[region]!.sorted { $0.month < $1.month }
            for (a, b) in zip(rows, rows.dropFirst()) where b.month.months(since: a.month) != 1 {
                let problem = b.month == a.month ? "repeats month \(b.month)" : "skips from \(a.month) to \(b.month)"
                throw RiskError(.csv, .riskExposureCsvMonths, "region '\(region)' \(problem)", file: file, line: b.line, field: "month")
            }
            if let start, let months, rows[0].month != start || rows.count != months {
                throw RiskError(.csv, .riskExposureCsvSpan, "region '\(region)' covers \(rows[0].month) + \(rows.count) months; the first region covers \(start) + \(months)",
                                file: file, line: rows[0].line, field: "month")
            }
            start = start ?? rows[0].month
            months = months ?? rows.count
            regions.append(RegionExposure(region: region, gap: rows.map(\.gap), coalitionShare: rows.map(\.share)))
        }
        return ExposureHistory(start: start!, regions: regions)
    }
}
