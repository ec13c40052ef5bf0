import Crypto
import Foundation

/// A co-chair's Ed25519 key pair, kept in a file outside any workspace (mode 0600).
///
/// File format: JSON `{"party":"IRQ","privateKey":"<base64 32 bytes>","publicKey":"<base64>"}`.
public struct PartyKey: Sendable {
    public let party: String
    /// The raw 32-byte private key (kept as bytes: Crypto's key type is not `Sendable`).
    private let raw: Data
    private var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: raw) }

    public init(party: String) {
        self.party = party
        raw = Curve25519.Signing.PrivateKey().rawRepresentation
    }

    public init(party: String, rawPrivateKey: Data) throws {
        self.party = party
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: rawPrivateKey)) != nil else {
            throw LedgerError.key("not an Ed25519 private key")
        }
        raw = rawPrivateKey
    }

    /// Base64 of the raw 32-byte public key.
    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// Signs the hex hash of a decision entry (the signature covers the 32 hash bytes).
    public func sign(entryHash: String) throws -> String {
        guard let bytes = Hex.decode(entryHash), bytes.count == 32 else { throw LedgerError.signing("not a SHA-256 hash: \(entryHash)") }
        do { return try key.signature(for: bytes).base64EncodedString() } catch {
            throw LedgerError.signing("cannot sign: \(error)")
        }
    }

    /// Signs a message (format 2: the RFC 8785 bytes of an entry without its signature, or of a receipt).
    public func sign(message: [UInt8]) throws -> String {
        do { return try key.signature(for: message).base64EncodedString() } catch {
            throw LedgerError.signing("cannot sign: \(error)")
        }
    }

    public static func verify(signature: String, message: [UInt8], publicKey: String) -> Bool {
        guard let sig = Data(base64Encoded: signature), let pub = Data(base64Encoded: publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: pub)
        else { return false }
        return key.isValidSignature(sig, for: message)
    }

    public static func verify(signature: String, entryHash: String, publicKey: String) -> Bool {
        guard let bytes = Hex.decode(entryHash), bytes.count == 32,
              let sig = Data(base64Encoded: signature), let pub = Data(base64Encoded: publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: pub)
        else { return false }
        return key.isValidSignature(sig, for: bytes)
    }

    public var fileContents: Data {
        let value: CanonicalValue = [
            "party": .string(party),
            "privateKey": .string(key.rawRepresentation.base64EncodedString()),
            "publicKey": .string(publicKey),
        ]
        return Data((value.canonicalText + "\n").utf8)
    }

    /// Reads a key file, naming the file in any error.
    public static func read(path: String) throws -> PartyKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LedgerError.key("\(path): \(FileManager.default.fileExists(atPath: path) ? "cannot read the key file" : "no such key file")")
        }
        guard let value = try? CanonicalValue(parsing: data), let party = value["party"]?.stringValue,
              let b64 = value["privateKey"]?.stringValue, let raw = Data(base64Encoded: b64)
        else { throw LedgerError.key("\(path): not an Intiqal key file (expected party and privateKey)") }
        do { return try PartyKey(party: party, rawPrivateKey: raw) } catch {
            throw LedgerError.key("\(path): privateKey: not an Ed25519 private key")
        }
    }

    /// Writes a new key file with mode 0600; refuses to overwrite.
    public func write(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw LedgerError.key("\(path): cannot create the key file (\(errno == EEXIST ? "it already exists" : String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let data = fileContents
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else { throw LedgerError.key("\(path): cannot write the key file") }
    }
}
