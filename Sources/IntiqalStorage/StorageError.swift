import IntiqalDomain

/// An error of the workspace: busy, newer schema, bad input, missing entity, corrupt file.
public struct StorageError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Code: Sendable, Equatable {
        case busy, missing, newerSchema, needsUpgrade, readOnly, invalid, notFound, notEmpty, cannotOpen, conflict
    }

    private let code: Code
    public let message: String
    /// The input field that is wrong, where one is (`value`, `month`, `region`…).
    public let field: String?
    /// Every problem of the input, each with its code, location and the message in English and Arabic (the ratings
    /// CSV); empty for other errors, whose `message` says it.
    public let diagnostics: [Diagnostic]

    private init(_ code: Code, _ message: String, field: String? = nil, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.field = field
        self.diagnostics = diagnostics
    }

    public static func busy(_ path: String) -> StorageError {
        StorageError(.busy, "\(path): workspace is busy, try again (another process is writing to it)")
    }
    /// The database server cannot be reached or dropped the connection: like busy, try again.
    package static func unavailable(_ location: String, _ why: String) -> StorageError {
        StorageError(.busy, "\(location): the database is unavailable, try again (\(why))")
    }
    package static func newerSchema(_ path: String, unknown: [String]) -> StorageError {
        StorageError(.newerSchema, "\(path): workspace was written by a newer Intiqal (schema migrations \(unknown.joined(separator: ", ")) unknown here); upgrade intiqal to open it")
    }
    package static func missing(_ path: String) -> StorageError { StorageError(.missing, "\(path): no such workspace") }
    package static func needsUpgrade(_ path: String, pending: [String]) -> StorageError {
        StorageError(.needsUpgrade, "\(path): workspace was written by an older Intiqal (schema migrations \(pending.joined(separator: ", ")) pending); it must be upgraded by a write before it can be read")
    }
    package static func readOnly(_ path: String) -> StorageError {
        StorageError(.readOnly, "\(path): the workspace is read-only here (file permissions, or opened for reading); nothing was written")
    }
    /// Bad input, naming the field (`assessments[3].region: unknown region 'x'`).
    public static func invalid(_ message: String) -> StorageError { StorageError(.invalid, message) }
    /// Bad input in one named field; `message` says what is wrong with it, `description` reads
    /// "field: message".
    public static func invalid(field: String, _ message: String) -> StorageError {
        StorageError(.invalid, "\(field): \(message)", field: field)
    }
    /// Bad input found as diagnostics (every problem of a file, collected); `message` is their English lines.
    public static func invalid(diagnostics: [Diagnostic]) -> StorageError {
        StorageError(.invalid, diagnostics.map { $0.text(.en) }.joined(separator: "\n"), diagnostics: diagnostics)
    }
    /// Bad input (in `field`, when one is named).
    public var isInvalid: Bool { code == .invalid }
    public static func notFound(_ message: String) -> StorageError { StorageError(.notFound, message) }
    package static func notEmpty(_ message: String) -> StorageError { StorageError(.notEmpty, message) }
    package static func cannotOpen(_ path: String, _ why: String) -> StorageError { StorageError(.cannotOpen, "\(path): cannot open the workspace: \(why)") }

    /// The record changed since the request was prepared (another entry got in first); try again.
    public static func conflict(_ message: String) -> StorageError { StorageError(.conflict, message) }
    public var isConflict: Bool { code == .conflict }

    public var isBusy: Bool { code == .busy }
    public var isNewerSchema: Bool { code == .newerSchema }
    public var isNotFound: Bool { code == .notFound }
    /// The workspace file does not exist.
    public var isMissing: Bool { code == .missing }
    public var needsUpgrade: Bool { code == .needsUpgrade }
    public var isReadOnly: Bool { code == .readOnly }

    public var description: String { message }

    /// The error in `language`: its diagnostics in that language, one a line, or the message.
    public func text(_ language: Language) -> String {
        diagnostics.isEmpty ? message : diagnostics.map { $0.text(language) }.joined(separator: "\n")
    }
}
