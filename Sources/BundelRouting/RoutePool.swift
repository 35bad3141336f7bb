import BundelLP

/// Routes met during the search, one per set of jobs (the cheapest order seen), from which a
/// set-partitioning model solved with GLPK picks the cheapest combination that serves every
/// job exactly once: the classic matheuristic that recombines good routes of different
/// solutions (Rochat and Taillard 1995; Subramanian et al. 2013).
struct RoutePool {
    /// Keyed by ``key(of:)``, the set of jobs (with its reload marks) as one number.
    private var routes: [UInt64: (type: Int, jobs: [Int], cost: Double)] = [:]
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { routes.count }

    /// Adds the routes of a solution, keeping the cheapest route per set of jobs.
    mutating func add(_ solution: [WorkingRoute]) {
        for route in solution { add(route) }
    }

    /// Adds one route unless the pool knows its set of jobs at no higher cost.
    mutating func add(_ route: WorkingRoute) {
        guard !route.isEmpty, route.cost.isFinite else { return }
        let key = Self.key(of: route.jobs)
        if let known = routes[key], known.cost <= route.cost { return }
        if routes[key] == nil, routes.count >= capacity { return }
        routes[key] = (route.type, route.jobs, route.cost)
    }

    /// The set of jobs of a route, whatever their order, as one number: the wrapping sum of a
    /// fixed pseudo-random number per job (Zobrist hashing). The search adds the routes of every
    /// accepted solution, and sorting each route's jobs into an array key took a third of the
    /// iterations of a solve with set partitioning (X-n261-k13, 10 s: 298,608 iterations
    /// against 468,576 without the pool). Two sets that share a key by chance (odds about
    /// 2^-64 a pair) only cost the pool a column: the model is built from each route's jobs.
    static func key(of jobs: [Int]) -> UInt64 {
        var key: UInt64 = 0
        for job in jobs {
            // The first number of the generator seeded with the job's index: well spread, and
            // no table to keep.
            var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(job)))
            key &+= generator.next()
        }
        return key
    }

    /// The cheapest combination of pooled routes that serves exactly the jobs `served`, within
    /// the vehicle counts, or `nil` when GLPK finds none in time. The model gets the routes of
    /// `incumbent` (so a solution always exists) and the `maxColumns` pooled routes with the
    /// lowest cost per job: building and solving a model of every pooled route took longer
    /// than the time share it has.
    func bestCombination(
        serving served: [Int], incumbent: [WorkingRoute], maxColumns: Int, data: SearchData,
        timeLimitSeconds: Double
    ) -> [WorkingRoute]? {
        let servedSet = Set(served)
        let perJob: ((type: Int, jobs: [Int], cost: Double)) -> Double = { $0.cost / Double(max(1, $0.jobs.count)) }
        let incumbentKeys = Set(incumbent.map { Self.key(of: $0.jobs) })
        let candidates = routes.filter { key, route in
            !incumbentKeys.contains(key) && route.jobs.allSatisfy { $0 == Route.reload || servedSet.contains($0) }
        }.values
            // A fixed column order keeps GLPK's choice among equal optima the same on every run.
            .sorted { perJob($0) != perJob($1) ? perJob($0) < perJob($1) : $0.jobs.lexicographicallyPrecedes($1.jobs) }
        let columns = incumbent.map { (type: $0.type, jobs: $0.jobs, cost: $0.cost) } + candidates.prefix(maxColumns)
        guard !columns.isEmpty else { return nil }
        var model = LinearModel(sense: .minimize)
        var covering: [Int: [(LinearModel.Variable, Double)]] = [:]
        var byType: [Int: [(LinearModel.Variable, Double)]] = [:]
        var variables: [LinearModel.Variable] = []
        do {
            for (index, column) in columns.enumerated() {
                let variable = try model.addVariable(name: "r\(index)", kind: .binary, objective: column.cost)
                variables.append(variable)
                for job in column.jobs where job != Route.reload { covering[job, default: []].append((variable, 1)) }
                byType[column.type, default: []].append((variable, 1))
            }
            for job in served.sorted() {
                guard let terms = covering[job] else { return nil }
                try model.addConstraint(name: "serve\(job)", terms, .equalTo(1))
            }
            for (type, terms) in byType.sorted(by: { $0.key < $1.key }) {
                if let count = data.problem.vehicleTypes[type].count {
                    try model.addConstraint(name: "fleet\(type)", terms, .atMost(Double(count)))
                }
            }
            let result = try LinearSolver.solve(
                model, options: SolveOptions(timeLimitSeconds: timeLimitSeconds, relativeMIPGap: 1e-9))
            guard result.status.hasSolution else { return nil }
            return zip(columns, variables).filter { result.value($0.1) > 0.5 }
                .map { WorkingRoute(type: $0.0.type, jobs: $0.0.jobs, data: data) }
        } catch {
            // The model is built from valid routes; an LPError here would be a bug, and the
            // search simply keeps its own best solution.
            return nil
        }
    }
}
