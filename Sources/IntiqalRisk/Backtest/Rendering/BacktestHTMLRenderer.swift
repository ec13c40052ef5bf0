import IntiqalDomain

/// The back-test as one self-contained HTML page (no scripts, no external files): the scores,
/// a reliability diagram per horizon and the forecasts against what happened per region, as
/// inline SVG; English, or Arabic laid out right to left (the charts keep time left to right).
public struct BacktestHTMLRenderer: Sendable {
    public var language: Language

    public init(language: Language = .en) { self.language = language }

    static let colours: [ForecastMethod: String] = [
        .hawkes: "#c0392b", .noChange: "#2c7fb8", .climatology: "#7f8c8d", .poissonTrend: "#27ae60", .multivariateHawkes: "#8e44ad",
    ]

    public func render(_ report: BacktestReport) -> String {
        let l = BacktestLabels(language: language)
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)" dir="\(l.isArabic ? "rtl" : "ltr")">
        <head><meta charset="utf-8"><title>\(Self.escape(l.title(report.source)))</title>
        <style>
        body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans Arabic",sans-serif;margin:2em;max-width:75em;color:#222}
        table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:end}
        th:first-child,td:first-child,th:nth-child(2),td:nth-child(2){text-align:start}
        svg{direction:ltr;background:#fff}.regions{display:flex;flex-wrap:wrap;gap:1em}.regions figure{margin:0}
        .key span{display:inline-block;margin-inline-end:1.2em}.swatch{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-inline-end:.3em}
        </style></head>
        <body>
        <h1>\(Self.escape(l.title(report.source)))</h1>
        <p>\(Self.escape(l.setting(report)))</p>

        """
        html += "<p class=\"key\">" + report.methods.map {
            "<span><span class=\"swatch\" style=\"background:\(Self.colours[$0]!)\"></span>\(Self.escape(l.method($0)))</span>"
        }.joined() + "</p>\n"
        for (heading, pick) in [(l.regionMonthHeading, \BacktestReport.HorizonScores.regionMonth),
                                (l.planHeading, \BacktestReport.HorizonScores.planLevel)] {
            html += "<h2>\(Self.escape(heading))</h2>\n<table><tr><th>\(l.horizon)</th><th>\(l.methodWord)</th><th>\(l.brier)</th>"
            html += ForecastMethod.baselines.map { "<th>\(Self.escape(l.skillVs($0)))</th>" }.joined()
            html += "<th>\(l.logLoss)</th><th>\(l.auroc)</th><th>\(l.forecasts)</th><th>\(l.events)</th></tr>\n"
            for h in report.horizons {
                for s in h[keyPath: pick] {
                    html += "<tr><td>\(h.horizon)</td><td>\(Self.escape(l.method(s.method)))</td><td>\(s.score.brier.formatted(4))</td>"
                    html += ForecastMethod.baselines.map { b in
                        "<td>\(s.method == b ? "–" : BacktestTableRenderer.percent(s.skill.first { $0.baseline == b }?.brierSkill))</td>"
                    }.joined()
                    html += "<td>\(s.score.logLoss.formatted(3))</td><td>\(s.score.auroc.map { $0.formatted(3) } ?? "–")</td>"
                    html += "<td>\(s.score.count)</td><td>\(s.score.positives)</td></tr>\n"
                }
            }
            html += "</table>\n"
        }
        html += "<h2>\(Self.escape(l.reliabilityHeading))</h2>\n<div class=\"regions\">\n"
        for h in report.horizons {
            html += "<figure>\(reliabilitySVG(h, labels: l))<figcaption>\(l.horizon) \(h.horizon)</figcaption></figure>\n"
        }
        html += "</div>\n"
        let focus = report.configuration.horizons.contains(3) ? 3 : report.configuration.horizons[0]
        html += "<h2>\(Self.escape(l.perRegion)) (\(l.horizon) \(focus))</h2>\n<div class=\"regions\">\n"
        for s in report.series where s.counts.contains(where: { $0 > 0 }) {
            html += "<figure>\(regionSVG(s, months: report.months, horizon: focus, threshold: report.configuration.threshold))"
            html += "<figcaption>\(Self.escape(l.region(s.region)))</figcaption></figure>\n"
        }
        html += "</div>\n"
        if let d = report.departureEffect { html += "<p>\(Self.escape(l.departure(d)))</p>\n" }
        let notes = l.isArabic && report.notesAr.count == report.notes.count ? report.notesAr : report.notes
        if !notes.isEmpty {
            html += "<h2>\(l.notes)</h2>\n<ul>" + notes.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// Observed frequency against mean forecast per bin, one series per method; the diagonal is perfect calibration.
    func reliabilitySVG(_ h: BacktestReport.HorizonScores, labels l: BacktestLabels) -> String {
        let size = 300.0, pad = 40.0, plot = size - 2 * pad
        func x(_ p: Double) -> String { (pad + p * plot).formatted(1) }
        func y(_ p: Double) -> String { (size - pad - p * plot).formatted(1) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(size))\" height=\"\(Int(size))\" viewBox=\"0 0 \(Int(size)) \(Int(size))\" role=\"img\">"
        svg += "<rect x=\"\(x(0))\" y=\"\(y(1))\" width=\"\(plot)\" height=\"\(plot)\" fill=\"none\" stroke=\"#999\"/>"
        svg += "<line x1=\"\(x(0))\" y1=\"\(y(0))\" x2=\"\(x(1))\" y2=\"\(y(1))\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>"
        for t in stride(from: 0.0, through: 1.0, by: 0.5) {
            svg += "<text x=\"\(x(t))\" y=\"\((size - pad + 14).formatted(1))\" font-size=\"10\" text-anchor=\"middle\">\(t.formatted(1))</text>"
            svg += "<text x=\"\((pad - 4).formatted(1))\" y=\"\(y(t))\" font-size=\"10\" text-anchor=\"end\" dominant-baseline=\"middle\">\(t.formatted(1))</text>"
        }
        svg += "<text x=\"\(x(0.5))\" y=\"\((size - 6).formatted(1))\" font-size=\"11\" text-anchor=\"middle\">\(Self.escape(l.meanForecast))</text>"
        svg += "<text transform=\"translate(12 \(y(0.5))) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\">\(Self.escape(l.observed))</text>"
        let total = Double(max(1, h.regionMonth.first?.score.count ?? 1))
        for (i, s) in h.regionMonth.enumerated() {
            let colour = Self.colours[s.method]!
            let ly = pad + 10 + Double(i) * 13
            svg += "<rect x=\"\(pad + 6)\" y=\"\((ly - 7).formatted(1))\" width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(pad + 18)\" y=\"\(ly.formatted(1))\" font-size=\"10\">\(Self.escape(l.method(s.method))) (\(l.brier) \(s.score.brier.formatted(4)))</text>"
            let points = s.score.reliability.compactMap { b -> (Double, Double, Int)? in
                guard let f = b.meanForecast, let o = b.observedFrequency else { return nil }
                return (f, o, b.count)
            }
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"" + points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ") + "\"/>"
            for p in points {
                let r = 2 + 10 * (Double(p.2) / total).squareRoot()
                svg += "<circle cx=\"\(x(p.0))\" cy=\"\(y(p.1))\" r=\"\(r.formatted(1))\" fill=\"\(colour)\" fill-opacity=\"0.35\" stroke=\"\(colour)\"><title>\(Self.escape(l.method(s.method))): \(p.2) · \(p.0.formatted(3)) → \(p.1.formatted(3))</title></circle>"
            }
        }
        return svg + "</svg>"
    }

    /// Monthly counts as bars (left scale), the threshold as a dashed line, and each method's
    /// forecast probability at `horizon` as a line (right scale, 0–1).
    func regionSVG(_ s: BacktestReport.RegionSeries, months: [YearMonth], horizon: Int, threshold: Int) -> String {
        let width = 420.0, height = 160.0, pad = 28.0
        let plotW = width - 2 * pad, plotH = height - 2 * pad
        let n = max(1, s.counts.count)
        let top = Double(max(threshold * 2, s.counts.max() ?? 1))
        func x(_ i: Int) -> Double { pad + (Double(i) + 0.5) * plotW / Double(n) }
        func yCount(_ c: Double) -> Double { height - pad - min(c, top) / top * plotH }
        func yP(_ p: Double) -> Double { height - pad - p * plotH }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        let barW = max(1, plotW / Double(n) - 1)
        for (i, c) in s.counts.enumerated() where c > 0 {
            let y0 = yCount(Double(c))
            svg += "<rect x=\"\((x(i) - barW / 2).formatted(1))\" y=\"\(y0.formatted(1))\" width=\"\(barW.formatted(1))\" height=\"\((height - pad - y0).formatted(1))\" fill=\"\(c >= threshold ? "#e6b0aa" : "#d5dbdb")\"><title>\(months[i]): \(c)</title></rect>"
        }
        svg += "<line x1=\"\(pad)\" y1=\"\(yCount(Double(threshold)).formatted(1))\" x2=\"\(width - pad)\" y2=\"\(yCount(Double(threshold)).formatted(1))\" stroke=\"#888\" stroke-dasharray=\"3 3\"/>"
        svg += "<rect x=\"\(pad)\" y=\"\(pad)\" width=\"\(plotW)\" height=\"\(plotH)\" fill=\"none\" stroke=\"#bbb\"/>"
        svg += "<text x=\"\(pad - 3)\" y=\"\(pad + 4)\" font-size=\"9\" text-anchor=\"end\">\(Int(top))</text>"
        svg += "<text x=\"\(width - pad + 3)\" y=\"\(pad + 4)\" font-size=\"9\">1</text><text x=\"\(width - pad + 3)\" y=\"\(height - pad)\" font-size=\"9\">0</text>"
        for (i, m) in months.enumerated() where m.month == 1 {
            svg += "<text x=\"\(x(i).formatted(1))\" y=\"\(height - pad + 12)\" font-size=\"9\" text-anchor=\"middle\">\(m.year)</text>"
        }
        for f in s.forecasts where f.horizon == horizon && (f.method == .hawkes || f.method == .noChange || f.method == .climatology || f.method == .multivariateHawkes) {
            let points = f.probabilities.enumerated().compactMap { i, p in p.map { "\(x(i).formatted(1)),\(yP($0).formatted(1))" } }
            svg += "<polyline fill=\"none\" stroke=\"\(Self.colours[f.method]!)\" stroke-width=\"\(f.method == .hawkes ? 1.6 : 1)\" points=\"\(points.joined(separator: " "))\"/>"
        }
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
