import Foundation

/// Slack Induction by String Removals (Christiaens and Vanden Berghe, 2020) under simulated
/// annealing: each iteration removes strings of consecutive jobs from a few routes near a
/// random job, reinserts the removed jobs one by one at their cheapest feasible position
/// (skipping a position now and then, the "blinks" that keep the search from repeating
/// itself), and accepts the result if it is better than the current solution minus a
/// temperature-dependent margin.
struct RuinAndRecreate {
    let data: SearchData
    let parameters: SearchParameters

    /// Average number of jobs removed per iteration, and the longest string.
    private let averageRemoved = 10.0
    private let maxStringLength = 10.0
    private let blinkRate = 0.01

    struct State {
        var routes: [WorkingRoute]
        var unassigned: [Int]
        var cost: Double
    }

    /// Total cost: routes plus the penalties of jobs left out.
    func cost(_ routes: [WorkingRoute], _ unassigned: [Int]) -> Double {
        routes.reduce(0) { $0 + $1.cost } + unassigned.reduce(0) { $0 + data.penalty[$1] }
    }

    /// The state with every job of `jobs` inserted greedily, in the given order.
    func construct(_ jobs: [Int], random: inout SeededGenerator) -> State {
        var routes: [WorkingRoute] = []
        var unassigned: [Int] = []
        recreate(jobs, into: &routes, unassigned: &unassigned, random: &random, blinks: false)
        return State(routes: routes, unassigned: unassigned, cost: cost(routes, unassigned))
    }

    /// Anneals from `initial` until the iteration limit or `deadline`, pooling the routes of
    /// every accepted solution in `pool`; returns the best state.
    func run(from initial: State, random: inout SeededGenerator, deadline: ContinuousClock.Instant,
             pool: inout RoutePool, statistics: inout SearchStatistics) -> State {
        var current = initial
        var best = initial
        pool.add(initial.routes)
        let start = ContinuousClock.now
        let total = (deadline - start)
        let arcs = max(1, initial.routes.reduce(0) { $0 + $1.jobs.count + 1 })
        let meanArc = initial.routes.reduce(0) { $0 + $1.cost } / Double(arcs)
        let hot = max(parameters.initialTemperature * meanArc, 1e-9)
        let cold = max(parameters.finalTemperature * meanArc, 1e-12)
        var iteration = 0
        var progress = 0.0
        while iteration < parameters.maxIterations {
            if iteration % 16 == 0, ContinuousClock.now >= deadline { statistics.stoppedByTimeLimit = true; break }
            if iteration % 16 == 0, parameters.stop?.isRequested == true { statistics.stoppedByRequest = true; break }
            // Cooling follows the iterations, so the same seed and limit give the same run,
            // unless only the clock limits the search (benchmarks): then it follows the clock.
            if parameters.maxIterations == Int.max, iteration % 16 == 0 {
                progress = min(1, max(0, (ContinuousClock.now - start) / total))
            } else if parameters.maxIterations < Int.max {
                progress = Double(iteration) / Double(parameters.maxIterations)
            }
            let temperature = hot * pow(cold / hot, progress)
            iteration += 1

            var routes = current.routes
            var unassigned = current.unassigned
            let removed = ruin(&routes, random: &random)
            recreate(removed + unassigned.shuffled(using: &random), into: &routes, unassigned: &unassigned,
                     random: &random, blinks: true, replacingUnassigned: true)
            let candidate = cost(routes, unassigned)
            let threshold = current.cost - temperature * log(Double.random(in: Double.ulpOfOne..<1, using: &random))
            if candidate < threshold {
                current = State(routes: routes, unassigned: unassigned, cost: candidate)
                statistics.acceptances += 1
                pool.add(routes)
                if candidate < best.cost - 1e-9 {
                    best = current
                    statistics.improvements += 1
                }
            }
        }
        statistics.iterations += iteration
        return best
    }

    /// Removes strings of consecutive jobs from routes near a random job; returns them.
    private func ruin(_ routes: inout [WorkingRoute], random: inout SeededGenerator) -> [Int] {
        let served = routes.reduce(0) { $0 + $1.jobs.count - ($1.trips - 1) }
        guard served > 0 else { return [] }
        var routeOf = [Int](repeating: -1, count: data.jobCount)
        for (index, route) in routes.enumerated() { for job in route.jobs where job != Route.reload { routeOf[job] = index } }
        let averageLength = Double(served) / Double(routes.count)
        let longest = min(maxStringLength, averageLength)
        let maxStrings = 4 * averageRemoved / (1 + longest) - 1
        let strings = Int(Double.random(in: 1..<(maxStrings + 1), using: &random))
        var seed = Int.random(in: 0..<data.jobCount, using: &random)
        while routeOf[seed] < 0 { seed = Int.random(in: 0..<data.jobCount, using: &random) }

        var removed: [Int] = []
        var ruined = Set<Int>()
        for job in [seed] + data.adjacency[seed] where ruined.count < strings {
            let index = routeOf[job]
            guard index >= 0, !ruined.contains(index) else { continue }
            ruined.insert(index)
            let jobs = routes[index].jobs
            let length = Int(Double.random(in: 1..<(min(Double(jobs.count), longest) + 1), using: &random))
            let position = jobs.firstIndex(of: job)!
            // A string of `length` jobs that contains `job`, placed at random around it.
            let first = Int.random(in: max(0, position - length + 1)...min(position, jobs.count - length), using: &random)
            removed += jobs[first..<(first + length)].filter { $0 != Route.reload }
            routes[index].jobs.removeSubrange(first..<(first + length))
            routes[index].normalizeReloads()
        }
        for index in ruined.sorted(by: >) {
            if routes[index].jobs.isEmpty { routes.remove(at: index) } else { routes[index].refresh(data) }
        }
        return removed
    }

