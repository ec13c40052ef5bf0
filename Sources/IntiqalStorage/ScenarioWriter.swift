import IntiqalDomain
import IntiqalLedger

/// Writes a scenario in the scenario file format (docs/scenario-format.md) as JSON, which
/// `ScenarioLoader` reads back (JSON is read as YAML): `intiqal export --format scenario`.
public enum ScenarioWriter {
    public static func json(_ s: Scenario) -> String {
        func text(_ t: LocalizedText) -> CanonicalValue {
            var o: [String: CanonicalValue] = ["en": .string(t.en)]
            if let ar = t.ar { o["ar"] = .string(ar) }
            return .object(o)
        }
        func strings(_ a: [String]) -> CanonicalValue { .array(a.map { .string($0) }) }
        func opt(_ o: inout [String: CanonicalValue], _ key: String, _ v: String?) { if let v { o[key] = .string(v) } }
        var root: [String: CanonicalValue] = [
            "id": .string(s.id), "name": text(s.name), "start": .string(s.start.description),
            "horizonMonths": .integer(Int64(s.horizonMonths)),
            "sources": .object(s.sources.mapValues { .string($0) }),
            "parties": .array(s.parties.map { ["id": .string($0.id), "name": text($0.name), "role": .string($0.role.rawValue)] }),
            "regions": .array(s.regions.map { ["id": .string($0.id), "name": text($0.name), "kind": .string($0.kind.rawValue)] }),
            "capabilities": .array(s.capabilities.map { c -> CanonicalValue in
                var o: [String: CanonicalValue] = ["id": .string(c.id), "name": text(c.name)]
                if c.weight != 1 { o["weight"] = .number(c.weight) }
                return .object(o)
            }),
            "scales": .array(s.scales.map { sc in
                ["factor": .string(sc.factor.rawValue), "version": .integer(Int64(sc.version)), "min": .integer(Int64(sc.minimum)),
                 "max": .integer(Int64(sc.maximum)), "labels": .object(Dictionary(uniqueKeysWithValues: sc.labels.map { (String($0.key), text($0.value)) }))]
            }),
            "policy": [
                "threatCeiling": .double(s.policy.threatCeiling), "blockRisingThreat": .bool(s.policy.blockRisingThreat),
                "holdMonths": .integer(Int64(s.policy.holdMonths)), "disputeTolerance": .double(s.policy.disputeTolerance),
                "requireReintervention": .bool(s.policy.requireReintervention),
                "reinterventionMonths": .integer(Int64(s.policy.reinterventionMonths)), "ratingParties": strings(s.policy.ratingParties),
            ],
            "sites": .array(s.sites.map { site in
                ["id": .string(site.id), "name": text(site.name), "region": .string(site.region), "supports": strings(site.supports),
                 "minimumGarrison": .integer(Int64(site.minimumGarrison)),
                 "teams": .array(site.teams.map { t in
                     ["id": .string(t.id), "region": .string(t.region), "capability": .string(t.capability),
                      "headcount": .integer(Int64(t.headcount)), "nation": .string(t.nation)]
                 })]
            }),
            "capacity": ["overallPerMonth": .integer(Int64(s.capacity.overallPerMonth)),
                         "perSite": .object(s.capacity.perSite.mapValues { .integer(Int64($0)) })],
            "growth": ["withAdvisersPerMonth": .double(s.growth.withAdvisersPerMonth),
                       "withoutAdvisersPerMonth": .double(s.growth.withoutAdvisersPerMonth),
                       "byCapability": .object(s.growth.byCapability.mapValues { .double($0) })],
        ]
        root["phases"] = .array(s.phases.map { p in
            var o: [String: CanonicalValue] = ["id": .string(p.id), "name": text(p.name), "sites": strings(p.sites),
                                               "regions": strings(p.regions), "after": strings(p.after)]
            opt(&o, "deadline", p.deadline?.description)
            opt(&o, "completed", p.completed?.description)
            opt(&o, "source", p.source)
            return .object(o)
        })
        root["assessments"] = .array(s.assessments.map { a in
            var o: [String: CanonicalValue] = [
                "party": .string(a.party), "factor": .string(a.factor.rawValue), "region": .string(a.region),
                "month": .string(a.month.description), "value": .double(a.value), "scale": .integer(Int64(a.scale.version)),
                "confidence": .string(a.confidence.rawValue), "illustrative": .bool(a.illustrative),
            ]
            opt(&o, "capability", a.capability)
            opt(&o, "trend", a.trend?.rawValue)
            if !a.evidence.isEmpty {
                o["evidence"] = .array(a.evidence.map { e in
                    var x: [String: CanonicalValue] = ["source": .string(e.source)]
                    opt(&x, "note", e.note)
                    opt(&x, "rating", e.rating?.description)
                    return .object(x)
                })
            }
            return .object(o)
        })
        root["resolutions"] = .array(s.resolutions.map { r in
            var o: [String: CanonicalValue] = ["factor": .string(r.subject.factor.rawValue), "region": .string(r.subject.region),
                                               "month": .string(r.month.description), "value": .double(r.value), "decision": .string(r.decision)]
            opt(&o, "capability", r.subject.capability)
            opt(&o, "trend", r.trend?.rawValue)
            return .object(o)
        })
        root["commitments"] = .array(s.commitments.map { c in
            ["id": .string(c.id), "parties": strings(c.parties), "text": text(c.text), "source": .string(c.source),
             "history": .array(c.history.map { h in
                 var o: [String: CanonicalValue] = ["month": .string(h.month.description), "status": .integer(Int64(h.status.rawValue))]
                 opt(&o, "note", h.note)
                 opt(&o, "source", h.source)
                 return .object(o)
             })]
        })
        root["incidents"] = .array(s.incidents.map { i in
            var o: [String: CanonicalValue] = ["date": .string(i.date), "region": .string(i.region), "kind": .string(i.kind.rawValue),
                                               "count": .integer(Int64(i.count)), "illustrative": .bool(i.illustrative)]
            opt(&o, "source", i.source)
            opt(&o, "until", i.until)
            return .object(o)
        })
        return CanonicalValue.object(root).canonicalText + "\n"
    }
}
