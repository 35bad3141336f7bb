import Foundation

/// Slack Induction by String Removals (Christiaens and Vanden Berghe, 2020) under simulated
/// annealing: each iteration removes strings of consecutive jobs from a few routes near a
/// random job (on problems of 100 jobs or more, half of them split strings, which keep a block
/// of the string in place), reinserts the removed jobs one by one at their cheapest feasible
/// position (skipping a position now and then, the "blinks" that keep the search from
/// repeating itself), and accepts the result if it is better than the current solution minus a
/// temperature-dependent margin; a rejected result is rolled back in place.
///
/// Insertion looks first next to the job's nearest neighbours (granular neighbourhoods, as in
/// Toth and Vigo 2003 and HGS), and scans every position of every route only when no route
/// near the job can take it.
struct RuinAndRecreate {
    let data: SearchData
    let parameters: SearchParameters

    /// Average number of jobs removed per iteration, and the longest string.
    private let averageRemoved = 10.0
    private let maxStringLength = 10.0
    private let blinkRate = 0.01
    /// Chance that a split string's kept block stops growing at each further entry (SISR's β).
    private let splitDepth = 0.01
    /// Split strings are used on problems of at least this many jobs. They pay on the
    /// benchmarks (100 jobs and more: the first 40 X instances at 150,000 iterations, two seeds,
    /// mean gap 0.96 % -> 0.78 %), but on the plans' day problems (up to about 70 jobs, at most
    /// 3,000 iterations) they left a third truck more often where two could serve every job in
    /// its window (Cordaan's beverages and dry-goods days, 20 seeds: 1,293 -> 1,373 and 1,507 ->
    /// 1,624 EUR on average), and a shorter kept block that spared those gained only half as
    /// much on X. Below this size the search draws exactly as it did before split strings.
    static let splitStringsFromJobs = 100
    /// Share of iterations that remove a whole route instead of strings.
    private let wholeRouteRate = 0.01

    /// The routes and left-out jobs of a solution, kept as the best one found.
    struct Snapshot {
        var routes: [WorkingRoute]
        var unassigned: [Int]
        var cost: Double

        /// Takes over `solution`'s non-empty routes into this snapshot's own storage: sharing
        /// the buffers would make the search copy each route it touches next.
        mutating func capture(_ solution: SearchSolution, cost: Double) {
            var kept = 0
            for route in solution.routes where !route.isEmpty {
                if kept < routes.count {
                    routes[kept].copyContents(of: route)
                } else {
                    routes.append(WorkingRoute(copying: route))
                }
                kept += 1
            }
            routes.removeLast(routes.count - kept)
            unassigned.removeAll(keepingCapacity: true)
            unassigned.append(contentsOf: solution.unassigned)
            self.cost = cost
        }
    }

    /// Buffers reused by every iteration, so that an iteration allocates nothing.
    private struct Scratch {
        var ruined: [Int] = []
        /// The insertion that last priced the place right after each job: two neighbours of
        /// the inserted job that border one place would price it twice.
        var pricedAfter: [Int]
        var insertion = 0
        /// The insertion that last judged each route, and what it found (``RouteVerdict``):
        /// the neighbours of a job share a few routes, and each is judged once per insertion.
        var judged: [(insertion: Int, verdict: RouteVerdict)] = []
        var blinker = Blinker()

        init(jobCount: Int) { pricedAfter = [Int](repeating: -1, count: jobCount) }

        /// Starts the insertion of one job into a solution of `routeCount` routes: no route
        /// is judged yet.
        mutating func beginInsertion(routeCount: Int) {
            insertion += 1
            if routeCount > judged.count {
                judged.append(contentsOf: repeatElement((-1, .closed), count: routeCount - judged.count))
            }
        }
    }

    /// Draws which places an insertion skips (SISR's blinks).
    private struct Blinker {
        /// Places to price before the next blink (-1: not drawn yet).
        var untilBlink = -1

