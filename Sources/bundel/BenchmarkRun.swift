import BundelRouting
import Foundation

/// One solved benchmark instance: cost in the set's convention, gap to the best known value
/// (or, for a problem exported by `bundel plan --export-problems`, to the solution bundel's plan
/// found for it), and whether the independent validator accepts the solution.
struct BenchmarkRun: Codable, Sendable {
    /// What ``bestKnown`` is: a best-known value of a benchmark set, or the cost of the
    /// solution a plan found for an exported day problem (not a best-known value).
    enum Reference: String, Codable, Sendable {
        case bestKnown
        case plan
    }

    var instance: String
    /// Nodes of the instance (customers and depot); for an exported problem, its jobs.
    var nodes: Int
    var cost: Double
    var reference: Reference = .bestKnown
    var bestKnown: Double?
    var gapPercent: Double?
    var provenOptimal: Bool
    var routes: [[Int]]
    var vehicles: Int { routes.count }
    var seconds: Double
    var feasible: Bool
    var violations: [String]
    var convention: DistanceConvention
    var seed: UInt64
    /// Search statistics: iterations, and whether the set-partitioning model improved the best.
    var iterations: Int
    var pooledRoutes: Int
    var setPartitioningImproved: Bool

    static func solve(
        path: String, seconds: Double, seed: UInt64, bksPath: String?, vehiclesFromName: Bool = false
    ) throws -> BenchmarkRun {
        try solveReturningSolution(
            path: path, seconds: seconds, seed: seed, bksPath: bksPath, vehiclesFromName: vehiclesFromName
        ).run
    }

    /// The run, with the solution and instance behind it. With `vehiclesFromName` the fleet of a
    /// file without a VEHICLES line is limited to the `k` of its name (`E-n30-k3`: 3 vehicles),
    /// the convention under which the classic A, B, E and P optima were proven.
    static func solveReturningSolution(
        path: String, seconds: Double, seed: UInt64, bksPath: String?, vehiclesFromName: Bool = false
    ) throws
        -> (run: BenchmarkRun, solution: RoutingSolution, instance: VRPLIBInstance)
    {
        try solveReturningSolution(
            path: path, parameters: SearchParameters(seed: seed, maxIterations: .max, timeLimitSeconds: seconds),
            bksPath: bksPath, vehiclesFromName: vehiclesFromName)
    }

    /// The instance at `path`; with `vehiclesFromName` the fleet of a file without a VEHICLES
    /// line is limited to the `k` of its name (`E-n30-k3`: 3 vehicles).
    static func read(_ path: String, vehiclesFromName: Bool) throws -> VRPLIBInstance {
        let instance = try VRPLIBInstance.read(anyFormat: path)
        guard vehiclesFromName, instance.problem.vehicleTypes[0].count == nil,
            let range = instance.name.range(of: #"-k(\d+)$"#, options: .regularExpression),
            let k = Int(instance.name[range].dropFirst(2))
        else { return instance }
        return try instance.withVehicleCount(k)
    }

    /// The same with every search parameter given (`bundel solve --iterations`, `--no-set-partitioning`).
    static func solveReturningSolution(
        path: String, parameters: SearchParameters, bksPath: String?, vehiclesFromName: Bool = false
    ) throws
        -> (run: BenchmarkRun, solution: RoutingSolution, instance: VRPLIBInstance)
    {
        let instance = try read(path, vehiclesFromName: vehiclesFromName)
        let solution = try RoutingSolver.solve(instance.problem, parameters: parameters)
        let violations = SolutionValidator.violations(of: solution, for: instance.problem)
        let routes = solution.routes.map(\.jobs)
        let cost = instance.cost(of: routes)
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let entry = try bksPath.map { try BestKnownSolutions.read(path: $0) }?.entries[stem]
        let run = BenchmarkRun(
            instance: stem, nodes: instance.nodeCount, cost: cost, bestKnown: entry?.value,
            gapPercent: entry.map { GapPercent.of(cost, above: $0.value) ?? 0 },
            provenOptimal: entry?.provenOptimal ?? false, routes: routes, seconds: solution.statistics.seconds,
            feasible: violations.isEmpty && solution.unserved.isEmpty,
            violations: violations + solution.unserved.map { "job \($0.job) unserved: \($0.reason.rawValue)" },
            convention: instance.convention, seed: parameters.seed, iterations: solution.statistics.iterations,
            pooledRoutes: solution.statistics.pooledRoutes,
            setPartitioningImproved: solution.statistics.setPartitioningImprovements > 0)
        return (run, solution, instance)
    }

    static let tableHeader =
        "instance            nodes        cost         bks    gap %  routes   time s  feasible  iterations  SP"
    /// The header for exported day problems: the reference is the plan's own solution, and
    /// the gap is to it (negative: the bench found a cheaper solution than the plan).
    static let problemColumn = 34
    static let exportedTableHeader =
        "problem" + String(repeating: " ", count: problemColumn - 7)
        + "   jobs        cost    plan cost    gap %  routes   time s  feasible  iterations  SP"

    /// `text` padded with spaces to `width` columns, on the right when `left`, else on the left.
    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + padding : padding + text
    }

    var tableRow: String {
        // Exported day problems cost euros: two decimals.
        let format = reference == .plan ? "%.2f" : convention == .truncatedTenths ? "%.1f" : "%.0f"
        let costText = String(format: format, cost)
        let bksText = bestKnown.map { String(format: format, $0) } ?? "-"
        return Self.pad(instance, reference == .plan ? Self.problemColumn : 18, left: true) + Self.pad(String(nodes), 7)
            + Self.pad(costText, 12) + Self.pad(bksText, 12)
            + Self.pad(gapPercent.map { String(format: "%.2f", $0) } ?? "-", 9) + Self.pad(String(vehicles), 8)
            + Self.pad(String(format: "%.1f", seconds), 9) + Self.pad(feasible ? "yes" : "NO", 10)
            + Self.pad(String(iterations), 12)
            + Self.pad(setPartitioningImproved ? "+" : "", 4)
    }

    enum CodingKeys: String, CodingKey {
        case instance, nodes, cost, reference, bestKnown, gapPercent, provenOptimal, routes, seconds, feasible,
            violations, convention, seed,
            iterations, pooledRoutes, setPartitioningImproved
    }
}
