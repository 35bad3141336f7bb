/// The problem in flat arrays indexed by job and vehicle type, for the inner loops of the
/// search: no dictionaries, sets, optionals or structs holding arrays on the hot path.
struct SearchData: Sendable {
    let problem: RoutingProblem
    let jobCount: Int
    let typeCount: Int
    let dimensions: Int
    let location: [Int]
    /// `demand[job * dimensions + d]`.
    let demand: [Double]
    /// `allowed[job * typeCount + type]`.
    let allowed: [Bool]
    /// Cost of leaving each job out.
    let penalty: [Double]
    /// Each job as a one-visit route segment.
    let jobSegment: [RouteSegment]

    // Per vehicle type; limits that are absent are `Int.max`, so one comparison checks them.
    let capacity: [Double]
    let fixedCost: [Double]
    let costPerKilometre: [Double]
    let costPerHour: [Double]
    let maxDuration: [Int]
    let maxDistance: [Int]
    let maxTravel: [Int]
    let maxTrips: [Int]
    /// Whether any vehicle type may make more than one trip (else no insertion looks at a
    /// new trip).
    let someTypeReloads: Bool
    let count: [Int]
    /// Offset of the type's travel profile in ``distances`` and ``durations``.
    let matrixOffset: [Int]
    /// The start depot (departure within the shift), the end depot (return by the shift's
    /// end) and a reload at the start depot, as segments per type.
    let startSegment: [RouteSegment]
    let endSegment: [RouteSegment]
    let reloadSegment: [RouteSegment]

    /// All travel profiles back to back (the profile's own array when there is one), row-major:
    /// `legs[matrixOffset[type] + from * size + to]`. Distance and duration of a leg sit side
    /// by side in 32 bits each, so that pricing a leg touches one cache line, and a matrix of
    /// 1,000 locations takes 8 MB.
    let size: Int
    let legs: [Leg]
    /// The same legs by destination: `legsInto[matrixOffset[type] + to * size + from]`. Pricing
    /// the insertions of one job reads the legs into it from here and the legs out of it from
    /// ``legs``: two rows that stay in the cache, where reading columns missed it on every leg.
    let legsInto: [Leg]

    typealias Leg = TravelProfile.Leg

    /// Whether only distance prices a route and only capacity limits it: no hourly cost, no
    /// limit on duration, distance or driving time, and no window or shift that can close
    /// (the classic CVRP). An insertion's change in cost is then its detour times the cost per
    /// kilometre, from three legs (two through the job, and the one it replaces, which the
    /// route's own segments give) instead of joining two segments: the cost the segments
    /// give, to rounding, for about half the work of the search's innermost step.
    let distanceOnly: Bool

    /// Cost of a route serving only the job, per type (`infinity` when infeasible):
    /// `soloCost[job * typeCount + type]`.
    private(set) var soloCost: [Double]
    /// Other jobs by increasing distance: the first ones are where an insertion is looked for
    /// first, and they choose which routes a ruin step hits together.
    let adjacency: [[Int]]
    /// Sort keys for the order of reinsertion: total demand, and distance from the first
    /// type's depot.
    let totalDemand: [Double]
    let depotDistance: [Int]

    /// Penalty for leaving out a job that must be served: far above any route cost, so the
    /// search only does it when no insertion is feasible.
    static let requiredPenalty = 1e9

