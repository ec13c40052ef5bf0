/// A way of forecasting monthly counts in the back-test: the Hawkes model and the baselines it
/// must beat, each given the same information (the months before the origin).
public enum ForecastMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// The self-exciting model fitted by maximum likelihood on the trailing window, simulated
    /// forward from the excitation left by the window's events.
    case hawkes
    /// No change: next months like the last one — Poisson with last month's count as its mean.
    case noChange
    /// Climatology: each region's frequency of threshold months over the trailing window.
    case climatology
    /// Poisson with a log-linear trend fitted to the trailing window's monthly counts.
    case poissonTrend
    /// The multivariate model: an incident also excites the neighbouring regions (only when
    /// a neighbour structure is given).
    case multivariateHawkes

    /// The baselines, in report order.
    public static let baselines: [ForecastMethod] = [.noChange, .climatology, .poissonTrend]

    public var english: String {
        switch self {
        case .hawkes: "Hawkes model"
        case .noChange: "no change"
        case .climatology: "climatology"
        case .poissonTrend: "Poisson with trend"
        case .multivariateHawkes: "multivariate Hawkes"
        }
    }

    public var arabic: String {
        switch self {
        case .hawkes: "نموذج هوكس"
        case .noChange: "بلا تغيير"
        case .climatology: "المعدّل التاريخي"
        case .poissonTrend: "بواسون مع اتجاه"
        case .multivariateHawkes: "هوكس متعدد المناطق"
        }
    }
}
