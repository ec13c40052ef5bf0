import IntiqalDomain
import Yams

/// Reads and checks every section of a scenario document. Semantic checks (unknown references,
/// ranges, duplicates, cycles) are made here, where each value's location is still known.
struct ScenarioReader {
    let root: NodeReader
    var log: DiagnosticLog { root.log }

    static let topKeys: Set<String> = ["id", "name", "start", "horizonMonths", "sources", "parties", "regions",
                                       "capabilities", "scales", "policy", "capacity", "growth", "sites", "phases",
                                       "assessments", "resolutions", "commitments", "incidents", "notes"]

    func read() -> Scenario? {
        guard root.expectMapping(keys: Self.topKeys) else { return nil }
        let id = root.required("id") { $0.identifier() }
        let name = root.required("name") { localized($0) }
        let start = root.required("start") { month($0) }
        let horizon = root.required("horizonMonths") { $0.int(in: InputLimits.horizonMonths) }
        _ = root.optional("notes") { $0.string() }
        let sources = root.optional("sources") { r in
            Dictionary(r.entries().compactMap { e in e.value.string().map { (e.key, $0) } }, uniquingKeysWith: { a, _ in a })
        } ?? [:]

        let parties = list("parties", keys: ["id", "name", "role"]) { r -> Party? in
            guard let id = r.required("id", { $0.identifier() }), let name = r.required("name", localized),
                  let role = r.required("role", { enumValue($0, Party.Role.self) }) else { return nil }
            return Party(id: id, name: name, role: role)
        }
        let regions = list("regions", keys: ["id", "name", "kind", "source"]) { r -> Region? in
            source(r)
            guard let id = r.required("id", { $0.identifier() }), let name = r.required("name", localized) else { return nil }
            let kind = r.optional("kind") { enumValue($0, Region.Kind.self) } ?? .governorate
            return Region(id: id, name: name, kind: kind)
        }
        let capabilities = list("capabilities", keys: ["id", "name", "weight", "source"]) { r -> CapabilityArea? in
            source(r)
            guard let id = r.required("id", { $0.identifier() }), let name = r.required("name", localized) else { return nil }
            let weight = r.optional("weight") { x -> Double? in
                guard let w = x.double() else { return nil }
                if w < 0 { log.error(.scenarioNegativeWeight, x.node, x.path, "must not be negative, got \(w)", ar: "يجب ألا تكون سالبة، ورد \(w)"); return nil }
                return w
            }
            return CapabilityArea(id: id, name: name, weight: weight ?? 1)
        }
        let partyIDs = unique(parties.map { ($0.0.id, $0.1) }, what: "party")
        let regionIDs = unique(regions.map { ($0.0.id, $0.1) }, what: "region")
        let capabilityIDs = unique(capabilities.map { ($0.0.id, $0.1) }, what: "capability area")

        let scales = readScales()
        let policy = readPolicy(parties: partyIDs)
        let sites = readSites(regions: regionIDs, capabilities: capabilityIDs, parties: partyIDs)
        let siteIDs = unique(sites.map { ($0.0.id, $0.1) }, what: "site")
        // Each team's id with its own node: pairing parsed teams with nodes by position would
        // misplace the report when an earlier team of the site failed to parse.
        // (readSites has already reported a `teams` that is not a list.)
        unique(sites.flatMap { _, r -> [(String, NodeReader)] in
            guard let teams = r.child("teams"), case .sequence = teams.node else { return [] }
            return teams.items().compactMap { t in t.child("id")?.scalarText.map { ($0, t) } }
        }, what: "team")
        let capacity = readCapacity(sites: sites.map(\.0))
        let growth = readGrowth(capabilities: capabilityIDs)
        let phases = readPhases(sites: siteIDs, regions: regionIDs, start: start)
        let allScales = scales
        let scaleLookup = { (ref: ScaleReference) -> RatingScale? in
            allScales.first { $0.factor == ref.factor && $0.version == ref.version }
                ?? (ref.version == 1 && !allScales.contains { $0.factor == ref.factor } ? .defaultScale(for: ref.factor) : nil)
        }
        let assessments = readAssessments(parties: partyIDs, regions: regionIDs, capabilities: capabilityIDs,
                                          scale: scaleLookup, start: start, horizon: horizon)
        let current = { (f: Factor) in allScales.filter { $0.factor == f }.max { $0.version < $1.version } ?? .defaultScale(for: f) }
        let resolutions = readResolutions(regions: regionIDs, capabilities: capabilityIDs, scale: current)
        let commitments = readCommitments(parties: partyIDs)
        let incidents = readIncidents(regions: regionIDs)

        // Whole-scenario checks.
        if let start, let horizon {
            let end = start.adding(months: horizon - 1)
            for (phase, r) in phases {
                if let d = phase.deadline, d > end {
                    log.warning(.scenarioDeadlineAfterEnd, r.child("deadline")?.node, "\(r.path).deadline", "deadline \(d) is after the plan's last month \(end)", ar: "الموعد النهائي \(d) بعد آخر أشهر الخطة \(end)")
                }
            }
        }
        for (site, r) in sites {
            let limit = min(capacity?.limit(for: site.id) ?? Int.max, capacity?.overallPerMonth ?? Int.max)
            if site.minimumGarrison > limit {
                log.error(.scenarioGarrisonOverCapacity, r.child("minimumGarrison")?.node, "\(r.path).minimumGarrison",
                          "garrison \(site.minimumGarrison) exceeds the retrograde capacity \(limit) per month: site \(site.id) could never close", ar: "الحامية \(site.minimumGarrison) تتجاوز سعة الانسحاب \(limit) شهريًا: لن يُغلق الموقع \(site.id) أبدًا")
            }
        }
        if let policy {
            for (i, party) in policy.ratingParties.enumerated() where !partyIDs.contains(party) {
                let node = root.child("policy")?.child("ratingParties")?.items()[safe: i]?.node
                log.error(.scenarioUnknownRatingParty, node, "policy.ratingParties[\(i)]", "unknown party '\(party)'", ar: "طرف غير معروف '\(party)'")
            }
        }
        let teamKeys = Set(sites.flatMap { $0.0.teams.map(\.gateKey) })
        let rated = Set(assessments.map { $0.subject })
        for key in teamKeys.sorted() {
            for factor in Factor.allCases {
                let subject = RatingSubject(factor: factor, region: key.region, capability: factor == .threat ? nil : key.capability)
                if !rated.contains(subject) {
                    log.warning(.scenarioGateUnrated, root.child("assessments")?.node, "assessments",
                                "no \(factor.rawValue) rating for \(factor == .threat ? key.region : key.description): its gate cannot be met", ar: "لا تقييم \(factor.rawValue) لـ \(factor == .threat ? key.region : key.description): لا يمكن أن تتحقق بوابته")
                }
            }
        }

        guard let id, let name, let start, let horizon, let policy, let capacity else { return nil }
        return Scenario(id: id, name: name, start: start, horizonMonths: horizon, parties: parties.map(\.0),
                        regions: regions.map(\.0), capabilities: capabilities.map(\.0), scales: scales,
                        sites: sites.map(\.0), phases: phases.map(\.0), assessments: assessments,
                        resolutions: resolutions, policy: policy, capacity: capacity, growth: growth ?? Growth(),
                        commitments: commitments, incidents: incidents, sources: sources)
    }

