/// A file that cannot be taken as input: missing, a directory, unreadable, over the size limit,
/// or not UTF-8 text. `description` names the file.
public struct InputFileError: Error, CustomStringConvertible, Sendable, Hashable {
    private enum Code: Sendable, Hashable {
        case noSuchFile
        case directory
        case unreadable
        case tooLarge(bytes: Int?, limit: Int)
        case notUTF8(byte: Int)
    }

    private let code: Code
    public let path: String
    /// The 1-based line of the first byte that is not UTF-8.
    public let line: Int?

    private init(_ code: Code, path: String, line: Int? = nil) {
        self.code = code
        self.path = path
        self.line = line
    }

    static func noSuchFile(_ path: String) -> InputFileError { InputFileError(.noSuchFile, path: path) }
    static func directory(_ path: String) -> InputFileError { InputFileError(.directory, path: path) }
    static func unreadable(_ path: String) -> InputFileError { InputFileError(.unreadable, path: path) }
    static func tooLarge(_ path: String, bytes: Int?, limit: Int) -> InputFileError {
        InputFileError(.tooLarge(bytes: bytes, limit: limit), path: path)
    }
    static func notUTF8(_ path: String, byte: Int, line: Int) -> InputFileError { InputFileError(.notUTF8(byte: byte), path: path, line: line) }

    /// True when the file was refused for its size.
    public var isTooLarge: Bool { if case .tooLarge = code { true } else { false } }

    static func tooLargeMessage(bytes: Int?, limit: Int) -> String {
        "the file is \(bytes.map { "\($0) bytes" } ?? "larger than that"); at most \(limit) bytes (InputLimits.fileBytes)"
    }

    /// What is wrong, without the file's name.
    public var message: String {
        switch code {
        case .noSuchFile: "no such file"
        case .directory: "is a directory, not a file"
        case .unreadable: "cannot read the file"
        case .tooLarge(let bytes, let limit): Self.tooLargeMessage(bytes: bytes, limit: limit)
        case .notUTF8(let byte): "not valid UTF-8 (byte \(byte))"
        }
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
