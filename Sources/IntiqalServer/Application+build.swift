import Hummingbird
import IntiqalCommission
import IntiqalWeb
import Logging

/// The server's router: problem documents and metrics around everything, sessions around the API;
/// the web application's pages under `/`.
public func buildRouter(commission: Commission, configuration: ServerConfiguration = ServerConfiguration()) -> Router<ServerContext> {
    let metrics = RequestMetrics()
    let router = Router(context: ServerContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))   // one line per request, with its request id
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: ProblemMiddleware())
    SystemController(commission: commission, metrics: metrics).addRoutes(to: router)
    let api = router.group("api/v1").add(middleware: SessionMiddleware(commission: commission))
    SessionController(commission: commission, secureCookies: configuration.secureCookies).addRoutes(to: api)
    AssessmentController(commission: commission).addRoutes(to: api)
    StatusController(commission: commission).addRoutes(to: api)
    EvidenceController(commission: commission).addRoutes(to: api)
    DecisionController(commission: commission).addRoutes(to: api)
    AuditController(commission: commission).addRoutes(to: api)
    // The web application under / (its own target: pages call the use cases, not the API).
    WebApplication(commission: commission, secureCookies: configuration.secureCookies).addRoutes(to: router)
    return router
}

/// The application `intiqal serve` runs.
public func buildApplication(commission: Commission, configuration: ServerConfiguration) -> some ApplicationProtocol {
    var logger = Logger(label: "intiqal")
    logger.logLevel = .info
    return Application(router: buildRouter(commission: commission, configuration: configuration),
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "intiqal"),
                       logger: logger)
}
