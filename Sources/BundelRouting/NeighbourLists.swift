/// For each job, the jobs nearest to it: the granular neighbourhoods that keep local search from
/// trying moves between jobs that are far apart, which almost never pay off.
struct NeighbourLists {
    /// `lists[job]`: other jobs ordered by increasing distance (ties by index), at most `count`.
    let lists: [[Int]]

    init(problem: RoutingProblem, count: Int) {
        let travel = problem.profiles[problem.vehicleTypes[0].profile]
        let jobs = problem.jobs
        lists = jobs.indices.map { job in
            let from = jobs[job].location
            // Measure both ways: with asymmetric matrices a job is close if either leg is short.
            return jobs.indices.filter { $0 != job }
                .map { (other: $0, key: min(travel.distance(from, jobs[$0].location), travel.distance(jobs[$0].location, from))) }
                .sorted { ($0.key, $0.other) < ($1.key, $1.other) }
                .prefix(count).map(\.other)
        }
    }
}