    /// Inserts `jobs` one by one where each costs least; jobs that fit nowhere stay unassigned.
    private func recreate(_ jobs: [Int], into routes: inout [WorkingRoute], unassigned: inout [Int],
                          random: inout SeededGenerator, blinks: Bool, replacingUnassigned: Bool = false) {
        if replacingUnassigned { unassigned = [] }
        var used = [Int](repeating: 0, count: data.typeCount)
        for route in routes { used[route.type] += 1 }
        for job in order(jobs, random: &random) {
            var bestCost = Double.infinity
            var bestRoute = -1, bestPosition = 0, bestType = -1
            for (index, route) in routes.enumerated() {
                let type = route.type
                guard data.allowed[job * data.typeCount + type] else { continue }
                let vehicle = data.problem.vehicleTypes[type]
                let travel = data.problem.profiles[vehicle.profile]
                if route.trips == 1, !route.fits(job, trip: 0, data: data, capacity: vehicle.capacity) { continue }
                // The trip an insertion joins: a position right after a reload opens the next one.
                var trip = 0
                for position in 0...route.jobs.count {
                    if position > 0, route.jobs[position - 1] == Route.reload { trip += 1 }
                    if route.trips > 1, !route.fits(job, trip: trip, data: data, capacity: vehicle.capacity) { continue }
                    if blinks, Double.random(in: 0..<1, using: &random) < blinkRate { continue }
                    if let delta = route.insertionCost(of: job, at: position, data: data, vehicle: vehicle, travel: travel),
                       delta < bestCost {
                        bestCost = delta
                        bestRoute = index
                        bestPosition = position
                    }
                }
            }
            var bestNewTrip = -1
            for (index, route) in routes.enumerated() where route.trips < data.problem.vehicleTypes[route.type].maxTrips {
                guard data.allowed[job * data.typeCount + route.type] else { continue }
                let vehicle = data.problem.vehicleTypes[route.type]
                if let delta = route.newTripCost(for: job, data: data, vehicle: vehicle, travel: data.problem.profiles[vehicle.profile]),
                   delta < bestCost {
                    bestCost = delta
                    bestNewTrip = index
                    bestRoute = -1
                }
            }
            for type in 0..<data.typeCount {
                let solo = data.soloCost[job * data.typeCount + type]
                guard solo < bestCost, solo.isFinite else { continue }
                if let count = data.problem.vehicleTypes[type].count, used[type] >= count { continue }
                bestCost = solo
                bestType = type
                bestRoute = -1
                bestNewTrip = -1
            }
            if bestCost >= data.penalty[job] {
                // Serving the job costs more than leaving it out (an optional job).
                unassigned.append(job)
            } else if bestRoute >= 0 {
                routes[bestRoute].jobs.insert(job, at: bestPosition)
                routes[bestRoute].refresh(data)
            } else if bestNewTrip >= 0 {
                routes[bestNewTrip].jobs += [Route.reload, job]
                routes[bestNewTrip].refresh(data)
            } else if bestType >= 0 {
                routes.append(WorkingRoute(type: bestType, jobs: [job], data: data))
                used[bestType] += 1
            } else {
                unassigned.append(job)
            }
        }
    }

    /// The order of reinsertion: random, by demand (largest first), far from or close to the
    /// depot first, with SISR's weights 4, 4, 2, 1.
    private func order(_ jobs: [Int], random: inout SeededGenerator) -> [Int] {
        let choice = Int.random(in: 0..<11, using: &random)
        let vehicle = data.problem.vehicleTypes[0]
        let travel = data.problem.profiles[vehicle.profile]
        let depotDistance: (Int) -> Int = { travel.distance(vehicle.startLocation, data.location[$0]) }
        switch choice {
        case 0..<4: return jobs.shuffled(using: &random)
        case 4..<8:
            let size: (Int) -> Double = { job in (0..<data.dimensions).reduce(0) { $0 + data.demand[job * data.dimensions + $1] } }
            return jobs.sorted { (size($0), $0) > (size($1), $1) }
        case 8..<10: return jobs.sorted { (depotDistance($0), $0) > (depotDistance($1), $1) }
        default: return jobs.sorted { (depotDistance($0), $0) < (depotDistance($1), $1) }
        }
    }
}
