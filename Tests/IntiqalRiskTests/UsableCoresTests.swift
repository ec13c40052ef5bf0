import Foundation
@testable import IntiqalRisk
import Testing

/// The cores a process may use are those of its affinity mask (`taskset -c 0` gives 1), not the
/// machine's.
@Suite struct UsableCoresTests {
    /// The CPUs the kernel lists as allowed for this process (Linux), from /proc/self/status.
    static func allowedByKernel() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
        else { return nil }
        var count = 0
        for part in line.dropFirst("Cpus_allowed_list:".count).split(separator: ",") {
            let bounds = part.trimmingCharacters(in: .whitespaces).split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2 { count += bounds[1] - bounds[0] + 1 } else if bounds.count == 1 { count += 1 }
        }
        return count
    }

    @Test func countIsTheAffinityMasksNotTheMachines() throws {
        #expect(UsableCores.count >= 1)
        #if os(Linux)
        let allowed = try #require(Self.allowedByKernel())
        #expect(UsableCores.count == allowed)
        #endif
    }

    #if os(Linux)
    private typealias Affinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32

    /// As `taskset -c 0` does: this thread pinned to CPU 0, the count taken, the mask restored.
    @Test func countPinnedToOneCoreIsOne() throws {
        guard let allowed = Self.allowedByKernel(), allowed > 1,
              let get = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getaffinity"),
              let set = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_setaffinity") else { return }
        let getAffinity = unsafeBitCast(get, to: Affinity.self), setAffinity = unsafeBitCast(set, to: Affinity.self)
        var saved = [UInt64](repeating: 0, count: 128)
        try #require(saved.withUnsafeMutableBytes { getAffinity(0, $0.count, $0.baseAddress!) } == 0)
        var one = [UInt64](repeating: 0, count: 128)
        one[0] = saved[0] & (~saved[0] + 1)   // the lowest CPU allowed
        try #require(one.withUnsafeMutableBytes { setAffinity(0, $0.count, $0.baseAddress!) } == 0)
        let pinned = UsableCores.count
        _ = saved.withUnsafeMutableBytes { setAffinity(0, $0.count, $0.baseAddress!) }
        #expect(pinned == 1)
        #expect(UsableCores.count == allowed)
    }
    #endif
}
