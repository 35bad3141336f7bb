import BundelPlanner

extension JSONSummary {
    /// One actor's business case as the JSON gives it (``ActorShare``), rounded as the plan's
    /// totals are, so that the actors add up to `baseline` and `bundled` to the rounding.
    public struct ActorEntry: Codable, Sendable {
        /// Supplier or hub id.
        public var actor: String
        public var name: String
        /// `supplier` or `hub-operator`.
        public var role: String
        public var baseline: PlanTotals
        public var bundled: PlanTotals
        /// Baseline minus bundled: positive where the actor saves.
        public var saving: PlanTotals

        init(_ share: ActorShare) {
            actor = share.actor
            name = share.name
            role = share.role.rawValue
            baseline = share.baseline.rounded()
            bundled = share.bundled.rounded()
            saving = share.saving
        }
    }
}
