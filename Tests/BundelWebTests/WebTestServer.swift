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

    /// Starts a server and waits (at most 20 s) until it listens.
    static func start(
        folder: URL? = nil, configure: (inout WebConfiguration) -> Void = { _ in }
    ) async throws -> WebTestServer {
        guard let bundel = BuiltExecutable.bundel else { throw TestSupportError(BuiltExecutable.missing) }
        guard let port = LoopbackPort.unused() else { throw TestSupportError("no free loopback port") }
        let data = try folder ?? scratchFolder("bundel-web-web")
        var configuration = WebConfiguration(dataFolder: data, bundel: bundel)
        configuration.port = port
        configuration.logLevel = .critical
        configuration.examples = repositoryNetworks
        configure(&configuration)
        let server = try WebServer(configuration)
        let listening = Mutex(false)
        let task = Task { try await server.run { listening.withLock { $0 = true } } }
        // Generous: in the whole suite, CPU-bound tests can hold both of a 2-core machine's
        // cooperative threads for minutes, and the server's task waits its turn (never a
        // speed limit: only how long to wait before calling the server dead).
        let deadline = ContinuousClock.now + .seconds(600)
        while !listening.withLock({ $0 }) {
            guard ContinuousClock.now < deadline else {
                task.cancel()
                throw TestSupportError("the server did not listen within 600 s")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return WebTestServer(
            server: server, base: URL(string: "http://127.0.0.1:\(port)")!, folder: data, task: task)
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
