import Foundation
import IntiqalDomain

/// Reads one input file (a scenario, a CSV) whole, refusing one over the size limit before
/// reading it: a regular file by its size, anything else (a pipe) by reading one byte past the
/// limit at most.
public enum InputFile {
    public static func data(atPath path: String, maxBytes: Int = InputLimits.fileBytes) throws(InputFileError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .noSuchFile(path) }
        guard !isDirectory.boolValue else { throw .directory(path) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.int64Value > Int64(maxBytes) {
            throw .tooLarge(path, bytes: Int(clamping: size.int64Value), limit: maxBytes)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path) }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw .unreadable(path)
        }
        guard data.count <= maxBytes else { throw .tooLarge(path, bytes: nil, limit: maxBytes) }
        return data
    }

    /// The file as UTF-8 text; a byte that is not UTF-8 is named with its line.
    public static func text(atPath path: String, maxBytes: Int = InputLimits.fileBytes) throws(InputFileError) -> String {
        let data = try data(atPath: path, maxBytes: maxBytes)
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8(data)
            throw .notUTF8(path, byte: offset.byte, line: offset.line)
        }
        return text
    }

    static func firstInvalidUTF8(_ data: Data) -> (byte: Int, line: Int) {
        var line = 1
        var i = 0
        let bytes = [UInt8](data)
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (i, line)
            }
            if i + length > bytes.count { return (i, line) }
            for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return (i, line) }
            if b == 0x0A { line += 1 }
            i += length
        }
        return (i, line)
    }
}
