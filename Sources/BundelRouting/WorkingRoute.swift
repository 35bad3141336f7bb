/// A route in the search, with the segments that price any insertion exactly in O(1).
///
/// The route's nodes are 0 (the start depot), 1...m (the entries of ``jobs``: jobs, and reload
/// marks that stand for a visit to the start depot with the reload time as service) and m+1
/// (the end depot). `forward[i]` summarises nodes 0...i and `backward[i]` nodes i...m+1, so
/// putting a job between nodes i and i+1 is `forward[i] + job + backward[i+1]`: the same
/// ``RouteSegment`` algebra that ``refresh(_:)`` and ``RouteEvaluator`` use, hence the same cost.
struct WorkingRoute: Sendable {
    var type: Int
    var jobs: [Int]
    var forward: [RouteSegment] = []
    /// Empty where distance alone prices the route (``SearchData/distanceOnly``): an insertion
    /// there reads the two locations and the leg it replaces from ``forward``.
    var backward: [RouteSegment] = []
    /// The trip of each node 0...m: a job's trip, for a reload the trip it begins; an
    /// insertion right after node i joins trip `tripOfNode[i]` (see ``trip(afterNode:)``).
    /// Empty for a route of one trip.
    var tripOfNode: [Int] = []
    /// Load per trip and dimension: `tripLoads[trip * dimensions + d]`.
    var tripLoads: [Double] = []
    var trips = 0
    /// Exact cost of the route; zero for an empty route, infinity for an infeasible one.
    var cost = 0.0
    /// Seconds the route waits for windows in all (its duration less driving and service):
    /// the most of a new visit's time an insertion can hide, for the lower bound of
    /// ``insertionDelta(of:afterNode:data:below:)`` (not kept where distance alone prices a
    /// route, which needs no bound).
    var waiting = 0

    var isEmpty: Bool { jobs.isEmpty }

    init(type: Int, jobs: [Int], data: SearchData) {
        self.type = type
        self.jobs = jobs
        refresh(data)
    }

    /// A copy with storage of its own.
    init(copying other: WorkingRoute) {
        type = other.type
        jobs = []
        copyContents(of: other)
    }

    /// Takes over `other`'s contents, reusing this route's storage (no allocation once the
    /// buffers are large enough): the search saves routes this way before changing them.
    mutating func copyContents(of other: WorkingRoute) {
        type = other.type
        trips = other.trips
        cost = other.cost
        waiting = other.waiting
        jobs.removeAll(keepingCapacity: true)
        jobs.append(contentsOf: other.jobs)
        forward.removeAll(keepingCapacity: true)
        forward.append(contentsOf: other.forward)
        backward.removeAll(keepingCapacity: true)
        backward.append(contentsOf: other.backward)
        tripOfNode.removeAll(keepingCapacity: true)
        tripOfNode.append(contentsOf: other.tripOfNode)
        tripLoads.removeAll(keepingCapacity: true)
        tripLoads.append(contentsOf: other.tripLoads)
    }

    /// Removes reload marks that no longer separate two jobs.
    mutating func normalizeReloads() {
        var kept = 0
        // By index: a `for entry in jobs` loop holds a second reference to the array, and the
        // first write would copy it into a new buffer of exactly its size (which the next
        // insertion would outgrow and copy again).
        for index in jobs.indices {
            let entry = jobs[index]
            if entry == Route.reload && (kept == 0 || jobs[kept - 1] == Route.reload) { continue }
            jobs[kept] = entry
            kept += 1
        }
        while kept > 0, jobs[kept - 1] == Route.reload { kept -= 1 }
        jobs.removeLast(jobs.count - kept)
    }

    /// Recomputes segments, trip loads and cost from the job sequence in O(m).
    mutating func refresh(_ data: SearchData) {
        forward.removeAll(keepingCapacity: true)
        forward.append(data.startSegment[type])
        backward.removeAll(keepingCapacity: true)
        if !data.distanceOnly { backward.append(data.endSegment[type]) }
        refresh(data, keepingFirst: 0, last: 0)
    }

