/// Builds a first solution with the savings algorithm of Clarke and Wright (1964), generalised
/// to a heterogeneous fleet: two routes merge when one priced route for both (on the cheapest
/// vehicle type that can drive it) costs less than the two apart.
struct SavingsConstruction {
    let problem: RoutingProblem
    let evaluator: RouteEvaluator

    /// Routes serving `jobs`, each of which some vehicle type can serve alone.
    func build(serving jobs: [Int]) -> [Route] {
        var routes: [Route?] = []
        var routeOf = [Int](repeating: -1, count: problem.jobs.count)
        // The caller passes only jobs a vehicle can serve alone; one that could not stays out
        // of every route (the solver hands it to the search).
        for job in jobs {
            guard let alone = evaluator.cheapest([job]) else { continue }
            routeOf[job] = routes.count
            routes.append(alone)
        }

        let travel = problem.profiles[problem.vehicleTypes[0].profile]
        let depotStart = problem.vehicleTypes[0].startLocation
        let depotEnd = problem.vehicleTypes[0].endLocation
        // Every pair of served jobs, up to `allPairsUpTo` of them; above, each job with its
        // nearest neighbours only (``SearchData/adjacency``): a hub's day of 10,000 stops would
        // otherwise list 10^8 pairs (2.4 GB), nearly all between jobs that no good route joins.
        let served = jobs
        let isServed = served.reduce(into: [Bool](repeating: false, count: problem.jobs.count)) { $0[$1] = true }
        let allPairs = served.count <= Self.allPairsUpTo
        var savings: [(saving: Int, from: Int, to: Int)] = []
        let partners = allPairs ? served.count : min(served.count, evaluator.data.adjacency.first?.count ?? 0)
        savings.reserveCapacity(served.count * partners)
        for i in served {
            let a = problem.jobs[i].location
            for j in allPairs ? served : evaluator.data.adjacency[i] where j != i && isServed[j] {
                let b = problem.jobs[j].location
                let saving = travel.distance(a, depotEnd) + travel.distance(depotStart, b) - travel.distance(a, b)
                if saving > 0 { savings.append((saving, i, j)) }
            }
        }
        savings.sort { ($0.saving, -$0.from, -$0.to) > ($1.saving, -$1.from, -$1.to) }

        for candidate in savings {
            let left = routeOf[candidate.from], right = routeOf[candidate.to]
            guard left >= 0, right >= 0, left != right, let first = routes[left], let second = routes[right],
                first.jobs.last == candidate.from, second.jobs.first == candidate.to,
                let merged = evaluator.cheapest(first.jobs + second.jobs),
                merged.cost < first.cost + second.cost - 1e-9
            else { continue }
            routes[left] = merged
            routes[right] = nil
            for job in second.jobs { routeOf[job] = left }
        }
        return routes.compactMap { $0 }
    }

    /// Jobs up to which every pair is a candidate merge (a million pairs, 24 MB); the plans'
    /// day problems stay below it, so their first solutions do not depend on the neighbours.
    static let allPairsUpTo = 1_000
}
