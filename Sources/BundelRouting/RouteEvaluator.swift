/// Computes the schedule, load, length and cost of a job sequence for a vehicle type, and
/// whether it is feasible. Used by construction and local search to price candidate routes.
struct RouteEvaluator {
    let problem: RoutingProblem

    /// The priced route, or `nil` when the sequence breaks a constraint for this type. Reload
    /// marks (``Route/reload``) send the vehicle back to its start depot, where its load is
    /// emptied and it spends the type's reload time before the next trip.
    func evaluate(_ jobs: [Int], type typeIndex: Int) -> Route? {
        let type = problem.vehicleTypes[typeIndex]
        let travel = problem.travel(typeIndex)
        var load = [Double](repeating: 0, count: problem.dimensionCount)
        var tripLoad = load
        var trips = 1
        for (position, job) in jobs.enumerated() {
            if job == Route.reload {
                guard position > 0, position < jobs.count - 1, jobs[position - 1] != Route.reload else { return nil }
                trips += 1
                tripLoad = [Double](repeating: 0, count: problem.dimensionCount)
                continue
            }
            let data = problem.jobs[job]
            guard data.allows(vehicleType: typeIndex) else { return nil }
            for dimension in load.indices {
                load[dimension] += data.demand[dimension]
                tripLoad[dimension] += data.demand[dimension]
                if tripLoad[dimension] > type.capacity[dimension] + 1e-9 { return nil }
            }
        }
        guard trips <= type.maxTrips else { return nil }

        // Leave as late as possible without arriving after the first window opens: waiting at
        // the depot costs nothing, waiting at the door does (hours are paid).
        var departure = type.shift.earliest
        if let first = jobs.first {
            let data = problem.jobs[first]
            departure = max(departure, data.timeWindow.earliest - travel.duration(type.startLocation, data.location))
        }
        var time = departure
        var distance = 0
        var location = type.startLocation
        for job in jobs {
            if job == Route.reload {
                time += travel.duration(location, type.startLocation) + type.reloadSeconds
                distance += travel.distance(location, type.startLocation)
                location = type.startLocation
                continue
            }
            let data = problem.jobs[job]
            time += travel.duration(location, data.location)
            distance += travel.distance(location, data.location)
            time = max(time, data.timeWindow.earliest)
            guard time <= data.timeWindow.latest else { return nil }
            time += data.serviceSeconds
            location = data.location
        }
        time += travel.duration(location, type.endLocation)
        distance += travel.distance(location, type.endLocation)
        let duration = time - departure
        guard time <= type.shift.latest else { return nil }
        if let limit = type.maxDurationSeconds, duration > limit { return nil }
        if let limit = type.maxDistanceMetres, distance > limit { return nil }
        return Route(vehicleType: typeIndex, jobs: jobs, departure: departure, distanceMetres: distance,
                     durationSeconds: duration, cost: type.cost(distanceMetres: distance, durationSeconds: duration),
                     load: load)
    }

    /// The cheapest feasible route for the sequence over all vehicle types, or `nil`.
    func cheapest(_ jobs: [Int]) -> Route? {
        var best: Route?
        for type in problem.vehicleTypes.indices {
            if let route = evaluate(jobs, type: type), route.cost < (best?.cost ?? .infinity) { best = route }
        }
        return best
    }

    /// Why a job cannot be served even alone, or `nil` when some type can serve it.
    func reasonUnservable(_ job: Int) -> UnservedReason? {
        if cheapest([job]) != nil { return nil }
        let data = problem.jobs[job]
        let allowed = problem.vehicleTypes.indices.filter { data.allows(vehicleType: $0) }
        if allowed.isEmpty { return .noAllowedVehicle }
        let largeEnough = allowed.filter { type in
            zip(data.demand, problem.vehicleTypes[type].capacity).allSatisfy { $0 <= $1 + 1e-9 }
        }
        if largeEnough.isEmpty { return .noVehicleLargeEnough }
        // With limits on duration and distance lifted, does some type reach the window?
        var relaxed = problem.vehicleTypes
        for index in relaxed.indices { relaxed[index].maxDurationSeconds = nil; relaxed[index].maxDistanceMetres = nil }
        let relaxedProblem = try? RoutingProblem(profiles: problem.profiles, jobs: problem.jobs, vehicleTypes: relaxed)
        if let relaxedProblem, largeEnough.contains(where: {
            RouteEvaluator(problem: relaxedProblem).evaluate([job], type: $0) != nil
        }) {
            return .tooFar
        }
        return .windowUnreachable
    }
}
