/// How long and how the routing search runs; kept apart from the problem it solves.
public struct SearchParameters: Sendable, Equatable {
    /// Seed of the random generator: the same seed and problem give the same solution.
    public var seed: UInt64
    /// Perturb-and-improve iterations after the first local optimum.
    public var maxIterations: Int
    /// Wall-clock limit in seconds; the best solution found by then is returned.
    public var timeLimitSeconds: Double
    /// Candidate neighbours per job in the granular neighbourhoods.
    public var neighbourCount: Int
    /// Jobs removed and reinserted by one perturbation, at most.
    public var maxRemovedJobs: Int

    public init(seed: UInt64 = 1, maxIterations: Int = 200, timeLimitSeconds: Double = 10,
                neighbourCount: Int = 20, maxRemovedJobs: Int = 10) {
        self.seed = seed
        self.maxIterations = maxIterations
        self.timeLimitSeconds = timeLimitSeconds
        self.neighbourCount = neighbourCount
        self.maxRemovedJobs = maxRemovedJobs
    }

    /// Checks that every parameter is in range.
    public func validate() throws(RoutingError) {
        guard maxIterations >= 0 else { throw RoutingError("maxIterations must be >= 0") }
        guard timeLimitSeconds.isFinite, timeLimitSeconds >= 0 else { throw RoutingError("timeLimitSeconds must be a finite number >= 0") }
        guard neighbourCount >= 1 else { throw RoutingError("neighbourCount must be >= 1") }
        guard maxRemovedJobs >= 1 else { throw RoutingError("maxRemovedJobs must be >= 1") }
    }
}
