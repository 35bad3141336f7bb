import BundelRouting
import Foundation
import Testing

/// The public benchmark sets live beside the checkout, in ../shared/benchmarks.
private let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/benchmarks").standardizedFileURL
private let haveBenchmarks = FileManager.default.fileExists(atPath: benchmarks.appendingPathComponent("bks.csv").path)

@Suite("Lower bounds on routing problems")
struct RouteLowerBoundTests {
    /// The shortest total length of routes from the depot (location 0) serving every job of a
    /// single-type capacitated problem, by enumeration: the best tour of each subset (Held and
    /// Karp), then the best partition of all jobs into subsets that fit the vehicle.
    static func bruteForceOptimum(_ problem: RoutingProblem) -> Int {
        let n = problem.jobs.count, travel = problem.profiles[0], capacity = problem.vehicleTypes[0].capacity[0]
        let full = 1 << n
        var tour = [Int](repeating: Int.max, count: full)
        // best[mask][last]: shortest path from the depot through `mask`, ending at job `last`.
        var best = [[Int]](repeating: [Int](repeating: Int.max / 2, count: n), count: full)
        for job in 0..<n { best[1 << job][job] = travel.distance(0, problem.jobs[job].location) }
        for mask in 1..<full {
            for last in 0..<n where mask & (1 << last) != 0 && best[mask][last] < Int.max / 2 {
                for next in 0..<n where mask & (1 << next) == 0 {
                    let length =
                        best[mask][last] + travel.distance(problem.jobs[last].location, problem.jobs[next].location)
                    best[mask | (1 << next)][next] = min(best[mask | (1 << next)][next], length)
                }
            }
            let load = (0..<n).filter { mask & (1 << $0) != 0 }.reduce(0.0) { $0 + problem.jobs[$1].demand[0] }
            guard load <= capacity else { continue }
            tour[mask] = (0..<n).filter { mask & (1 << $0) != 0 }
                .map { best[mask][$0] + travel.distance(problem.jobs[$0].location, 0) }.min()!
        }
        var partition = [Int](repeating: Int.max, count: full)
        partition[0] = 0
        for mask in 1..<full {
            let lowest = mask & -mask
            var subset = mask
            while subset > 0 {
                if subset & lowest != 0, tour[subset] < Int.max, partition[mask ^ subset] < Int.max {
                    partition[mask] = min(partition[mask], tour[subset] + partition[mask ^ subset])
                }
                subset = (subset - 1) & mask
            }
        }
        return partition[full - 1]
    }

    /// Small random capacitated problems: branch and cut with exact separation of integer
    /// solutions must reach the enumerated optimum, neither more (invalid) nor less (weak).
    @Test(arguments: 1...8)
    func theExactBoundEqualsTheBruteForceOptimum(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let count = 5 + Int(seed % 4)
        let points = (0..<count).map { _ in
            (Double.random(in: 0...10_000, using: &random), Double.random(in: 0...10_000, using: &random))
        }
        let demands = (0..<count).map { _ in [Double(Int.random(in: 1...10, using: &random))] }
        let van = VehicleType(name: "van", capacity: [15], costPerKilometre: 1)
        let problem = try TestInstances.euclidean(depot: (5_000, 5_000), points: points, demands: demands, types: [van])
        let bound = try #require(try RouteLowerBound.compute(for: problem, measure: .distance, timeLimitSeconds: 60))
        #expect(bound.method == .exact)
        #expect(bound.value == Double(Self.bruteForceOptimum(problem)), "seed \(seed): bound \(bound.value)")
    }

