/// What one hub costs a week in a bundled plan beside its tours: the fee, the handling of the
/// bundled volume and storage beyond the cross-dock's own lag. The plan's hub cost fields are
/// these summed over the hubs; kept per hub so that each hub operator's business case can be
/// told apart (``ActorShare``).
public struct HubCost: Sendable, Equatable, Codable {
    public var hub: String
    public var fixedCostEur: Double
    public var handlingCostEur: Double
    public var storageCostEur: Double

    public init(hub: String, fixedCostEur: Double = 0, handlingCostEur: Double = 0, storageCostEur: Double = 0) {
        self.hub = hub
        self.fixedCostEur = fixedCostEur
        self.handlingCostEur = handlingCostEur
        self.storageCostEur = storageCostEur
    }

    /// Fee, handling and storage together.
    public var totalEur: Double { fixedCostEur + handlingCostEur + storageCostEur }
}
