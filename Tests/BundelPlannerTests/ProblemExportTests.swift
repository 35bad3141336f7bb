import BundelReports
import BundelRouting
import Foundation
import Testing

@testable import BundelPlanner

@Suite("Routing problems of a plan, exported")
struct ProblemExportTests {
    /// The small network with every flow through the hub, a counted electric hub fleet making up
    /// to three trips with a reload beside unlimited diesel vans, and the zone enforced: the
    /// exported problems then need counts, reloads and skills.
    static func planSmall(counted: Bool) throws -> PlanResult {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        if counted {
            try Fixture.edit(
                folder, "scenario.yaml", replacing: "  hub: [e-van]",
                with: "  hub: [van, {type: e-van, count: 2}]\nzone:\n  enforce: true")
            try Fixture.edit(folder, "scenario.yaml", replacing: "  default: free", with: "  default: in")
            try Fixture.edit(
                folder, "network.yaml", replacing: "    may_enter_zone: true\n",
                with: "    may_enter_zone: true\n    max_trips_per_shift: 3\n    reload_minutes: 20\n")
        }
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        return try Planner.plan(scenario, keepingProblems: true)
    }

    @Test(arguments: [false, true])
    func theExportedProblemsAreThoseBehindTheReportedRoutes(counted: Bool) throws {
        let result = try Self.planSmall(counted: counted)
        // One problem per operator and day of the reported plans, each with the routes of that
        // day (none when no vehicle may serve its jobs, as in the baseline with the zone
        // enforced); trunk legs are not routing problems.
        for plan in [result.baseline, result.bundled] {
            let routed = Set(plan.routes.filter { $0.kind != .trunk }.map { "\($0.kind)-\($0.operatedBy)-\($0.day)" })
            let problems = plan.dayProblems.map { "\($0.kind)-\($0.operatedBy)-\($0.day)" }
            let withRoutes = plan.dayProblems.filter { !$0.solution.routes.isEmpty }.map {
                "\($0.kind)-\($0.operatedBy)-\($0.day)"
            }
            #expect(Set(withRoutes) == routed && Set(problems).count == problems.count)
            #expect(plan.dayProblems.filter { $0.solution.routes.isEmpty }.allSatisfy { !$0.solution.unserved.isEmpty })
            let planCost = plan.routes.filter { $0.kind != .trunk }.map(\.costEur).reduce(0, +)
            let solved = plan.dayProblems.map(\.solution.cost).reduce(0, +)
            #expect(abs(planCost - solved) < 1e-6, "plan \(planCost), problems \(solved)")
        }
        let files = ProblemExport.files(result)
        let problems = result.baseline.dayProblems.count + result.bundled.dayProblems.count
        #expect(files.count == 2 * problems)
        #expect(Set(files.map(\.name)).count == files.count)
        #expect(files.contains { $0.name == "baseline-direct-near-1-mon.json" })
        #expect(files.contains { $0.name.hasPrefix("bundled-hub-hub-") && $0.name.hasSuffix(".solution.json") })
        if counted {
            let hubProblems = result.bundled.dayProblems.filter { $0.kind == .hubTour }
            #expect(!hubProblems.isEmpty)
            #expect(
                hubProblems.allSatisfy {
                    $0.problem.vehicleTypes.map(\.count) == [nil, 2] && $0.problem.vehicleTypes[1].maxTrips == 3
                })
            #expect(hubProblems.contains { $0.problem.jobs.contains { $0.allowedVehicleTypes == [1] } })
        }
    }

    /// Each exported problem reads back to the problem the plan solved, and the engine, given the
    /// plan's seed and iteration limit, finds the same solution again.
    @Test(arguments: [false, true])
    func eachExportedProblemReadsBackAndSolvesToThePlansSolution(counted: Bool) throws {
        let result = try Self.planSmall(counted: counted)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ProblemExport.files(result) {
            try file.content.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
        }
        let kept =
            result.baseline.dayProblems.map { ("baseline", $0) } + result.bundled.dayProblems.map { ("bundled", $0) }
        for (label, day) in kept {
            let path = folder.appendingPathComponent(ProblemExport.name(plan: label, day) + ".json").path
            let read = try VROOMProblem.read(path: path)
            #expect(read.problem.jobs == day.problem.jobs, "\(path)")
            #expect(read.problem.vehicleTypes == day.problem.vehicleTypes, "\(path)")
            #expect(read.problem.profiles.map { $0.distances } == day.problem.profiles.map { $0.distances }, "\(path)")
            #expect(read.problem.profiles.map { $0.durations } == day.problem.profiles.map { $0.durations }, "\(path)")
            // A 13 x 13 matrix for 12 stops: the depot and the problem's own sites only.
            #expect(read.problem.profiles[0].size == Set(day.problem.jobs.map(\.location)).count + 1)
            let reference = try ReferenceSolution.read(path: ReferenceSolution.path(besideProblem: path))
            #expect(reference.cost == day.solution.cost && !reference.stoppedByTimeLimit)
            var parameters = SearchParameters(
                seed: reference.seed, maxIterations: reference.maxIterations, timeLimitSeconds: 60,
                setPartitioning: false)
            parameters.stop = nil
            let again = try RoutingSolver.solve(read.problem, parameters: parameters)
            #expect(again.cost == reference.cost, "\(path)")
            #expect(again.routes.map { $0.trips } == reference.routes.map { $0.trips }, "\(path)")
        }
    }

    /// Without export, a problem that visits more than half of the network shares the network's
    /// matrix; with it, every problem has its own small one. The engine breaks ties by job, not by
    /// location, so both plans are the same; and only the asked-for plan keeps its problems.
    @Test func keepingTheProblemsChangesNothingInThePlan() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let plain = try Planner.plan(scenario)
        let kept = try Planner.plan(scenario, keepingProblems: true)
        #expect(plain.baseline.dayProblems.isEmpty && plain.bundled.dayProblems.isEmpty)
        #expect(!kept.baseline.dayProblems.isEmpty && !kept.bundled.dayProblems.isEmpty)
        #expect(plain.baseline.routes == kept.baseline.routes)
        #expect(plain.bundled.routes == kept.bundled.routes)
        #expect(plain.consolidation.rounds.map(\.routedObjective) == kept.consolidation.rounds.map(\.routedObjective))
        // Both kinds of problem occur in the small network (10 locations): a supplier's single
        // stop, and hub days of five or six sites.
        let sizes =
            kept.baseline.dayProblems.map { $0.locationIds.count }
            + kept.bundled.dayProblems.map { $0.locationIds.count }
        #expect(sizes.contains { 2 * $0 <= 10 } && sizes.contains { 2 * $0 > 10 })
    }
}