    /// With windows, two vehicle types, route limits and access rules left out of the
    /// relaxation, the bound must still stay below what the engine's feasible routes cost and drive.
    @Test(arguments: [(UInt64(1), 10), (2, 25), (3, 40)])
    func theBoundNeverExceedsAFeasibleSolution(seed: UInt64, jobs: Int) throws {
        let problem = try TestInstances.random(seed: seed, jobs: jobs)
        let solution = try RoutingSolver.solve(
            problem, parameters: SearchParameters(seed: seed, maxIterations: 2_000, timeLimitSeconds: 60))
        let served = solution.routes.flatMap(\.servedJobs).sorted()
        let cost = try #require(
            try RouteLowerBound.compute(for: problem, serving: served, measure: .cost, timeLimitSeconds: 30))
        let distance = try #require(
            try RouteLowerBound.compute(for: problem, serving: served, measure: .distance, timeLimitSeconds: 30))
        #expect(
            cost.value > 0 && cost.value <= solution.cost + 1e-6, "cost bound \(cost.value), solution \(solution.cost)")
        #expect(
            distance.value > 0 && distance.value <= Double(solution.distanceMetres),
            "distance bound \(distance.value), solution \(solution.distanceMetres)")
    }

    /// A depot 100 km from six sites whose windows close four hours into the shift, each stop an
    /// hour: capacity allows one vehicle, but a vehicle reaches the sites after 10,000 s and can
    /// work there until 18,000 s at most (the window's close plus the service), so the six
    /// hours of work need at least three vehicles, six legs of 100 km to and from the depot.
    @Test func windowsThatCloseEarlyCountTheVehiclesFromADistantDepot() throws {
        let points = (0..<6).map { (100_000 + Double($0) * 100, 0.0) }
        let van = VehicleType(
            name: "van", capacity: [100], costPerKilometre: 1, shift: TimeWindow(earliest: 0, latest: 12 * 3600))
        let problem = try TestInstances.euclidean(
            depot: (0, 0), points: points, demands: Array(repeating: [1], count: 6),
            windows: Array(repeating: TimeWindow(earliest: 0, latest: 4 * 3600), count: 6),
            service: 3600, types: [van])
        let bound = try #require(try RouteLowerBound.compute(for: problem, measure: .distance, timeLimitSeconds: 30))
        #expect(bound.value >= 6 * 100_000)
        let solution = try RoutingSolver.solve(
            problem, parameters: SearchParameters(seed: 1, maxIterations: 500, timeLimitSeconds: 30))
        #expect(solution.unserved.isEmpty && bound.value <= Double(solution.distanceMetres))
        #expect(solution.routes.count >= 3)
    }

    /// Every instance of the shared A, B, E and P sets with a proven optimum (under their
    /// convention: at most the k vehicles of the name), the X instances of up to 200 customers
    /// and all of Solomon's: the bound never exceeds the optimum or the best-known value. Eight
    /// rounds of cuts only (the test's time goes to the debug build's separation): a bound cut
    /// short is weaker, never invalid, and validity is what this checks; `bundel bound` measures
    /// how close the full loop comes (README).
    @Test(
        .enabled(if: haveBenchmarks, "../shared/benchmarks is absent: the benchmark bound test is skipped"),
        arguments: ["cvrp/A", "cvrp/B", "cvrp/E", "cvrp/P", "cvrp/X", "vrptw/solomon"])
    func theBoundNeverExceedsTheBestKnownValue(folder: String) throws {
        let known = try BestKnownSolutions.read(path: benchmarks.appendingPathComponent("bks.csv").path).entries
        let directory = benchmarks.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".vrp") }
            .sorted()
        var checked = 0
        for name in names {
            let stem = String(name.dropLast(4))
            guard let entry = known[stem] else { continue }
            var instance = try VRPLIBInstance.read(path: directory.appendingPathComponent(name).path)
            if folder == "cvrp/X" && instance.nodeCount > 201 { continue }
            if !folder.hasSuffix("X") && folder.hasPrefix("cvrp") {
                guard entry.provenOptimal else { continue }
                if let range = stem.range(of: #"-k(\d+)$"#, options: .regularExpression),
                    let k = Int(stem[range].dropFirst(2))
                {
                    instance = try instance.withVehicleCount(k)
                }
            }
            let bound = try #require(
                try RouteLowerBound.compute(for: instance.problem, measure: .cost, timeLimitSeconds: 60, maxRounds: 8),
                "\(stem)")
            #expect(
                bound.value <= entry.value + 1e-6 * entry.value, "\(stem): bound \(bound.value) above \(entry.value)")
            // Even the first relaxation, before any cut, reaches well over a third of the optimum.
            #expect(
                bound.value > 0.35 * entry.value,
                "\(stem): bound \(bound.value) is implausibly weak against \(entry.value)")
            checked += 1
        }
        #expect(checked >= 10, "\(folder): only \(checked) instances with a best-known value")
    }
}
