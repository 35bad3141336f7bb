import BundelTestSupport
import BundelWeb
import Foundation
import Synchronization

/// A `bundel-web` server in this process, on a free loopback port with a scratch data folder,
/// running the `bundel` built beside the tests; `stop()` ends it.
struct WebTestServer {
    let server: WebServer
    let base: URL
    let folder: URL
    private let task: Task<Void, any Error>

    /// The repository's `networks/` folder: the built-in networks.
    static let repositoryNetworks = SmallNetwork.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("networks")

    /// Starts a server and waits until it listens. A server that stops before it listens (its
    /// port, free when picked, taken by another test's server meanwhile) is started again on
    /// another port, up to three times, instead of being waited for in vain.
    static func start(
        folder: URL? = nil, configure: (inout WebConfiguration) -> Void = { _ in }
    ) async throws -> WebTestServer {
        guard let bundel = BuiltExecutable.bundel else { throw TestSupportError(BuiltExecutable.missing) }
        let data = try folder ?? scratchFolder("bundel-web")
        var failures: [String] = []
        for _ in 1...3 {
            guard let port = LoopbackPort.unused() else { throw TestSupportError("no free loopback port") }
            var configuration = WebConfiguration(dataFolder: data, bundel: bundel)
            configuration.port = port
            configuration.logLevel = .critical
            configuration.examples = repositoryNetworks
            configure(&configuration)
            let server = try WebServer(configuration)
            if let running = try await run(server, port: port, data: data) { return running }
            failures.append("port \(port)")
        }
        throw TestSupportError("the server stopped before it listened, on \(failures.joined(separator: ", "))")
    }

    /// Runs `server` and waits until it listens (nil when it stopped before).
    private static func run(_ server: WebServer, port: Int, data: URL) async throws -> WebTestServer? {
        enum Startup { case starting, listening, stopped }
        let startup = Mutex(Startup.starting)
        let task = Task {
            defer { startup.withLock { if $0 == .starting { $0 = .stopped } } }
            try await server.run { startup.withLock { $0 = .listening } }
        }
        // Generous: in the whole suite, CPU-bound tests can hold both of a 2-core machine's
        // cooperative threads for minutes, and the server's task waits its turn (never a
        // speed limit: only how long to wait before calling the server dead).
        let deadline = ContinuousClock.now + .seconds(600)
        while true {
            switch startup.withLock({ $0 }) {
            case .listening:
                return WebTestServer(
                    server: server, base: URL(string: "http://127.0.0.1:\(port)")!, folder: data, task: task)
            case .stopped:
                return nil
            case .starting:
                guard ContinuousClock.now < deadline else {
                    task.cancel()
                    throw TestSupportError("the server did not listen within 600 s")
                }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Runs `body` with a fresh server, then stops it and removes its data folder, also when
    /// `body` throws.
    static func with<Result>(
        folder: URL? = nil, removing: Bool = true, configure: (inout WebConfiguration) -> Void = { _ in },
        _ body: (WebTestServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(folder: folder, configure: configure)
        do {
            let result = try await body(server)
            await removing ? server.stopAndRemove() : server.stop()
            return result
        } catch {
            await removing ? server.stopAndRemove() : server.stop()
            throw error
        }
    }

    /// Stops the server (runs still going are sent SIGINT) and waits for it.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Stops the server and removes its data folder.
    func stopAndRemove() async {
        await stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A client of this server.
    func client(token: String? = nil, recorder: ExchangeRecorder? = nil) -> WebClient {
        WebClient(base: base, token: token, recorder: recorder)
    }
}
