/// Solves a ``RoutingProblem``: savings construction, local search, then iterated local search
/// (ruin a cluster of related jobs, reinsert them cheaply, improve again) until the iteration
/// or time limit. The best solution found is returned; the same seed gives the same solution
/// whenever the iteration limit, not the clock, ends the search.
public enum RoutingSolver {
    public static func solve(_ problem: RoutingProblem, parameters: SearchParameters = SearchParameters()) throws(RoutingError) -> RoutingSolution {
        try parameters.validate()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int64(parameters.timeLimitSeconds * 1000)))
        let evaluator = RouteEvaluator(problem: problem)
        let neighbours = NeighbourLists(problem: problem, count: parameters.neighbourCount)
        let search = LocalSearch(evaluator: evaluator, neighbours: neighbours)
        var random = SeededGenerator(seed: parameters.seed)

        var current = SavingsConstruction(problem: problem, evaluator: evaluator).build()
        var statistics = SearchStatistics()
        statistics.initialCost = current.cost
        var finished = search.improve(&current, order: problem.jobs.indices.shuffled(using: &random), deadline: deadline)
        var best = current

        let servedJobs = problem.jobs.indices.filter { current.routeOf[$0] >= 0 }
        while finished, statistics.iterations < parameters.maxIterations, servedJobs.count > 1 {
            if clock.now >= deadline { finished = false; break }
            statistics.iterations += 1
            var candidate = current
            let seed = servedJobs.randomElement(using: &random)!
            let count = Int.random(in: 1...min(parameters.maxRemovedJobs, servedJobs.count), using: &random)
            let removed = Set([seed] + neighbours.lists[seed].filter { candidate.routeOf[$0] >= 0 }.prefix(count - 1))
            candidate.remove(removed, price: evaluator.cheapest)
            for job in removed.sorted().shuffled(using: &random) where candidate.routeOf[job] < 0 {
                reinsert(job, into: &candidate, evaluator: evaluator, neighbours: neighbours)
            }
            // Only the ruined neighbourhood can have new improving moves: search from there.
            let focus = Set(removed.flatMap { [$0] + neighbours.lists[$0] }).sorted().shuffled(using: &random)
            finished = search.improve(&candidate, order: focus, deadline: deadline)
            if candidate.cost < current.cost - 1e-9 { current = candidate }
            if current.cost < best.cost - 1e-9 {
                best = current
                statistics.improvements += 1
            }
        }
        statistics.stoppedByTimeLimit = !finished
        let elapsed = (clock.now - start).components
        statistics.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return RoutingSolution(routes: best.routes, unserved: best.unserved, statistics: statistics)
    }

    /// Puts `job` where it raises the cost least: next to one of its neighbours, or on a new
    /// route of its own (always feasible: construction gave every served job one).
    static func reinsert(_ job: Int, into state: inout SolutionState, evaluator: RouteEvaluator, neighbours: NeighbourLists) {
        var bestDelta = Double.infinity
        var bestMove: (route: Int, priced: Route)?
        var tried = Set<[Int]>()
        for neighbour in neighbours.lists[job] where state.routeOf[neighbour] >= 0 {
            let index = state.routeOf[neighbour]
            let jobs = state.routes[index].jobs
            let position = state.positionOf[neighbour]
            for insertAt in [position, position + 1] {
                var candidate = jobs
                candidate.insert(job, at: insertAt)
                guard tried.insert(candidate).inserted, let priced = evaluator.cheapest(candidate) else { continue }
                let delta = priced.cost - state.routes[index].cost
                if delta < bestDelta { bestDelta = delta; bestMove = (index, priced) }
            }
        }
        let alone = evaluator.cheapest([job])!
        if let move = bestMove, bestDelta <= alone.cost {
            state.replace(move.route, with: move.priced)
        } else {
            state.append(alone)
        }
    }
}
