import Foundation

/// Asks a routing engine's server for the matrix between points: in square blocks so that no
/// request exceeds the server's limits (OSRM's `--max-table-size` defaults to 100 points,
/// Valhalla's `max_matrix_location_pairs` to 2,500 pairs), retrying what may be temporary.
public struct MatrixClient: Sendable {
    public let engine: RoutingEngine
    public let baseURL: URL
    public let mode: TravelMode
    /// Points per side of a block: 50 keeps both engines' default limits.
    public var blockSize = 50
    /// Further tries after a failure that may pass (no connection, timeout, HTTP 429 or 5xx).
    public var retries = 3
    /// Seconds before the first retry; each further one waits twice as long.
    public var retryDelaySeconds = 0.5
    let transport: any HTTPTransport
    let sleep: @Sendable (Double) -> Void

    public init(
        engine: RoutingEngine, baseURL: URL, mode: TravelMode, transport: any HTTPTransport,
        sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        self.engine = engine
        self.baseURL = baseURL
        self.mode = mode
        self.transport = transport
        self.sleep = sleep
    }

    /// The matrix between every ordered pair of `points`; pairs without a route stay `nil`.
    /// `progress` hears (blocks done, blocks in all) after each block.
    public func matrix(
        for points: [RoadPoint], progress: (Int, Int) -> Void = { _, _ in }
    ) throws(RoadsError) -> RoadMatrix {
        let size = points.count
        var matrix = RoadMatrix(size: size)
        guard size > 0 else { return matrix }
        let blocks = stride(from: 0, to: size, by: blockSize).map { $0..<min($0 + blockSize, size) }
        var done = 0
        for rows in blocks {
            for columns in blocks {
                let block = try fetch(
                    sources: Array(points[rows]), targets: Array(points[columns]),
                    description:
                        "points \(rows.lowerBound + 1)-\(rows.upperBound) to \(columns.lowerBound + 1)-\(columns.upperBound)"
                )
                for (i, row) in rows.enumerated() {
                    for (j, column) in columns.enumerated() {
                        matrix.metres[row * size + column] = block.metres[i * columns.count + j]
                        matrix.seconds[row * size + column] = block.seconds[i * columns.count + j]
                    }
                    if let snapped = block.sourcePoints?[i] { matrix.snapped[row] = snapped }
                }
                done += 1
                progress(done, blocks.count * blocks.count)
            }
        }
        return matrix
    }

    /// One block, with retries.
    func fetch(sources: [RoadPoint], targets: [RoadPoint], description: String) throws(RoadsError) -> MatrixBlock {
        let request = engine.request(base: baseURL, mode: mode, sources: sources, targets: targets)
        let server = "\(engine.displayName) at \(baseURL.absoluteString)"
        var delay = retryDelaySeconds
        var attempt = 0
        while true {
            attempt += 1
            let lastTry = attempt > retries
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch {
                if lastTry {
                    throw RoadsError(
                        .engine, baseURL.absoluteString,
                        "cannot reach \(server) (\(error.message)) after \(attempt) tries; start the server or correct --url\(engine == .valhalla ? " (valhalla_service CONFIG.json 1 serves on the config's httpd.service.listen)" : " (osrm-routed serves on port 5000)")"
                    )
                }
                sleep(delay)
                delay *= 2
                continue
            }
            let temporary = response.status == 429 || (500...599).contains(response.status)
            if temporary, !lastTry {
                sleep(delay)
                delay *= 2
                continue
            }
            let object: [String: Any]
            do { object = try JSONValue.object(response.body, file: server) } catch {
                throw RoadsError(
                    .engine, baseURL.absoluteString,
                    "\(server) answered HTTP \(response.status) for \(description) with something that is not JSON: \(String(decoding: response.body.prefix(200), as: UTF8.self))"
                )
            }
            guard response.status == 200 else {
                let message = object["error"] as? String ?? object["message"] as? String ?? "no message"
                let code = object["error_code"].map { " \($0)" } ?? (object["code"] as? String).map { " \($0)" } ?? ""
                throw RoadsError(
                    .engine, baseURL.absoluteString,
                    "\(server) answered HTTP \(response.status) for \(description): error\(code): \(message)\(temporary ? " (after \(attempt) tries)" : "")"
                )
            }
            do {
                return try engine.parse(
                    object, rows: sources.count, columns: targets.count, file: "\(server), \(description)")
            } catch {
                throw RoadsError(.engine, error.source, field: error.field, "unusable answer: \(error.message)")
            }
        }
    }
}
