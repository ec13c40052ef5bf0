import Foundation

/// The shared UCDP GED extract, read at run time from ../shared/data (nil when absent).
enum UCDPRecordFile {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/data/ucdp-ged-iraq.csv").standardized.path
    static let text: String? = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
}
