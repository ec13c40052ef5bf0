import Foundation
import NIOSSL

/// TLS for `intiqal serve --tls-cert F --tls-key F`: a PEM certificate chain and its PEM
/// private key, read and checked before the server starts, so a bad file is named at once.
public struct ServerTLS: Sendable {
    /// The certificate file and the key file, as given.
    public let certificatePath: String
    public let keyPath: String
    let configuration: TLSConfiguration

    /// Why a certificate or key cannot be used; `flag` and `path` name the input at fault.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var flag: String
        public var path: String
        public var reason: String
        public var description: String { "\(flag) \(path): \(reason)" }
    }

    /// Reads both files (PEM). Throws `Failure` naming the flag and file: missing, unreadable,
    /// not PEM, no certificate in it, a key that is not a private key, or a key that is not the
    /// certificate's.
    public init(certificatePath: String, keyPath: String) throws {
        let certificateBytes = try Self.read(certificatePath, flag: "--tls-cert")
        let keyBytes = try Self.read(keyPath, flag: "--tls-key")
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMBytes(certificateBytes) } catch {
            throw Failure(flag: "--tls-cert", path: certificatePath, reason: "not a PEM certificate (\(error))")
        }
        guard !chain.isEmpty else {
            throw Failure(flag: "--tls-cert", path: certificatePath, reason: "no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)")
        }
        let key: NIOSSLPrivateKey
        do { key = try NIOSSLPrivateKey(bytes: keyBytes, format: .pem) } catch {
            throw Failure(flag: "--tls-key", path: keyPath, reason: "not a PEM private key (an unencrypted RSA or EC key is expected)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(key))
        // Making the context checks the key against the certificate.
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            throw Failure(flag: "--tls-key", path: keyPath, reason: "not the private key of the certificate in \(certificatePath) (\(error))")
        }
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.configuration = configuration
    }

    static func read(_ path: String, flag: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(flag: flag, path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw Failure(flag: flag, path: path, reason: "a directory, not a PEM file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(flag: flag, path: path, reason: "cannot be read (permission denied?)")
        }
        guard data.count <= 1 << 20 else { throw Failure(flag: flag, path: path, reason: "over 1 MiB: not a PEM file") }
        guard !data.isEmpty else { throw Failure(flag: flag, path: path, reason: "empty") }
        return Array(data)
    }
}
