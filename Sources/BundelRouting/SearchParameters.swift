/// How long and how the routing search runs; kept apart from the problem it solves.
public struct SearchParameters: Sendable, Equatable {
    public static func == (lhs: SearchParameters, rhs: SearchParameters) -> Bool {
        (lhs.seed, lhs.maxIterations, lhs.timeLimitSeconds, lhs.initialTemperature, lhs.finalTemperature)
            == (rhs.seed, rhs.maxIterations, rhs.timeLimitSeconds, rhs.initialTemperature, rhs.finalTemperature)
            && (lhs.setPartitioning, lhs.setPartitioningTimeShare) == (
                rhs.setPartitioning, rhs.setPartitioningTimeShare
            )
            && lhs.granularNeighbours == rhs.granularNeighbours
            && lhs.stop === rhs.stop
    }

    /// Seed of the random generator: the same seed and problem give the same solution whenever
    /// the iteration limit, not the clock, ends the search.
    public var seed: UInt64
    /// Ruin-and-recreate iterations; `Int.max` lets the clock alone decide, and the annealing
    /// temperature then follows the elapsed share of the time limit.
    public var maxIterations: Int
    /// Wall-clock limit in seconds; the best solution found by then is returned.
    public var timeLimitSeconds: Double
    /// Annealing temperature at the start and at the end, as multiples of the mean arc cost
    /// of the first solution (so that they suit any unit of cost).
    public var initialTemperature: Double
    public var finalTemperature: Double
    /// Whether routes of accepted solutions are pooled and recombined by a set-partitioning
    /// model (GLPK) at the end of the search; the share of the time limit kept for it. The
    /// model of at most 2,000 pooled routes took 0.0-0.1 s on the X and Solomon benchmarks
    /// (CVRP up to 1,000 jobs), so 3 % leaves it ample time: the 10 % kept before went
    /// unused, six seconds of a one-minute search.
    public var setPartitioning: Bool
    public var setPartitioningTimeShare: Double
    /// How many of a job's nearest neighbours insertion looks beside first; every position of
    /// every route is scanned only when none of those places can take the job. 0 scans always.
    public var granularNeighbours: Int
    /// When requested, the search ends at its next check and returns its best solution.
    public var stop: StopSignal?

    public init(
        seed: UInt64 = 1, maxIterations: Int = 20_000, timeLimitSeconds: Double = 10,
        initialTemperature: Double = 0.5, finalTemperature: Double = 0.005,
        setPartitioning: Bool = true, setPartitioningTimeShare: Double = 0.03, granularNeighbours: Int = 40
    ) {
        self.seed = seed
        self.maxIterations = maxIterations
        self.timeLimitSeconds = timeLimitSeconds
        self.initialTemperature = initialTemperature
        self.finalTemperature = finalTemperature
        self.setPartitioning = setPartitioning
        self.setPartitioningTimeShare = setPartitioningTimeShare
        self.granularNeighbours = granularNeighbours
    }

    /// Checks that every parameter is in range.
    public func validate() throws(RoutingError) {
        guard maxIterations >= 0 else { throw RoutingError("maxIterations must be >= 0") }
        guard timeLimitSeconds.isFinite, timeLimitSeconds >= 0 else {
            throw RoutingError("timeLimitSeconds must be a finite number >= 0")
        }
        guard initialTemperature > 0, finalTemperature > 0, finalTemperature <= initialTemperature else {
            throw RoutingError("temperatures must be positive, the final one no higher than the initial one")
        }
        guard granularNeighbours >= 0 else { throw RoutingError("granularNeighbours must be >= 0") }
        guard setPartitioningTimeShare >= 0, setPartitioningTimeShare < 1 else {
            throw RoutingError("setPartitioningTimeShare must lie in [0, 1)")
        }
    }
}