        /// Whether to skip the next place: each is skipped with probability `rate`, drawn as
        /// the geometric number of places between two blinks rather than once per place
        /// (one random number per hundred places instead of per place, at a rate of 1 %).
        @inline(__always)
        mutating func blinks(rate: Double, random: inout SeededGenerator) -> Bool {
            if untilBlink > 0 {
                untilBlink -= 1
                return false
            }
            let blink = untilBlink == 0
            let uniform = Double.random(in: Double.ulpOfOne..<1, using: &random)
            untilBlink = Int(log(uniform) / log(1 - rate))
            return blink
        }
    }

    /// What an insertion may do with one route, the same at every place of it.
    enum RouteVerdict {
        /// Not a place for the job: its type may not serve it, a ruin step left it infeasible
        /// (only where the matrix breaks the triangle inequality), or only capacity limits it
        /// (CVRP) and its one trip has no room. Its places are neither priced nor drawn for
        /// blinks. On the first 40 X instances at 150,000 iterations (two
        /// seeds) passing full CVRP routes over took 25 % less time for the same mean gap.
        /// Elsewhere the places of a full route are still drawn: skipping them changes the
        /// random sequence of the plans' day problems, and with it every figure.
        case closed
        /// One trip with room for the job: each place is priced without checking capacity.
        case room
        /// One trip without room, where time or limits price routes: beside the neighbours its
        /// places are drawn for blinks but not priced; the full scan passes it over.
        case full
        /// Several trips: each place checks the capacity of its own trip.
        case perTrip

        /// The verdict on `route` for `job`. (A static function, not an initialiser: an
        /// initialiser takes its arguments owned, and would copy `data` on every call.)
        @inline(__always)
        static func of(_ route: WorkingRoute, for job: Int, data: SearchData) -> RouteVerdict {
            guard data.allowed[job * data.typeCount + route.type], route.cost.isFinite else { return .closed }
            if route.trips > 1 { return .perTrip }
            if route.fits(job, trip: 0, data: data) { return .room }
            return data.distanceOnly ? .closed : .full
        }
    }

    /// The solution with every job of `jobs` inserted greedily, in the given order.
    func construct(_ jobs: [Int], random: inout SeededGenerator) -> SearchSolution {
        var solution = SearchSolution(routes: [], unassigned: [], data: data)
        solution.begin()
        var pending = jobs
        var scratch = Scratch(jobCount: data.jobCount)
        recreate(&pending, into: &solution, scratch: &scratch, random: &random, blinks: false)
        solution.commit(data)
        return solution
    }

