import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a child process, with what the kernel counted for it alone (wait4's rusage): wall
/// time, CPU time (user + system, the one-core cost whatever else runs on the machine), peak RSS.
struct Child {
    var status: Int32
    var wallSeconds: Double
    var cpuSeconds: Double
    var peakRSSKiB: Int

    /// Runs `executable` with `arguments`, standard input from `stdin` (or /dev/null), standard output
    /// to /dev/null and standard error to `stderrPath`.
    static func run(_ executable: String, _ arguments: [String], stdin: String = "/dev/null",
                    stderrPath: String = "/dev/null") -> Child {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let t0 = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            return Child(status: -1, wallSeconds: 0, cpuSeconds: 0, peakRSSKiB: 0)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let exited = status & 0x7F == 0
        return Child(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), wallSeconds: wall,
                     cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakRSSKiB: Int(usage.ru_maxrss))
    }
}
