import BundelRoads
import Foundation
import Testing

@testable import BundelPlanner

/// The repository's central-Amsterdam scenario, planned on its committed road matrix.
@Suite("Plans on a road matrix")
struct RoadMatrixPlanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenarioPath = root.appendingPathComponent("scenarios/amsterdam-centre/micro-hub-rokin.yaml").path
    static let matrixPath = root.appendingPathComponent("networks/amsterdam-centre/matrix-osm-bicycle.csv").path
    static let extractPath = root.appendingPathComponent("../shared/data/amsterdam-centre.osm.gz").standardizedFileURL
        .path
    static let haveExtract = FileManager.default.fileExists(atPath: extractPath)

    /// The matrix file read as plain text, apart from bundel's reader: metres and seconds by
    /// "from to".
    static func fileValues() throws -> [String: (metres: Int, seconds: Int)] {
        let lines = try String(contentsOfFile: matrixPath, encoding: .utf8).split(separator: "\n").dropFirst()
        var values: [String: (Int, Int)] = [:]
        for line in lines {
            let cells = line.split(separator: ",").map(String.init)
            // Kilometres with three decimals are whole metres; minutes with four, whole seconds.
            values["\(cells[0]) \(cells[1])"] = (
                Int(cells[2].replacingOccurrences(of: ".", with: ""))!, Int((Double(cells[3])! * 60).rounded())
            )
        }
        return values
    }

    /// Every leg of both plans, direct, trunk and hub tours alike, is the file's distance, and
    /// the summary's kilometres are their sum.
    @Test func everyKilometreOfThePlanIsTheMatrixFiles() throws {
        var scenario = try ScenarioLoader.load(path: Self.scenarioPath)
        // Every flow through the micro-hub, so that trunk legs and hub tours are driven too.
        scenario.defaultParticipation = .in
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result).isEmpty)
        let values = try Self.fileValues()
        #expect(values.count == 16 * 15)
        for plan in [result.baseline, result.bundled] {
            var metres = 0
            for route in plan.routes {
                let places = [route.start] + route.stops.map(\.location) + [route.end]
                let legs = zip(places, places.dropFirst()).map { $0 == $1 ? 0 : values["\($0) \($1)"]!.metres }
                #expect(route.legMetres == legs, "\(route.operatedBy) \(route.day)")
                metres += legs.reduce(0, +)
            }
            // The summary adds kilometres route by route in floating point: equal to the metre.
            #expect(abs(plan.totals.vehicleKm - Double(metres) / 1000) < 1e-9)
            #expect(!plan.routes.isEmpty)
        }
        #expect(
            result.bundled.routes.contains { $0.kind == .hubTour }
                && result.bundled.routes.contains { $0.kind == .trunk })
        // Times come from the file too, not from the vehicles' speeds.
        let matrix = try TravelMatrix.forScenario(scenario)
        let (from, to) = ("rokin", "uva-bg5")
        #expect(matrix.seconds(from, to, speedKmh: 1) == values["\(from) \(to)"]!.seconds)
    }

    /// The committed matrix is what the road graph computes from the extract today, so its
    /// provenance in the network's README holds.
    @Test(
        .enabled(
            if: haveExtract, "../shared/data/amsterdam-centre.osm.gz is absent: the committed matrix is not recomputed")
    )
    func theCommittedMatrixIsTheRoadGraphs() throws {
        let scenario = try ScenarioLoader.load(path: Self.scenarioPath)
        let graph = try RoadGraph(extract: OSMExtract.read(path: Self.extractPath), rules: .standard(.bicycle))
        let (matrix, snapping) = try RoadMatrixSource.fromGraph(graph, network: scenario.network, maxSnapMetres: 250)
        #expect(matrix.longFormCSV() == (try String(contentsOfFile: Self.matrixPath, encoding: .utf8)))
        #expect(snapping.largest!.metres < 100)
    }

    @Test(
        .enabled(
            if: haveExtract, "../shared/data/amsterdam-centre.osm.gz is absent: snapping limits are not tested on it"))
    func locationsOutsideTheExtractAreInputErrors() throws {
        // The small test network reaches Utrecht: far outside central Amsterdam.
        let network = try ScenarioLoader.load(path: Fixture.smallScenario).network
        let graph = try RoadGraph(
            extract: OSMExtract.read(path: Self.extractPath, displayPath: "centre.osm.gz"), rules: .standard(.car))
        #expect {
            try RoadMatrixSource.fromGraph(graph, network: network, maxSnapMetres: 250)
        } throws: { error in
            let problems = (error as! InputError).problems.map(\.description)
            return problems.contains {
                $0.hasPrefix("centre.osm.gz: location 'far' (52.1, 5.07) is ")
                    && $0.hasSuffix(
                        " km from the nearest road node usable by car; the extract does not cover it (at most 250 m allowed, --max-snap)"
                    )
            }
                && !problems.contains { $0.contains("'s1'") }
        }
    }
}
