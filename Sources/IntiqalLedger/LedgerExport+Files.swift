import Foundation

extension LedgerExport {
    /// Writes `files` under `directory` (which must exist), creating `entries/` and `receipts/`
    /// as needed: plain POSIX writes, one open–write–close per file, refusing to overwrite.
    public static func write(_ files: [(path: String, data: Data)], to directory: String) throws {
        var made: Set<String> = []
        for (path, data) in files {
            if let slash = path.lastIndex(of: "/") {
                let sub = directory + "/" + path[..<slash]
                if made.insert(sub).inserted, mkdir(sub, 0o755) != 0, errno != EEXIST {
                    throw LedgerError.export("\(sub): cannot create the directory (\(String(cString: strerror(errno))))")
                }
            }
            let full = directory + "/" + path
            let fd = open(full, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else { throw LedgerError.export("\(full): cannot create (\(String(cString: strerror(errno))))") }
            let written = data.withUnsafeBytes { data.isEmpty ? 0 : Foundation.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == data.count else { throw LedgerError.export("\(full): cannot write") }
        }
    }
}
