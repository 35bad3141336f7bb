/// Checks a solution against its problem from first principles, independently of the search.
///
/// It recomputes every schedule, load and length itself rather than trusting the numbers the
/// solver reported, so a bug in the solver's bookkeeping shows up as a violation here. Every
/// solver test runs it.
public enum SolutionValidator {
    /// Every broken rule, in words; empty when the solution is valid.
    public static func violations(of solution: RoutingSolution, for problem: RoutingProblem) -> [String] {
        var problems: [String] = []
        var seen = [Int](repeating: 0, count: problem.jobs.count)
        for (routeIndex, route) in solution.routes.enumerated() {
            let name = "route \(routeIndex)"
            guard problem.vehicleTypes.indices.contains(route.vehicleType) else {
                problems.append("\(name): unknown vehicle type \(route.vehicleType)")
                continue
            }
            if route.servedJobs.isEmpty { problems.append("\(name): serves no job") }
            for job in route.servedJobs {
                guard problem.jobs.indices.contains(job) else {
                    problems.append("\(name): unknown job \(job)")
                    continue
                }
                seen[job] += 1
            }
            problems += check(route, name: name, problem: problem)
        }
        for unserved in solution.unserved {
            guard problem.jobs.indices.contains(unserved.job) else {
                problems.append("unknown unserved job \(unserved.job)")
                continue
            }
            seen[unserved.job] += 1
        }
        for (index, type) in problem.vehicleTypes.enumerated() {
            let used = solution.routes.filter { $0.vehicleType == index }.count
            if let count = type.count, used > count {
                problems.append("vehicle type \(type.name): \(used) routes but only \(count) vehicles")
            }
        }
        for (job, count) in seen.enumerated() where count != 1 {
            problems.append("job \(job) appears \(count) times (routes and unserved list together)")
        }
        return problems
    }

    private static func check(_ route: Route, name: String, problem: RoutingProblem) -> [String] {
        var problems: [String] = []
        let type = problem.vehicleTypes[route.vehicleType]
        let travel = problem.profiles[type.profile]
        let sequence = route.jobs.filter { $0 == Route.reload || problem.jobs.indices.contains($0) }

        if sequence.first == Route.reload || sequence.last == Route.reload
            || zip(sequence, sequence.dropFirst()).contains(where: { $0 == Route.reload && $1 == Route.reload })
        {
            problems.append("\(name): a reload must stand between two jobs")
        }
        let trips = route.trips
        if trips.count > type.maxTrips {
            problems.append("\(name): \(trips.count) trips, more than the \(type.maxTrips) allowed")
        }
        for job in route.servedJobs
        where problem.jobs.indices.contains(job) && !problem.jobs[job].allows(vehicleType: route.vehicleType) {
            problems.append("\(name): vehicle type \(type.name) may not serve job \(job)")
        }
        for dimension in 0..<problem.dimensionCount {
            for (number, trip) in trips.enumerated() {
                let load = trip.filter { problem.jobs.indices.contains($0) }.map { problem.jobs[$0].demand[dimension] }
                    .reduce(0, +)
                if load > type.capacity[dimension] + 1e-6 {
                    problems.append(
                        "\(name): trip \(number + 1) carries \(load), more than the capacity \(type.capacity[dimension]) in dimension \(dimension)"
                    )
                }
            }
            let total = route.servedJobs.filter { problem.jobs.indices.contains($0) }.map {
                problem.jobs[$0].demand[dimension]
            }.reduce(0, +)
            if route.load.indices.contains(dimension), abs(route.load[dimension] - total) > 1e-6 {
                problems.append(
                    "\(name): reported load \(route.load[dimension]) differs from \(total) in dimension \(dimension)")
            }
        }
        // The places visited: start depot, jobs (a reload is a visit to the start depot), end depot.
        let places =
            [type.startLocation] + sequence.map { $0 == Route.reload ? type.startLocation : problem.jobs[$0].location }
            + [type.endLocation]
        let legs = zip(places, places.dropFirst())
        let distance = legs.map { travel.distance($0.0, $0.1) }.reduce(0, +)
        if distance != route.distanceMetres {
            problems.append("\(name): reported \(route.distanceMetres) m but its legs sum to \(distance) m")
        }

        if route.departure < type.shift.earliest {
            problems.append("\(name): departs at \(route.departure), before the shift starts at \(type.shift.earliest)")
        }
        var clock = route.departure
        for (leg, entry) in zip(legs, sequence) {
            clock += travel.duration(leg.0, leg.1)
            if entry == Route.reload {
                clock += type.reloadSeconds
                continue
            }
            let window = problem.jobs[entry].timeWindow
            let start = max(clock, window.earliest)
            if start > window.latest {
                problems.append("\(name): job \(entry) starts at \(start), after its window closes at \(window.latest)")
            }
            clock = start + problem.jobs[entry].serviceSeconds
        }
        clock += travel.duration(places[places.count - 2], type.endLocation)
        if clock > type.shift.latest {
            problems.append("\(name): returns at \(clock), after the shift ends at \(type.shift.latest)")
        }
        let duration = clock - route.departure
        if duration != route.durationSeconds {
            problems.append("\(name): reported \(route.durationSeconds) s but its schedule takes \(duration) s")
        }
        if let limit = type.maxDurationSeconds, duration > limit {
            problems.append("\(name): takes \(duration) s, more than the maximum \(limit) s")
        }
        if let limit = type.maxDistanceMetres, distance > limit {
            problems.append("\(name): drives \(distance) m, more than the maximum \(limit) m")
        }
        let driving = legs.map { travel.duration($0.0, $0.1) }.reduce(0, +)
        if let limit = type.maxTravelSeconds, driving > limit {
            problems.append("\(name): drives \(driving) s, more than the maximum travel time \(limit) s")
        }
        let cost =
            type.fixedCost + type.costPerKilometre * Double(distance) / 1000 + type.costPerHour * Double(duration)
            / 3600
        if abs(cost - route.cost) > 1e-6 * max(1, cost) {
            problems.append("\(name): reported cost \(route.cost) differs from \(cost)")
        }
        return problems
    }
}
