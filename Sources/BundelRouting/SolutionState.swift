/// The mutable working solution of the search: routes as job lists with their priced form and
/// the position of every job, so moves can find their routes in O(1).
struct SolutionState {
    /// Priced routes; an emptied route is removed at once.
    private(set) var routes: [Route]
    /// Jobs that no route can take.
    let unserved: [UnservedJob]
    /// `routeOf[job]` is the index into ``routes``, or -1 for an unserved or removed job.
    private(set) var routeOf: [Int]
    /// `positionOf[job]` is the job's index in its route.
    private(set) var positionOf: [Int]

    init(routes: [Route], unserved: [UnservedJob], jobCount: Int) {
        self.routes = routes
        self.unserved = unserved
        routeOf = Array(repeating: -1, count: jobCount)
        positionOf = Array(repeating: -1, count: jobCount)
        reindexAll()
    }

    /// Total cost of all routes.
    var cost: Double { routes.reduce(0) { $0 + $1.cost } }

    /// Replaces route `index` by `route`, or removes it when `route` is `nil` (no jobs left).
    mutating func replace(_ index: Int, with route: Route?) {
        for job in routes[index].jobs { routeOf[job] = -1 }
        if let route {
            routes[index] = route
            reindex(index)
        } else {
            routes.remove(at: index)
            for moved in index..<routes.count { reindex(moved) }
        }
    }

    /// Adds a route for jobs that are not on any route now.
    mutating func append(_ route: Route) {
        routes.append(route)
        reindex(routes.count - 1)
    }

    /// Removes jobs from their routes, repricing the routes they leave with `price`. A route
    /// that `price` rejects without them keeps them: callers check ``routeOf`` afterwards.
    mutating func remove(_ jobs: Set<Int>, price: ([Int]) -> Route?) {
        let touched = Set(jobs.map { routeOf[$0] }.filter { $0 >= 0 }).sorted(by: >)
        for index in touched {
            let remaining = routes[index].jobs.filter { !jobs.contains($0) }
            // Removing jobs keeps a route feasible under every rule this engine knows (the
            // triangle inequality aside); if a matrix breaks it, the jobs go back unchanged.
            replace(index, with: remaining.isEmpty ? nil : (price(remaining) ?? routes[index]))
        }
    }

    private mutating func reindex(_ index: Int) {
        for (position, job) in routes[index].jobs.enumerated() {
            routeOf[job] = index
            positionOf[job] = position
        }
    }

    private mutating func reindexAll() {
        for index in routes.indices { reindex(index) }
    }
}
