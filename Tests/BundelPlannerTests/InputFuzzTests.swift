import BundelFuzzSupport
import Foundation
import Testing

@testable import BundelPlanner

/// Fuzz tests of the scenario, network and CSV readers and of the matrix file readers: damaged
/// versions of the small network and of matrix files for it must each load into a consistent
/// scenario or matrix, or be refused with an ``InputError`` whose every problem names its file
/// (any other error fails the test), never stop the process. 300
/// inputs per reader by default (`BUNDEL_FUZZ_ITERATIONS` for long runs).
@Suite struct InputFuzzTests {
    static let iterations = FuzzRun.iterations(default: 300)

    static func seeds(_ folder: URL, _ names: [String]) throws -> [(name: String, content: [UInt8])] {
        try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    static func check(_ run: FuzzRun) {
        print(run.summary)
        #expect(run.failures.isEmpty, "\(run.failures.prefix(3).map(\.description).joined(separator: "\n"))")
        #expect(run.loaded > 0 && run.refused > 0, "\(run.summary)")
    }

    /// A loaded scenario is consistent: ids unique across locations, flows between known
    /// suppliers and sites, the scenario's hubs in the network, and a travel matrix can be made.
    static func checkScenario(_ scenario: Scenario) throws -> FuzzRun.Outcome {
        let network = scenario.network
        let ids = TravelMatrix.locations(of: network).map(\.id)
        guard Set(ids).count == ids.count else { throw FuzzViolation("location ids repeat: \(ids)") }
        let sites = Set(network.sites.map(\.id)), suppliers = Set(network.suppliers.map(\.id))
        guard
            network.flows.allSatisfy({
                sites.contains($0.site) && suppliers.contains($0.supplier) && $0.deliveriesPerWeek >= 1
            }),
            network.flows.allSatisfy({
                $0.weeklyQuantity.count == network.dimensions.count && $0.weeklyQuantity.allSatisfy(\.isFinite)
            }),
            scenario.hubs.allSatisfy({ network.hub($0) != nil }), !scenario.days.isEmpty
        else {
            throw FuzzViolation("inconsistent scenario")
        }
        let matrix = TravelMatrix(network: network, detourFactor: scenario.detourFactor)
        guard matrix.count == ids.count, matrix.metres.allSatisfy({ $0 >= 0 }) else {
            throw FuzzViolation("bad travel matrix")
        }
        return .loaded
    }

    @Test func scenarioAndNetworkFiles() throws {
        let files = ["scenario.yaml", "network.yaml", "sites.csv", "suppliers.csv", "flows.csv"]
        let run = try FuzzRun.run(
            "scenario", seeds: try Self.seeds(Fixture.folder.appendingPathComponent("small"), files),
            iterations: Self.iterations, seed: 11
        ) { folder, _ in
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
            } catch {
                return try FuzzRun.refusal(error, expected: InputError.self) { error in
                    error.problems.isEmpty
                        ? "it lists no problem"
                        : error.problems.contains { $0.file.isEmpty } ? "a problem names no file" : nil
                }
            }
            return try Self.checkScenario(scenario)
        }
        Self.check(run)
    }

    @Test func matrixFiles() throws {
        let network = try ScenarioLoader.load(path: Fixture.smallScenario).network
        let files = ["matrix-long.csv", "matrix-square.csv", "durations-square.csv", "osrm.json", "valhalla.json"]
        let run = try FuzzRun.run(
            "matrix", seeds: try Self.seeds(Fixture.folder.appendingPathComponent("fuzz-corpus/matrix"), files),
            iterations: Self.iterations, seed: 12
        ) { folder, file in
            let log = ProblemLog()
            // A damaged durations file is read beside the square distances it belongs to.
            let matrix =
                file == "durations-square.csv"
                ? TravelMatrix.load(
                    matrix: folder.appendingPathComponent("matrix-square.csv"),
                    durations: folder.appendingPathComponent(file), network: network, log: log)
                : TravelMatrix.load(matrix: folder.appendingPathComponent(file), network: network, log: log)
            guard let matrix else {
                guard !log.problems.isEmpty else { throw FuzzViolation("refused without naming a problem") }
                guard log.problems.allSatisfy({ !$0.file.isEmpty }) else {
                    throw FuzzViolation("a problem names no file: \(log.problems)")
                }
                return .refused
            }
            let size = TravelMatrix.locations(of: network).count
            guard log.problems.isEmpty, matrix.count == size, matrix.metres.count == size * size,
                matrix.metres.allSatisfy({ $0 >= 0 }),
                (0..<size).allSatisfy({ matrix.metres[$0 * size + $0] == 0 }),
                matrix.seconds.map({ $0.count == size * size && $0.allSatisfy { $0 >= 0 } }) ?? true
            else {
                throw FuzzViolation("inconsistent matrix (\(log.problems.count) problems logged)")
            }
            return .loaded
        }
        Self.check(run)
    }

    /// Every input that once stopped a reader, kept under `Fixtures/fuzz-regressions/` as a
    /// copy of the small network with the one damaged file: each must be refused with an
    /// ``InputError`` naming a file (a crash would end the test run here).
    @Test func fuzzRegressionsAreRefused() throws {
        let regressions = Fixture.folder.appendingPathComponent("fuzz-regressions")
        let cases = try FileManager.default.contentsOfDirectory(atPath: regressions.path).filter {
            !$0.hasPrefix(".") && $0 != "README.md"
        }.sorted()
        #expect(!cases.isEmpty)
        let network = try ScenarioLoader.load(path: Fixture.smallScenario).network
        for name in cases {
            let damaged = regressions.appendingPathComponent(name)
            if ["csv", "json"].contains(damaged.pathExtension) {
                // A matrix file of the small network.
                let log = ProblemLog()
                #expect(TravelMatrix.load(matrix: damaged, network: network, log: log) == nil, "\(name)")
                #expect(
                    !log.problems.isEmpty && log.problems.allSatisfy { $0.file.hasSuffix(name) },
                    "\(name): \(log.problems)")
                continue
            }
            // A folder holding the files of the small network that differ from it.
            let folder = try Fixture.copyOfSmall()
            defer { try? FileManager.default.removeItem(at: folder) }
            for file in try FileManager.default.contentsOfDirectory(atPath: damaged.path) {
                let target = folder.appendingPathComponent(file)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: damaged.appendingPathComponent(file), to: target)
            }
            let problems = Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path)
            #expect(!problems.isEmpty, "\(name)")
        }
    }
}
