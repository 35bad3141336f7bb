import BundelTestSupport
import Foundation
import Synchronization
import Testing

@testable import BundelRoads

/// A server that answers from a script and records what it was asked.
final class ScriptedServer: HTTPTransport {
    /// Answers in order; a `nil` answer is a failed connection.
    let script: Mutex<[HTTPResponse?]>
    /// Once the script is used up, answers are computed by this closure.
    let fallback: @Sendable (HTTPRequest) -> HTTPResponse?
    let requests = Mutex<[HTTPRequest]>([])

    init(_ script: [HTTPResponse?] = [], fallback: @escaping @Sendable (HTTPRequest) -> HTTPResponse? = { _ in nil }) {
        self.script = Mutex(script)
        self.fallback = fallback
    }

    func send(_ request: HTTPRequest) throws(TransportFailure) -> HTTPResponse {
        requests.withLock { $0.append(request) }
        let scripted = script.withLock { $0.isEmpty ? nil : Optional($0.removeFirst()) }
        guard let answer = scripted ?? fallback(request) else {
            throw TransportFailure("connection refused: no server is listening there")
        }
        return answer
    }
}

@Suite("Routing engine client")
struct MatrixClientTests {
    /// Points along a line; the "engine" answers the distance between indices × 100 m.
    static let points = (0..<5).map { RoadPoint(latitude: 52.3 + Double($0) * 0.01, longitude: 4.9) }

    /// A Valhalla stand-in that computes the answer from the request: metres = 100 × |i - j|
    /// where i and j are the points' positions in ``points``, time one second per 10 m.
    static func valhallaAnswer(_ request: HTTPRequest) -> HTTPResponse {
        let body = try! JSONSerialization.jsonObject(with: request.body!) as! [String: Any]
        func indices(_ key: String) -> [Int] {
            (body[key] as! [[String: Double]]).map { point in
                points.firstIndex { abs($0.latitude - point["lat"]!) < 1e-9 }!
            }
        }
        let sources = indices("sources"), targets = indices("targets")
        let rows = sources.enumerated().map { i, s in
            targets.enumerated().map { j, t in
                ["from_index": i, "to_index": j, "distance": Double(abs(s - t)) * 0.1, "time": abs(s - t) * 10]
                    as [String: Any]
            }
        }
        let answer: [String: Any] = ["sources_to_targets": rows, "units": "kilometers"]
        return HTTPResponse(status: 200, body: try! JSONSerialization.data(withJSONObject: answer))
    }

    /// The pauses a client took, instead of taking them.
    final class Pauses: Sendable {
        let seconds = Mutex<[Double]>([])
        func withLock<T>(_ body: ([Double]) -> T) -> T { seconds.withLock { body($0) } }
    }

    func client(_ server: ScriptedServer, retries: Int = 3) -> (MatrixClient, Pauses) {
        let pauses = Pauses()
        var client = MatrixClient(
            engine: .valhalla, baseURL: URL(string: "http://127.0.0.1:8002")!, mode: .car, transport: server,
            sleep: { seconds in pauses.seconds.withLock { $0.append(seconds) } })
        client.retries = retries
        return (client, pauses)
    }

    @Test func blocksCoverTheWholeMatrix() throws {
        let server = ScriptedServer(fallback: Self.valhallaAnswer)
        var (client, _) = client(server)
        client.blockSize = 2
        var progress: [(Int, Int)] = []
        let matrix = try client.matrix(for: Self.points) { progress.append(($0, $1)) }
        // 5 points in blocks of 2: 3 x 3 requests.
        #expect(server.requests.withLock { $0.count } == 9)
        #expect(progress.last! == (9, 9))
        for i in 0..<5 {
            for j in 0..<5 {
                #expect(matrix.metres[i * 5 + j] == abs(i - j) * 100)
                #expect(matrix.seconds[i * 5 + j] == abs(i - j) * 10)
            }
        }
    }

    @Test func temporaryFailuresAreRetriedWithGrowingPauses() throws {
        let busy = HTTPResponse(status: 503, body: Data(#"{"error":"busy"}"#.utf8))
        let server = ScriptedServer([nil, busy], fallback: Self.valhallaAnswer)
        let (client, sleeps) = client(server)
        let matrix = try client.matrix(for: Array(Self.points.prefix(2)))
        #expect(matrix.metres == [0, 100, 100, 0])
        #expect(sleeps.withLock { $0 } == [0.5, 1.0])
    }

    @Test func anUnreachableServerFailsAfterItsRetries() {
        let server = ScriptedServer()
        let (client, sleeps) = client(server, retries: 2)
        #expect {
            try client.matrix(for: Self.points)
        } throws: { error in
            let error = error as! RoadsError
            return error.kind == .engine
                && error.description.hasPrefix(
                    "http://127.0.0.1:8002: cannot reach Valhalla at http://127.0.0.1:8002 (connection refused: no server is listening there) after 3 tries; start the server or correct --url"
                )
        }
        #expect(sleeps.withLock { $0 } == [0.5, 1.0])
    }

    @Test func anEngineErrorIsNotRetriedAndKeepsTheEnginesWords() {
        let refusal = HTTPResponse(
            status: 400,
            body: Data(#"{"error_code":171,"error":"No suitable edges near location","status_code":400}"#.utf8))
        let server = ScriptedServer([refusal])
        let (client, sleeps) = client(server)
        #expect {
            try client.matrix(for: Self.points)
        } throws: { error in
            (error as! RoadsError).description
                == "http://127.0.0.1:8002: Valhalla at http://127.0.0.1:8002 answered HTTP 400 for points 1-5 to 1-5: error 171: No suitable edges near location"
        }
        #expect(sleeps.withLock { $0 }.isEmpty && server.requests.withLock { $0.count } == 1)
    }

    @Test func anAnswerOfTheWrongSizeIsRefused() {
        let server = ScriptedServer([
            HTTPResponse(status: 200, body: Data(#"{"sources_to_targets":[[{"time":0,"distance":0}]]}"#.utf8))
        ])
        let (client, _) = client(server)
        #expect {
            try client.matrix(for: Array(Self.points.prefix(2)))
        } throws: { error in
            (error as! RoadsError).description.hasSuffix(
                "field 'sources_to_targets': unusable answer: has 1 rows, expected 2")
        }
    }

    /// Foundation's transport against a port where nothing listens: a clear error, quickly.
    @Test func theRealTransportReportsARefusedConnection() throws {
        // Bind a socket to a free port and close it again, so that the port is known to be closed.
        let port = try #require(LoopbackPort.unused())
        var client = MatrixClient(
            engine: .osrm, baseURL: URL(string: "http://127.0.0.1:\(port)")!, mode: .car,
            transport: URLSessionTransport(timeoutSeconds: 10), sleep: { _ in })
        client.retries = 1
        #expect {
            try client.matrix(for: Array(Self.points.prefix(2)))
        } throws: { error in
            let error = error as! RoadsError
            return error.kind == .engine && error.message.hasPrefix("cannot reach OSRM at http://127.0.0.1:\(port) (")
                && error.message.contains("after 2 tries")
        }
    }
}
