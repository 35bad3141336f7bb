/// First-improvement local search over granular neighbourhoods.
///
/// Operators: relocate a job next to a neighbour, swap a job with a neighbour, exchange the
/// tails of two routes (2-opt*), and reverse a segment of one route (2-opt). Each move is
/// priced on copies of the routes it touches and applied only when it lowers the total cost.
struct LocalSearch {
    let evaluator: RouteEvaluator
    let neighbours: NeighbourLists

    /// Improves `state` until no move helps or `deadline` passes; returns whether it finished.
    @discardableResult
    func improve(_ state: inout SolutionState, order: [Int], deadline: ContinuousClock.Instant) -> Bool {
        var improved = true
        while improved {
            improved = false
            for u in order where state.routeOf[u] >= 0 {
                if ContinuousClock.now >= deadline { return false }
                for v in neighbours.lists[u] where state.routeOf[v] >= 0 {
                    if tryMoves(u, v, &state) { improved = true; break }
                }
            }
        }
        return true
    }

    /// Tries every operator for the pair (u, v) and applies the first that improves.
    private func tryMoves(_ u: Int, _ v: Int, _ state: inout SolutionState) -> Bool {
        let routeU = state.routeOf[u], routeV = state.routeOf[v]
        let jobsU = state.routes[routeU].jobs, jobsV = state.routes[routeV].jobs
        let i = state.positionOf[u], j = state.positionOf[v]
        // Each candidate: the new job sequence of u's route and, for moves between two routes,
        // that of v's route.
        var candidates: [(first: Int, firstJobs: [Int], second: Int?, secondJobs: [Int])] = []

        if routeU == routeV {
            var after = jobsU; after.remove(at: i)
            let target = after.firstIndex(of: v)!
            var relocatedAfter = after; relocatedAfter.insert(u, at: target + 1)
            var relocatedBefore = after; relocatedBefore.insert(u, at: target)
            var swapped = jobsU; swapped.swapAt(i, j)
            candidates.append((routeU, relocatedAfter, nil, []))
            candidates.append((routeU, relocatedBefore, nil, []))
            candidates.append((routeU, swapped, nil, []))
            let (low, high) = (min(i, j), max(i, j))
            if high - low >= 2 {
                var reversed = jobsU; reversed[(low + 1)...high].reverse()
                candidates.append((routeU, reversed, nil, []))
            }
        } else {
            var without = jobsU; without.remove(at: i)
            var intoAfter = jobsV; intoAfter.insert(u, at: j + 1)
            var intoBefore = jobsV; intoBefore.insert(u, at: j)
            var swappedU = jobsU; swappedU[i] = v
            var swappedV = jobsV; swappedV[j] = u
            candidates.append((routeU, without, routeV, intoAfter))
            candidates.append((routeU, without, routeV, intoBefore))
            candidates.append((routeU, swappedU, routeV, swappedV))
            // 2-opt*: u's route continues with v's tail, and v's route with u's tail.
            let tailsU = Array(jobsU[..<(i + 1)]) + Array(jobsV[(j + 1)...])
            let tailsV = Array(jobsV[..<(j + 1)]) + Array(jobsU[(i + 1)...])
            candidates.append((routeU, tailsU, routeV, tailsV))
            // ... and u placed before v: u's route ends before u, v's route gets u then v.
            let headsU = Array(jobsU[..<i]) + Array(jobsV[j...])
            let headsV = Array(jobsV[..<j]) + Array(jobsU[i...])
            candidates.append((routeU, headsU, routeV, headsV))
        }

        let current = state.routes[routeU].cost + (routeU == routeV ? 0 : state.routes[routeV].cost)
        for (first, firstJobs, second, secondJobs) in candidates {
            guard let firstRoute = price(firstJobs), let secondRoute = price(secondJobs) else { continue }
            let cost = (firstRoute?.cost ?? 0) + (secondRoute?.cost ?? 0)
            guard cost < current - 1e-9 else { continue }
            // Replace the higher index first so that removing an emptied route does not shift
            // the other.
            var updates = [(first, firstRoute)]
            if let second { updates.append((second, secondRoute)) }
            for (index, route) in updates.sorted(by: { $0.0 > $1.0 }) { state.replace(index, with: route) }
            return true
        }
        return false
    }

    /// `.some(nil)` for an empty sequence (the route disappears), `.some(route)` when feasible,
    /// `nil` when infeasible.
    private func price(_ jobs: [Int]) -> Route?? {
        if jobs.isEmpty { return .some(nil) }
        guard let route = evaluator.cheapest(jobs) else { return nil }
        return .some(route)
    }
}