    init(problem: RoutingProblem, adjacencySize: Int) {
        self.problem = problem
        let jobs = problem.jobs, types = problem.vehicleTypes
        jobCount = jobs.count
        typeCount = types.count
        dimensions = problem.dimensionCount
        location = jobs.map(\.location)
        demand = jobs.flatMap(\.demand)
        allowed = jobs.flatMap { job in types.indices.map { job.allows(vehicleType: $0) } }
        penalty = jobs.map { $0.unservedPenalty ?? Self.requiredPenalty }
        jobSegment = jobs.map {
            RouteSegment(
                visitAt: $0.location, service: $0.serviceSeconds, earliest: $0.timeWindow.earliest,
                latest: $0.timeWindow.latest)
        }
        capacity = types.flatMap(\.capacity)
        fixedCost = types.map(\.fixedCost)
        costPerKilometre = types.map(\.costPerKilometre)
        costPerHour = types.map(\.costPerHour)
        maxDuration = types.map { $0.maxDurationSeconds ?? Int.max }
        maxDistance = types.map { $0.maxDistanceMetres ?? Int.max }
        maxTravel = types.map { $0.maxTravelSeconds ?? Int.max }
        maxTrips = types.map(\.maxTrips)
        someTypeReloads = types.contains { $0.maxTrips > 1 }
        count = types.map { $0.count ?? Int.max }
        size = problem.profiles[0].size
        matrixOffset = types.map { $0.profile * problem.profiles[0].size * problem.profiles[0].size }
        // One profile (the usual case) is shared, not copied: a hub's day in a large network
        // routes on the network's whole profile, several days at once.
        legs = problem.profiles.count == 1 ? problem.profiles[0].legs : problem.profiles.flatMap(\.legs)
        legsInto = problem.profiles.count == 1 ? problem.profiles[0].legsInto : problem.profiles.flatMap(\.legsInto)
        startSegment = types.map {
            RouteSegment(visitAt: $0.startLocation, service: 0, earliest: $0.shift.earliest, latest: $0.shift.latest)
        }
        endSegment = types.map {
            RouteSegment(visitAt: $0.endLocation, service: 0, earliest: $0.shift.earliest, latest: $0.shift.latest)
        }
        reloadSegment = types.map {
            RouteSegment(
                visitAt: $0.startLocation, service: $0.reloadSeconds, earliest: $0.shift.earliest,
                latest: $0.shift.latest)
        }

        let travel = problem.profiles[types[0].profile]
        let neighbours = min(adjacencySize, max(jobs.count - 1, 0))
        adjacency = jobs.indices.map { job in
            guard neighbours > 0 else { return [] }
            let from = jobs[job].location
            return Self.nearest(neighbours, of: job, among: jobs.count) { travel.distance(from, jobs[$0].location) }
        }
        totalDemand = jobs.map { $0.demand.reduce(0, +) }
        depotDistance = jobs.map { travel.distance(types[0].startLocation, $0.location) }
        let open = TimeWindow.always.latest
        distanceOnly =
            types.allSatisfy {
                $0.costPerHour == 0 && $0.maxDurationSeconds == nil && $0.maxDistanceMetres == nil
                    && $0.maxTravelSeconds == nil && $0.shift.latest >= open
            } && jobs.allSatisfy { $0.timeWindow.latest >= open }
        soloCost = []
        soloCost = (0..<jobCount).flatMap { job in
            (0..<typeCount).map { type in
                guard allowed[job * typeCount + type], fits(job, onTopOf: nil, type: type) else { return .infinity }
                let route = join(join(startSegment[type], jobSegment[job], type: type), endSegment[type], type: type)
                return cost(of: route, trips: 1, type: type) ?? .infinity
            }
        }
    }

    /// The `count` jobs other than `job` (of `jobCount`) with the smallest `distance`, nearest
    /// first, ties by job index: the first `count` of all jobs sorted that way, found with a
    /// kept list of `count` instead of sorting them all (a hub's day of 10,000 stops would sort
    /// 10,000 lists of 10,000).
    static func nearest(_ count: Int, of job: Int, among jobCount: Int, distance: (Int) -> Int) -> [Int] {
        var kept: [(key: Int, other: Int)] = []
        kept.reserveCapacity(count + 1)
        for other in 0..<jobCount where other != job {
            let key = distance(other)
            // Candidates come in index order, so an equal key never goes before a kept one.
            if kept.count == count, key >= kept[count - 1].key { continue }
            var position = kept.count
            while position > 0, kept[position - 1].key > key { position -= 1 }
            kept.insert((key, other), at: position)
            if kept.count > count { kept.removeLast() }
        }
        return kept.map(\.other)
    }

