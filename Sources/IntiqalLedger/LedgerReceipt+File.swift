import Foundation

extension LedgerReceipt {
    /// Reads a receipt file, naming it in any error.
    public static func read(path: String) throws -> LedgerReceipt {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LedgerError.receipt("\(path): \(FileManager.default.fileExists(atPath: path) ? "cannot read the receipt" : "no such receipt file")")
        }
        guard data.count <= 4096, let text = String(data: data, encoding: .utf8) else {
            throw LedgerError.receipt("\(path): not an Intiqal ledger receipt (expected a short UTF-8 text file)")
        }
        return try LedgerReceipt(text: text, name: path)
    }
}
