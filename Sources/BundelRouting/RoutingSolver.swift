/// Solves a ``RoutingProblem``: a first solution (savings for an unlimited fleet, greedy
/// insertion otherwise), then ruin and recreate under simulated annealing until the iteration
/// or time limit. Jobs no vehicle can serve even alone are listed with their reason at once.
public enum RoutingSolver {
    public static func solve(
        _ problem: RoutingProblem, parameters: SearchParameters = SearchParameters()
    ) throws(RoutingError) -> RoutingSolution {
        try parameters.validate()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int64(parameters.timeLimitSeconds * 1000)))
        // The annealing stops early enough to leave the set-partitioning model its share.
        let share = parameters.setPartitioning ? parameters.setPartitioningTimeShare : 0
        let searchDeadline = start.advanced(by: .milliseconds(Int64(parameters.timeLimitSeconds * (1 - share) * 1000)))
        var random = SeededGenerator(seed: parameters.seed)
        let data = SearchData(problem: problem, adjacencySize: max(100, parameters.granularNeighbours))
        let evaluator = RouteEvaluator(data: data)
        let search = RuinAndRecreate(data: data, parameters: parameters)
        var statistics = SearchStatistics()

        var unserved: [UnservedJob] = []
        var servable: [Int] = []
        for job in problem.jobs.indices {
            if let reason = evaluator.reasonUnservable(job) {
                unserved.append(UnservedJob(job: job, reason: reason))
            } else {
                servable.append(job)
            }
        }
        var initial: SearchSolution
        // Savings merges jobs within one trip only, so for vehicles that pay a fixed cost and
        // may make several trips (a dedicated fleet paid by the day) it would start from one
        // vehicle per trip; insertion chains trips onto the vehicles already paid for instead.
        let chainsTrips = problem.vehicleTypes.contains { $0.maxTrips > 1 && $0.fixedCost > 0 }
        if problem.vehicleTypes.allSatisfy({ $0.count == nil }), !chainsTrips {
            let savings = SavingsConstruction(problem: problem, evaluator: evaluator).build(serving: servable)
            // Savings places every job some vehicle serves alone; any other stays out, for the
            // search to insert or report.
            let placed = Set(savings.flatMap(\.servedJobs))
            initial = SearchSolution(
                routes: savings.map { WorkingRoute(type: $0.vehicleType, jobs: $0.jobs, data: data) },
                unassigned: servable.filter { !placed.contains($0) }, data: data)
        } else {
            initial = search.construct(servable.shuffled(using: &random), random: &random)
        }
        statistics.initialCost = initial.cost
        // Routes are pooled only for the set-partitioning model that recombines them.
        var pool: RoutePool? = parameters.setPartitioning ? RoutePool(capacity: 20_000) : nil
        var best =
            servable.isEmpty
            ? RuinAndRecreate.Snapshot(
                routes: initial.nonEmptyRoutes, unassigned: initial.unassigned, cost: initial.cost)
            : search.run(from: initial, random: &random, deadline: searchDeadline, pool: &pool, statistics: &statistics)
        if let pool, best.unassigned.isEmpty, !best.routes.isEmpty, parameters.stop?.isRequested != true {
            statistics.setPartitioningRuns += 1
            // GLPK checks its clock between nodes only, and the model must be built and read
            // back: give it half of what is left so that the whole solve ends in time.
            let seconds = max(0.05, 0.5 * (deadline - clock.now).inSeconds)
            let served = best.routes.flatMap(\.jobs).filter { $0 != Route.reload }
            if let combined = pool.bestCombination(
                serving: served, incumbent: best.routes, maxColumns: 2_000, data: data,
                timeLimitSeconds: seconds)
            {
                let cost = combined.reduce(0) { $0 + $1.cost }
                if cost < best.cost - 1e-9 {
                    best = RuinAndRecreate.Snapshot(routes: combined, unassigned: [], cost: cost)
                    statistics.setPartitioningImprovements += 1
                }
            }
        }
        statistics.pooledRoutes = pool?.count ?? 0

        var routes: [Route] = []
        for route in best.routes {
            // Every route the search keeps is feasible by construction; should one not be, its
            // jobs are reported unserved rather than the solve ending without a plan.
            if let priced = evaluator.evaluate(route.jobs, type: route.type) {
                routes.append(priced)
            } else {
                unserved += route.jobs.filter { $0 != Route.reload }.map {
                    UnservedJob(job: $0, reason: .fleetExhausted)
                }
            }
        }
        for job in best.unassigned {
            let optional = problem.jobs[job].unservedPenalty != nil
            unserved.append(UnservedJob(job: job, reason: optional ? .notWorthServing : .fleetExhausted))
        }
        unserved.sort { $0.job < $1.job }
        statistics.seconds = (clock.now - start).inSeconds
        return RoutingSolution(routes: routes, unserved: unserved, statistics: statistics)
    }
}
