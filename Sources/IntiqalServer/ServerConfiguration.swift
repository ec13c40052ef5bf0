import Foundation

/// Where and how the server listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// TLS (`--tls-cert`, `--tls-key`); `nil` serves plain HTTP.
    public var tls: ServerTLS?
    /// Whether session cookies are marked `Secure` even without `tls` (behind a TLS proxy).
    public var secureCookies: Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, tls: ServerTLS? = nil, secureCookies: Bool = false) {
        self.host = host
        self.port = port
        self.tls = tls
        self.secureCookies = secureCookies
    }

    /// Cookies are `Secure` under TLS (and when asked for).
    var cookiesAreSecure: Bool { secureCookies || tls != nil }

    /// Whether `host` is a loopback address (the demo refuses anything else without
    /// `--insecure-demo`): `localhost`, an IPv4 literal in 127.0.0.0/8, or the IPv6 `::1`
    /// (also bracketed, or as an IPv4-mapped 127.x address). Any other name is not, even one
    /// starting with `127.` (`127.example.com`).
    public static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        var text = host
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
            // ::ffff:127.x.y.z
            return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
        }
        return false
    }
}
