/// Prices a job sequence for a vehicle type as a whole ``Route``, with the same segment
/// algebra (``RouteSegment``) and cost rule (``SearchData/cost(of:trips:type:)``) as the search,
/// so that a route costs the same wherever it is evaluated.
struct RouteEvaluator {
    let data: SearchData
    var problem: RoutingProblem { data.problem }

    init(data: SearchData) { self.data = data }

    init(problem: RoutingProblem) { self.init(data: SearchData(problem: problem, adjacencySize: 0)) }

    /// The priced route, or `nil` when the sequence breaks a constraint for this type. Reload
    /// marks (``Route/reload``) send the vehicle back to its start depot, where its load is
    /// emptied and it spends the type's reload time before the next trip. The vehicle leaves
    /// at the earliest time that achieves the route's shortest duration: waiting at the depot
    /// costs nothing, waiting at the door does (hours are paid).
    func evaluate(_ jobs: [Int], type: Int) -> Route? {
        for (position, entry) in jobs.enumerated() {
            if entry == Route.reload {
                guard position > 0, position < jobs.count - 1, jobs[position - 1] != Route.reload else { return nil }
            } else {
                guard problem.jobs.indices.contains(entry), data.allowed[entry * data.typeCount + type] else {
                    return nil
                }
            }
        }
        let route = WorkingRoute(type: type, jobs: jobs, data: data)
        guard route.cost.isFinite else { return nil }
        let whole = route.forward[route.forward.count - 1]
        var load = [Double](repeating: 0, count: data.dimensions)
        for entry in jobs where entry != Route.reload {
            for d in load.indices { load[d] += data.demand[entry * data.dimensions + d] }
        }
        return Route(
            vehicleType: type, jobs: jobs, departure: whole.earliestStart, distanceMetres: whole.distance,
            durationSeconds: whole.duration, cost: route.cost, load: load)
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
        if data.soloCost[job * data.typeCount..<(job + 1) * data.typeCount].contains(where: \.isFinite) { return nil }
        let allowed = (0..<data.typeCount).filter { data.allowed[job * data.typeCount + $0] }
        if allowed.isEmpty { return .noAllowedVehicle }
        let largeEnough = allowed.filter { data.fits(job, onTopOf: nil, type: $0) }
        if largeEnough.isEmpty { return .noVehicleLargeEnough }
        // With the limits on duration, distance and driving time lifted, does a type reach the
        // window within its shift?
        if largeEnough.contains(where: { type in
            let alone = data.join(
                data.join(data.startSegment[type], data.jobSegment[job], type: type), data.endSegment[type], type: type)
            return alone.timeWarp == 0
        }) {
            return .tooFar
        }
        return .windowUnreachable
    }
}
