import ArgumentParser
import BundelReports
import BundelRouting
import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// The command line: exit codes per kind of failure, and no output file unless the run succeeds.
@Suite("Command line")
struct CommandLineTests {
    static let smallScenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BundelPlannerTests/Fixtures/small/scenario.yaml").path

    func exitCode(_ arguments: [String]) -> Int32 { Fixture.exitCode(arguments) }

    @Test func planWritesTheModelWhenAsked() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lp = folder.appendingPathComponent("model.lp")
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--write-lp", lp.path]) == 0)
        let text = try String(contentsOf: lp, encoding: .utf8)
        #expect(text.contains("Minimize") && text.contains("via(f0.hub)") && text.contains("hub_open("))
    }

    @Test func validateAcceptsTheFixture() {
        #expect(exitCode(["validate", Self.smallScenario]) == 0)
    }

    @Test func inputErrorsExitWith65() {
        #expect(exitCode(["validate", "/nonexistent/scenario.yaml"]) == 65)
        #expect(exitCode(["plan", "/nonexistent/scenario.yaml"]) == 65)
    }

    @Test func usageErrorsExitWith64() {
        #expect(exitCode(["plan", Self.smallScenario, "--time-limit", "-3"]) == 64)
        #expect(exitCode(["plan"]) == 64)
    }

    /// A model file under a regular file cannot be written; a missing folder is made.
    @Test func anUnwritableModelFileExitsWith73AndLeavesNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a file\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let target = folder.appendingPathComponent("notes.txt/model.lp")
        #expect(exitCode(["plan", Self.smallScenario, "--write-lp", target.path]) == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])

        let made = folder.appendingPathComponent("missing-folder/model.lp")
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--write-lp", made.path]) == 0)
        #expect(FileManager.default.fileExists(atPath: made.path))
    }

    @Test func outWritesThePlansAndTheEmissionDetailAndRefusesToOverwrite() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("detail")
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--out", out.path]) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            files == [
                "decisions.csv", "elements.csv", "flows.csv", "groups.csv", "hocs.csv", "hub-fleet.csv", "hubs.csv",
                "methodology.md", "plan.geojson", "plan.json",
                "product-group-ranking.csv", "rounds.csv", "route-sheets.csv", "routes.csv", "supplier-ranking.csv",
                "tocs.csv",
            ])
        // The names checked before planning are the names written.
        #expect(files == PlanFolder.fileNames.sorted())
        // One decision row per flow of the small network (12), each with a reason.
        let decisions = try String(contentsOf: out.appendingPathComponent("decisions.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        #expect(decisions.count == 12)
        #expect(decisions.allSatisfy { $0.contains("via hub") || $0.contains("direct") })
        let elements = try String(contentsOf: out.appendingPathComponent("elements.csv"), encoding: .utf8)
        #expect(
            elements.hasPrefix(
                "plan,element,day,operated_by,vehicle_type,km,tonne_km,energy,energy_carrier,co2e_wtw_kg"))
        #expect(elements.contains(",hub-operation,"))
        // ISO 14083 categories: the bundled plan's hub tours and its hub, each with an intensity.
        let tocs = try String(contentsOf: out.appendingPathComponent("tocs.csv"), encoding: .utf8)
        #expect(tocs.hasPrefix("plan,category,vehicle_type,energy_carrier,trips,km,tonnes,tonne_km,energy,"))
        #expect(tocs.contains("\nbundled,hub-tour,"))
        let hocs = try String(contentsOf: out.appendingPathComponent("hocs.csv"), encoding: .utf8)
        #expect(hocs.contains("\nbundled,hub,"))
        // A second run must not overwrite without --force, and writes nothing new.
        let before = try Data(contentsOf: out.appendingPathComponent("flows.csv"))
        #expect(exitCode(["plan", Self.smallScenario, "--out", out.path, "--seed", "9"]) == 73)
        #expect(try Data(contentsOf: out.appendingPathComponent("flows.csv")) == before)
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--out", out.path, "--force"]) == 0)
    }

    /// An earlier plan.json alone is enough to stop the run: nothing else appears beside it and
    /// it keeps its content; with --force every file is written.
    @Test func outRefusesAnExistingPlanJSONAndWritesNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json")
        try Data("earlier plan\n".utf8).write(to: plan)
        #expect(exitCode(["plan", Self.smallScenario, "--json", "--out", folder.path]) == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
        #expect(try String(contentsOf: plan, encoding: .utf8) == "earlier plan\n")

        #expect(exitCode(["plan", Self.smallScenario, "--json", "--out", folder.path, "--force"]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 16)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: plan)) as? [String: Any]
        #expect(object?["baseline"] is [String: Any] && object?["bundled"] is [String: Any])
        let routes = try String(contentsOf: folder.appendingPathComponent("routes.csv"), encoding: .utf8)
        #expect(
            routes.hasPrefix(
                "plan,day,kind,operator,vehicle,trip,vehicle_type,departure,return,stops,km,cost_eur,co2e_wtw_kg,co2e_ttw_kg\n"
            ))
    }

    /// `solve --iterations N` runs exactly N iterations (what benchmarks/engine-speed.sh times);
    /// a negative count is a usage error.
    @Test func solveRunsTheIterationsAsked() throws {
        let instance = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BundelRoutingTests/Fixtures/tiny-cvrp.vrp").path
        let command = try #require(
            try Bundel.parseAsRoot(["solve", instance, "--iterations", "37", "--no-set-partitioning"]) as? SolveCommand)
        #expect(command.iterations == 37 && command.noSetPartitioning)
        let parameters = SearchParameters(seed: 1, maxIterations: 37, timeLimitSeconds: 60, setPartitioning: false)
        let result = try BenchmarkRun.solveReturningSolution(path: instance, parameters: parameters, bksPath: nil)
        #expect(result.solution.statistics.iterations == 37)
        #expect(result.solution.statistics.setPartitioningRuns == 0)
        #expect(result.run.feasible)
        try command.run()
        #expect(exitCode(["solve", instance, "--iterations", "-1"]) == 64)
    }

    /// A VROOM problem whose one vehicle must reload (two seats, six jobs, three trips) is
    /// solved and printed with its trips apart: printing used to look up the reload mark as a
    /// job and crash (an exported hub-day problem of Cordaan did). `--solution` writes each
    /// trip as a CVRPLIB route.
    @Test(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
    func solvePrintsTheTripsOfAVehicleThatReloads() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let size = 7
        var rows: [String] = []
        for from in 0..<size {
            let seconds = (0..<size).map { to -> String in from == to ? "0" : String(300 + 60 * abs(from - to)) }
            rows.append("[" + seconds.joined(separator: ", ") + "]")
        }
        let jobs = (1..<size).map { index -> String in
            #"{"id": \#(index * 10), "location_index": \#(index), "delivery": [1], "service": 120}"#
        }
        let vehicle =
            #"{"id": 1, "start_index": 0, "end_index": 0, "capacity": [2], "max_trips": 3, "reload_time": 60}"#
        let matrix = #""matrices": {"car": {"durations": ["# + rows.joined(separator: ", ") + "]}}"
        let text = #"{"vehicles": ["# + vehicle + #"], "jobs": ["# + jobs.joined(separator: ", ") + "], " + matrix + "}"
        let problem = folder.appendingPathComponent("reloads.json")
        try Data(text.utf8).write(to: problem)
        let solution = folder.appendingPathComponent("reloads.sol")
        let run = try ProcessRun.run(
            BuiltExecutable.bundel!,
            ["solve", problem.path, "--iterations", "200", "--no-set-partitioning", "--solution", solution.path])
        #expect(run.status == 0, "\(run.errors)")
        let routeLines = run.output.split(separator: "\n").filter { $0.hasPrefix("Route #") }
        #expect(routeLines.count == 1)
        let trips = routeLines.first.map { $0.dropFirst("Route #1: ".count).components(separatedBy: " | ") } ?? []
        #expect(trips.count == 3 && trips.allSatisfy { $0.split(separator: " ").count == 2 }, "\(routeLines)")
        let served = trips.flatMap { $0.split(separator: " ").compactMap { Int($0) } }.sorted()
        #expect(served == [10, 20, 30, 40, 50, 60])
        let written = try String(contentsOf: solution, encoding: .utf8)
        #expect(written.split(separator: "\n").filter { $0.hasPrefix("Route #") }.count == 3)
    }

    /// `bundel bound` proves the tiny instance's optimum (two routes out and back, length 40,
    /// solved exactly) and checks it against a bks.csv: equal passes, a best-known value below
    /// the bound is a bug in the bound and ends with exit 70. `solve --bound` prints the gap.
    @Test func boundChecksTheBoundAgainstTheBestKnownValue() throws {
        let instance = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BundelRoutingTests/Fixtures/tiny-cvrp.vrp").path
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bks = folder.appendingPathComponent("bks.csv")
        let header = "instance,set,bks,optimal_known,source\n"
        try Data((header + "tiny-cvrp,test,40,yes,by hand\n").utf8).write(to: bks)
        #expect(exitCode(["bound", instance, "--bks", bks.path, "--time-limit", "10"]) == 0)
        try Data((header + "tiny-cvrp,test,39,yes,wrong on purpose\n").utf8).write(to: bks)
        #expect(exitCode(["bound", instance, "--bks", bks.path, "--time-limit", "10"]) == 70)
        // Two workers on the same instance twice: each is bounded, and the bug is still found.
        #expect(exitCode(["bound", instance, instance, "--bks", bks.path, "--time-limit", "10", "--jobs", "2"]) == 70)
        #expect(exitCode(["bound", instance, "--jobs", "0"]) == 64)

        let problem = try VRPLIBInstance.read(path: instance).problem
        let bound = try #require(try RouteLowerBound.compute(for: problem, measure: .cost, timeLimitSeconds: 10))
        #expect(bound.value == 40 && bound.method == .exact)
        #expect(
            SolveCommand.boundLine(bound, cost: 44).contains("lower bound 40.00 (exact")
                && SolveCommand.boundLine(bound, cost: 44).hasSuffix("10.00 %"))
        #expect(exitCode(["solve", instance, "--bound", "--time-limit", "1"]) == 0)
        #expect(exitCode(["solve", instance, "--bound", "--bound-time-limit", "0"]) == 64)
    }
}
