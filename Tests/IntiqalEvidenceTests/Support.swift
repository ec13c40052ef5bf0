import IntiqalDomain
import Foundation
@testable import IntiqalEvidence

enum Support {
    static let extractor = Extractor()

    static func extract(_ text: String, published: String? = "2024-07-25") -> DocumentEvidence {
        extractor.extract(text: text, document: "test", published: published.flatMap { CivilDate($0) })
    }

    /// Dates of the events of `text`, in order.
    static func dates(_ text: String, published: String? = "2024-07-25") -> [String] {
        extract(text, published: published).events.compactMap { e in
            e.date.map { d in e.dateEnd.map { d + ".." + $0 } ?? d }
        }
    }

    /// The package root, found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// ../shared/corpus-dev relative to the package root, when present.
    static var corpusDevDirectory: String? {
        let dir = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus-dev").path
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue ? dir : nil
    }

    /// ../shared/seeds relative to the package root, when present.
    static var seedsDirectory: String? {
        let dir = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue ? dir : nil
    }
}