    /// Anneals from `initial` until the iteration limit or `deadline`, pooling the routes of
    /// every accepted solution in `pool` when there is one; returns the best solution.
    func run(
        from initial: SearchSolution, random: inout SeededGenerator, deadline: ContinuousClock.Instant,
        pool: inout RoutePool?, statistics: inout SearchStatistics
    ) -> Snapshot {
        var current = initial
        var best = Snapshot(routes: [], unassigned: [], cost: current.cost)
        best.capture(current, cost: current.cost)
        pool?.add(current.routes)
        let start = ContinuousClock.now
        let total = (deadline - start)
        let arcs = max(1, current.routes.reduce(0) { $0 + $1.jobs.count + 1 })
        let routeCost = current.routes.reduce(0) { $0 + $1.cost }
        // A start that cannot be costed (it cannot happen with exact insertion checks, but a
        // NaN temperature would stop every acceptance) falls back to a unit scale.
        let meanArc = routeCost.isFinite && routeCost > 0 ? routeCost / Double(arcs) : 1
        let hot = max(parameters.initialTemperature * meanArc, 1e-9)
        let cold = max(parameters.finalTemperature * meanArc, 1e-12)
        var scratch = Scratch(jobCount: data.jobCount)
        var pending: [Int] = []
        var iteration = 0
        var progress = 0.0
        while iteration < parameters.maxIterations {
            if iteration % 16 == 0, ContinuousClock.now >= deadline {
                statistics.stoppedByTimeLimit = true
                break
            }
            if iteration % 16 == 0, parameters.stop?.isRequested == true {
                statistics.stoppedByRequest = true
                break
            }
            // Cooling follows the iterations, so the same seed and limit give the same run,
            // unless only the clock limits the search (benchmarks): then it follows the clock.
            if parameters.maxIterations == Int.max, iteration % 16 == 0 {
                progress = min(1, max(0, (ContinuousClock.now - start) / total))
            } else if parameters.maxIterations < Int.max {
                progress = Double(iteration) / Double(parameters.maxIterations)
            }
            let temperature = hot * pow(cold / hot, progress)
            iteration += 1

            current.begin()
            pending.removeAll(keepingCapacity: true)
            ruin(&current, into: &pending, scratch: &scratch, random: &random)
            current.takeUnassigned(into: &pending)
            recreate(&pending, into: &current, scratch: &scratch, random: &random, blinks: true)
            let candidate = current.total(data)
            let threshold = current.cost - temperature * log(Double.random(in: Double.ulpOfOne..<1, using: &random))
            if candidate < threshold {
                if pool != nil { for index in current.touchedRoutes { pool?.add(current.routes[index]) } }
                current.commit(data)
                statistics.acceptances += 1
                if candidate < best.cost - 1e-9 {
                    best.capture(current, cost: candidate)
                    statistics.improvements += 1
                }
            } else {
                current.rollback()
            }
            assert(current.isConsistent(data), "the solution's bookkeeping disagrees with its routes")
        }
        statistics.iterations += iteration
        return best
    }

    /// Removes strings of consecutive jobs from routes near a random job into `pending`.
    private func ruin(
        _ solution: inout SearchSolution, into pending: inout [Int], scratch: inout Scratch,
        random: inout SeededGenerator
    ) {
        var served = 0, routeCount = 0
        for route in solution.routes where !route.isEmpty {
            served += route.jobs.count - (route.trips - 1)
            routeCount += 1
        }
        guard served > 0 else { return }
        let averageLength = Double(served) / Double(routeCount)
        let longest = min(maxStringLength, averageLength)
        let maxStrings = 4 * averageRemoved / (1 + longest) - 1
        let strings = Int(Double.random(in: 1..<(maxStrings + 1), using: &random))
        var seed = Int.random(in: 0..<data.jobCount, using: &random)
        while solution.routeOf[seed] < 0 { seed = Int.random(in: 0..<data.jobCount, using: &random) }
        // Now and then the seed's whole route goes: strings of at most ten jobs cannot empty a
        // long route, and without this a solution with one route too many (Solomon's C2
        // instances: four routes of 25 where three serve all) is never left.
        if routeCount > 1, Double.random(in: 0..<1, using: &random) < wholeRouteRate {
            let index = solution.routeOf[seed]
            solution.remove(0..<solution.routes[index].jobs.count, fromRoute: index, into: &pending, data: data)
            return
        }

        scratch.ruined.removeAll(keepingCapacity: true)
        let splitStrings = data.jobCount >= Self.splitStringsFromJobs
        let neighbours = data.adjacency[seed]
        var next = -1
        while scratch.ruined.count < strings, next < neighbours.count {
            let job = next < 0 ? seed : neighbours[next]
            next += 1
            let index = solution.routeOf[job]
            guard index >= 0, !scratch.ruined.contains(index) else { continue }
            scratch.ruined.append(index)
            let count = solution.routes[index].jobs.count
            let length = Int(Double.random(in: 1..<(min(Double(count), longest) + 1), using: &random))
            let position = solution.nodeOf[job] - 1
            // Half the time (in single-trip routes of large problems) a split string: a block of
            // `preserved` entries inside the window stays, so the route loses two strings around it.
            let preserved =
                splitStrings && solution.routes[index].trips == 1 && Bool.random(using: &random)
                ? Self.preservedCount(length: length, routeLength: count, depth: splitDepth, random: &random) : 0
            let window = length + preserved
            // A window of `window` entries that contains `job`, placed at random around it.
            let first = Int.random(in: max(0, position - window + 1)...min(position, count - window), using: &random)
            let keptStart = preserved > 0 ? first + Int.random(in: 0..<length, using: &random) : first
            solution.remove(
                first..<(first + window), keeping: keptStart..<(keptStart + preserved), fromRoute: index,
                into: &pending, data: data)
        }
    }

