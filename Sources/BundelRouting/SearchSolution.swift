/// The search's one mutable solution, changed in place and put back when a change is rejected.
///
/// Copying the whole solution every iteration cost more than the search itself on instances
/// of a few hundred jobs. Instead, every route is saved into a reusable journal slot the first
/// time an iteration touches it; ``rollback()`` swaps the saved routes back (no allocation)
/// and ``commit()`` forgets them. Empty routes keep their slot, so route indices stay valid
/// during an iteration, and a new route reuses an empty slot before the array grows.
struct SearchSolution {
    private(set) var routes: [WorkingRoute]
    private(set) var unassigned: [Int]
    /// The route of each job (-1 when unassigned) and its node in that route (1...m).
    private(set) var routeOf: [Int]
    private(set) var nodeOf: [Int]
    /// Non-empty routes per vehicle type.
    private(set) var usedVehicles: [Int]
    /// Total cost: routes plus the penalties of jobs left out, as of the last commit.
    private(set) var cost: Double

    private var journal: [WorkingRoute] = []
    private var journalRoute: [Int] = []
    private var journalCount = 0
    /// The iteration that last saved each route, so a route is saved once per iteration.
    private var savedIn: [Int]
    private var iteration = 0
    private var savedUnassigned: [Int] = []
    private var savedRouteCount = 0
    /// Routes opened by rejected changes, kept for their storage: the next new route reuses it.
    private var spareRoutes: [WorkingRoute] = []

    init(routes: [WorkingRoute], unassigned: [Int], data: SearchData) {
        self.routes = routes.filter { !$0.isEmpty }
        self.unassigned = unassigned
        routeOf = [Int](repeating: -1, count: data.jobCount)
        nodeOf = [Int](repeating: 0, count: data.jobCount)
        usedVehicles = [Int](repeating: 0, count: data.typeCount)
        savedIn = [Int](repeating: -1, count: self.routes.count)
        cost = 0
        for index in self.routes.indices {
            usedVehicles[self.routes[index].type] += 1
            locateJobs(ofRoute: index)
        }
        cost = total(data)
    }

    /// The non-empty routes.
    var nonEmptyRoutes: [WorkingRoute] { routes.filter { !$0.isEmpty } }

    /// Routes plus penalties, summed in route order.
    func total(_ data: SearchData) -> Double {
        var sum = 0.0
        for route in routes { sum += route.cost }
        for job in unassigned { sum += data.penalty[job] }
        return sum
    }

    /// Starts a change that ``commit()`` keeps or ``rollback()`` undoes.
    mutating func begin() {
        iteration += 1
        journalCount = 0
        savedUnassigned.removeAll(keepingCapacity: true)
        savedUnassigned.append(contentsOf: unassigned)
        savedRouteCount = routes.count
    }

    /// Keeps the change; returns the total cost.
    @discardableResult
    mutating func commit(_ data: SearchData) -> Double {
        cost = total(data)
        return cost
    }

    /// Indices of the routes the current change touched (for pooling the accepted ones).
    var touchedRoutes: some Sequence<Int> {
        journalRoute.prefix(journalCount) + Array(savedRouteCount..<routes.count)
    }

    /// Puts back every route the change touched and the list of jobs left out.
    mutating func rollback() {
        for slot in 0..<journalCount {
            let index = journalRoute[slot]
            if !routes[index].isEmpty { usedVehicles[routes[index].type] -= 1 }
            if !journal[slot].isEmpty { usedVehicles[journal[slot].type] += 1 }
            swap(&routes[index], &journal[slot])
        }
        for index in savedRouteCount..<routes.count where !routes[index].isEmpty {
            usedVehicles[routes[index].type] -= 1
        }
        spareRoutes.append(contentsOf: routes[savedRouteCount...])
        routes.removeLast(routes.count - savedRouteCount)
        savedIn.removeLast(savedIn.count - savedRouteCount)
        for slot in 0..<journalCount { locateJobs(ofRoute: journalRoute[slot]) }
        unassigned.removeAll(keepingCapacity: true)
        unassigned.append(contentsOf: savedUnassigned)
        for job in unassigned { routeOf[job] = -1 }
        journalCount = 0
    }

    /// Takes the jobs left out so far (to be inserted again); they are unassigned until then.
    mutating func takeUnassigned(into jobs: inout [Int]) {
        jobs.append(contentsOf: unassigned)
        unassigned.removeAll(keepingCapacity: true)
    }

    /// Leaves `job` out.
    mutating func leaveOut(_ job: Int) {
        unassigned.append(job)
        routeOf[job] = -1
    }

