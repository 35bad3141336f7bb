import ArgumentParser
import BundelRouting
import Foundation

/// `bundel solve`: one routing problem with the routing engine.
struct SolveCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a routing problem: VRPLIB (.vrp, CVRP/CVRPTW), Solomon (.txt) or VROOM JSON (.json).",
        discussion:
            "Prints the cost, the routes (a vehicle's trips separated by \"|\") and, for benchmark instances, the gap to the best-known value."
    )

    @Argument(help: "The problem file.")
    var instance: String

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds to search.", valueName: "seconds"))
    var timeLimit: Double = 10

    @Option(help: "Seed of the search.")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Stop after this many ruin-and-recreate iterations (the time limit still applies); the annealing then cools by iterations, not by the clock, so the same seed and count repeat the same search.",
            valueName: "n"))
    var iterations: Int?

    @Flag(
        name: .customLong("no-set-partitioning"),
        help: "Skip the final set-partitioning step (GLPK) over the pooled routes.")
    var noSetPartitioning = false

    @Option(help: ArgumentHelp("Write the routes in CVRPLIB .sol form to this file.", valueName: "file"))
    var solution: String?

    @Option(
        help: ArgumentHelp("A bks.csv with best-known values (default: found beside the instance).", valueName: "file"))
    var bks: String?

    @Flag(help: "Print the solution as JSON (routes with stops and times, unserved jobs, statistics).")
    var json = false

    @Flag(
        help:
            "Also prove a lower bound on the cost of any solution (GLPK: capacity-cut relaxation, exact for small problems) and print the solution's gap to it."
    )
    var bound = false

    @Option(
        name: .customLong("bound-time-limit"),
        help: ArgumentHelp("Seconds for the lower bound (default: the search's time limit).", valueName: "seconds"))
    var boundTimeLimit: Double?

    func validate() throws {
        if !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0")
        }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must be 0 or more") }
        if let boundTimeLimit, !(boundTimeLimit.isFinite && boundTimeLimit > 0) {
            throw ValidationError("--bound-time-limit must be a number of seconds greater than 0")
        }
    }

    func execute() throws {
        let parameters = SearchParameters(
            seed: seed, maxIterations: iterations ?? .max, timeLimitSeconds: timeLimit,
            setPartitioning: !noSetPartitioning)
        let problem: RoutingProblem, solved: RoutingSolution, jobId: (Int) -> Int
        var summary: [String] = []
        var convention = DistanceConvention.roundedEuclidean
        if instance.lowercased().hasSuffix(".json") {
            let vroom = try VROOMProblem.read(path: instance)
            problem = vroom.problem
            solved = try RoutingSolver.solve(problem, parameters: parameters)
            jobId = { vroom.jobIds[$0] }
            summary = [
                "cost \(solved.cost), \(solved.routes.count) routes, \(solved.unserved.count) unserved, \(String(format: "%.1f", solved.statistics.seconds)) s"
            ]
        } else {
            let result = try BenchmarkRun.solveReturningSolution(
                path: instance, parameters: parameters,
                bksPath: bks ?? BestKnownSolutions.find(near: instance))
            problem = result.instance.problem
            solved = result.solution
            convention = result.instance.convention
            jobId = { $0 + 1 }
            summary = [BenchmarkRun.tableHeader, result.run.tableRow]
        }
        let violations = SolutionValidator.violations(of: solved, for: problem)
        guard violations.isEmpty else {
            printError("internal error: the solution breaks constraints:\n" + violations.joined(separator: "\n"))
            throw ExitCodes.internalError
        }
        // A vehicle that reloads at its depot drives several trips; reload marks are no jobs.
        let trips = solved.routes.map { $0.trips.map { $0.map(jobId) } }
        var lowerBound: RouteLowerBound?
        if bound {
            let served = solved.routes.flatMap(\.servedJobs).sorted()
            lowerBound = try RouteLowerBound.compute(
                for: problem, serving: served, measure: .cost,
                timeLimitSeconds: boundTimeLimit ?? timeLimit)
            summary.append(Self.boundLine(lowerBound, cost: solved.cost))
        }
        if let solution {
            // The engine's cost of a benchmark instance is its length in the set's units. Each
            // trip is a route of its own there: the format knows no reloads.
            let text = CVRPLIBSolution(routes: trips.joined().map { $0.map { $0 - 1 } }, cost: solved.cost).text(
                convention: convention)
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: solution), options: .atomic) } catch {
                throw OutputError(description: "cannot write \(solution): \(error.localizedDescription)")
            }
        }
        if json {
            var output = SolutionJSON(solved, problem: problem, jobId: jobId)
            output.lowerBound = lowerBound.map { SolutionJSON.LowerBoundEntry($0, cost: solved.cost) }
            FileHandle.standardOutput.write(try output.encoded())
            for line in summary { printError(line) }
        } else {
            for line in summary { print(line) }
            for (index, route) in trips.enumerated() {
                let text = route.map { $0.map(String.init).joined(separator: " ") }.joined(separator: " | ")
                print("Route #\(index + 1): " + text)
            }
            for unserved in solved.unserved {
                print("unserved: job \(jobId(unserved.job)) (\(unserved.reason.rawValue))")
            }
        }
    }

    /// The summary line of a lower bound: its value, how it was proven, and the gap to it.
    static func boundLine(_ bound: RouteLowerBound?, cost: Double) -> String {
        guard let bound else { return "lower bound: none (the relaxation could not be built or solved in time)" }
        let gap = GapPercent.of(cost, above: bound.value).map { String(format: "%.2f %%", $0) } ?? "-"
        let how =
            bound.method == .linearRelaxation && !bound.complete
            ? "linear relaxation, cut search stopped by its limit" : bound.method.rawValue
        return String(
            format: "lower bound %.2f (%@, %d cuts, %.1f s); gap of the solution to it %@", bound.value, how,
            bound.cuts, bound.seconds, gap)
    }
}
