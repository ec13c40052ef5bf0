#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's peak resident memory so far (getrusage's maxrss), in bytes, and its CPU time.
enum ResourceUse {
    static var peakBytes: Int { usage().peak }

    /// CPU seconds (user + system) this process has used so far.
    static var cpuSeconds: Double { usage().cpu }

    private static func usage() -> (peak: Int, cpu: Double) {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return (0, 0) }
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        #if canImport(Darwin)
        return (Int(usage.ru_maxrss), cpu)            // bytes on Darwin
        #else
        return (Int(usage.ru_maxrss) * 1024, cpu)     // kilobytes on Linux
        #endif
    }
}