    /// Removes the jobs among the entries `range` of route `index`, except those among the
    /// entries `kept` (a block inside `range`: SISR's split string), appending them to
    /// `removed`. Reload marks stay (unless a trip is left empty): dropping one would merge two
    /// trips into one that may be too heavy.
    mutating func remove(
        _ range: Range<Int>, keeping kept: Range<Int> = 0..<0, fromRoute index: Int, into removed: inout [Int],
        data: SearchData
    ) {
        save(index)
        let oldCount = routes[index].jobs.count
        for position in range where !kept.contains(position) {
            let entry = routes[index].jobs[position]
            guard entry != Route.reload else { continue }
            removed.append(entry)
            routeOf[entry] = -1
        }
        for position in range.reversed()
        where !kept.contains(position) && routes[index].jobs[position] != Route.reload {
            routes[index].jobs.remove(at: position)
        }
        routes[index].normalizeReloads()
        // Dropping reload marks can touch only the entry just before the range and the one
        // just after it (or trailing marks, which leave no kept entry behind them): the
        // entries before and after those keep their segments.
        let prefix = min(max(0, range.lowerBound - 1), routes[index].jobs.count)
        let suffix = min(max(0, oldCount - range.upperBound - 1), routes[index].jobs.count - prefix)
        routes[index].refresh(data, keepingFirst: prefix, last: suffix)
        if routes[index].isEmpty { usedVehicles[routes[index].type] -= 1 }
        locateJobs(ofRoute: index, from: prefix)
    }

    /// Puts `job` into route `index` between node `node` and the next.
    mutating func insert(_ job: Int, intoRoute index: Int, afterNode node: Int, data: SearchData) {
        save(index)
        routes[index].jobs.insert(job, at: node)
        routes[index].refresh(data, keepingFirst: node, last: routes[index].jobs.count - 1 - node)
        locateJobs(ofRoute: index, from: node)
    }

    /// Serves `job` on a new last trip of route `index`.
    mutating func appendTrip(_ job: Int, toRoute index: Int, data: SearchData) {
        save(index)
        routes[index].jobs.append(Route.reload)
        routes[index].jobs.append(job)
        routes[index].refresh(data, keepingFirst: routes[index].jobs.count - 2, last: 0)
        locateJobs(ofRoute: index, from: routes[index].jobs.count - 2)
    }

    /// Serves `job` on a new route of vehicle type `type`, in an empty slot if there is one.
    mutating func openRoute(_ job: Int, type: Int, data: SearchData) {
        var index = routes.firstIndex(where: \.isEmpty) ?? routes.count
        if index < routes.count {
            save(index)
            routes[index].type = type
            routes[index].jobs.append(job)
            routes[index].refresh(data)
        } else if var spare = spareRoutes.popLast() {
            spare.type = type
            spare.jobs.removeAll(keepingCapacity: true)
            spare.jobs.append(job)
            spare.refresh(data)
            routes.append(spare)
            savedIn.append(iteration)
            index = routes.count - 1
        } else {
            routes.append(WorkingRoute(type: type, jobs: [job], data: data))
            savedIn.append(iteration)
            index = routes.count - 1
        }
        usedVehicles[type] += 1
        locateJobs(ofRoute: index)
    }

    /// Whether every job's recorded place, every route's cached segments and cost, and the
    /// vehicle counts agree with the routes as they stand; for assertions in debug builds.
    func isConsistent(_ data: SearchData) -> Bool {
        var used = [Int](repeating: 0, count: data.typeCount)
        for (index, route) in routes.enumerated() {
            if !route.isEmpty { used[route.type] += 1 }
            let fresh = WorkingRoute(type: route.type, jobs: route.jobs, data: data)
            guard fresh.cost == route.cost, fresh.forward == route.forward, fresh.backward == route.backward else {
                return false
            }
            for (position, entry) in route.jobs.enumerated() where entry != Route.reload {
                guard routeOf[entry] == index, nodeOf[entry] == position + 1 else { return false }
            }
        }
        return used == usedVehicles && unassigned.allSatisfy { routeOf[$0] == -1 }
    }

    /// Saves route `index` in the journal, once per change.
    private mutating func save(_ index: Int) {
        guard index < savedRouteCount, savedIn[index] != iteration else { return }
        savedIn[index] = iteration
        if journalCount == journal.count {
            journal.append(routes[index])
            journalRoute.append(index)
        } else {
            journal[journalCount].copyContents(of: routes[index])
            journalRoute[journalCount] = index
        }
        journalCount += 1
    }

    /// Records where each job of route `index` stands, from entry `start` on (the entries
    /// before it stand where they stood).
    private mutating func locateJobs(ofRoute index: Int, from start: Int = 0) {
        for position in start..<routes[index].jobs.count {
            let entry = routes[index].jobs[position]
            guard entry != Route.reload else { continue }
            routeOf[entry] = index
            nodeOf[entry] = position + 1
        }
    }
}
