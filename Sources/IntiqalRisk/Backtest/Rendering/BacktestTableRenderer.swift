import IntiqalDomain

/// The back-test as a plain-text table, in English or Arabic.
public struct BacktestTableRenderer: Sendable {
    public var language: Language

    public init(language: Language = .en) { self.language = language }

    public func render(_ report: BacktestReport) -> String {
        let l = BacktestLabels(language: language)
        var out = l.title(report.source) + "\n" + l.setting(report) + "\n"
        for (heading, pick) in [(l.regionMonthHeading, \BacktestReport.HorizonScores.regionMonth),
                                (l.planHeading, \BacktestReport.HorizonScores.planLevel)] {
            out += "\n" + heading + "\n"
            var rows: [[String]] = [[l.horizon, l.methodWord, l.brier] + ForecastMethod.baselines.map(l.skillVs)
                + [l.logLoss, l.auroc, l.forecasts, l.events]]
            for h in report.horizons {
                for s in h[keyPath: pick] {
                    let skills = ForecastMethod.baselines.map { b in
                        s.method == b ? "–" : Self.percent(s.skill.first { $0.baseline == b }?.brierSkill)
                    }
                    rows.append([String(h.horizon), l.method(s.method), s.score.brier.formatted(4)] + skills
                        + [s.score.logLoss.formatted(3), s.score.auroc.map { $0.formatted(3) } ?? "–",
                           String(s.score.count), String(s.score.positives)])
                }
            }
            out += Self.grid(rows)
        }
        let h3 = report.horizons.first { $0.horizon == 3 } ?? report.horizons.first
        if let h3, let model = h3.regionMonth.first(where: { $0.method == .hawkes }) {
            out += "\n\(l.reliabilityHeading): \(l.method(.hawkes)), \(l.horizon) \(h3.horizon)\n"
            var rows: [[String]] = [[l.bin, l.count, l.meanForecast, l.observed]]
            for b in model.score.reliability {
                rows.append(["\(b.lower.formatted(1))–\(b.upper.formatted(1))", String(b.count),
                             b.meanForecast.map { $0.formatted(3) } ?? "–", b.observedFrequency.map { $0.formatted(3) } ?? "–"])
            }
            out += Self.grid(rows)
        }
        if let d = report.departureEffect { out += "\n" + l.departure(d) + "\n" }
        let notes = l.isArabic && report.notesAr.count == report.notes.count ? report.notesAr : report.notes
        if !notes.isEmpty {
            out += "\n" + l.notes + "\n" + notes.map { "  • \($0)\n" }.joined()
        }
        return out
    }

    static func percent(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return (x >= 0 ? "+" : "") + (x * 100).formatted(1) + "%"
    }

    /// Left-aligned first two columns, right-aligned numbers.
    static func grid(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for (i, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, text -> String in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return c < 2 || i == 0 ? text + pad : pad + text
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces + "\n"
            if i == 0 { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
