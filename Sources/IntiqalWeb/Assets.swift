import Foundation

/// The stylesheet and scripts, bundled in the binary (no CDN, no web font).
struct Assets: Sendable {
    struct File: Sendable {
        var data: [UInt8]
        var type: String
    }

    let files: [String: File]

    static let shared: Assets = {
        var files: [String: File] = [:]
        for (name, type) in [("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
                             ("sign.js", "text/javascript; charset=utf-8")] {
            let parts = name.split(separator: ".")
            if let url = Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Resources"),
               let data = try? Data(contentsOf: url) {
                files[name] = File(data: Array(data), type: type)
            }
        }
        return Assets(files: files)
    }()
}
