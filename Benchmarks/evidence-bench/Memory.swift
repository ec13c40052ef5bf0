import Foundation

/// One large generated report through `intiqal extract FILE`: peak RSS of the child, its CPU time
/// and MB/s of CPU time (one core), and the size of the JSON line it wrote.
enum Memory {
    static func run(executable: String, megabytes: [Int], scratch: URL) throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        print("evidence-bench memory: \(executable), one generated report per size; CPU = user + system of the child")
        print(String(format: "%8@ %9@ %9@ %12@ %12@ %14@", "MB" as NSString, "wall s" as NSString, "CPU s" as NSString,
                     "MB/s (CPU)" as NSString, "peak RSS MiB" as NSString, "JSON out MB" as NSString))
        var generator = Generated(state: 2)
        for mb in megabytes {
            let file = scratch.appendingPathComponent("report-\(mb).txt")
            try generator.file(bytes: mb * 1_000_000, at: file)
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            let c = Child.run(executable, ["extract", file.path])
            guard c.status == 0 else { throw BenchError("\(mb) MB exited \(c.status)") }
            // The output size, from a second run to a file (not timed).
            let out = scratch.appendingPathComponent("out.json")
            let sh = Child.run("/bin/sh", ["-c", "\"$0\" extract \"$1\" > \"$2\"", executable, file.path, out.path])
            let outBytes = sh.status == 0 ? ((try? FileManager.default.attributesOfItem(atPath: out.path)[.size] as? Int) ?? 0) : 0
            try? FileManager.default.removeItem(at: out)
            print(String(format: "%8.1f %9.2f %9.2f %12.1f %12d %14.1f", Double(size) / 1e6, c.wallSeconds, c.cpuSeconds,
                         Double(size) / 1e6 / c.cpuSeconds, c.peakRSSKiB / 1024, Double(outBytes) / 1e6))
            try FileManager.default.removeItem(at: file)
        }
    }
}
