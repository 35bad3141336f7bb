/// A route under construction with the running data that lets an insertion be checked in O(1):
/// load per trip, length, and per node the earliest service start (forward) and the latest
/// service start that keeps the rest of the route feasible (backward), after Savelsbergh (1992).
/// A reload mark (``Route/reload``) is a node at the start depot with the reload time as service.
struct WorkingRoute {
    var type: Int
    var jobs: [Int]
    /// Load of each trip, per dimension.
    var tripLoads: [[Double]]
    var distance: Int
    /// Exact cost of the route (from the evaluator), updated by ``refresh(_:)``.
    var cost: Double
    /// Service start per node: index 0 is the departure, 1...m the entries of ``jobs``, m+1 the return.
    var start: [Int]
    /// Latest feasible service start per node, same indexing as ``start``.
    var latestStart: [Int]

    var trips: Int { tripLoads.count }

    init(type: Int, jobs: [Int], data: SearchData) {
        self.type = type
        self.jobs = jobs
        tripLoads = []
        distance = 0
        cost = 0
        start = []
        latestStart = []
        refresh(data)
    }

    /// Removes reload marks that no longer separate two jobs.
    mutating func normalizeReloads() {
        var cleaned: [Int] = []
        for job in jobs where !(job == Route.reload && (cleaned.isEmpty || cleaned.last == Route.reload)) { cleaned.append(job) }
        while cleaned.last == Route.reload { cleaned.removeLast() }
        jobs = cleaned
    }

    /// Recomputes every cache from the job sequence in O(m).
    mutating func refresh(_ data: SearchData) {
        let vehicle = data.problem.vehicleTypes[type]
        let travel = data.problem.profiles[vehicle.profile]
        let depot = vehicle.startLocation
        let empty = [Double](repeating: 0, count: data.dimensions)
        tripLoads = [empty]
        for job in jobs {
            if job == Route.reload { tripLoads.append(empty); continue }
            for d in 0..<data.dimensions { tripLoads[tripLoads.count - 1][d] += data.demand[job * data.dimensions + d] }
        }
        let m = jobs.count
        start = [Int](repeating: 0, count: m + 2)
        latestStart = [Int](repeating: 0, count: m + 2)
        start[0] = vehicle.shift.earliest
        var previous = depot, previousService = 0
        distance = 0
        for (index, job) in jobs.enumerated() {
            let here = job == Route.reload ? depot : data.location[job]
            distance += travel.distance(previous, here)
            let ready = job == Route.reload ? vehicle.shift.earliest : data.earliest[job]
            start[index + 1] = max(start[index] + previousService + travel.duration(previous, here), ready)
            previous = here
            previousService = job == Route.reload ? vehicle.reloadSeconds : data.service[job]
        }
        distance += travel.distance(previous, vehicle.endLocation)
        start[m + 1] = start[m] + previousService + travel.duration(previous, vehicle.endLocation)
        latestStart[m + 1] = vehicle.shift.latest
        var next = vehicle.endLocation
        for index in stride(from: m - 1, through: 0, by: -1) {
            let job = jobs[index]
            let here = job == Route.reload ? depot : data.location[job]
            let due = job == Route.reload ? vehicle.shift.latest : data.latest[job]
            let service = job == Route.reload ? vehicle.reloadSeconds : data.service[job]
            latestStart[index + 1] = min(due, latestStart[index + 2] - travel.duration(here, next) - service)
            next = here
        }
        latestStart[0] = latestStart[1] - (m > 0 ? travel.duration(depot, next) : 0)
        cost = RouteEvaluator(problem: data.problem).evaluate(jobs, type: type)?.cost ?? .infinity
    }

    /// The approximate cost increase of inserting `job` after node `position` (0 = after the
    /// depot), or `nil` when windows, shift or distance forbid it (capacity is checked by
    /// ``fits(_:trip:data:capacity:)``). Waiting-time changes are left out of the estimate;
    /// the exact cost follows in ``refresh(_:)``.
    @inline(__always)
    func insertionCost(of job: Int, at position: Int, data: SearchData, vehicle: VehicleType, travel: TravelProfile) -> Double? {
        let here = data.location[job]
        let before = position == 0 ? Route.reload : jobs[position - 1]
        let previous = before == Route.reload ? vehicle.startLocation : data.location[before]
        let previousService = position == 0 ? 0 : (before == Route.reload ? vehicle.reloadSeconds : data.service[before])
        let after = position == jobs.count ? Route.reload : jobs[position]
        let next = position == jobs.count ? vehicle.endLocation : (after == Route.reload ? vehicle.startLocation : data.location[after])
        let arrival = start[position] + previousService + travel.duration(previous, here)
        let serviceStart = max(arrival, data.earliest[job])
        guard serviceStart <= data.latest[job] else { return nil }
        let nextArrival = serviceStart + data.service[job] + travel.duration(here, next)
        guard nextArrival <= latestStart[position + 1] else { return nil }
        let extra = travel.distance(previous, here) + travel.distance(here, next) - travel.distance(previous, next)
        if let limit = vehicle.maxDistanceMetres, distance + extra > limit { return nil }
        let extraTime = travel.duration(previous, here) + data.service[job] + travel.duration(here, next) - travel.duration(previous, next)
        return vehicle.costPerKilometre * Double(extra) / 1000 + vehicle.costPerHour * Double(extraTime) / 3600
    }

    /// The approximate cost increase of a new last trip serving only `job`, or `nil`.
    func newTripCost(for job: Int, data: SearchData, vehicle: VehicleType, travel: TravelProfile) -> Double? {
        guard trips < vehicle.maxTrips, let last = jobs.last else { return nil }
        let depot = vehicle.startLocation, here = data.location[job], end = vehicle.endLocation
        let atDepot = start[jobs.count] + data.service[last] + travel.duration(data.location[last], depot) + vehicle.reloadSeconds
        let serviceStart = max(atDepot + travel.duration(depot, here), data.earliest[job])
        guard serviceStart <= data.latest[job],
              serviceStart + data.service[job] + travel.duration(here, end) <= vehicle.shift.latest else { return nil }
        let extra = travel.distance(data.location[last], depot) + travel.distance(depot, here) + travel.distance(here, end)
            - travel.distance(data.location[last], end)
        if let limit = vehicle.maxDistanceMetres, distance + extra > limit { return nil }
        let extraTime = serviceStart + data.service[job] + travel.duration(here, end) - start[jobs.count + 1]
        return vehicle.costPerKilometre * Double(extra) / 1000 + vehicle.costPerHour * Double(extraTime) / 3600
    }

    /// Whether trip `trip`'s load plus `job`'s demand fits the vehicle.
    @inline(__always)
    func fits(_ job: Int, trip: Int, data: SearchData, capacity: [Double]) -> Bool {
        let load = tripLoads[trip]
        for d in 0..<data.dimensions where load[d] + data.demand[job * data.dimensions + d] > capacity[d] + 1e-9 { return false }
        return true
    }
}
