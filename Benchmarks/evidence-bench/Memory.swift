import Foundation

/// One large generated report through `intiqal extract FILE`: peak RSS of the child, its CPU time
/// and MB/s of CPU time (one core), and the size of the JSON line it wrote.
enum Memory {
    static func run(executable: String, megabytes: [Int], scratch: URL) throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        print("evidence-bench memory: \(executable), one generated report per size; CPU = user + system of the child")
        print("      MB    wall s     CPU s   MB/s (CPU)  peak RSS MiB   JSON out MB  read whole")
        var generator = Generated(state: 2)
        for mb in megabytes {
            let file = scratch.appendingPathComponent("report-\(mb).txt")
            try generator.file(bytes: mb * 1_000_000, at: file)
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            let log = scratch.appendingPathComponent("stderr").path
            let c = Child.run(executable, ["extract", file.path], stderrPath: log)
            let stopped = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("the rest was not read")
            guard c.status == 0 else { throw BenchError("\(mb) MB: intiqal extract exited with status \(c.status)") }
            // The output size, from a second run to a file (not timed).
            let out = scratch.appendingPathComponent("out.json")
            let sh = Child.run("/bin/sh", ["-c", "\"$0\" extract \"$1\" > \"$2\"", executable, file.path, out.path])
            let outBytes = sh.status == 0 ? ((try? FileManager.default.attributesOfItem(atPath: out.path)[.size] as? Int) ?? 0) : 0
            try? FileManager.default.removeItem(at: out)
            // MB/s only when the whole report was read (past the item limit the rest is skipped, not extracted).
            let rate = stopped ? "           -" : String(format: "%12.1f", Double(size) / 1e6 / c.cpuSeconds)
            print(String(format: "%8.1f %9.2f %9.2f %@ %13d %13.1f  %@", Double(size) / 1e6, c.wallSeconds, c.cpuSeconds,
                         rate as NSString, c.peakRSSKiB / 1024, Double(outBytes) / 1e6,
                         (stopped ? "no: item limit" : "yes") as NSString))
            try FileManager.default.removeItem(at: file)
        }
    }
}