    /// `first` followed by `second` on the roads of vehicle type `type`.
    @inline(__always)
    func join(_ first: RouteSegment, _ second: RouteSegment, type: Int) -> RouteSegment {
        let leg = legs[matrixOffset[type] + first.lastLocation * size + second.firstLocation]
        return first.followed(by: second, legDistance: Int(leg.distance), legDuration: Int(leg.duration))
    }

    /// `first` followed by a visit to `job`, the leg read from the job's row of ``legsInto``.
    @inline(__always)
    func join(_ first: RouteSegment, visiting job: Int, type: Int) -> RouteSegment {
        let leg = legsInto[matrixOffset[type] + location[job] * size + first.lastLocation]
        return first.followed(by: jobSegment[job], legDistance: Int(leg.distance), legDuration: Int(leg.duration))
    }

    /// The change in cost of driving from `previous` to `next` through `job` instead of
    /// along the leg of `skipped` metres between them, for vehicle type `type`; meaningful
    /// where ``distanceOnly`` holds.
    @inline(__always)
    func detourCost(of job: Int, between previous: Int, and next: Int, skipping skipped: Int, type: Int) -> Double {
        let row = matrixOffset[type] + location[job] * size
        let detour = Int(legsInto[row + previous].distance) + Int(legs[row + next].distance) - skipped
        return costPerKilometre[type] * Double(detour) / 1000
    }

    /// A lower bound on the change in cost of any feasible route of type `type` that visits
    /// `job` between locations `previous` and `next` of a route whose waiting adds up to
    /// `waiting` seconds, from the two legs through the job and the `skipped` leg's metres and
    /// seconds of driving (the route's own). Distance and driving time add up along a route,
    /// so the detour's are exact; a feasible route's duration is its driving, its service and
    /// its waiting, so the new duration is at least the old one plus the detour's driving and
    /// the job's service, minus the waiting the visit could take up. Exact when the new route
    /// waits nowhere; valid without the triangle inequality.
    @inline(__always)
    func insertionLowerBound(
        of job: Int, between previous: Int, and next: Int, skipping skipped: (distance: Int, travel: Int),
        waiting: Int, type: Int
    ) -> Double {
        let row = matrixOffset[type] + location[job] * size
        let into = legsInto[row + previous]
        let out = legs[row + next]
        let detour = Int(into.distance) + Int(out.distance) - skipped.distance
        let driving = Int(into.duration) + Int(out.duration) - skipped.travel
        return costPerKilometre[type] * Double(detour) / 1000
            + costPerHour[type] * Double(driving + jobSegment[job].duration - waiting) / 3600
    }

    /// The cost of a whole route (start depot to end depot) of type `type`, or `nil` when it
    /// breaks a window, the shift, or the maximum duration, distance, driving time or trips.
    @inline(__always)
    func cost(of route: RouteSegment, trips: Int, type: Int) -> Double? {
        guard route.timeWarp == 0, route.duration <= maxDuration[type], route.distance <= maxDistance[type],
            route.travel <= maxTravel[type], trips <= maxTrips[type]
        else { return nil }
        return fixedCost[type] + costPerKilometre[type] * Double(route.distance) / 1000
            + costPerHour[type] * Double(route.duration) / 3600
    }

    /// Whether `job`'s demand fits type `type` on top of the load at `tripLoads[offset...]`
    /// (an empty vehicle when `tripLoads` is `nil`).
    @inline(__always)
    func fits(_ job: Int, onTopOf tripLoads: [Double]?, at offset: Int = 0, type: Int) -> Bool {
        for d in 0..<dimensions {
            let onBoard = tripLoads?[offset + d] ?? 0
            if onBoard + demand[job * dimensions + d] > capacity[type * dimensions + d] + 1e-9 { return false }
        }
        return true
    }
}
