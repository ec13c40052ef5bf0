import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The number of cores this process may run on: its CPU affinity mask where the system has one
/// (so `taskset -c 0` counts 1), otherwise the active processor count. Sizes the Monte Carlo's
/// parallelism and is what the benchmarks report.
public enum UsableCores {
    public static var count: Int {
        #if os(Linux)
        if let n = affinityCount(), n > 0 { return n }
        #endif
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    #if os(Linux)
    private typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32

    /// sched_getaffinity(2), looked up at run time (Glibc's module map hides it without _GNU_SOURCE).
    private static func affinityCount() -> Int? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getaffinity") else { return nil }
        let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
        // Room for 8,192 CPUs.
        var mask = [UInt64](repeating: 0, count: 128)
        let status = mask.withUnsafeMutableBytes { getAffinity(0, $0.count, $0.baseAddress!) }
        guard status == 0 else { return nil }
        return mask.reduce(0) { $0 + $1.nonzeroBitCount }
    }
    #endif
}
