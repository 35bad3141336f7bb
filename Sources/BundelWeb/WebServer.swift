import Foundation
import Hummingbird
import Logging

/// The web app: the store opened (runs cut off by the last stop marked interrupted), the queue
/// resumed, and the routes of the API and the pages behind the access and error middleware.
public struct WebServer: Sendable {
    public let configuration: WebConfiguration
    public let services: WebServices

    /// Opens the store and readies the queue; refuses a non-loopback host without a token.
    public init(_ configuration: WebConfiguration) throws {
        guard configuration.token != nil || AccessPolicy.isLoopback(configuration.host) else {
            throw APIError(.badRequest, "listening on \(configuration.host) needs a token (--token)")
        }
        guard FileManager.default.isExecutableFile(atPath: configuration.bundel.path) else {
            throw APIError(
                .serviceUnavailable,
                "no bundel executable at \(configuration.bundel.path); build it (swift build) or give --bundel PATH")
        }
        self.configuration = configuration
        let store = try WebStore(folder: configuration.dataFolder)
        services = WebServices(
            store: store,
            queue: RunQueue(
                store: store, bundel: configuration.bundel, concurrentRuns: configuration.concurrentRuns,
                watchdog: configuration.watchdog),
            limits: configuration.limits, examples: configuration.examples)
    }

    /// Every route, with the middleware in front.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ErrorMiddleware())
        router.add(
            middleware: AccessMiddleware(
                policy: AccessPolicy(host: configuration.host, port: configuration.port, token: configuration.token)))
        router.get("/api/health") { _, _ in
            struct Health: Encodable {
                var status = "ok"
                var runningRuns: Int
                var concurrentRuns: Int
            }
            return JSONBody.response(
                Health(runningRuns: await services.queue.runningCount, concurrentRuns: configuration.concurrentRuns))
        }
        NetworkRoutes.add(to: router, services: services)
        ScenarioRoutes.add(to: router, services: services)
        RunRoutes.add(to: router, services: services)
        ComparisonRoutes.add(to: router, services: services)
        Pages.add(to: router, services: services)
        return router
    }

    /// Serves until the task is cancelled or the process gets SIGINT/SIGTERM; `onRunning` is
    /// called once the socket listens.
    public func run(onRunning: @escaping @Sendable () async -> Void = {}) async throws {
        await services.queue.resume()
        var logger = Logger(label: "bundel-web")
        logger.logLevel = configuration.logLevel
        let app = Application(
            router: router(),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "bundel-web"),
            onServerRunning: { _ in await onRunning() }, logger: logger)
        try await app.runService()
        await services.queue.interruptAll()
    }
}
