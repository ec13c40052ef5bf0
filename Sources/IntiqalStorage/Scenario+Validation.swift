import IntiqalDomain

extension Scenario {
    /// Checks a rating against this scenario (party, region, capability, month, scale), as
    /// every store does before recording it; the message names the field (`path.region`).
    public func validate(_ a: Assessment, at path: String) throws {
        if let p = problems(a).first { throw StorageError.invalid("\(path).\(p.field): \(p.en)") }
    }

    /// What is wrong with a rating against this scenario, each with the field, a stable code and the message in
    /// English and Arabic; empty when it fits. A field with a problem stops the checks that rest on it.
    public func problems(_ a: Assessment) -> [(field: String, code: DiagnosticCode, en: String, ar: String)] {
        let s = self
        var out: [(field: String, code: DiagnosticCode, en: String, ar: String)] = []
        if !s.parties.contains(where: { $0.id == a.party }) {
            out.append(("party", .csvRatingsUnknownParty, "unknown party '\(a.party)'", "طرف غير معروف '\(a.party)'"))
        }
        if s.region(a.region) == nil {
            out.append(("region", .csvRatingsUnknownRegion, "unknown region '\(a.region)'", "منطقة غير معروفة '\(a.region)'"))
        }
        if a.factor == .threat {
            if a.capability != nil {
                out.append(("capability", .csvRatingsThreatCapability, "threat is rated per region, not per capability area",
                            "يُقيَّم التهديد لكل منطقة، لا لكل مجال قدرة"))
            }
        } else if let c = a.capability {
            if s.capability(c) == nil {
                out.append(("capability", .csvRatingsUnknownCapability, "unknown capability area '\(c)'", "مجال قدرة غير معروف '\(c)'"))
            }
        } else {
            out.append(("capability", .csvRatingsCapabilityRequired, "\(a.factor.rawValue) is rated per capability area: name one",
                        "يُقيَّم \(a.factor.rawValue) لكل مجال قدرة: سمِّ واحدًا"))
        }
        if a.month > s.end {
            out.append(("month", .csvRatingsAfterEnd, "\(a.month) is after the plan's last month \(s.end)",
                        "الشهر \(a.month) بعد آخر أشهر الخطة \(s.end)"))
        }
        if let scale = s.scale(a.scale) {
            if !(a.value.isFinite && scale.contains(a.value)) {
                out.append(("value", .csvRatingsOutsideScale, "\(a.value) is outside the \(a.factor.rawValue) scale \(scale.minimum)–\(scale.maximum)",
                            "القيمة \(a.value) خارج سلّم \(a.factor.rawValue) \(scale.minimum)–\(scale.maximum)"))
            }
        } else {
            out.append(("scale", .csvRatingsUnknownScale, "no \(a.factor.rawValue) scale version \(a.scale.version)",
                        "لا يوجد إصدار \(a.scale.version) من سلّم \(a.factor.rawValue)"))
        }
        return out
    }
}
