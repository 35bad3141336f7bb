/// How much work a risk analysis does: each sample and each end of the tornado is a whole
/// plan of the scenario.
public struct RiskSettings: Sendable, Equatable {
    /// Monte Carlo samples, each one plan.
    public var samples = 30
    /// Seed of the draws: the same seed gives the same samples, and so the same figures.
    public var seed: UInt64 = 1
    /// Each plan's time limit in seconds; nil keeps the scenario's. Plans normally end at their
    /// iteration count, which keeps them reproducible; a plan cut short by the clock is counted
    /// in ``RiskAnalysis/plansHitTimeLimit``.
    public var timeLimitSeconds: Double?

    public init(samples: Int = 30, seed: UInt64 = 1, timeLimitSeconds: Double? = nil) {
        self.samples = samples
        self.seed = seed
        self.timeLimitSeconds = timeLimitSeconds
    }
}