    // MARK: - Helpers

    func list<T>(_ key: String, keys: Set<String>, _ read: (NodeReader) -> T?) -> [(T, NodeReader)] {
        guard let field = root.child(key) else {
            log.error(.scenarioMissingSection, root.node, key, "missing required field '\(key)'", ar: "الحقل المطلوب '\(key)' مفقود")
            return []
        }
        return items(field, keys: keys, read)
    }

    func items<T>(_ field: NodeReader, keys: Set<String>, _ read: (NodeReader) -> T?) -> [(T, NodeReader)] {
        field.items().compactMap { item in
            guard item.expectMapping(keys: keys) else { return nil }
            return read(item).map { ($0, item) }
        }
    }

    @discardableResult
    func unique(_ ids: [(String, NodeReader)], what: String) -> Set<String> {
        var seen: [String: String] = [:]
        for (id, r) in ids {
            if let first = seen[id] {
                log.error(.scenarioDuplicateID, r.child("id")?.node ?? r.node, "\(r.path).id", "duplicate \(what) id '\(id)' (first at \(first))", ar: "معرّف \(what) مكرر '\(id)' (أول مرة في \(first))")
            } else {
                seen[id] = r.path
            }
        }
        return Set(seen.keys)
    }

    func localized(_ r: NodeReader) -> LocalizedText? {
        if r.scalarText != nil { return r.string().map { LocalizedText(en: $0) } }
        guard r.expectMapping(keys: ["en", "ar"]) else { return nil }
        guard let en = r.required("en", { $0.string() }) else { return nil }
        return LocalizedText(en: en, ar: r.optional("ar") { $0.string() })
    }

    func month(_ r: NodeReader) -> YearMonth? {
        guard let text = r.string() else { return nil }
        do {
            return try YearMonth.parse(text)
        } catch {
            log.error(.scenarioMonth, r.node, r.path, error.description, ar: error.arabic)
            return nil
        }
    }

    // The fields any record may carry, read by one rule wherever they appear.

    /// `source:`, a key of `sources` or free text.
    @discardableResult
    func source(_ r: NodeReader) -> String? { r.optional("source") { $0.string() } }

    /// `illustrative:`, true or false.
    @discardableResult
    func illustrative(_ r: NodeReader) -> Bool { r.optional("illustrative") { $0.bool() } ?? false }

    /// `note:`, free text.
    @discardableResult
    func note(_ r: NodeReader) -> String? { r.optional("note") { $0.string() } }

    func enumValue<E: RawRepresentable & CaseIterable>(_ r: NodeReader, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = r.string() else { return nil }
        guard let value = E(rawValue: text) else {
            log.error(.scenarioNotOneOf, r.node, r.path, "'\(text)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))", ar: "'\(text)' ليس من \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    func reference(_ r: NodeReader, in known: Set<String>, what: String) -> String? {
        guard let id = r.identifier() else { return nil }
        guard known.contains(id) else {
            let hint = NodeReader.closest(id, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            log.error(.scenarioUnknownReference, r.node, r.path, "unknown \(what) '\(id)'\(hint)", ar: "\(what) غير معروف '\(id)'\(hint)")
            return nil
        }
        return id
    }

    /// A positive whole number within `range`'s upper bound (`InputLimits`).
    func positive(_ r: NodeReader, within range: ClosedRange<Int>) -> Int? {
        r.int(in: max(1, range.lowerBound)...range.upperBound)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
