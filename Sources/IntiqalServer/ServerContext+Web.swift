import IntiqalWeb

/// The web application reads the peer's address for the sign-in throttle.
extension ServerContext: WebRequestContext {
    public var clientAddress: String { address }
}
