import Testing

@testable import BundelRouting

/// The segment algebra against a plain simulation of the schedule, which shares no code with it.
@Suite("Route segments")
struct RouteSegmentTests {
    /// What a simulation says about a job sequence: feasible or not, and the shortest duration.
    ///
    /// Leaving later never breaks a window that an earlier departure met late (waiting absorbs
    /// it), and it never lengthens the route: the shortest duration is that of the latest
    /// departure that still meets every window and the shift, found by bisection.
    private static func simulate(
        _ entries: [Int], type: Int, problem: RoutingProblem
    ) -> (duration: Int, distance: Int, driving: Int)? {
        let vehicle = problem.vehicleTypes[type]
        let travel = problem.profiles[vehicle.profile]
        for (index, entry) in entries.enumerated() where entry == Route.reload {
            if index == 0 || index == entries.count - 1 || entries[index - 1] == Route.reload { return nil }
        }
        let trips = entries.split(separator: Route.reload)
        guard trips.count <= vehicle.maxTrips else { return nil }
        for trip in trips {
            for d in 0..<problem.dimensionCount
            where trip.map({ problem.jobs[$0].demand[d] }).reduce(0, +) > vehicle.capacity[d] + 1e-9 {
                return nil
            }
            if trip.contains(where: { !problem.jobs[$0].allows(vehicleType: type) }) { return nil }
        }
        let places =
            [vehicle.startLocation]
            + entries.map { $0 == Route.reload ? vehicle.startLocation : problem.jobs[$0].location }
            + [vehicle.endLocation]
        let distance = zip(places, places.dropFirst()).map { travel.distance($0, $1) }.reduce(0, +)
        let driving = zip(places, places.dropFirst()).map { travel.duration($0, $1) }.reduce(0, +)
        func finish(departingAt departure: Int) -> Int? {
            var clock = departure
            for (index, entry) in entries.enumerated() {
                clock += travel.duration(places[index], places[index + 1])
                if entry == Route.reload {
                    clock += vehicle.reloadSeconds
                    continue
                }
                let window = problem.jobs[entry].timeWindow
                clock = max(clock, window.earliest)
                if clock > window.latest { return nil }
                clock += problem.jobs[entry].serviceSeconds
            }
            clock += travel.duration(places[places.count - 2], places[places.count - 1])
            return clock <= vehicle.shift.latest ? clock : nil
        }
        guard finish(departingAt: vehicle.shift.earliest) != nil else { return nil }
        var low = vehicle.shift.earliest, high = vehicle.shift.latest
        while low < high {
            let middle = low + (high - low + 1) / 2
            if finish(departingAt: middle) != nil { low = middle } else { high = middle - 1 }
        }
        let duration = finish(departingAt: low)! - low
        if let limit = vehicle.maxDurationSeconds, duration > limit { return nil }
        if let limit = vehicle.maxDistanceMetres, distance > limit { return nil }
        if let limit = vehicle.maxTravelSeconds, driving > limit { return nil }
        return (duration, distance, driving)
    }

    /// Random sequences (with reloads) on random instances with windows, service, shifts and
    /// every route limit: the evaluator's verdict, duration and distance equal the simulation's,
    /// and every route it prices passes the independent validator.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func segmentsAgreeWithSimulation(seed: UInt64) throws {
        let base = try TestInstances.random(seed: seed, jobs: 30)
        var types = base.vehicleTypes
        types[0].maxDurationSeconds = 4 * 3600
        types[0].maxTrips = 3
        types[0].reloadSeconds = 900
        types[1].maxTravelSeconds = 2400
        let problem = try RoutingProblem(profiles: base.profiles, jobs: base.jobs, vehicleTypes: types)
        let evaluator = RouteEvaluator(problem: problem)
        var random = SeededGenerator(seed: seed)
        var feasible = 0, infeasible = 0
        for _ in 0..<600 {
            let length = Int.random(in: 1...6, using: &random)
            var entries = Array(problem.jobs.indices.shuffled(using: &random).prefix(length))
            if length > 2, Bool.random(using: &random) {
                entries.insert(Route.reload, at: Int.random(in: 1..<(length - 1), using: &random))
            }
            let type = Int.random(in: 0..<2, using: &random)
            let expected = Self.simulate(entries, type: type, problem: problem)
            let route = evaluator.evaluate(entries, type: type)
            #expect(
                (route == nil) == (expected == nil),
                "\(entries) on type \(type): evaluator \(String(describing: route)), simulation \(String(describing: expected))"
            )
            guard let route, let expected else {
                infeasible += 1
                continue
            }
            feasible += 1
            #expect(
                route.durationSeconds == expected.duration && route.distanceMetres == expected.distance,
                "\(entries) on type \(type)")
            let outside = Set(problem.jobs.indices).subtracting(route.servedJobs)
            let checked = RoutingSolution(
                routes: [route], unserved: outside.sorted().map { UnservedJob(job: $0, reason: .fleetExhausted) },
                statistics: SearchStatistics())
            #expect(SolutionValidator.violations(of: checked, for: problem) == [])
        }
        #expect(feasible > 100 && infeasible > 100, "feasible \(feasible), infeasible \(infeasible)")
    }

    /// Joining is associative: a route priced left to right equals one priced from its halves.
    @Test func joiningIsAssociative() throws {
        let problem = try TestInstances.random(seed: 9, jobs: 12)
        let data = SearchData(problem: problem, adjacencySize: 0)
        let sequence = [3, 7, 1, 9, 4, 11]
        for split in 0...sequence.count {
            var left = data.startSegment[0]
            for job in sequence[..<split] { left = data.join(left, data.jobSegment[job], type: 0) }
            var right = data.endSegment[0]
            for job in sequence[split...].reversed() { right = data.join(data.jobSegment[job], right, type: 0) }
            var whole = data.startSegment[0]
            for job in sequence { whole = data.join(whole, data.jobSegment[job], type: 0) }
            whole = data.join(whole, data.endSegment[0], type: 0)
            #expect(data.join(left, right, type: 0) == whole, "split at \(split)")
        }
    }
}
