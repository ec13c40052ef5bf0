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

    func setting(_ r: BacktestReport) -> String {
        let c = r.configuration
        let first = r.months.first.map(\.description) ?? "–", last = r.months.last.map(\.description) ?? "–"
        if isArabic {
            return "البيانات \(r.dataStart) … \(r.dataEnd)، \(r.regions.count) محافظة؛ الأشهر المقيّمة \(first) … \(last) (\(r.months.count) شهرًا). الحدث: \(c.threshold) حوادث أو أكثر في محافظة وشهر؛ على مستوى الخطة: \(c.consecutiveMonths) أشهر متتالية في أي محافظة. كل تنبؤ مقدَّر على الأشهر الـ\(c.windowMonths) السابقة لأصله فقط؛ \(c.runs) محاكاة، البذرة \(c.seed)."
        }
        return "Data \(r.dataStart) … \(r.dataEnd), \(r.regions.count) regions; scored \(first) … \(last) (\(r.months.count) months). Event: ≥ \(c.threshold) incidents in a region and month; plan level: that in \(c.consecutiveMonths) consecutive months in any region (within the horizon). Every forecast is fitted only on the \(c.windowMonths) months before its origin; \(c.runs) simulated futures per region and origin, seed \(c.seed)."
    }
}
