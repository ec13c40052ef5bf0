/// An error of the workspace: busy, newer schema, bad input, missing entity, corrupt file.
public struct StorageError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Code: Sendable, Equatable {
        case busy, newerSchema, invalid, notFound, notEmpty, cannotOpen
    }

    private let code: Code
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func busy(_ path: String) -> StorageError {
        StorageError(.busy, "\(path): workspace is busy, try again (another process is writing to it)")
    }
    static func newerSchema(_ path: String, unknown: [String]) -> StorageError {
        StorageError(.newerSchema, "\(path): workspace was written by a newer Intiqal (schema migrations \(unknown.joined(separator: ", ")) unknown here); upgrade intiqal to open it")
    }
    /// Bad input, naming the field (`assessments[3].region: unknown region 'x'`).
    public static func invalid(_ message: String) -> StorageError { StorageError(.invalid, message) }
    public static func notFound(_ message: String) -> StorageError { StorageError(.notFound, message) }
    static func notEmpty(_ message: String) -> StorageError { StorageError(.notEmpty, message) }
    static func cannotOpen(_ path: String, _ why: String) -> StorageError { StorageError(.cannotOpen, "\(path): cannot open the workspace: \(why)") }

    public var isBusy: Bool { code == .busy }
    public var isNewerSchema: Bool { code == .newerSchema }

    public var description: String { message }
}
