/// Why one flow is direct or bundled, as facts that the reports put in words.
public struct FlowExplanation: Sendable, Equatable {
    public var flow: Int
    /// Place among the flows that can be bundled, largest saving first (nil when the flow
    /// cannot be bundled): which purchasing flows to bundle first.
    public var rank: Int?
    public var supplier: String
    public var site: String
    /// The hub it goes through, nil when direct.
    public var viaHub: String?
    /// For a direct flow, the hub through which bundling it would be cheapest.
    public var bestHub: String?
    /// What bundling this flow saves per week in the objective's unit, all else equal (negative:
    /// bundling costs more); nil when it cannot be bundled.
    public var saving: Double?
    /// The same saving as cost, km and CO2e.
    public var savingMetrics: Metrics?
    /// The parts of the saving, as cost, km and CO2e (direct delivery avoided, extra hub stops,
    /// extra trunk trips, handling, hub fixed cost).
    public var parts: SavingParts?
    /// What made the model decide against the flow's own saving (bundled although it costs,
    /// direct although it saves); nil when the decision follows it.
    public var counterweight: Counterweight?
    /// For a flow that cannot be bundled, why not, one entry per candidate hub (empty when it
    /// can be bundled, and when there is no candidate hub).
    public var ineligibility: [Ineligibility]
    /// Set when delivering all direct was reported: why every flow is direct. The rest of the
    /// explanation is then what the model's estimates say.
    public var allDirect: AllDirectComparison?
    /// What the objective weighs: ``saving`` is in its unit, and the reasons weigh ``parts`` by it.
    public var objectiveKind: ObjectiveWeights

    /// What outweighs a flow's own saving in the model's decision.
    public enum Counterweight: Sendable, Equatable {
        /// The supplier is forced in (participation `in`), so the flow goes through a hub (a
        /// bundled flow's only).
        case supplierForcedIn
        /// The flow's product group is forced in (`participation.product_groups`: in).
        case productGroupForcedIn
        /// Under `whole_suppliers` a supplier's flows go together: all of them together save
        /// more (the flow is bundled) or do not pay (it stays direct).
        case wholeSupplier
        /// The model's other choices: they make up for a flow that costs, or hub capacity and
        /// they keep a flow that would save direct.
        case otherChoices
    }
}