    /// How many entries a split string keeps between its two removed parts: one, and one more
    /// for each draw that misses `depth`, while the window still fits the route (as SISR; one
    /// geometric draw stands for the paper's loop of draws). 0 when the string is the route.
    static func preservedCount(length: Int, routeLength: Int, depth: Double, random: inout SeededGenerator) -> Int {
        guard length < routeLength else { return 0 }
        let uniform = Double.random(in: Double.ulpOfOne..<1, using: &random)
        let misses = log(uniform) / log(1 - depth)
        return misses >= Double(routeLength - length - 1) ? routeLength - length : 1 + Int(misses)
    }

    /// The cheapest place found so far for one job.
    private struct Insertion {
        enum Place { case none, route(Int, afterNode: Int), newTrip(Int), newRoute(type: Int) }
        var cost = Double.infinity
        var place = Place.none

        @inline(__always)
        mutating func consider(_ delta: Double?, _ candidate: Place) {
            if let delta, delta < cost {
                cost = delta
                place = candidate
            }
        }
    }

    /// Inserts `jobs` one by one where each costs least; jobs that fit nowhere stay unassigned.
    private func recreate(
        _ jobs: inout [Int], into solution: inout SearchSolution, scratch: inout Scratch,
        random: inout SeededGenerator, blinks: Bool
    ) {
        order(&jobs, random: &random)
        // On a problem of few jobs the neighbours are nearly every job, and looking beside each
        // of them would price most positions twice: a full scan is cheaper there.
        let granularity = data.jobCount > 2 * parameters.granularNeighbours ? parameters.granularNeighbours : 0
        for job in jobs {
            var best = Insertion()
            if granularity > 0 {
                priceNearNeighbours(
                    of: job, granularity: granularity, in: solution, best: &best, scratch: &scratch, random: &random,
                    blinks: blinks)
            }
            if case .none = best.place {
                // A route that a ruin step left infeasible (possible only where the matrix
                // breaks the triangle inequality) takes no job: the iteration is rejected anyway.
                // A full one-trip route is passed over here on every problem.
                for (index, route) in solution.routes.enumerated() where !route.isEmpty {
                    let verdict = RouteVerdict.of(route, for: job, data: data)
                    guard verdict == .room || verdict == .perTrip else { continue }
                    for after in 0...route.jobs.count {
                        if blinks, scratch.blinker.blinks(rate: blinkRate, random: &random) { continue }
                        best.consider(
                            route.insertionDelta(of: job, afterNode: after, data: data, below: best.cost),
                            .route(index, afterNode: after))
                    }
                }
            }
            if data.someTypeReloads {
                for index in solution.routes.indices
                where solution.routes[index].trips < data.maxTrips[solution.routes[index].type] {
                    guard !solution.routes[index].isEmpty, solution.routes[index].cost.isFinite,
                        data.allowed[job * data.typeCount + solution.routes[index].type]
                    else { continue }
                    best.consider(solution.routes[index].newTripDelta(for: job, data: data), .newTrip(index))
                }
            }
            for type in 0..<data.typeCount where solution.usedVehicles[type] < data.count[type] {
                let solo = data.soloCost[job * data.typeCount + type]
                if solo.isFinite { best.consider(solo, .newRoute(type: type)) }
            }

            if best.cost >= data.penalty[job] {
                // Serving the job costs more than leaving it out (an optional job), or no
                // vehicle can take it.
                solution.leaveOut(job)
                continue
            }
            switch best.place {
            case .none:
                solution.leaveOut(job)
            case let .route(index, after):
                let before = solution.routes[index].cost
                solution.insert(job, intoRoute: index, afterNode: after, data: data)
                assert(
                    abs(solution.routes[index].cost - before - best.cost) <= 1e-6 * max(1, abs(before)),
                    "predicted insertion cost \(best.cost) differs from the refreshed route's \(solution.routes[index].cost - before)"
                )
            case let .newTrip(index):
                let before = solution.routes[index].cost
                solution.appendTrip(job, toRoute: index, data: data)
                assert(
                    abs(solution.routes[index].cost - before - best.cost) <= 1e-6 * max(1, abs(before)),
                    "predicted new-trip cost \(best.cost) differs from the refreshed route's \(solution.routes[index].cost - before) \(solution.routes[index].jobs)"
                )
            case let .newRoute(type):
                solution.openRoute(job, type: type, data: data)
            }
        }
    }

