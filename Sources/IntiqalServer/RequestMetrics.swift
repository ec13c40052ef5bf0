import Foundation

/// Request counts and durations for `/metrics` (Prometheus text format 0.0.4).
final class RequestMetrics: @unchecked Sendable {
    private struct State {
        var requests: [Int: Int] = [:]
        var durationSum = 0.0
        var durationCount = 0
    }

    private let lock = NSLock()
    private var state = State()   // guarded by `lock`

    func record(status: Int, seconds: Double) {
        lock.withLock {
            state.requests[status, default: 0] += 1
            state.durationSum += seconds
            state.durationCount += 1
        }
    }

    /// The exposition text.
    func text() -> String {
        lock.withLock {
            let s = state
            var out = "# HELP intiqal_http_requests_total HTTP requests answered, by status.\n# TYPE intiqal_http_requests_total counter\n"
            for (status, count) in s.requests.sorted(by: { $0.key < $1.key }) {
                out += "intiqal_http_requests_total{status=\"\(status)\"} \(count)\n"
            }
            out += "# HELP intiqal_http_request_duration_seconds Time to answer HTTP requests.\n# TYPE intiqal_http_request_duration_seconds summary\n"
            out += "intiqal_http_request_duration_seconds_sum \(s.durationSum)\nintiqal_http_request_duration_seconds_count \(s.durationCount)\n"
            return out
        }
    }
}
