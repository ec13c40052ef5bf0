/// Round tick values for a chart axis from 0: steps of 1, 2, 2.5 or 5 × 10^k (whole numbers,
/// since they count people), about `target` of them, the last at or above the data's peak.
struct AxisTicks: Sendable, Equatable {
    /// The tick values, from 0 to `top`.
    let values: [Int]
    let step: Int
    /// The axis maximum: the smallest multiple of `step` at or above the peak.
    var top: Int { values.last ?? 1 }

    init(peak: Int, target: Int = 5) {
        let peak = max(1, peak)
        let rough = Double(peak) / Double(max(1, target))
        var magnitude = 1
        while Double(magnitude) * 10 <= rough { magnitude *= 10 }
        var step = magnitude * 10
        // Candidates in order; 2.5 × 10^k only where it is whole.
        for candidate in [magnitude, 2 * magnitude, magnitude >= 10 ? magnitude * 5 / 2 : 0, 5 * magnitude, 10 * magnitude]
        where candidate > 0 && Double(candidate) >= rough {
            step = candidate
            break
        }
        self.step = step
        let count = (peak + step - 1) / step
        values = (0...count).map { $0 * step }
    }
}
