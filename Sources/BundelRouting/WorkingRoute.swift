/// A route under construction with the running data that lets an insertion be checked in O(1):
/// load, length, and per node the earliest service start (forward) and the latest service start
/// that keeps the rest of the route feasible (backward), after Savelsbergh (1992).
struct WorkingRoute {
    var type: Int
    var jobs: [Int]
    var load: [Double]
    var distance: Int
    /// Exact cost of the route (from the evaluator), updated by ``refresh(_:)``.
    var cost: Double
    /// Service start per node: index 0 is the departure, 1...m the jobs, m+1 the return.
    var start: [Int]
    /// Latest feasible service start per node, same indexing as ``start``.
    var latestStart: [Int]

    init(type: Int, jobs: [Int], data: SearchData) {
        self.type = type
        self.jobs = jobs
        load = []
        distance = 0
        cost = 0
        start = []
        latestStart = []
        refresh(data)
    }

    /// Recomputes every cache from the job sequence in O(m).
    mutating func refresh(_ data: SearchData) {
        let vehicle = data.problem.vehicleTypes[type]
        let travel = data.problem.profiles[vehicle.profile]
        load = [Double](repeating: 0, count: data.dimensions)
        for job in jobs { for d in 0..<data.dimensions { load[d] += data.demand[job * data.dimensions + d] } }
        let m = jobs.count
        start = [Int](repeating: 0, count: m + 2)
        latestStart = [Int](repeating: 0, count: m + 2)
        start[0] = vehicle.shift.earliest
        var previous = vehicle.startLocation, previousService = 0
        distance = 0
        for (index, job) in jobs.enumerated() {
            let here = data.location[job]
            distance += travel.distance(previous, here)
            start[index + 1] = max(start[index] + previousService + travel.duration(previous, here), data.earliest[job])
            previous = here
            previousService = data.service[job]
        }
        distance += travel.distance(previous, vehicle.endLocation)
        start[m + 1] = start[m] + previousService + travel.duration(previous, vehicle.endLocation)
        latestStart[m + 1] = vehicle.shift.latest
        var next = vehicle.endLocation
        for index in stride(from: m - 1, through: 0, by: -1) {
            let job = jobs[index]
            latestStart[index + 1] = min(data.latest[job],
                                         latestStart[index + 2] - travel.duration(data.location[job], next) - data.service[job])
            next = data.location[job]
        }
        latestStart[0] = latestStart[1] - (m > 0 ? travel.duration(vehicle.startLocation, data.location[jobs[0]]) : 0)
        cost = RouteEvaluator(problem: data.problem).evaluate(jobs, type: type)?.cost ?? .infinity
    }

    /// The approximate cost increase of inserting `job` after node `position` (0 = after the
    /// depot), or `nil` when capacity, windows, shift or distance forbid it. Waiting-time
    /// changes are left out of the estimate; the exact cost follows in ``refresh(_:)``.
    @inline(__always)
    func insertionCost(of job: Int, at position: Int, data: SearchData, vehicle: VehicleType, travel: TravelProfile) -> Double? {
        let here = data.location[job]
        let previous = position == 0 ? vehicle.startLocation : data.location[jobs[position - 1]]
        let previousService = position == 0 ? 0 : data.service[jobs[position - 1]]
        let next = position == jobs.count ? vehicle.endLocation : data.location[jobs[position]]
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

    /// Whether the load plus `job`'s demand fits the vehicle.
    @inline(__always)
    func fits(_ job: Int, data: SearchData, capacity: [Double]) -> Bool {
        for d in 0..<data.dimensions where load[d] + data.demand[job * data.dimensions + d] > capacity[d] + 1e-9 { return false }
        return true
    }
}
