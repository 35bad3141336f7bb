import Testing

@testable import BundelRouting

@Suite("Routing solver")
struct RoutingSolverTests {
    /// Seven jobs, capacity 3 units: the optimum is proven by enumerating every partition of
    /// the jobs into routes and every order within each route.
    @Test func findsTheBruteForceOptimumOnATinyInstance() throws {
        let points: [(Double, Double)] = [
            (0, 1000), (300, 1200), (1000, 0), (1100, 400), (-900, -200), (-1000, 300), (0, -1200),
        ]
        let demands: [[Double]] = [[1], [2], [1], [1], [2], [1], [1]]
        let van = VehicleType(name: "van", capacity: [3], fixedCost: 100, costPerKilometre: 1)
        let problem = try TestInstances.euclidean(depot: (0, 0), points: points, demands: demands, types: [van])

        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(seed: 3, maxIterations: 300))

        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        let optimum = bruteForceOptimum(problem, type: van)
        #expect(abs(solution.cost - optimum) < 1e-9, "solver \(solution.cost), optimum \(optimum)")
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func solutionsOfRandomInstancesPassTheValidator(seed: UInt64) throws {
        let problem = try TestInstances.random(seed: seed, jobs: 60)
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(seed: seed, maxIterations: 50))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        #expect(solution.cost <= solution.statistics.initialCost + 1e-9)
        #expect(solution.unserved.isEmpty)
    }

    /// The kept-list selection of a job's nearest neighbours gives the first of all jobs sorted
    /// by distance and index, ties included (distances from a small range repeat often).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func nearestNeighboursAreTheFirstOfAllSorted(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let distances = (0..<300).map { _ in Int.random(in: 0...40, using: &random) }
        for count in [1, 5, 100, 299] {
            let sorted = distances.indices.filter { $0 != 17 }.sorted { (distances[$0], $0) < (distances[$1], $1) }
            #expect(
                SearchData.nearest(count, of: 17, among: distances.count) { distances[$0] }
                    == Array(sorted.prefix(count)))
        }
    }

    /// Above ``SavingsConstruction/allPairsUpTo`` jobs the savings start pairs each job with its
    /// nearest neighbours only; the first solution still serves every job and passes the
    /// validator, and savings merged it into far fewer routes than jobs.
    @Test func savingsOnNeighboursAboveTheAllPairsLimit() throws {
        let count = SavingsConstruction.allPairsUpTo + 200
        var random = SeededGenerator(seed: 5)
        let points = (0..<count).map { _ in
            (Double.random(in: 0...20_000, using: &random), Double.random(in: 0...20_000, using: &random))
        }
        let van = VehicleType(
            name: "van", capacity: [1000], fixedCost: 50, costPerKilometre: 0.3, costPerHour: 30,
            shift: TimeWindow(earliest: 0, latest: 12 * 3600))
        let problem = try TestInstances.euclidean(
            depot: (10_000, 10_000), points: points, demands: points.map { _ in [40] },
            service: 120, types: [van])
        let solution = try RoutingSolver.solve(
            problem, parameters: SearchParameters(seed: 1, maxIterations: 1, setPartitioning: false))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        #expect(solution.unserved.isEmpty)
        #expect(solution.routes.count < count / 10, "\(solution.routes.count) routes for \(count) jobs")
    }

    @Test func sameSeedSamePlan() throws {
        let problem = try TestInstances.random(seed: 11, jobs: 50)
        let parameters = SearchParameters(seed: 7, maxIterations: 40, timeLimitSeconds: 600)
        let first = try RoutingSolver.solve(problem, parameters: parameters)
        let second = try RoutingSolver.solve(problem, parameters: parameters)
        #expect(first.routes == second.routes)
    }

    @Test func jobsThatNoVehicleCanServeAreReportedWithTheirReason() throws {
        let van = VehicleType(
            name: "van", capacity: [100], shift: TimeWindow(earliest: 0, latest: 3600), maxDistanceMetres: 30_000)
        let points: [(Double, Double)] = [(1000, 0), (2000, 0), (0, 5000), (16_000, 0), (0, 200)]
        let demands: [[Double]] = [[10], [500], [10], [10], [10]]
        let windows = [TimeWindow.always, .always, TimeWindow(earliest: 0, latest: 100), .always, .always]
        let allowed: [Set<Int>?] = [nil, nil, nil, nil, []]
        let problem = try TestInstances.euclidean(
            depot: (0, 0), points: points, demands: demands, windows: windows,
            types: [van], allowed: allowed)
        let solution = try RoutingSolver.solve(problem)

        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        let reasons = Dictionary(uniqueKeysWithValues: solution.unserved.map { ($0.job, $0.reason) })
        #expect(reasons == [1: .noVehicleLargeEnough, 2: .windowUnreachable, 3: .tooFar, 4: .noAllowedVehicle])
    }

    @Test func validatorCatchesTamperedSolutions() throws {
        let problem = try TestInstances.random(seed: 21, jobs: 20)
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(maxIterations: 5))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])

        var shorter = solution
        shorter.routes[0].distanceMetres -= 1
        #expect(SolutionValidator.violations(of: shorter, for: problem).contains { $0.contains("legs sum to") })

        var duplicated = solution
        duplicated.routes[0].jobs.append(solution.routes[0].jobs[0])
        #expect(SolutionValidator.violations(of: duplicated, for: problem).contains { $0.contains("appears 2 times") })

        var dropped = solution
        dropped.routes[0].jobs.removeLast()
        #expect(SolutionValidator.violations(of: dropped, for: problem).contains { $0.contains("appears 0 times") })

        var early = solution
        early.routes[0].departure = -1
        #expect(!SolutionValidator.violations(of: early, for: problem).isEmpty)
    }

    /// The cheapest way to serve all jobs: every set partition, each block in its best order.
    private func bruteForceOptimum(_ problem: RoutingProblem, type: VehicleType) -> Double {
        let jobs = Array(problem.jobs.indices)
        func routeCost(_ block: [Int]) -> Double {
            let load = block.map { problem.jobs[$0].demand[0] }.reduce(0, +)
            guard load <= type.capacity[0] else { return .infinity }
            var best = Double.infinity
            for order in permutations(block) {
                let stops = [0] + order.map { problem.jobs[$0].location } + [0]
                let metres = zip(stops, stops.dropFirst()).map { problem.profiles[0].distance($0.0, $0.1) }.reduce(0, +)
                best = min(best, type.cost(distanceMetres: metres, durationSeconds: 0))
            }
            return best
        }
        var best = Double.infinity
        for partition in partitions(jobs) {
            best = min(best, partition.map(routeCost).reduce(0, +))
        }
        return best
    }

    private func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[Int]] in
            var rest = items
            let head = rest.remove(at: index)
            return permutations(rest).map { [head] + $0 }
        }
    }

    private func partitions(_ items: [Int]) -> [[[Int]]] {
        guard let first = items.first else { return [[]] }
        return partitions(Array(items.dropFirst())).flatMap { partition -> [[[Int]]] in
            var options = [[[first]] + partition]
            for index in partition.indices {
                var joined = partition
                joined[index].insert(first, at: 0)
                options.append(joined)
            }
            return options
        }
    }
}