    /// Recomputes segments, trip loads and cost after a change that left the first `prefix`
    /// and the last `suffix` entries of ``jobs`` as they were when the segments were last
    /// computed: only the segments that cover changed entries are joined again (an insertion
    /// joins about m segments instead of 2m), the others are kept, bit for bit.
    mutating func refresh(_ data: SearchData, keepingFirst prefix: Int, last suffix: Int) {
        let m = jobs.count
        // Nodes before the change (as many as backward segments, where those are kept).
        let oldNodes = forward.count
        precondition(prefix + suffix <= m && prefix < forward.count && suffix < oldNodes, "stale route segments")
        recountTrips(data)
        // Resized an entry at a time and filled through a span: appended one by one, each
        // segment cost a uniqueness and a capacity check.
        while forward.count > m + 2 { forward.removeLast() }
        while forward.count < m + 2 { forward.append(data.endSegment[type]) }
        // (The span holds `forward` exclusively: what else it reads is copied out first.)
        let jobs = self.jobs, type = self.type
        var segments = forward.mutableSpan
        for index in prefix..<m {
            segments[index + 1] = data.join(segments[index], Self.segment(jobs[index], type: type, data), type: type)
        }
        segments[m + 1] = data.join(segments[m], data.endSegment[type], type: type)
        // Where distance alone prices the route, an insertion reads only forward segments
        // (``insertionDelta(of:afterNode:data:below:)``): the backward ones and the waiting
        // (for the lower bound of ``joinedDelta``) are not kept.
        if !data.distanceOnly {
            // backward[i] covers nodes i...m+1; the last suffix + 1 of them (the kept entries
            // and the end depot) stand where they stood, counted from the end.
            backward.replaceSubrange(
                0..<(oldNodes - suffix - 1), with: repeatElement(data.endSegment[type], count: m + 1 - suffix))
            var index = m - suffix
            while index >= 1 {
                backward[index] = data.join(segment(jobs[index - 1], data), backward[index + 1], type: type)
                index -= 1
            }
            backward[0] = forward[m + 1]
            var service = data.startSegment[type].duration + data.endSegment[type].duration
            for entry in jobs { service += segment(entry, data).duration }
            waiting = forward[m + 1].duration - forward[m + 1].travel - service
        }
        cost = m == 0 ? 0 : (data.cost(of: forward[m + 1], trips: trips, type: type) ?? .infinity)
        if m > 0, cost.isFinite,
            !(0..<trips).allSatisfy({ trip in
                (0..<data.dimensions).allSatisfy {
                    tripLoads[trip * data.dimensions + $0] <= data.capacity[type * data.dimensions + $0] + 1e-9
                }
            })
        {
            cost = .infinity
        }
    }

    /// Recounts the trips, the trip of each node and the load of each trip.
    private mutating func recountTrips(_ data: SearchData) {
        let dimensions = data.dimensions
        var tripCount = 1
        for entry in jobs where entry == Route.reload { tripCount += 1 }
        trips = tripCount
        // Resized an entry at a time (a change adds or drops a few) and filled through
        // buffers: emptied and refilled through the generic array calls, with a capacity and
        // uniqueness check per entry, this took 8 % of a CVRP search's instructions.
        let nodes = tripCount == 1 ? 0 : jobs.count + 1
        while tripOfNode.count > nodes { tripOfNode.removeLast() }
        while tripOfNode.count < nodes { tripOfNode.append(0) }
        while tripLoads.count > tripCount * dimensions { tripLoads.removeLast() }
        while tripLoads.count < tripCount * dimensions { tripLoads.append(0) }
        jobs.withUnsafeBufferPointer { jobs in
            data.demand.withUnsafeBufferPointer { demand in
                tripLoads.withUnsafeMutableBufferPointer { tripLoads in
                    var trip = 0
                    if dimensions == 1 {
                        // The usual case, summed in a register (in the same order, so to the
                        // same bits): a search on X-n261-k13 executes 5 % fewer instructions
                        // per iteration than with the general loop below.
                        var load = 0.0
                        for entry in jobs {
                            if entry == Route.reload {
                                tripLoads[trip] = load
                                trip += 1
                                load = 0
                            } else {
                                load += demand[entry]
                            }
                        }
                        tripLoads[trip] = load
                        return
                    }
                    for index in tripLoads.indices { tripLoads[index] = 0 }
                    for entry in jobs {
                        if entry == Route.reload {
                            trip += 1
                        } else {
                            for d in 0..<dimensions {
                                tripLoads[trip * dimensions + d] += demand[entry * dimensions + d]
                            }
                        }
                    }
                }
            }
        }
        guard tripCount > 1 else { return }
        tripOfNode.withUnsafeMutableBufferPointer { tripOfNode in
            var trip = 0
            tripOfNode[0] = 0
            for (position, entry) in jobs.enumerated() {
                if entry == Route.reload { trip += 1 }
                tripOfNode[position + 1] = trip
            }
        }
    }

    /// The segment of one entry: a job's visit, or a reload at the start depot.
    @inline(__always)
    private func segment(_ entry: Int, _ data: SearchData) -> RouteSegment {
        Self.segment(entry, type: type, data)
    }

