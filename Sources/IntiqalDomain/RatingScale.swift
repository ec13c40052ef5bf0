/// A versioned rating scale for one factor. Scales drift; every rating names the version it used.
public struct RatingScale: Sendable, Hashable, Codable {
    public var factor: Factor
    public var version: Int
    public var minimum: Int
    public var maximum: Int
    /// Labels of the levels, keyed by value.
    public var labels: [Int: LocalizedText]

    public init(factor: Factor, version: Int, minimum: Int, maximum: Int, labels: [Int: LocalizedText] = [:]) {
        self.factor = factor
        self.version = version
        self.minimum = minimum
        self.maximum = maximum
        self.labels = labels
    }

    public func contains(_ value: Double) -> Bool {
        value >= Double(minimum) && value <= Double(maximum)
    }

    /// Maps a value on this scale onto `other` linearly (end points to end points).
    public func convert(_ value: Double, to other: RatingScale) -> Double {
        if self.minimum == other.minimum && self.maximum == other.maximum { return value }
        let span = Double(maximum - minimum)
        let unit = span == 0 ? 0 : (value - Double(minimum)) / span
        return Double(other.minimum) + unit * Double(other.maximum - other.minimum)
    }

    /// Defaults of DESIGN §4: threat 1–5, requirement 0–4, ISF capability 0–4.
    public static func defaultScale(for factor: Factor) -> RatingScale {
        switch factor {
        case .threat:
            RatingScale(factor: .threat, version: 1, minimum: 1, maximum: 5, labels: [
                1: .init(en: "negligible", ar: "ضئيل"), 2: .init(en: "low", ar: "منخفض"),
                3: .init(en: "moderate", ar: "متوسط"), 4: .init(en: "high", ar: "مرتفع"),
                5: .init(en: "severe", ar: "شديد"),
            ])
        case .requirement:
            RatingScale(factor: .requirement, version: 1, minimum: 0, maximum: 4, labels: [
                0: .init(en: "none", ar: "لا شيء"), 1: .init(en: "basic", ar: "أساسي"),
                2: .init(en: "moderate", ar: "متوسط"), 3: .init(en: "demanding", ar: "عالٍ"),
                4: .init(en: "critical", ar: "حرج"),
            ])
        case .capability:
            RatingScale(factor: .capability, version: 1, minimum: 0, maximum: 4, labels: [
                0: .init(en: "not capable", ar: "غير قادر"), 1: .init(en: "dependent", ar: "معتمد"),
                2: .init(en: "capable with support", ar: "قادر بدعم"),
                3: .init(en: "capable", ar: "قادر"), 4: .init(en: "independent", ar: "مستقل"),
            ])
        }
    }
}

/// Names one version of one factor's scale.
public struct ScaleReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var factor: Factor
    public var version: Int

    public init(factor: Factor, version: Int) {
        self.factor = factor
        self.version = version
    }

    public var description: String { "\(factor.rawValue)@v\(version)" }
}
