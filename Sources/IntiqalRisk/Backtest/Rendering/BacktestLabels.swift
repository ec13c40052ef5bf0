import IntiqalDomain

/// The words of the back-test's table and page, in English and Arabic.
struct BacktestLabels {
    let language: Language

    var isArabic: Bool { language == .ar }

    func method(_ m: ForecastMethod) -> String { isArabic ? m.arabic : m.english }

    func region(_ id: String) -> String {
        guard let g = IraqGovernorate.withID(id) else { return id }
        return isArabic ? g.arabic : g.english
    }

    func title(_ source: String) -> String { isArabic ? "الاختبار على السجلّ: \(source)" : "Back-test: \(source)" }
    var regionMonthHeading: String { isArabic ? "احتمال أن يبلغ عدد الحوادث العتبة في محافظة وشهر" : "Region and month: P(count ≥ threshold)" }
    var planHeading: String { isArabic ? "على مستوى الخطة: العتبة في أشهر متتالية في أي محافظة" : "Plan level: the threshold in consecutive months in any region" }
    var horizon: String { isArabic ? "الأفق (أشهر)" : "horizon" }
    var methodWord: String { isArabic ? "الطريقة" : "method" }
    var brier: String { isArabic ? "براير" : "Brier" }
    func skillVs(_ m: ForecastMethod) -> String { isArabic ? "المهارة مقابل \(m.arabic)" : "skill vs \(m.english)" }
    var logLoss: String { isArabic ? "الخسارة اللوغاريتمية" : "log loss" }
    var auroc: String { "AUROC" }
    var forecasts: String { isArabic ? "التنبؤات" : "forecasts" }
    var events: String { isArabic ? "الأحداث" : "events" }
    var reliabilityHeading: String { isArabic ? "جدول الموثوقية" : "Reliability" }
    var bin: String { isArabic ? "الفئة" : "bin" }
    var meanForecast: String { isArabic ? "متوسط التنبؤ" : "mean forecast" }
    var observed: String { isArabic ? "المرصود" : "observed" }
    var notes: String { isArabic ? "ملاحظات" : "notes" }
    var count: String { isArabic ? "العدد" : "count" }
    var lastFits: String { isArabic ? "معلمات النموذج عند آخر أصل" : "The model at the last origin" }
    var perRegion: String { isArabic ? "التنبؤات مقابل ما حدث، لكل محافظة" : "Forecasts against what happened, per region" }

    func departure(_ d: DepartureEffect) -> String {
        let e = d.estimate
        guard e.fitted else {
            return isArabic ? "أثر الانسحاب γ_dep لم يُقدَّر من السجل (\(d.from) … \(d.to)): \(e.noteAr ?? e.note ?? "")"
                : "Departure effect γ_dep not identified by the record (\(d.from) … \(d.to)): \(e.note ?? "assumed")"
        }
        let se = e.standardError.map { $0.formatted(3) } ?? "–"
        let ci = d.ci95.map { "[\($0[0].formatted(3)), \($0[1].formatted(3))]" } ?? "–"
        let mci = d.multiplierCI95.map { "[\($0[0].formatted(2)), \($0[1].formatted(2))]" } ?? "–"
        if isArabic {
            return "أثر الانسحاب γ_dep = \(e.value.formatted(3)) ± \(se) (فاصل 95٪: \(ci))، مقدَّر على \(d.events) حادثًا في \(d.regionsFitted) محافظة، \(d.from) … \(d.to): الانسحاب الكامل يضرب المعدل الأساسي في \(d.multiplier.formatted(2)) \(mci). ارتباط عبر السجل، لا أثر سببي."
        }
        return "Departure effect γ_dep = \(e.value.formatted(3)) ± \(se) (95 % interval \(ci)), fitted on \(d.events) incidents in \(d.regionsFitted) regions, \(d.from) … \(d.to): a full departure multiplies the background rate by \(d.multiplier.formatted(2)) \(mci). An association over the record, not a causal effect."
    }

    func setting(_ r: BacktestReport) -> String {
        let c = r.configuration
        let first = r.months.first.map(\.description) ?? "–", last = r.months.last.map(\.description) ?? "–"
        if isArabic {
            return "البيانات \(r.dataStart) … \(r.dataEnd)، \(r.regions.count) محافظة؛ الأشهر المقيّمة \(first) … \(last) (\(r.months.count) شهرًا). الحدث: \(c.threshold) حوادث أو أكثر في محافظة وشهر؛ على مستوى الخطة: \(c.consecutiveMonths) أشهر متتالية في أي محافظة. كل تنبؤ مقدَّر على الأشهر الـ\(c.windowMonths) السابقة لأصله فقط؛ \(c.runs) محاكاة، البذرة \(c.seed)."
        }
        return "Data \(r.dataStart) … \(r.dataEnd), \(r.regions.count) regions; scored \(first) … \(last) (\(r.months.count) months). Event: ≥ \(c.threshold) incidents in a region and month; plan level: that in \(c.consecutiveMonths) consecutive months in any region (within the horizon). Every forecast is fitted only on the \(c.windowMonths) months before its origin; \(c.runs) simulated futures per region and origin, seed \(c.seed)."
    }
}
