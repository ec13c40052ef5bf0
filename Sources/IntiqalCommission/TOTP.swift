import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps,
/// six digits, the codes of the step before and after accepted for clock drift.
public struct TOTP: Sendable, Hashable {
    /// The shared secret's bytes.
    public let secret: [UInt8]
    public let digits = 6
    public let period: Double = 30

    public init(secret: [UInt8]) { self.secret = secret }

    /// Reads a base32 secret (RFC 4648, padding and case ignored); `nil` if it is not base32.
    public init?(base32: String) {
        guard let bytes = Base32.decode(base32), !bytes.isEmpty else { return nil }
        secret = bytes
    }

    public var base32: String { Base32.encode(secret) }

    /// The code of the step holding `date`.
    public func code(at date: Date) -> String { code(step: UInt64(max(0, date.timeIntervalSince1970) / period)) }

    /// HOTP of `step` (RFC 4226 §5.3: dynamic truncation).
    func code(step: UInt64) -> String {
        let message = withUnsafeBytes(of: step.bigEndian) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let value = binary % 1_000_000
        let text = String(value)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// Whether `code` is the code of the step at `date` or of the step either side.
    public func accepts(_ code: String, at date: Date) -> Bool {
        let step = Int64(max(0, date.timeIntervalSince1970) / period)
        let given = Array(code.utf8)
        var ok = false
        for s in [step - 1, step, step + 1] where s >= 0 {
            // Every candidate compared in full: the time taken does not depend on where a code differs.
            let expected = Array(self.code(step: UInt64(s)).utf8)
            var diff: UInt8 = given.count == expected.count ? 0 : 1
            for (a, b) in zip(given, expected) { diff |= a ^ b }
            ok = ok || diff == 0
        }
        return ok
    }

    /// An `otpauth://` URI an authenticator app reads (as a QR code or typed).
    public func uri(account: String, issuer: String = "Intiqal") -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let a = account.addingPercentEncoding(withAllowedCharacters: allowed) ?? account
        return "otpauth://totp/\(issuer):\(a)?secret=\(base32)&issuer=\(issuer)&algorithm=SHA1&digits=6&period=30"
    }
}
