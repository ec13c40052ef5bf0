import IntiqalDomain
import Yams

extension ScenarioReader {
    func readScales() -> [RatingScale] {
        guard let field = root.child("scales") else { return [] }
        let scales = items(field, keys: ["factor", "version", "min", "max", "labels", "source"]) { r -> RatingScale? in
            source(r)
            guard let factor = r.required("factor", { enumValue($0, Factor.self) }),
                  let version = r.required("version", { $0.int(in: InputLimits.scaleVersion) }),
                  let lo = r.required("min", { $0.int(in: InputLimits.scaleBound) }),
                  let hi = r.required("max", { $0.int(in: InputLimits.scaleBound) }) else { return nil }
            if lo >= hi {
                log.error(.scenarioScaleBounds, r.child("max")?.node, "\(r.path).max", "max \(hi) must be above min \(lo)", ar: "الحد الأعلى \(hi) يجب أن يفوق الحد الأدنى \(lo)")
                return nil
            }
            var labels: [Int: LocalizedText] = [:]
            for e in r.child("labels")?.entries() ?? [] {
                guard let level = Int(e.key), (lo...hi).contains(level) else {
                    log.error(.scenarioScaleLabel, e.keyNode, e.value.path, "label for '\(e.key)', which is not a level of the scale \(lo)–\(hi)", ar: "تسمية لـ '\(e.key)' وهو ليس مستوى من المقياس \(lo)–\(hi)")
                    continue
                }
                labels[level] = localized(e.value)
            }
            return RatingScale(factor: factor, version: version, minimum: lo, maximum: hi, labels: labels)
        }
        var seen = Set<String>()
        for (scale, r) in scales where !seen.insert("\(scale.factor)@\(scale.version)").inserted {
            log.error(.scenarioDuplicateScale, r.node, r.path, "duplicate scale \(scale.factor.rawValue) version \(scale.version)", ar: "المقياس \(scale.factor.rawValue) الإصدار \(scale.version) مكرر")
        }
        return scales.map(\.0)
    }

    func readPolicy(parties: Set<String>) -> Policy? {
        guard let r = root.child("policy") else { return Policy() }
        guard r.expectMapping(keys: ["threatCeiling", "blockRisingThreat", "holdMonths", "disputeTolerance",
                                     "requireReintervention", "reinterventionMonths", "ratingParties"]) else { return nil }
        var policy = Policy()
        if let v = r.optional("threatCeiling", { $0.double() }) { policy.threatCeiling = v }
        if let v = r.optional("blockRisingThreat", { $0.bool() }) { policy.blockRisingThreat = v }
        if let v = r.optional("holdMonths", { $0.int(in: InputLimits.policyMonths) }) { policy.holdMonths = v }
        if let v = r.optional("disputeTolerance", { x -> Double? in
            guard let d = x.double() else { return nil }
            if d < 0 { log.error(.scenarioNegative, x.node, x.path, "must not be negative", ar: "يجب ألا تكون سالبة"); return nil }
            return d
        }) { policy.disputeTolerance = v }
        if let v = r.optional("requireReintervention", { $0.bool() }) { policy.requireReintervention = v }
        if let v = r.optional("reinterventionMonths", { $0.int(in: InputLimits.policyMonths) }) { policy.reinterventionMonths = v }
        if let v = r.optional("ratingParties", { $0.strings() }) {
            if v.isEmpty { log.error(.scenarioNoRatingParty, r.child("ratingParties")?.node, "policy.ratingParties", "name at least one party", ar: "سمِّ طرفًا واحدًا على الأقل") }
            policy.ratingParties = v
        }
        return policy
    }

