import BundelRouting
import Foundation

extension BenchmarkRun {
    /// Whether `path` names a day problem exported by `bundel plan --export-problems` (or any
    /// VROOM JSON problem), rather than a VRPLIB or Solomon instance.
    static func isProblemJSON(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".json") && !path.lowercased().hasSuffix(".solution.json")
    }

    /// Solves a VROOM JSON problem for `seconds` with `seed` and compares its cost with the
    /// solution bundel's plan found for it (`NAME.solution.json` beside it, when there is one).
    /// The run counts as feasible when the validator accepts it and it leaves no more jobs out
    /// than the plan's solution did.
    static func solveExported(path: String, seconds: Double, seed: UInt64) throws -> BenchmarkRun {
        let vroom = try VROOMProblem.read(path: path)
        let referencePath = ReferenceSolution.path(besideProblem: path)
        let reference =
            FileManager.default.fileExists(atPath: referencePath)
            ? try ReferenceSolution.read(path: referencePath) : nil
        let parameters = SearchParameters(seed: seed, maxIterations: .max, timeLimitSeconds: seconds)
        let solution = try RoutingSolver.solve(vroom.problem, parameters: parameters)
        let violations = SolutionValidator.violations(of: solution, for: vroom.problem)
        let allowedUnserved = reference?.unassigned.count ?? 0
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return BenchmarkRun(
            instance: stem, nodes: vroom.problem.jobs.count, cost: solution.cost, reference: .plan,
            bestKnown: reference?.cost,
            gapPercent: reference.map { GapPercent.of(solution.cost, above: $0.cost) ?? 0 },
            provenOptimal: false,
            routes: solution.routes.map { $0.jobs.map { $0 == Route.reload ? $0 : vroom.jobIds[$0] } },
            seconds: solution.statistics.seconds,
            feasible: violations.isEmpty && solution.unserved.count <= allowedUnserved,
            violations: violations
                + solution.unserved.map { "job \(vroom.jobIds[$0.job]) unserved: \($0.reason.rawValue)" },
            convention: .roundedEuclidean, seed: seed, iterations: solution.statistics.iterations,
            pooledRoutes: solution.statistics.pooledRoutes,
            setPartitioningImproved: solution.statistics.setPartitioningImprovements > 0)
    }
}
