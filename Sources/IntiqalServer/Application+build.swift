import Hummingbird
import HummingbirdTLS
import IntiqalCommission
import IntiqalWeb
import Logging

/// The server's router: problem documents and metrics around everything, sessions around the API;
/// the web application's pages under `/`.
public func buildRouter(commission: Commission, configuration: ServerConfiguration = ServerConfiguration()) -> Router<ServerContext> {
    let metrics = RequestMetrics()
    let router = Router(context: ServerContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))   // one line per request, with its request id
    if configuration.tls != nil { router.add(middleware: StrictTransportSecurityMiddleware()) }
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: StoreExecutorMiddleware(executor: StoreExecutor.shared))   // store calls off the cooperative pool
    SystemController(commission: commission, metrics: metrics).addRoutes(to: router)
    let api = router.group("api/v1").add(middleware: SessionMiddleware(commission: commission))
    SessionController(commission: commission, secureCookies: configuration.cookiesAreSecure).addRoutes(to: api)
    AssessmentController(commission: commission).addRoutes(to: api)
    StatusController(commission: commission).addRoutes(to: api)
    EvidenceController(commission: commission).addRoutes(to: api)
    IncidentController(commission: commission).addRoutes(to: api)
    DecisionController(commission: commission).addRoutes(to: api)
    LedgerController(commission: commission).addRoutes(to: api)
    AuditController(commission: commission).addRoutes(to: api)
    RecordsController(commission: commission).addRoutes(to: api)
    TokenController(commission: commission).addRoutes(to: api)
    RecordWritesController(commission: commission).addRoutes(to: api)
    // The web application under / (its own target: pages call the use cases, not the API).
    WebApplication(commission: commission, secureCookies: configuration.cookiesAreSecure).addRoutes(to: router)
    return router
}

/// The application `intiqal serve` runs: HTTP/1.1, under TLS when `configuration.tls` is set.
public func buildApplication(commission: Commission, configuration: ServerConfiguration) throws -> some ApplicationProtocol {
    var logger = Logger(label: "intiqal")
    logger.logLevel = .info
    let router = buildRouter(commission: commission, configuration: configuration)
    let address = ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "intiqal")
    if let tls = configuration.tls {
        return Application(router: router, server: try .tls(.http1(), tlsConfiguration: tls.configuration), configuration: address, logger: logger)
    }
    return Application(router: router, server: .http1(), configuration: address, logger: logger)
}