    func readSites(regions: Set<String>, capabilities: Set<String>, parties: Set<String>) -> [(Site, NodeReader)] {
        list("sites", keys: ["id", "name", "region", "supports", "minimumGarrison", "teams", "source", "illustrative", "note"]) { r -> Site? in
            source(r)
            illustrative(r)
            note(r)
            let id = r.required("id") { $0.identifier() }
            let name = r.required("name") { localized($0) }
            let region = r.required("region") { reference($0, in: regions, what: "region") }
            let supports = r.required("supports") { s in s.items().compactMap { reference($0, in: regions, what: "region") } }
            let garrison = r.required("minimumGarrison") { $0.int(in: InputLimits.garrison) }
            // The listed regions as written, read without reporting again what `supports` reported.
            let listed: [String]? = r.child("supports").flatMap { s in
                guard case .sequence(let sequence) = s.node else { return nil }
                return sequence.compactMap { $0.scalar?.string }
            }
            let teams = r.required("teams") { t -> [AdviserTeam] in
                items(t, keys: ["id", "region", "capability", "headcount", "nation", "note"]) { x -> AdviserTeam? in
                    note(x)
                    let id = x.required("id") { $0.identifier() }
                    let region = x.required("region") { reference($0, in: regions, what: "region") }
                    let capability = x.required("capability") { reference($0, in: capabilities, what: "capability area") }
                    let headcount = x.required("headcount") { positive($0, within: InputLimits.headcount) }
                    let nation = x.required("nation") { reference($0, in: parties, what: "party") }
                    if let region, let listed, !listed.contains(region) {
                        log.error(.scenarioTeamRegionUnsupported, x.child("region")?.node, "\(x.path).region",
                                  "team supports \(region), which its site does not list in 'supports'", ar: "الفريق يدعم \(region) الذي لا يذكره موقعه في 'supports'")
                    }
                    guard let id, let region, let capability, let headcount, let nation else { return nil }
                    return AdviserTeam(id: id, region: region, capability: capability, headcount: headcount, nation: nation)
                }.map(\.0)
            }
            guard let id, let name, let region, let supports, let garrison, let teams else { return nil }
            return Site(id: id, name: name, region: region, supports: supports, minimumGarrison: garrison, teams: teams)
        }
    }

    func readCapacity(sites: [Site]) -> Capacity? {
        guard let r = root.child("capacity") else {
            log.error(.scenarioMissingCapacity, root.node, "capacity", "missing required field 'capacity'", ar: "الحقل المطلوب 'capacity' مفقود")
            return nil
        }
        guard r.expectMapping(keys: ["overallPerMonth", "perSite", "source", "illustrative"]) else { return nil }
        source(r)
        illustrative(r)
        guard let overall = r.required("overallPerMonth", { positive($0, within: InputLimits.capacity) }) else { return nil }
        var perSite: [String: Int] = [:]
        let ids = Set(sites.map(\.id))
        for e in r.child("perSite")?.entries() ?? [] {
            guard ids.contains(e.key) else {
                log.error(.scenarioCapacityUnknownSite, e.keyNode, e.value.path, "unknown site '\(e.key)'", ar: "موقع غير معروف '\(e.key)'")
                continue
            }
            if let n = positive(e.value, within: InputLimits.capacity) { perSite[e.key] = n }
        }
        return Capacity(overallPerMonth: overall, perSite: perSite)
    }

    func readGrowth(capabilities: Set<String>) -> Growth? {
        guard let r = root.child("growth") else { return nil }
        guard r.expectMapping(keys: ["withAdvisersPerMonth", "withoutAdvisersPerMonth", "byCapability", "source", "illustrative"]) else { return nil }
        source(r)
        illustrative(r)
        var growth = Growth()
        if let v = r.optional("withAdvisersPerMonth", { $0.double() }) { growth.withAdvisersPerMonth = v }
        if let v = r.optional("withoutAdvisersPerMonth", { $0.double() }) { growth.withoutAdvisersPerMonth = v }
        for e in r.child("byCapability")?.entries() ?? [] {
            guard capabilities.contains(e.key) else {
                log.error(.scenarioGrowthUnknownCapability, e.keyNode, e.value.path, "unknown capability area '\(e.key)'", ar: "مجال قدرة غير معروف '\(e.key)'")
                continue
            }
            if let v = e.value.double() { growth.byCapability[e.key] = v }
        }
        return growth
    }

