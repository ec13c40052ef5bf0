import IntiqalDomain

extension RiskModel {
    /// Largest branching ratio a fitted model keeps; larger fits are capped (and noted).
    public static let maximumFittedAlpha = 0.95

    /// Fits each region's μ, α, β from incidents of the given kinds.
    ///
    /// Incidents are dated to the day; each incident's `count` events are spread uniformly
    /// at random inside its day (seeded by `jitterSeed`), which removes ties without
    /// inventing a within-day order. An incident with `until` is a count over a period: its
    /// events are spread evenly over the period's days first. Regions with fewer than `HawkesFit.minimumEvents`
    /// events take the median α and β of the fitted regions (or the defaults) and a μ that
    /// matches their observed rate.
    ///
    /// Without `history`, γ_gap and γ_dep are the given values (documented defaults unless
    /// the caller sets them). With it, the window is the history's months, and each γ whose
    /// covariate varies over time within some region is estimated by maximising the profile
    /// likelihood (every region's μ, α, β refitted for each γ); the others keep their values.
    public static func fit(incidents: [Incident],
                           history: ExposureHistory? = nil,
                           kinds: Set<Incident.Kind> = [.attack, .strike],
                           jitterSeed: UInt64 = 0,
                           gammaGap: Double = RiskModel.defaultGammaGap,
                           gammaDeparture: Double = RiskModel.defaultGammaDeparture) throws -> IncidentFit {
        try history?.validate()
        guard gammaGap.isFinite, gammaDeparture.isFinite else {
            throw RiskError.invalid(.riskFitGamma, "gamma", "gammaGap and gammaDeparture must be finite")
        }
        struct Row { var day: Int; var region: String; var count: Int }
        var rows: [Row] = []
        var illustrative = false
        for (i, incident) in incidents.enumerated() where kinds.contains(incident.kind) {
            guard let date = CivilDate(incident.date) else {
                throw RiskError.invalid(.riskFitIncidentDate, "incidents[\(i)].date", "expected a date YYYY-MM-DD, got '\(incident.date)'")
            }
            let region = incident.region.trimmingWhitespace
            guard !region.isEmpty else { throw RiskError.invalid(.riskFitIncidentRegion, "incidents[\(i)].region", "the region is empty") }
            guard InputLimits.incidentCount.contains(incident.count) else {
                throw RiskError.invalid(.riskFitIncidentCount, "incidents[\(i)].count",
                                        "count must be in \(InputLimits.incidentCount.lowerBound)…\(InputLimits.incidentCount.upperBound), got \(incident.count)")
            }
            illustrative = illustrative || incident.illustrative
            guard let until = incident.until else {
                rows.append(Row(day: date.dayNumber, region: region, count: incident.count))
                continue
            }
            // A count known only over a period is spread evenly over its days.
            guard let last = CivilDate(until) else {
                throw RiskError.invalid(.riskFitIncidentUntil, "incidents[\(i)].until", "expected a date YYYY-MM-DD, got '\(until)'")
            }
            guard last >= date else {
                throw RiskError.invalid(.riskFitIncidentPeriod, "incidents[\(i)].until", "the period ends (\(until)) before it starts (\(incident.date))")
            }
            guard incident.count > 0 else {
                // Nothing seen over the period: the window still covers it.
                rows.append(Row(day: date.dayNumber, region: region, count: 0))
                rows.append(Row(day: last.dayNumber, region: region, count: 0))
                continue
            }
            let days = last.days(since: date) + 1
            var perDay: [Int: Int] = [:]
            for n in 0..<incident.count { perDay[date.dayNumber + (n * days + days / 2) / incident.count, default: 0] += 1 }
            for (day, count) in perDay.sorted(by: { $0.key < $1.key }) {
                rows.append(Row(day: day, region: region, count: count))
            }
        }
        var notes = RiskNotes()
        if let history {
            let from = history.firstDayNumber, to = from + Int(history.monthDays.reduce(0, +))
            let outside = rows.filter { $0.day < from || $0.day >= to }.map(\.count).reduce(0, +)
            rows.removeAll { $0.day < from || $0.day >= to }
            if outside > 0 {
                notes.append("\(outside) incidents outside the exposure history's months were left out",
                             ar: "استُبعدت \(outside) حادثة خارج أشهر سجل التعرّض")
            }
        }
        guard let first = rows.map(\.day).min(), let last = rows.map(\.day).max() else {
            throw RiskError(.tooFewEvents, .riskFitNoIncidents, "no incidents of kinds \(kinds.map(\.rawValue).sorted().joined(separator: ", ")) to fit", field: "incidents")
        }
        let firstMonth = CivilDate(dayNumber: first)?.yearMonth, lastMonth = CivilDate(dayNumber: last)?.yearMonth
        let start = history?.firstDayNumber ?? firstMonth.map { CivilDate.dayNumber(year: $0.year, month: $0.month, day: 1) } ?? first
        let end = history.map { $0.firstDayNumber + Int($0.monthDays.reduce(0, +)) }
            ?? lastMonth.map { $0.adding(months: 1) }.map { CivilDate.dayNumber(year: $0.year, month: $0.month, day: 1) } ?? last + 1
        guard let windowStart = CivilDate(dayNumber: start), let windowEnd = CivilDate(dayNumber: end - 1) else {
            throw RiskError.invalid(.riskFitWindowYears, "history", "the window runs outside the years \(InputLimits.year.lowerBound)–\(InputLimits.year.upperBound)")
        }
        let days = Double(end - start)
        rows.sort { ($0.region, $0.day, $0.count) < ($1.region, $1.day, $1.count) }

        var byRegion: [String: [Double]] = [:]
        var order: [String] = []
        for row in rows {
            if byRegion[row.region] == nil { byRegion[row.region] = []; order.append(row.region) }
        }
        for (index, region) in order.enumerated() {
            var rng = Xoshiro256StarStar(seed: jitterSeed, stream: UInt64(index))
            var times: [Double] = []
            for row in rows where row.region == region {
                let offset = Double(row.day - start)
                for _ in 0..<row.count { times.append(offset + (1 - rng.nextOpenUnit())) }  // in [offset, offset+1)
            }
            byRegion[region] = times
        }

        // γ: fitted on the profile likelihood where the history allows, else as given.
        var gap = CoefficientEstimate(value: gammaGap, standardError: nil, fitted: false,
                                      note: history == nil ? "assumed: no exposure history" : nil,
                                      noteAr: history == nil ? "مفترض: لا يوجد سجل تعرّض" : nil)
        var departure = CoefficientEstimate(value: gammaDeparture, standardError: nil, fitted: false,
                                            note: history == nil ? "assumed: no exposure history" : nil,
                                            noteAr: history == nil ? "مفترض: لا يوجد سجل تعرّض" : nil)
        var shapes: [String: (exposure: RegionExposure, days: [Double])] = [:]
        if let history {
            let monthDays = history.monthDays
            for r in history.regions where (byRegion[r.region]?.count ?? 0) >= HawkesFit.minimumEvents {
                shapes[r.region] = (r, monthDays)
            }
            let profile = try ProfileFit(regions: shapes.keys.sorted().map { ($0, byRegion[$0] ?? [], shapes[$0]!) }, horizon: days)
            let estimate = profile.maximise(start: SIMD2(gammaGap, gammaDeparture))
            for coefficient in 0..<2 {
                let identifiable = profile.varies[coefficient]
                var c = CoefficientEstimate(value: coefficient == 0 ? gammaGap : gammaDeparture, standardError: nil, fitted: false,
                                            note: nil, noteAr: nil)
                if identifiable {
                    c = CoefficientEstimate(value: estimate.gamma[coefficient], standardError: estimate.standardErrors[coefficient],
                                            fitted: true, note: nil, noteAr: nil)
                } else {
                    c.note = "assumed: the \(coefficient == 0 ? "gap" : "coalition share") does not change over the history in any fitted region"
                    c.noteAr = "مفترض: لا \(coefficient == 0 ? "تتغير الفجوة" : "تتغير حصة التحالف") عبر السجل في أي منطقة مقدَّرة"
                }
                if coefficient == 0 { gap = c } else { departure = c }
            }
        }
        if let history {
            let covered = Set(history.regions.map(\.region))
            let uncovered = order.filter { !covered.contains($0) }
            if !uncovered.isEmpty {
                notes.append("no exposure history for \(uncovered.joined(separator: ", ")): background taken as constant over the window",
                             ar: "لا يوجد سجل تعرّض لـ \(uncovered.joined(separator: "، ")): اعتُبرت الخلفية ثابتة طوال النافذة")
            }
        }
        func shape(_ region: String) -> BackgroundShape? {
            guard let s = shapes[region] else { return nil }
            return ProfileFit.shape(s.exposure, days: s.days, gamma: SIMD2(gap.value, departure.value))
        }

        var fits: [String: FitResult] = [:]
        var failures: [String: RiskError] = [:]
        for region in order {
            let times = byRegion[region] ?? []
            do {
                fits[region] = try HawkesFit.fit(eventTimes: times, horizon: days, background: shape(region))
            } catch let error as RiskError {
                failures[region] = error
            }
        }
        func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let s = values.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        let fittedAlphas = fits.values.map { min($0.parameters.alpha, maximumFittedAlpha) }
        let pooledAlpha = median(fittedAlphas) ?? defaultFallback.alpha
        let pooledBeta = median(fits.values.map(\.parameters.beta)) ?? defaultFallback.beta

        var regionFits: [IncidentFit.RegionFit] = []
        var parameters: [String: HawkesParameters] = [:]
        var logCovariance: [String: [Double]] = [:]
        for region in order {
            let events = byRegion[region]?.count ?? 0
            if let fit = fits[region] {
                var p = fit.parameters
                var note: String?, noteAr: String?
                if p.alpha > maximumFittedAlpha {
                    // Keep the fitted mean background while capping the branching ratio.
                    p = HawkesParameters(mu: Double(events) / (shape(region)?.integral ?? days) * (1 - maximumFittedAlpha),
                                         alpha: maximumFittedAlpha, beta: p.beta)
                    note = "fitted alpha \(fit.parameters.alpha.formatted(3)) ≥ \(maximumFittedAlpha) (near-explosive); capped, mu set to keep the observed rate"
                    noteAr = "ألفا المقدّرة \(fit.parameters.alpha.formatted(3)) ≥ \(maximumFittedAlpha) (قريبة من الانفجار)؛ حُدّت، وضُبطت مو لتحافظ على المعدل المرصود"
                } else if !fit.converged {
                    note = "optimiser stopped before its convergence test; estimates may be imprecise"
                    noteAr = "توقف المُحسِّن قبل اختبار التقارب؛ قد تكون التقديرات غير دقيقة"
                }
                if let note, let noteAr { notes.append("\(region): \(note)", ar: "\(region): \(noteAr)") }
                if note == nil, let c = fit.covariance {
                    // Delta method: covariance of the log-parameters.
                    let v = [p.mu, p.alpha, p.beta]
                    logCovariance[region] = (0..<9).map { c[$0] / (v[$0 / 3] * v[$0 % 3]) }
                }
                parameters[region] = p
                regionFits.append(.init(region: region, events: events, fit: fit, parameters: p, note: note))
            } else {
                let rate = max(Double(events), 0.5) / days
                let p = HawkesParameters(mu: rate * (1 - pooledAlpha), alpha: pooledAlpha, beta: pooledBeta)
                let failure = failures[region]
                let note = "not fitted (\(failure?.message ?? "no events")); alpha and beta pooled from other regions, mu from the observed rate"
                let reasonAr = failure == nil ? "لا أحداث" : failure!.isTooFewEvents ? "أحداث أقل من \(HawkesFit.minimumEvents)" : failure!.message
                notes.append("\(region): \(note)",
                             ar: "\(region): لم تُقدَّر (\(reasonAr))؛ ألفا وبيتا مجمّعتان من المناطق الأخرى، ومو من المعدل المرصود")
                parameters[region] = p
                regionFits.append(.init(region: region, events: events, fit: nil, parameters: p, note: note))
            }
        }
        if illustrative {
            notes.insertFirst("incident data are illustrative, not observed: the fitted rates and every probability built on them illustrate the method only",
                              ar: "بيانات الحوادث توضيحية وليست مرصودة: المعدلات المقدّرة وكل احتمال مبني عليها توضّح المنهج فقط")
        }
        for (name, c) in [("gammaGap", gap), ("gammaDeparture", departure)] {
            let nameAr = RiskNotes.arabicName(name)
            if c.fitted {
                notes.append("\(name) \(c.value.formatted(3)) fitted from the exposure history (standard error \(c.standardError.map { $0.formatted(3) } ?? "not available"))",
                             ar: "\(nameAr) \(c.value.formatted(3)) مقدَّر من سجل التعرّض (الخطأ المعياري \(c.standardError.map { $0.formatted(3) } ?? "غير متاح"))")
            } else {
                notes.append("\(name) \(c.value) is assumed, not fitted from incidents (\(c.note ?? "default"))",
                             ar: "\(nameAr) \(c.value) مفترض وليس مقدَّراً من الحوادث (\(c.noteAr ?? "القيمة الافتراضية"))")
            }
        }
        var referenceGap: [String: Double] = [:]
        for (region, s) in shapes { referenceGap[region] = s.exposure.gap[s.exposure.months - 1] }
        let fallback = HawkesParameters(mu: RiskModel.defaultFallback.mu, alpha: pooledAlpha, beta: pooledBeta)
        let model = RiskModel(regions: parameters, fallback: fallback, gammaGap: gap.value, gammaDeparture: departure.value,
                              referenceGap: referenceGap, logCovariance: logCovariance.filter { Matrix3($0.value).choleskyOfCovariance() != nil },
                              gammaGapStandardError: gap.fitted ? gap.standardError : nil,
                              gammaDepartureStandardError: departure.fitted ? departure.standardError : nil,
                              illustrative: illustrative, notes: notes.en, notesAr: notes.ar)
        return IncidentFit(windowStart: windowStart, windowEnd: windowEnd, days: days, regions: regionFits,
                           gammaGap: gap, gammaDeparture: departure, model: model)
    }
}
