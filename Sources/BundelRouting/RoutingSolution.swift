/// Why a job could not be put on any route.
public enum UnservedReason: String, Sendable, Codable, CaseIterable {
    /// No vehicle type allowed for the job exists (for example a zone that only zero-emission
    /// vehicles may enter, and no such vehicle in the fleet).
    case noAllowedVehicle = "no allowed vehicle"
    /// Its demand exceeds the capacity of every allowed vehicle type.
    case noVehicleLargeEnough = "no vehicle large enough"
    /// Even a route serving only this job misses its time window or the vehicle's shift.
    case windowUnreachable = "window unreachable"
    /// Even a route serving only this job exceeds the maximum route duration or distance.
    case tooFar = "beyond maximum route duration or distance"
    /// The job could be served alone, but every vehicle that could take it is in use.
    case fleetExhausted = "no vehicle left in the fleet"
    /// An optional job whose penalty is cheaper than serving it.
    case notWorthServing = "cheaper to leave out (optional job)"
}

/// A job left out of the plan, with the reason.
public struct UnservedJob: Sendable, Hashable, Codable {
    public let job: Int
    public let reason: UnservedReason

    public init(job: Int, reason: UnservedReason) {
        self.job = job
        self.reason = reason
    }
}

/// Routes for a problem, the jobs no route could take, and search statistics.
public struct RoutingSolution: Sendable {
    /// The routes, each a trip of one vehicle.
    public var routes: [Route]
    /// Jobs that no vehicle type can serve, with reasons.
    public var unserved: [UnservedJob]
    /// How the search went.
    public var statistics: SearchStatistics

    public init(routes: [Route], unserved: [UnservedJob], statistics: SearchStatistics) {
        self.routes = routes
        self.unserved = unserved
        self.statistics = statistics
    }

    /// Total cost of all routes.
    public var cost: Double { routes.reduce(0) { $0 + $1.cost } }
    /// Total metres of all routes.
    public var distanceMetres: Int { routes.reduce(0) { $0 + $1.distanceMetres } }
    /// Total seconds of all routes.
    public var durationSeconds: Int { routes.reduce(0) { $0 + $1.durationSeconds } }
}

/// Counters from a search, for reports and tuning.
public struct SearchStatistics: Sendable, Codable {
    /// Cost of the constructed solution before local search.
    public var initialCost: Double = 0
    /// Iterations of the perturb-and-improve loop that ran.
    public var iterations: Int = 0
    /// Iterations whose result became the new best.
    public var improvements: Int = 0
    /// Iterations whose result the annealing acceptance took as the new current solution.
    public var acceptances: Int = 0
    /// Set-partitioning solves over the route pool, and how many of them improved the best
    /// solution.
    public var setPartitioningRuns: Int = 0
    public var setPartitioningImprovements: Int = 0
    /// Routes in the pool at the end.
    public var pooledRoutes: Int = 0
    /// Seconds spent.
    public var seconds: Double = 0
    /// Whether the time limit ended the search.
    public var stoppedByTimeLimit: Bool = false
    /// Whether a stop request (``StopSignal``) ended the search.
    public var stoppedByRequest: Bool = false

    public init() {}
}
