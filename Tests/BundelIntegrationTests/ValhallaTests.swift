import ArgumentParser
import BundelRoads
import BundelRouting
import Foundation
import Testing

@testable import BundelPlanner
@testable import bundel

/// bundel against a real Valhalla serving the central-Amsterdam extract: the client, the
/// command, the engine's answers as matrix files, and the offline road graph's agreement.
@Suite("Valhalla on the Amsterdam extract", .serialized)
struct ValhallaTests {
    static let centreScenario = ValhallaServer.root.appendingPathComponent(
        "scenarios/amsterdam-centre/micro-hub-rokin.yaml"
    ).path

    /// How far the offline graph's distances may lie from Valhalla's, relative to Valhalla's,
    /// over the sampled pairs: at the median and the 90th percentile. Single pairs differ more:
    /// Valhalla may join a point to another street a few metres away (at a junction, the
    /// cross street instead of a one-way street that needs a loop), respects the extract's four
    /// turn restrictions and picks its fastest routes by its own speeds.
    static let medianTolerance = 0.01
    static let percentile90Tolerance = 0.05

    @Test(
        .enabled(
            if: ValhallaServer.unavailableReason == nil,
            "Valhalla cannot run here: \(ValhallaServer.unavailableReason ?? "")"))
    func bundelAgainstValhalla() throws {
        let server = try ValhallaServer()
        defer { server.stop() }
        report(
            "Valhalla: tiles of the extract built in \(String(format: "%.2f", server.tileSeconds)) s, serving on \(server.url)"
        )
        try offlineGraphAgreesWithValhalla(server)
        try matrixCommandFetchesAScenarioThatPlansOnIt(server)
    }

