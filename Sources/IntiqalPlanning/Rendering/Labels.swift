import IntiqalDomain

/// The fixed words of plan reports, in the commission's two languages.
struct Labels: Sendable {
    let language: Language

    private static let table: [String: (en: String, ar: String)] = [
        "plan": ("Transition plan", "خطة الانتقال"),
        "mode.conditions": ("conditions-first", "الشروط أولاً"),
        "mode.deadlines": ("deadline-first", "المواعيد أولاً"),
        "period": ("Period", "المدة"),
        "verified": ("verified", "تم التحقق"),
        "violations": ("VERIFICATION FAILED", "فشل التحقق"),
        "phases": ("Phases", "المراحل"),
        "phase": ("Phase", "المرحلة"),
        "deadline": ("Deadline", "الموعد المتفق عليه"),
        "completes": ("Completes", "الإنجاز المتوقع"),
        "slack": ("Slack (months)", "الهامش (أشهر)"),
        "actual": ("Actual", "الفعلي"),
        "status": ("Status", "الحالة"),
        "met": ("on time", "في الموعد"),
        "late": ("LATE", "متأخر"),
        "open": ("not within horizon", "خارج الأفق"),
        "headcount": ("Personnel per site (end of quarter)", "الأفراد في كل موقع (نهاية كل ربع)"),
        "site": ("Site", "الموقع"),
        "closes": ("Closes", "الإغلاق"),
        "handovers": ("Handovers (coalition support → Iraqi lead)", "عمليات التسليم (من دعم التحالف إلى القيادة العراقية)"),
        "month": ("Month", "الشهر"),
        "gate": ("Gate", "البوابة"),
        "capability": ("ISF capability", "قدرة القوات العراقية"),
        "requirement": ("Requirement", "المتطلب"),
        "threat": ("Threat", "التهديد"),
        "held": ("Held", "مدة الثبات"),
        "forced": ("FORCED", "قسري"),
        "conditionsMet": ("gate held", "الشروط متحققة"),
        "riskDebt": ("Risk debt (handovers before their gates hold)", "الدين الخطري (تسليم قبل تحقق الشروط)"),
        "holdsFrom": ("Gate holds from", "تتحقق الشروط من"),
        "months": ("Months", "الأشهر"),
        "unmet": ("Unmet", "غير المتحقق"),
        "findings": ("Findings", "ملاحظات"),
        "totals": ("Totals", "المجاميع"),
        "personnelMonths": ("personnel-months", "شهر-فرد"),
        "remaining": ("still in country at the end", "باقون في نهاية الأفق"),
        "none": ("none", "لا يوجد"),
        "gantt": ("Phases and handovers", "المراحل وعمليات التسليم"),
        "chart": ("Personnel per site", "الأفراد في كل موقع"),
        "moves": ("Schedule", "الجدول"),
        "team": ("Team", "الفريق"),
        "personnel": ("Personnel", "الأفراد"),
        "reason": ("Reason", "السبب"),
        "depart": ("leaves", "مغادرة"),
        "relocate": ("moves", "نقل"),
        "close": ("site closes", "إغلاق الموقع"),
        "risk": ("Risk of resurgence", "خطر عودة التنظيم"),
        "riskNotEstimated": ("not estimated: the incident model could not be fitted", "لم يُقدَّر: تعذّر تقدير نموذج الحوادث"),
        "disputes": ("Disputed ratings (a disputed rating blocks its gates until resolved)", "التقييمات المتنازع عليها (يوقف التقييم المتنازع عليه بواباته حتى يُحسم)"),
        "disputedFrom": ("disputed", "متنازع عليه"),
        "resolvedBy": ("resolved by", "حُسم بقرار"),
        "from": ("from", "اعتباراً من"),
        "scales": ("Rating scales", "سلالم التقييم"),
        "scaleRevised": ("revised", "عُدّل"),
        "converted": ("ratings on an earlier version converted to the current one (end points to end points)", "تقييمات على إصدار سابق حُوّلت إلى الإصدار الحالي (طرفاً بطرف)"),
        "relocations": ("Relocations (teams moving to a site of a later phase)", "عمليات النقل (فرق تنتقل إلى موقع مرحلة لاحقة)"),
        "noRelocation": ("no relocation needed", "لا حاجة إلى النقل"),
        "leavesFrom": ("leaves from", "تغادر من"),
        "beforeCloses": ("before its site closes", "قبل إغلاق موقعها"),
        "factor.threat": ("threat", "التهديد"),
        "factor.requirement": ("requirement", "المتطلب"),
        "factor.capability": ("ISF capability", "قدرة القوات العراقية"),
        "trend.falling": ("falling", "متراجع"),
        "trend.steady": ("steady", "ثابت"),
        "trend.rising": ("rising", "متصاعد"),
        "expected": ("Expected incidents", "الحوادث المتوقعة"),
        "baseline": ("no change (no drawdown)", "دون تغيير (دون انسحاب)"),
        "illustrativeRisk": ("illustrative: the incident data behind the risk model are illustrative, not a record",
                             "توضيحي: بيانات الحوادث التي يستند إليها نموذج الخطر توضيحية وليست سجلاً فعلياً"),
    ]

    subscript(_ key: String) -> String {
        guard let entry = Self.table[key] else { return key }
        return language == .ar ? entry.ar : entry.en
    }

    func modeName(_ mode: PlanMode) -> String { self["mode.\(mode.rawValue)"] }

    /// How the risk figures were made: runs, seed and the resurgence threshold.
    func riskSetting(_ risk: RiskSummary) -> String {
        language == .ar
            ? "\(risk.runs) محاكاة، البذرة \(risk.seed)؛ العودة: \(risk.incidentsPerMonth) حادثة أو أكثر في الشهر في منطقة ما طوال \(risk.consecutiveMonths) أشهر متتالية"
            : "\(risk.runs) runs, seed \(risk.seed); ≥ \(risk.incidentsPerMonth)/month for \(risk.consecutiveMonths) months in any region"
    }
}