    /// Prices the places beside the `granularity` nearest neighbours of `job` into `best`.
    @inline(__always)
    private func priceNearNeighbours(
        of job: Int, granularity: Int, in solution: SearchSolution, best: inout Insertion, scratch: inout Scratch,
        random: inout SeededGenerator, blinks: Bool
    ) {
        scratch.beginInsertion(routeCount: solution.routes.count)
        let insertion = scratch.insertion
        // The marks are written through buffers: written as arrays, every write called into
        // the runtime to check that the array was not shared. With the buffers and this loop
        // in a function of its own, an iteration on X-n261-k13 executes 12 % fewer instructions.
        scratch.pricedAfter.withUnsafeMutableBufferPointer { pricedAfter in
            scratch.judged.withUnsafeMutableBufferPointer { judged in
                for neighbour in data.adjacency[job].prefix(granularity) {
                    let index = solution.routeOf[neighbour]
                    guard index >= 0 else { continue }
                    if judged[index].insertion != insertion {
                        judged[index] = (insertion, RouteVerdict.of(solution.routes[index], for: job, data: data))
                    }
                    let verdict = judged[index].verdict
                    if verdict == .closed { continue }
                    let node = solution.nodeOf[neighbour]
                    for after in (node - 1)...node {
                        // The place after a job is priced once per insertion (a place after
                        // the depot or a reload mark may be priced twice: it costs the same).
                        let entry =
                            after == node
                            ? neighbour : after == 0 ? Route.reload : solution.routes[index].jobs[after - 1]
                        if entry != Route.reload {
                            if pricedAfter[entry] == insertion { continue }
                            pricedAfter[entry] = insertion
                        }
                        if blinks, scratch.blinker.blinks(rate: blinkRate, random: &random) { continue }
                        switch verdict {
                        case .room:
                            best.consider(
                                solution.routes[index].roomyInsertionDelta(
                                    of: job, afterNode: after, data: data, below: best.cost),
                                .route(index, afterNode: after))
                        case .perTrip:
                            best.consider(
                                solution.routes[index].insertionDelta(
                                    of: job, afterNode: after, data: data, below: best.cost),
                                .route(index, afterNode: after))
                        case .closed, .full: break
                        }
                    }
                }
            }
        }
    }

    /// The order of reinsertion: random, by demand (largest first), far from or close to the
    /// depot first, with SISR's weights 4, 4, 2, 1.
    private func order(_ jobs: inout [Int], random: inout SeededGenerator) {
        // The closures capture the one array they read: capturing `data` would copy this
        // struct, and retain and release each of its arrays, on every sort.
        let demand = data.totalDemand
        let distance = data.depotDistance
        switch Int.random(in: 0..<11, using: &random) {
        case 0..<4: jobs.shuffle(using: &random)
        case 4..<8: jobs.sort { (demand[$0], $0) > (demand[$1], $1) }
        case 8..<10: jobs.sort { (distance[$0], $0) > (distance[$1], $1) }
        default: jobs.sort { (distance[$0], $0) < (distance[$1], $1) }
        }
    }
}