    /// The segment of one entry of a route of type `type`.
    @inline(__always)
    private static func segment(_ entry: Int, type: Int, _ data: SearchData) -> RouteSegment {
        entry == Route.reload ? data.reloadSegment[type] : data.jobSegment[entry]
    }

    /// The exact change in cost when `job` goes between node `node` and the next one, or
    /// `nil` when the result breaks capacity, a window, the shift or a route limit, or when
    /// it certainly costs no less than `limit` (the best place found so far).
    @inline(__always)
    func insertionDelta(
        of job: Int, afterNode node: Int, data: SearchData, below limit: Double = .infinity
    )
        -> Double?
    {
        guard data.fits(job, onTopOf: tripLoads, at: trip(afterNode: node) * data.dimensions, type: type) else {
            return nil
        }
        return roomyInsertionDelta(of: job, afterNode: node, data: data, below: limit)
    }

    /// ``insertionDelta(of:afterNode:data:below:)`` where the trip is known to have room for
    /// the job.
    @inline(__always)
    func roomyInsertionDelta(of job: Int, afterNode node: Int, data: SearchData, below limit: Double) -> Double? {
        if data.distanceOnly { return detourDelta(of: job, afterNode: node, data: data) }
        return joinedDelta(of: job, afterNode: node, data: data, below: limit)
    }

    /// ``insertionDelta(of:afterNode:data:below:)`` where distance alone prices the route
    /// (``SearchData/distanceOnly``) and the job is known to fit the trip: its detour.
    @inline(__always)
    func detourDelta(of job: Int, afterNode node: Int, data: SearchData) -> Double {
        // The leg the job replaces is the difference of two forward segments, which sit side
        // by side in this route's storage: reading it from the matrix missed the cache on
        // large instances (a matrix of 1,000 locations takes 8 MB).
        let before = forward[node], after = forward[node + 1]
        return data.detourCost(
            of: job, between: before.lastLocation, and: after.lastLocation,
            skipping: after.distance - before.distance, type: type)
    }

    /// A lower bound on the change in cost of putting `job` after node `node`, wherever
    /// that is feasible (``SearchData/insertionLowerBound(of:between:and:skipping:waiting:type:)``).
    @inline(__always)
    func insertionLowerBound(of job: Int, afterNode node: Int, data: SearchData) -> Double {
        let before = forward[node], after = forward[node + 1]
        return data.insertionLowerBound(
            of: job, between: before.lastLocation, and: after.lastLocation,
            skipping: (distance: after.distance - before.distance, travel: after.travel - before.travel),
            waiting: waiting, type: type)
    }

    /// ``insertionDelta(of:afterNode:data:below:)`` by joining segments, for routes that time
    /// or limits price. Against a finite limit the place is first given a lower bound from the
    /// legs through the job and the one it replaces
    /// (``SearchData/insertionLowerBound(of:between:and:skipping:waiting:type:)``), and its
    /// segments are joined only when that bound is below the limit: the margin, far above
    /// rounding and far below any difference that matters, keeps every choice what pricing
    /// each place exactly would make it. Out of line, so that the distance-only path of the
    /// search's innermost loop stays as small as it was (inlined, this made the CVRP search
    /// execute 13 % more instructions per iteration).
    @inline(never)
    private func joinedDelta(of job: Int, afterNode node: Int, data: SearchData, below limit: Double) -> Double? {
        if limit.isFinite,
            insertionLowerBound(of: job, afterNode: node, data: data) >= limit + 1e-9 * max(1, abs(limit))
        {
            return nil
        }
        let route = data.join(data.join(forward[node], visiting: job, type: type), backward[node + 1], type: type)
        guard let newCost = data.cost(of: route, trips: trips, type: type) else { return nil }
        return newCost - cost
    }

    /// The exact change in cost of a new last trip serving only `job`, or `nil`.
    func newTripDelta(for job: Int, data: SearchData) -> Double? {
        let m = jobs.count
        guard m > 0, trips < data.maxTrips[type], data.fits(job, onTopOf: nil, type: type) else { return nil }
        let withReload = data.join(forward[m], data.reloadSegment[type], type: type)
        let route = data.join(
            data.join(withReload, data.jobSegment[job], type: type), data.endSegment[type], type: type)
        guard let newCost = data.cost(of: route, trips: trips + 1, type: type) else { return nil }
        return newCost - cost
    }

    /// The trip that a job inserted right after node `node` joins.
    @inline(__always)
    func trip(afterNode node: Int) -> Int { trips == 1 ? 0 : tripOfNode[node] }

    /// Whether trip `trip` has room for `job`.
    @inline(__always)
    func fits(_ job: Int, trip: Int, data: SearchData) -> Bool {
        data.fits(job, onTopOf: tripLoads, at: trip * data.dimensions, type: type)
    }
}
