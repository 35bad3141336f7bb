/// The problem in flat arrays indexed by job and vehicle type, for the inner loops of the
/// ruin-and-recreate search: no dictionaries, sets or optionals on the hot path.
struct SearchData {
    let problem: RoutingProblem
    let jobCount: Int
    let typeCount: Int
    let dimensions: Int
    let location: [Int]
    let service: [Int]
    let earliest: [Int]
    let latest: [Int]
    /// `demand[job * dimensions + d]`.
    let demand: [Double]
    /// `allowed[job * typeCount + type]`.
    let allowed: [Bool]
    /// Cost of leaving each job out.
    let penalty: [Double]
    /// Cost of a route serving only the job, per type (`infinity` when infeasible):
    /// `soloCost[job * typeCount + type]`.
    let soloCost: [Double]
    /// Other jobs by increasing distance, for choosing which routes to ruin together.
    let adjacency: [[Int]]

    /// Penalty for leaving out a job that must be served: far above any route cost, so the
    /// search only does it when no insertion is feasible.
    static let requiredPenalty = 1e9

    init(problem: RoutingProblem, adjacencySize: Int) {
        self.problem = problem
        let jobs = problem.jobs
        jobCount = jobs.count
        typeCount = problem.vehicleTypes.count
        dimensions = problem.dimensionCount
        location = jobs.map(\.location)
        service = jobs.map(\.serviceSeconds)
        earliest = jobs.map(\.timeWindow.earliest)
        latest = jobs.map(\.timeWindow.latest)
        demand = jobs.flatMap(\.demand)
        allowed = jobs.flatMap { job in problem.vehicleTypes.indices.map { job.allows(vehicleType: $0) } }
        penalty = jobs.map { $0.unservedPenalty ?? Self.requiredPenalty }
        let evaluator = RouteEvaluator(problem: problem)
        soloCost = jobs.indices.flatMap { job in
            problem.vehicleTypes.indices.map { evaluator.evaluate([job], type: $0)?.cost ?? .infinity }
        }
        let travel = problem.profiles[problem.vehicleTypes[0].profile]
        let size = min(adjacencySize, max(jobs.count - 1, 0))
        adjacency = jobs.indices.map { job in
            let from = jobs[job].location
            return jobs.indices.filter { $0 != job }
                .map { (other: $0, key: travel.distance(from, jobs[$0].location)) }
                .sorted { ($0.key, $0.other) < ($1.key, $1.other) }
                .prefix(size).map(\.other)
        }
    }
}
