import Hummingbird
import IntiqalCommission
import NIOCore

/// The request context: who is signed in (set by `SessionMiddleware`) and where the request
/// came from (for the sign-in throttle).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session's user, re-read for this request; `nil` when not signed in.
    public var session: SessionUser?
    /// The session id from the cookie, for sign-out.
    public var sessionID: String?
    /// The peer's address ("unknown" when the transport has none).
    public let address: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The signed-in viewer, or `unauthenticated` (401).
    func viewer() throws -> Viewer {
        guard let session else { throw CommissionError.unauthenticated("not signed in") }
        return session.viewer
    }

    public var maxUploadSize: Int { 1024 * 1024 }
}
