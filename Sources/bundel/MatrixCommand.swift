import ArgumentParser
import BundelPlanner
import BundelRoads
import BundelRouting
import Foundation

/// `bundel matrix`: the road distances and travel times between all locations of a scenario's
/// network, from a routing engine or an OpenStreetMap extract, written as a matrix file that
/// later runs read without any server.
struct MatrixCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract:
            "Compute a scenario's road matrix with OSRM, Valhalla or an OpenStreetMap extract and save it for distances.matrix.",
        discussion: """
            The file is written next to the network (matrix-ENGINE-PROFILE.csv) unless --out says \
            otherwise, and never over an existing file without --force. With --random N and \
            --engine osm, N random road points of the extract are timed instead (a benchmark; \
            nothing is written).
            """
    )

    enum Engine: String, ExpressibleByArgument, CaseIterable {
        case osrm, valhalla, osm
    }

    /// The travel modes by their argument names; ArgumentParser refuses any other word (exit 64)
    /// and lists these in the help.
    enum Profile: String, ExpressibleByArgument, CaseIterable {
        case car, truck, bicycle

        var mode: TravelMode {
            switch self {
            case .car: .car
            case .truck: .truck
            case .bicycle: .bicycle
            }
        }
    }

    @Argument(help: "The scenario file (YAML) whose network's hubs, sites and supplier depots are the locations.")
    var scenario: String?

    @Option(
        help: ArgumentHelp(
            "Where the matrix comes from: osrm or valhalla (a server at --url), or osm (the extract at --osm, no server).",
            valueName: "engine"))
    var engine: Engine

    @Option(help: ArgumentHelp("The routing engine's base URL, e.g. http://127.0.0.1:8002.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("An OpenStreetMap XML extract (.osm or .osm.gz) for --engine osm.", valueName: "file"))
    var osm: String?

    @Option(help: ArgumentHelp("Travel mode: car, truck or bicycle.", valueName: "profile"))
    var profile: Profile = .car

    @Option(
        help: ArgumentHelp(
            "The matrix file to write (.csv, long form; default: matrix-ENGINE-PROFILE.csv in the network's folder).",
            valueName: "file"))
    var out: String?

    @Flag(help: "Overwrite an existing matrix file.")
    var force = false

    @Option(
        name: .customLong("block-size"),
        help: "Locations per side of one request to the engine (default 50: 2,500 pairs).")
    var blockSize = 50

    @Option(
        help: "Further tries after a request fails in a way that may pass (no connection, timeout, HTTP 429 or 5xx).")
    var retries = 3

    @Option(help: ArgumentHelp("Seconds to wait for one answer of the engine.", valueName: "seconds"))
    var timeout: Double = 120

    @Option(
        name: .customLong("max-snap"),
        help: ArgumentHelp(
            "Farthest a location may lie from the extract's roads, in metres (--engine osm).", valueName: "metres"))
    var maxSnap: Double = 250

    @Option(
        help: ArgumentHelp(
            "Benchmark: time the matrix of N random road points of the extract (--engine osm) instead of a scenario's.",
            valueName: "n"))
    var random: Int?

    @Option(help: "Seed for --random.")
    var seed: UInt64 = 1

    var mode: TravelMode { profile.mode }

    func validate() throws {
        switch engine {
        case .osm:
            if osm == nil { throw ValidationError("--engine osm needs the extract: --osm FILE (.osm or .osm.gz)") }
            if url != nil {
                throw ValidationError("--url is for --engine osrm or valhalla; --engine osm reads --osm FILE")
            }
        case .osrm, .valhalla:
            guard let url else {
                throw ValidationError("--engine \(engine.rawValue) needs the server: --url http://HOST:PORT")
            }
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil
            else {
                throw ValidationError("--url must be an http(s) address such as http://127.0.0.1:8002, got '\(url)'")
            }
            if osm != nil { throw ValidationError("--osm is for --engine osm") }
            if random != nil { throw ValidationError("--random is a benchmark of --engine osm") }
        }
        if let random {
            guard random >= 2 else { throw ValidationError("--random needs at least 2 points") }
            if scenario != nil || out != nil {
                throw ValidationError("--random times random points; give no scenario and no --out")
            }
        } else if scenario == nil {
            throw ValidationError(
                "give the scenario whose locations the matrix is for (or --random N to time random points)")
        }
        guard (1...1000).contains(blockSize) else { throw ValidationError("--block-size must lie between 1 and 1000") }
        guard retries >= 0 else { throw ValidationError("--retries must be 0 or more") }
        guard timeout.isFinite, timeout > 0 else {
            throw ValidationError("--timeout must be a number of seconds greater than 0")
        }
        guard maxSnap.isFinite, maxSnap > 0 else {
            throw ValidationError("--max-snap must be a number of metres greater than 0")
        }
    }

    func execute() throws {
        if let random {
            try benchmark(points: random)
            return
        }
        let loaded = try ScenarioLoader.load(path: scenario!, matrixMayBeMissing: true)
        let network = loaded.network
        let target = out.map { URL(fileURLWithPath: $0) } ?? defaultOutput(network: network)
        // Refuse before the work, not after it.
        if !force, FileManager.default.fileExists(atPath: target.path) {
            throw OutputError(description: "\(target.path) exists; use --force to overwrite it")
        }
        let matrix: TravelMatrix
        var provenance: String
        switch engine {
        case .osm:
            let graph = try readGraph()
            let started = ContinuousClock.now
            let (computed, snapping) = try RoadMatrixSource.fromGraph(graph, network: network, maxSnapMetres: maxSnap)
            let elapsed = ContinuousClock.now - started
            matrix = computed
            if let largest = snapping.largest {
                printError(
                    String(
                        format: "snapped %d locations to the road: median %.0f m, largest %.0f m (%@)",
                        snapping.ids.count, snapping.medianMetres, largest.metres, largest.id))
            }
            // Far snaps are allowed up to --max-snap but worth a look: the location may sit
            // behind a pedestrian area or beside a road that leads nowhere in the extract.
            let far = zip(snapping.ids, snapping.snaps).filter { $0.1.metres > 100 }
            if !far.isEmpty {
                printError(
                    "more than 100 m from a usable road: "
                        + far.map { String(format: "%@ %.0f m", $0.0, $0.1.metres) }.joined(separator: ", "))
            }
            printError("matrix \(matrix.count) x \(matrix.count) in \(Self.format(elapsed))")
            provenance = "the OpenStreetMap extract \(osm!) (road graph, \(mode.rawValue))"
        case .osrm, .valhalla:
            let client = makeClient()
            let started = ContinuousClock.now
            matrix = try RoadMatrixSource.fromEngine(client, network: network) { done, total in
                if total > 1 { printError("block \(done) of \(total)") }
            }
            printError(
                "matrix \(matrix.count) x \(matrix.count) from \(client.engine.displayName) in \(Self.format(ContinuousClock.now - started))"
            )
            provenance = "\(client.engine.displayName) at \(url!) (\(mode.rawValue))"
        }
        do { try Data(matrix.longFormCSV().utf8).write(to: target, options: .atomic) } catch {
            throw OutputError(description: "cannot write \(target.path): \(error.localizedDescription)")
        }
        provenance =
            "wrote \(DisplayPathText.of(target)): \(matrix.count * (matrix.count - 1)) pairs of \(matrix.count) locations from \(provenance)"
        print(provenance)
        print(
            "use it in the scenario: distances: {matrix: \(DisplayPathText.relative(target, from: URL(fileURLWithPath: scenario!).deletingLastPathComponent()))}"
        )
    }

    func makeClient() -> MatrixClient {
        let routingEngine: RoutingEngine = engine == .osrm ? .osrm : .valhalla
        var client = MatrixClient(
            engine: routingEngine, baseURL: URL(string: url!)!, mode: mode,
            transport: URLSessionTransport(timeoutSeconds: timeout))
        client.blockSize = blockSize
        client.retries = retries
        return client
    }

    /// Reads the extract and builds the road graph, saying how big it is and how long it took.
    func readGraph() throws(RoadsError) -> RoadGraph {
        let started = ContinuousClock.now
        let extract = try OSMExtract.read(path: osm!, displayPath: osm!)
        let read = ContinuousClock.now
        let graph = try RoadGraph(extract: extract, rules: .standard(mode))
        printError(
            "road graph of \(osm!) for \(mode.rawValue): \(graph.nodeCount) nodes, \(graph.edgeCount) edges from \(graph.usableWays) ways, \(graph.routableNodes) nodes in the largest strongly connected component (read \(Self.format(read - started)), built \(Self.format(ContinuousClock.now - read)))"
        )
        return graph
    }

    /// `--random N`: the time for the matrix of N random routable nodes.
    func benchmark(points: Int) throws {
        let graph = try readGraph()
        var generator = SeededGenerator(seed: seed)
        let routable = graph.routableNodeList
        let nodes = (0..<points).map { _ in routable.randomElement(using: &generator)! }
        let started = ContinuousClock.now
        let matrix = graph.fastestRoutes(between: nodes)
        let elapsed = ContinuousClock.now - started
        let routed = matrix.metres.enumerated().filter { $0.offset / points != $0.offset % points && $0.element != nil }
            .count
        print(
            "matrix of \(points) random road points (\(routed) of \(points * (points - 1)) pairs routed) in \(Self.format(elapsed)) on \(ProcessInfo.processInfo.activeProcessorCount) cores; graph \(graph.nodeCount) nodes, \(graph.edgeCount) edges"
        )
    }

    /// matrix-ENGINE-PROFILE.csv in the folder of the network's `network.yaml`.
    func defaultOutput(network: Network) -> URL {
        let scenarioURL = URL(fileURLWithPath: scenario!).standardizedFileURL
        let networkFolder = network.folder.map { URL(fileURLWithPath: $0) } ?? scenarioURL.deletingLastPathComponent()
        return networkFolder.appendingPathComponent("matrix-\(engine.rawValue)-\(mode.rawValue).csv")
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", seconds)
    }
}
