import Testing

@testable import BundelRouting

/// The O(1) insertion check of the search must agree with a full re-evaluation of the route.
@Suite("Insertion evaluation")
struct InsertionTests {
    /// Random instances with windows, service times, hourly costs, a maximum duration (vans), a
    /// maximum distance and a maximum driving time (bikes): for every route of a solution, every
    /// job not on it and every position, the predicted feasibility and cost change equal those
    /// of the route priced anew.
    @Test(arguments: [3, 8, 13] as [UInt64])
    func predictedInsertionsMatchRecomputation(seed: UInt64) throws {
        var problem = try TestInstances.random(seed: seed, jobs: 40)
        var types = problem.vehicleTypes
        types[0].maxDurationSeconds = 5 * 3600
        types[1].maxTravelSeconds = 3600
        problem = try RoutingProblem(profiles: problem.profiles, jobs: problem.jobs, vehicleTypes: types)
        let data = SearchData(problem: problem, adjacencySize: 10)
        #expect(!data.distanceOnly)
        try Self.expectPredictionsMatchRecomputation(problem, seed: seed)
    }

    /// Without windows, hourly costs or limits (CVRP) an insertion is priced by its detour
    /// alone: the same feasibility and cost change as the route priced anew.
    @Test(arguments: [4, 9] as [UInt64])
    func detourPricingMatchesRecomputation(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let points = (0..<40).map { _ in
            (Double.random(in: 0...20_000, using: &random), Double.random(in: 0...20_000, using: &random))
        }
        let van = VehicleType(name: "van", capacity: [100], fixedCost: 30, costPerKilometre: 0.7)
        let problem = try TestInstances.euclidean(
            depot: (10_000, 10_000), points: points,
            demands: points.map { _ in [Double(Int.random(in: 2...15, using: &random))] }, types: [van])
        #expect(SearchData(problem: problem, adjacencySize: 10).distanceOnly)
        try Self.expectPredictionsMatchRecomputation(problem, seed: seed)
    }

    /// For every route of a short search's solution, every job not on it and every position:
    /// the predicted feasibility and cost change equal those of the route priced anew.
    static func expectPredictionsMatchRecomputation(_ problem: RoutingProblem, seed: UInt64) throws {
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(seed: seed, maxIterations: 50))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        let data = SearchData(problem: problem, adjacencySize: 10)
        let evaluator = RouteEvaluator(problem: problem)
        var checked = 0, feasible = 0, tightBounds = 0
        for route in solution.routes {
            let working = WorkingRoute(type: route.vehicleType, jobs: route.jobs, data: data)
            let before = try #require(evaluator.evaluate(route.jobs, type: route.vehicleType))
            #expect(working.cost == before.cost)
            for job in problem.jobs.indices
            where !route.jobs.contains(job) && data.allowed[job * data.typeCount + route.vehicleType] {
                for position in 0...route.jobs.count {
                    var jobs = route.jobs
                    jobs.insert(job, at: position)
                    let exact = evaluator.evaluate(jobs, type: route.vehicleType)
                    let predicted = working.insertionDelta(of: job, afterNode: position, data: data)
                    #expect(
                        (exact == nil) == (predicted == nil),
                        "job \(job) at \(position): exact \(String(describing: exact?.cost)), predicted \(String(describing: predicted))"
                    )
                    if let exact, let predicted {
                        #expect(abs(exact.cost - before.cost - predicted) < 1e-9 * max(1, before.cost))
                        feasible += 1
                        if !data.distanceOnly {
                            // The lower bound that spares the search most joins never exceeds the
                            // exact price, so a place that beats the best so far is always priced.
                            let bound = working.insertionLowerBound(of: job, afterNode: position, data: data)
                            #expect(bound <= predicted + 1e-9 * max(1, before.cost))
                            if abs(bound - predicted) < 1e-9 * max(1, before.cost) { tightBounds += 1 }
                            let justAbove = predicted + 1e-6 * max(1, abs(predicted))
                            #expect(
                                working.insertionDelta(of: job, afterNode: position, data: data, below: justAbove)
                                    != nil)
                        }
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 500 && feasible > 50, "checked \(checked), feasible \(feasible)")
        // Where a route waits nowhere the bound is the exact price: it is not a weak one.
        #expect(data.distanceOnly || tightBounds > 0, "no bound equal to its exact price")
    }

    @Test func limitedFleetLeavesJobsUnservedWithTheReason() throws {
        // Five jobs of 40 units, one vehicle of 100: two fit, three are left for lack of vehicles.
        let van = VehicleType(name: "van", capacity: [100], count: 1)
        let points: [(Double, Double)] = [(1000, 0), (2000, 0), (0, 1000), (0, 2000), (-1000, 0)]
        let problem = try TestInstances.euclidean(
            depot: (0, 0), points: points, demands: points.map { _ in [40] }, types: [van])
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(maxIterations: 200))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        #expect(solution.routes.count == 1 && solution.routes[0].jobs.count == 2)
        #expect(solution.unserved.count == 3 && solution.unserved.allSatisfy { $0.reason == .fleetExhausted })
    }

    @Test func optionalJobsAreLeftOutWhenTheirPenaltyIsLow() throws {
        let van = VehicleType(name: "van", capacity: [100], costPerKilometre: 1)
        let problem = try RoutingProblem(
            profiles: TestInstances.euclidean(
                depot: (0, 0), points: [(1000, 0), (50_000, 0)], demands: [[1], [1]], types: [van]
            ).profiles,
            jobs: [Job(location: 1, demand: [1]), Job(location: 2, demand: [1], unservedPenalty: 5)],
            vehicleTypes: [van])
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(maxIterations: 100))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        // Serving the far job costs about 98 km; leaving it out costs 5.
        #expect(solution.unserved == [UnservedJob(job: 1, reason: .notWorthServing)])
    }

    @Test func validatorCountsVehiclesPerType() throws {
        let van = VehicleType(name: "van", capacity: [100], count: 1)
        let problem = try TestInstances.euclidean(
            depot: (0, 0), points: [(1000, 0), (0, 1000)], demands: [[80], [80]], types: [van])
        let evaluator = RouteEvaluator(problem: problem)
        let solution = RoutingSolution(
            routes: [evaluator.evaluate([0], type: 0)!, evaluator.evaluate([1], type: 0)!], unserved: [],
            statistics: SearchStatistics())
        #expect(
            SolutionValidator.violations(of: solution, for: problem).contains(
                "vehicle type van: 2 routes but only 1 vehicles"))
    }
}
