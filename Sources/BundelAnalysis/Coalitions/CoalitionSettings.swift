/// How `bundel coalition` divides the saving: the exact Shapley value (the default, up to
/// ``ShapleyValue/exactLimit`` organisations) or an estimate from `samples` seeded joining
/// orders, and each plan's time limit.
public struct CoalitionSettings: Sendable, Equatable {
    /// Joining orders to sample; `nil` for the exact value.
    public var samples: Int?
    /// Seed of the sampled orders (the plans keep the scenario's routing seed).
    public var seed: UInt64
    /// Each plan's time limit in seconds; `nil` keeps the scenario's.
    public var timeLimitSeconds: Double?

    public init(samples: Int? = nil, seed: UInt64 = 1, timeLimitSeconds: Double? = nil) {
        self.samples = samples
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
    }
}