    /// Distances between random points of a travel mode's network, by the offline graph and by
    /// Valhalla from the same coordinates: the number of pairs and the median and 90th
    /// percentile of their relative difference.
    func agreement(_ mode: TravelMode, _ server: ValhallaServer) throws -> (pairs: Int, median: Double, p90: Double) {
        let graph = try RoadGraph(extract: OSMExtract.read(path: ValhallaServer.extract), rules: .standard(mode))
        var generator = SeededGenerator(seed: 2026)
        let nodes = Array(graph.routableNodeList.shuffled(using: &generator).prefix(30))
        let offline = graph.fastestRoutes(between: nodes)
        let client = MatrixClient(
            engine: .valhalla, baseURL: server.url, mode: mode, transport: URLSessionTransport(timeoutSeconds: 60))
        let valhalla = try client.matrix(for: nodes.map(graph.point))
        var differences: [Double] = [], timeRatios: [Double] = []
        var valhallaMissing = 0
        for i in nodes.indices {
            for j in nodes.indices where i != j {
                let index = i * nodes.count + j
                let ours = try #require(
                    offline.metres[index], "the offline graph routes every pair of its largest component")
                guard let theirs = valhalla.metres[index], theirs > 0 else {
                    valhallaMissing += 1
                    continue
                }
                differences.append(abs(Double(ours - theirs)) / Double(theirs))
                timeRatios.append(Double(offline.seconds[index]!) / Double(valhalla.seconds[index]!))
            }
        }
        differences.sort()
        timeRatios.sort()
        let median = DetourCalibration.quantile(differences, 0.5), p90 = DetourCalibration.quantile(differences, 0.9)
        report(
            String(
                format:
                    "offline graph vs Valhalla, %@: %d pairs of %d road points (%d without a Valhalla route); distance difference median %.2f %%, 90th percentile %.2f %%, largest %.0f %%; %d pairs within 1 %%; offline/Valhalla time median %.2f, 10th-90th percentile %.2f-%.2f",
                mode.rawValue, differences.count, nodes.count, valhallaMissing, median * 100, p90 * 100,
                differences.last! * 100,
                differences.filter { $0 <= 0.01 }.count, DetourCalibration.quantile(timeRatios, 0.5),
                DetourCalibration.quantile(timeRatios, 0.1), DetourCalibration.quantile(timeRatios, 0.9)))
        // Valhalla placed every point where the graph's node is.
        for (i, node) in nodes.enumerated() {
            #expect(valhalla.snapped[i].map { $0.metres(to: graph.point(node)) } ?? 0 < 15)
        }
        return (differences.count, median, p90)
    }

    /// The offline car graph agrees with Valhalla's car costing within the stated tolerance;
    /// the bicycle graph's figures are reported beside it.
    func offlineGraphAgreesWithValhalla(_ server: ValhallaServer) throws {
        let car = try agreement(.car, server)
        #expect(car.pairs >= 100)
        #expect(car.median <= Self.medianTolerance)
        #expect(car.p90 <= Self.percentile90Tolerance)
        let bicycle = try agreement(.bicycle, server)
        #expect(bicycle.pairs >= 100)
    }

    /// `bundel matrix --engine valhalla` for the central network, in blocks, then a plan on the
    /// file it wrote; a raw Valhalla answer saved as JSON gives the same matrix.
    func matrixCommandFetchesAScenarioThatPlansOnIt(_ server: ValhallaServer) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bundel-valhalla-matrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("matrix-valhalla-bicycle.csv")
        // Blocks of 5 locations: 16 requests for the 16 locations, by Valhalla's bicycle costing
        // as the network's cargo bikes ride.
        var command = try Bundel.parseAsRoot([
            "matrix", Self.centreScenario, "--engine", "valhalla", "--url", server.url.absoluteString,
            "--profile", "bicycle", "--block-size", "5", "--out", out.path,
        ])
        try command.run()

        var scenario = try ScenarioLoader.load(path: Self.centreScenario)
        scenario.matrixFile = out.path
        let matrix = try TravelMatrix.forScenario(scenario)
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result).isEmpty)
        for route in result.baseline.routes + result.bundled.routes {
            let places = [route.start] + route.stops.map(\.location) + [route.end]
            #expect(route.legMetres == zip(places, places.dropFirst()).map { matrix.metres($0, $1) })
        }

        // One request for all locations, its answer saved as Valhalla wrote it.
        let points = TravelMatrix.roadPoints(of: scenario.network)
        let body: [String: Any] = [
            "sources": points.map { ["lat": $0.latitude, "lon": $0.longitude] },
            "targets": points.map { ["lat": $0.latitude, "lon": $0.longitude] }, "costing": "bicycle",
        ]
        let answer = try URLSessionTransport(timeoutSeconds: 60).send(
            HTTPRequest(
                url: server.url.appendingPathComponent("sources_to_targets"), method: "POST",
                body: JSONSerialization.data(withJSONObject: body)))
        #expect(answer.status == 200)
        let json = folder.appendingPathComponent("answer.json")
        try answer.body.write(to: json)
        scenario.matrixFile = json.path
        let fromJSON = try TravelMatrix.forScenario(scenario)
        // The same request through the command, in one block, gives the same numbers.
        let whole = folder.appendingPathComponent("matrix-whole.csv")
        var single = try Bundel.parseAsRoot([
            "matrix", Self.centreScenario, "--engine", "valhalla", "--url", server.url.absoluteString,
            "--profile", "bicycle", "--out", whole.path,
        ])
        try single.run()
        scenario.matrixFile = whole.path
        let inOneBlock = try TravelMatrix.forScenario(scenario)
        #expect(fromJSON.metres == inOneBlock.metres && fromJSON.seconds == inOneBlock.seconds)
        // Valhalla's many-to-many search (CostMatrix) may end differently when asked in blocks.
        let changed = (0..<matrix.metres.count).filter { matrix.metres[$0] != inOneBlock.metres[$0] }
        let largest =
            changed.map {
                abs(Double(matrix.metres[$0] - inOneBlock.metres[$0])) / Double(max(inOneBlock.metres[$0], 1))
            }.max() ?? 0
        report(
            String(
                format: "Valhalla in blocks of 5 against one request: %d of 240 distances differ, by at most %.1f %%",
                changed.count, largest * 100))

        // The committed offline matrix beside Valhalla's, for the record: here the locations are
        // buildings, which the two join to the streets differently (node against edge).
        let offline = try TravelMatrix.forScenario(try ScenarioLoader.load(path: Self.centreScenario))
        let fit = try #require(
            DetourCalibration.fit(DetourCalibration.samples(matrix: matrix, network: scenario.network)))
        let offlineFit = try #require(
            DetourCalibration.fit(DetourCalibration.samples(matrix: offline, network: scenario.network)))
        let differences = (0..<matrix.count * matrix.count).filter { $0 / matrix.count != $0 % matrix.count }
            .map { abs(Double(offline.metres[$0] - matrix.metres[$0])) / Double(max(matrix.metres[$0], 1)) }.sorted()
        report(
            String(
                format:
                    "central network by bicycle (16 locations, 240 pairs): offline vs Valhalla distance difference median %.1f %%, 90th percentile %.1f %%; detour factor %.3f (Valhalla) and %.3f (offline), speed %.1f and %.1f km/h",
                DetourCalibration.quantile(differences, 0.5) * 100, DetourCalibration.quantile(differences, 0.9) * 100,
                fit.detourFactor, offlineFit.detourFactor, fit.speedKmh ?? .nan, offlineFit.speedKmh ?? .nan))
    }
}

/// Figures for the log, on standard error, which is not buffered: they are the measurement.
func report(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
