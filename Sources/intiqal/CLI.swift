import ArgumentParser
import Foundation
import IntiqalDomain
import IntiqalScenario

/// Shared plumbing of the subcommands: loading, output, errors.
enum CLI {
    static func loadScenario(_ path: String) throws -> Scenario {
        do {
            let (scenario, warnings) = try ScenarioLoader.load(path: path)
            printDiagnostics(warnings)
            return scenario
        } catch let error as ScenarioError {
            fail(error.text(language))
        }
    }

    /// Prints each line to standard error as a warning.
    static func warn(_ lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data("intiqal: warning: \(line)\n".utf8)) }
    }

    /// Prints to standard error and exits with status 1.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("intiqal: \(message)\n".utf8))
        Foundation.exit(1)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Writes all or nothing: to a file atomically, or to standard output.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            fail("\(path): cannot write: it is a directory; name a file")
        }
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            fail("\(path): cannot write: no such directory '\(directory)'")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            fail("\(path): cannot write: \(reason(error))")
        }
    }

    /// A file-system error in words: the operating system's reason where Foundation wraps one
    /// (Foundation on Linux describes its own errors as "NSCocoaErrorDomain error 512").
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch ns.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or directory"
        default: return "\(error)"
        }
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, file: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: file) else {
            fail("\(file): \(FileManager.default.fileExists(atPath: file) ? "cannot read the file" : "no such file")")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            fail("\(file): \(describe(error))")
        } catch {
            fail("\(file): not valid JSON")
        }
    }

    /// A JSON kind in words, for a Swift type named in a decoding error.
    static func kind(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "a JSON object" }
        if name.hasPrefix("Array") || name.hasPrefix("UnkeyedDecodingContainer") { return "a JSON list" }
        if name == "String" { return "text" }
        if ["Int", "Double", "UInt64", "Int64", "Float"].contains(name) { return "a number" }
        if name == "Bool" { return "true or false" }
        return name
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "" : String(p.drop { $0 == "." }) + ": "
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context))missing field '\(key.stringValue)'"
        case .typeMismatch(let type, let context): return "\(path(context))expected \(kind(type))"
        case .valueNotFound(let type, let context): return "\(path(context))expected \(kind(type)), found null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "\(path(context))\(context.debugDescription)"
        @unknown default: return "not valid JSON"
        }
    }
}