    func readPhases(sites: Set<String>, regions: Set<String>, start: YearMonth?) -> [(Phase, NodeReader)] {
        let phases = list("phases", keys: ["id", "name", "sites", "regions", "deadline", "completed", "after", "source", "note"]) { r -> Phase? in
            note(r)
            let id = r.required("id") { $0.identifier() }
            let name = r.required("name") { localized($0) }
            let siteList = r.optional("sites") { s in s.items().compactMap { reference($0, in: sites, what: "site") } } ?? []
            let regionList = r.optional("regions") { s in s.items().compactMap { reference($0, in: regions, what: "region") } } ?? []
            let deadline = r.optional("deadline") { month($0) }
            let completed = r.optional("completed") { month($0) }
            let after = r.optional("after") { $0.strings() } ?? []
            if let deadline, let start, deadline < start {
                log.error(.scenarioDeadlineBeforeStart, r.child("deadline")?.node, "\(r.path).deadline", "deadline \(deadline) is before the start \(start)", ar: "الموعد النهائي \(deadline) قبل البداية \(start)")
            }
            guard let id, let name else { return nil }
            return Phase(id: id, name: name, sites: siteList, regions: regionList, deadline: deadline, completed: completed,
                         after: after, source: source(r))
        }
        let ids = unique(phases.map { ($0.0.id, $0.1) }, what: "phase")
        var siteOwner: [String: String] = [:]
        var regionOwner: [String: String] = [:]
        for (phase, r) in phases {
            // Entries that failed to read are not in the phase's lists, so each entry is located
            // by its own node, not by its position in them.
            func entry(_ field: String, _ value: String, _ i: Int) -> (node: Node?, path: String) {
                let item = r.child(field)?.items().first { $0.scalarText == value }
                return (item?.node, item?.path ?? "\(r.path).\(field)[\(i)]")
            }
            for (i, a) in phase.after.enumerated() where !ids.contains(a) {
                let at = entry("after", a, i)
                log.error(.scenarioUnknownPhase, at.node, at.path, "unknown phase '\(a)'", ar: "مرحلة غير معروفة '\(a)'")
            }
            for (i, s) in phase.sites.enumerated() {
                if let owner = siteOwner[s], owner != phase.id {
                    let at = entry("sites", s, i)
                    log.error(.scenarioSiteInTwoPhases, at.node, at.path, "site \(s) is already in phase \(owner)", ar: "الموقع \(s) في المرحلة \(owner) من قبل")
                }
                siteOwner[s] = siteOwner[s] ?? phase.id
            }
            for (i, g) in phase.regions.enumerated() {
                if let owner = regionOwner[g], owner != phase.id {
                    let at = entry("regions", g, i)
                    log.error(.scenarioRegionInTwoPhases, at.node, at.path, "region \(g) is already in phase \(owner)", ar: "المنطقة \(g) في المرحلة \(owner) من قبل")
                }
                regionOwner[g] = regionOwner[g] ?? phase.id
            }
        }
        // Cycles in phase order.
        let byID = Dictionary(phases.map { ($0.0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]   // 1 visiting, 2 done
        var reported = false
        func visit(_ id: String, _ trail: [String]) {
            guard !reported, let (phase, r) = byID[id] else { return }
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = trail.drop { $0 != id } + [id]
                log.error(.scenarioPhaseCycle, r.child("after")?.node ?? r.node, "\(r.path).after", "cycle in phase order: \(cycle.joined(separator: " → "))", ar: "دورة في ترتيب المراحل: \(cycle.joined(separator: " → "))")
                reported = true
                return
            }
            state[id] = 1
            for a in phase.after { visit(a, trail + [id]) }
            state[id] = 2
        }
        for (phase, _) in phases { visit(phase.id, []) }
        return phases
    }

    func readAssessments(parties: Set<String>, regions: Set<String>, capabilities: Set<String>,
                         scale: (ScaleReference) -> RatingScale?, start: YearMonth?, horizon: Int?) -> [Assessment] {
        guard let field = root.child("assessments") else { return [] }
        var result: [Assessment] = []
        // Ratings seen: party, factor, region, capability → month → the item that rated it (compact:
        // a large scenario has millions of ratings; the first one's path is rebuilt for a message).
        var seen: [String: [Int32: Int32]] = [:]
        let end = start.flatMap { s in horizon.map { s.adding(months: $0 - 1) } }
        let list = field.items()
        // One allocation for every rating (a series counts its months), not a doubling array.
        result.reserveCapacity(list.reduce(0) { total, item in
            guard let series = item.child("values"), case .mapping(let months) = series.node else { return total + 1 }
            return total + months.count
        })
        func ratingPath(item: Int, month: YearMonth) -> String {
            list[item].child("values") != nil ? "\(list[item].path).values.\(month)" : "\(list[item].path).value"
        }
        for (index, r) in list.enumerated() {
            guard r.expectMapping(keys: ["party", "factor", "region", "capability", "month", "value", "trend", "values",
                                         "scale", "confidence", "evidence", "illustrative", "note"]) else { continue }
            let party = r.required("party") { reference($0, in: parties, what: "party") }
            let factor = r.required("factor") { enumValue($0, Factor.self) }
            let region = r.required("region") { reference($0, in: regions, what: "region") }
            let capability = r.optional("capability") { reference($0, in: capabilities, what: "capability area") }
            if let factor {
                if factor == .threat, r.child("capability") != nil {
                    log.error(.scenarioThreatPerRegion, r.child("capability")?.node, "\(r.path).capability", "threat is rated per region, not per capability area", ar: "يُقيَّم التهديد لكل منطقة لا لكل مجال قدرة")
                }
                if factor != .threat, r.child("capability") == nil {
                    log.error(.scenarioRatingCapabilityRequired, r.node, "\(r.path).capability", "missing required field 'capability' (\(factor.rawValue) is rated per capability area)", ar: "الحقل المطلوب 'capability' مفقود (يُقيَّم \(factor.rawValue) لكل مجال قدرة)")
                }
            }
            let version = r.optional("scale") { $0.int(in: InputLimits.scaleVersion) } ?? 1
            let confidence = r.optional("confidence") { enumValue($0, Assessment.Confidence.self) } ?? .medium
            let illustrative = self.illustrative(r)
            note(r)
            let evidence = r.optional("evidence") { e in
                items(e, keys: ["source", "note", "rating"]) { x -> EvidenceReference? in
                    guard let source = x.required("source", { $0.string() }) else { note(x); return nil }
                    let rating = x.optional("rating") { g -> SourceRating? in
                        guard let text = g.string() else { return nil }
                        guard let rating = SourceRating(text) else {
                            log.error(.scenarioAdmiraltyGrade, g.node, g.path, "'\(text)' is not an Admiralty grade (reliability A–F, credibility 1–6, e.g. B2)", ar: "'\(text)' ليست درجة أميرالية (الموثوقية A–F، المصداقية 1–6، مثل B2)")
                            return nil
                        }
                        return rating
                    }
                    return EvidenceReference(source: source, note: note(x), rating: rating)
                }.map(\.0)
            } ?? []

            // One rating (month + value) or a series (values: {YYYY-MM: value or "value trend"}).
            var points: [(YearMonth, Double, Trend?, NodeReader)] = []
            if let series = r.child("values") {
                for e in series.entries() {
                    let m: YearMonth
                    do { m = try YearMonth.parse(e.key) } catch {
                        log.error(.scenarioRatingMonth, e.keyNode, e.value.path, error.description, ar: error.arabic)
                        continue
                    }
                    let parts = (e.value.scalarText ?? "").split(separator: " ")
                    guard let first = parts.first, let v = Double(first), v.isFinite, parts.count <= 2 else {
                        log.error(.scenarioExpectedRating, e.value.node, e.value.path, "expected a rating, optionally with a trend (e.g. '3 falling'), got '\(e.value.scalarText ?? e.value.kind)'", ar: "المتوقع تقييم مع اتجاه اختياري (مثل '3 falling')، ورد '\(e.value.scalarText ?? e.value.kind)'")
                        continue
                    }
                    var trend: Trend?
                    if parts.count == 2 {
                        trend = Trend(rawValue: String(parts[1]))
                        if trend == nil { log.error(.scenarioUnknownTrend, e.value.node, e.value.path, "'\(parts[1])' is not one of falling, steady, rising", ar: "'\(parts[1])' ليس من falling وsteady وrising") }
                    }
                    points.append((m, v, trend, e.value))
                }
                if r.child("month") != nil || r.child("value") != nil {
                    log.error(.scenarioValuesAndMonth, r.node, r.path, "give either 'values' or 'month' and 'value', not both", ar: "أعطِ 'values' أو 'month' و'value'، لا كليهما")
                }
            } else {
                let m = r.required("month") { month($0) }
                let v = r.required("value") { $0.double() }
                let trend = r.optional("trend") { enumValue($0, Trend.self) }
                if let m, let v, let valueNode = r.child("value") { points.append((m, v, trend, valueNode)) }
            }
            guard let party, let factor, let region else { continue }
            if factor != .threat && capability == nil { continue }
            let subject = "\(party) \(factor.rawValue) \(region) \(capability ?? "-")"
            let scaleRef = ScaleReference(factor: factor, version: version)
            guard let used = scale(scaleRef) else {
                log.error(.scenarioUnknownScaleVersion, r.child("scale")?.node ?? r.node, "\(r.path).scale", "no \(factor.rawValue) scale version \(version)", ar: "لا إصدار \(version) لمقياس \(factor.rawValue)")
                continue
            }
            for (m, v, trend, node) in points {
                if !used.contains(v) {
                    log.error(.scenarioRatingOutsideScale, node.node, node.path, "rating \(GateFormat.number(v)) is outside the \(factor.rawValue) scale v\(version) (\(used.minimum)–\(used.maximum))", ar: "التقييم \(GateFormat.number(v)) خارج مقياس \(factor.rawValue) الإصدار \(version) (\(used.minimum)–\(used.maximum))")
                    continue
                }
                if trend != nil && factor != .threat {
                    log.error(.scenarioTrendNotThreat, node.node, node.path, "only threat ratings carry a trend", ar: "لا يحمل اتجاهًا إلا تقييم التهديد")
                }
                if let end, m > end {
                    log.error(.scenarioRatingAfterEnd, node.node, node.path, "rating for \(m) is after the plan's last month \(end)", ar: "التقييم لـ \(m) بعد آخر أشهر الخطة \(end)")
                    continue
                }
                let ordinal = Int32(truncatingIfNeeded: m.ordinal)
                if let first = seen[subject]?[ordinal] {
                    log.error(.scenarioDuplicateRating, node.node, node.path, "duplicate rating: \(party) already rated \(factor.rawValue) \(capability.map { "\($0)/" } ?? "")\(region) for \(m) at \(ratingPath(item: Int(first), month: m))", ar: "تقييم مكرر: قيّم \(party) \(factor.rawValue) \(capability.map { "\($0)/" } ?? "")\(region) لـ \(m) من قبل في \(ratingPath(item: Int(first), month: m))")
                    continue
                }
                seen[subject, default: [:]][ordinal] = Int32(truncatingIfNeeded: index)
                result.append(Assessment(party: party, factor: factor, region: region,
                                         capability: factor == .threat ? nil : capability, month: m, value: v,
                                         trend: factor == .threat ? trend : nil, scale: scaleRef, confidence: confidence,
                                         evidence: evidence, illustrative: illustrative))
            }
        }
        return result
    }

    func readResolutions(regions: Set<String>, capabilities: Set<String>, scale: (Factor) -> RatingScale) -> [Resolution] {
        guard let field = root.child("resolutions") else { return [] }
        return items(field, keys: ["factor", "region", "capability", "month", "value", "trend", "decision", "note"]) { r -> Resolution? in
            note(r)
            guard let factor = r.required("factor", { enumValue($0, Factor.self) }),
                  let region = r.required("region", { reference($0, in: regions, what: "region") }),
                  let month = r.required("month", { month($0) }),
                  let value = r.required("value", { $0.double() }),
                  let decision = r.required("decision", { $0.string() }) else { return nil }
            let capability = r.optional("capability") { reference($0, in: capabilities, what: "capability area") }
            if factor != .threat && capability == nil {
                log.error(.scenarioResolutionCapabilityRequired, r.node, "\(r.path).capability", "missing required field 'capability'", ar: "الحقل المطلوب 'capability' مفقود")
                return nil
            }
            let current = scale(factor)
            if !current.contains(value) {
                log.error(.scenarioResolutionOutsideScale, r.child("value")?.node, "\(r.path).value", "value \(GateFormat.number(value)) is outside the current \(factor.rawValue) scale (\(current.minimum)–\(current.maximum))", ar: "القيمة \(GateFormat.number(value)) خارج مقياس \(factor.rawValue) الحالي (\(current.minimum)–\(current.maximum))")
                return nil
            }
            return Resolution(subject: RatingSubject(factor: factor, region: region, capability: factor == .threat ? nil : capability),
                              month: month, value: value, trend: r.optional("trend") { enumValue($0, Trend.self) }, decision: decision)
        }.map(\.0)
    }

    func readCommitments(parties: Set<String>) -> [Commitment] {
        guard let field = root.child("commitments") else { return [] }
        let commitments = items(field, keys: ["id", "parties", "text", "source", "history", "note"]) { r -> Commitment? in
            note(r)
            let id = r.required("id") { $0.identifier() }
            let who = r.required("parties") { p in p.items().compactMap { reference($0, in: parties, what: "party") } }
            let text = r.required("text") { localized($0) }
            let source = r.required("source") { $0.string() }
            let history = r.optional("history") { h in
                items(h, keys: ["month", "status", "note", "source"]) { x -> Commitment.StatusChange? in
                    let m = x.required("month") { month($0) }
                    let s = x.required("status") { $0.int() }
                    let note = self.note(x)
                    let source = self.source(x)
                    guard let m, let s else { return nil }
                    guard let status = Commitment.Status(rawValue: s) else {
                        log.error(.scenarioCommitmentStatus, x.child("status")?.node, "\(x.path).status", "status \(s) is not on the 0–3 scale (0 not initiated, 1 minimal, 2 intermediate, 3 full)", ar: "الحالة \(s) ليست على مقياس 0–3 (0 لم يبدأ، 1 أدنى، 2 متوسط، 3 كامل)")
                        return nil
                    }
                    return .init(month: m, status: status, note: note, source: source)
                }.map(\.0)
            } ?? []
            guard let id, let who, let text, let source else { return nil }
            return Commitment(id: id, parties: who, text: text, source: source, history: history)
        }
        unique(commitments.map { ($0.0.id, $0.1) }, what: "commitment")
        return commitments.map(\.0)
    }

    func readIncidents(regions: Set<String>) -> [Incident] {
        guard let field = root.child("incidents") else { return [] }
        return items(field, keys: ["date", "until", "region", "kind", "count", "source", "illustrative", "note"]) { r -> Incident? in
            note(r)
            let source = self.source(r)
            let illustrative = self.illustrative(r)
            func day(_ d: NodeReader) -> String? {
                guard let text = d.string() else { return nil }
                guard CivilDate(text) != nil else {
                    log.error(.scenarioIncidentDate, d.node, d.path, "expected a date as YYYY-MM-DD, got '\(text)'", ar: "المتوقع تاريخ بصيغة YYYY-MM-DD، ورد '\(text)'")
                    return nil
                }
                return text
            }
            guard let date = r.required("date", day),
                  let region = r.required("region", { reference($0, in: regions, what: "region") }) else { return nil }
            let until = r.optional("until", day)
            if let until, until < date {
                log.error(.scenarioIncidentPeriod, r.child("until")?.node, "\(r.path).until", "period ends (\(until)) before it starts (\(date))", ar: "تنتهي الفترة (\(until)) قبل أن تبدأ (\(date))")
                return nil
            }
            let kind = r.optional("kind") { enumValue($0, Incident.Kind.self) } ?? .attack
            let count = r.optional("count") { $0.int(in: InputLimits.incidentCount) } ?? 1
            return Incident(date: date, until: until, region: region, kind: kind, count: count, source: source, illustrative: illustrative)
        }.map(\.0)
    }
}

enum GateFormat {
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(value)
    }
}
