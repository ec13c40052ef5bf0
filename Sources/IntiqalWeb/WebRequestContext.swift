import Hummingbird

/// What the web application needs of the server's request context: where a request came from
/// (for the sign-in throttle). `IntiqalServer`'s context conforms.
public protocol WebRequestContext: RequestContext {
    var clientAddress: String { get }
}
