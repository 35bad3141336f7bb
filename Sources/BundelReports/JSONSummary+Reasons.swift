import BundelPlanner

extension JSONSummary {
    /// A candidate hub as the JSON gives it: the choice, its values and the reason in words
    /// (the planner's ``HubChoice`` carries the reason's facts instead).
    public struct HubChoiceEntry: Codable, Sendable {
        public var hub: String
        public var open: Bool
        public var flows: Int
        public var objectiveIfReversed: Double?
        public var routedIfReversed: Double?
        public var reason: String

        /// `choice` with its model value rounded to the cent.
        init(_ choice: HubChoice) {
            hub = choice.hub
            open = choice.open
            flows = choice.flows
            objectiveIfReversed = choice.objectiveIfReversed.map(PlanTotalsRounding.round)
            routedIfReversed = choice.routedIfReversed
            reason = choice.reason
        }
    }

    /// Why a flow is direct or bundled as the JSON gives it: the saving, its parts and the reason
    /// in words (the planner's ``FlowExplanation`` carries the reason's facts instead).
    public struct FlowEntry: Codable, Sendable {
        public var flow: Int
        public var rank: Int?
        public var supplier: String
        public var site: String
        public var viaHub: String?
        public var bestHub: String?
        public var saving: Double?
        public var savingMetrics: Metrics?
        public var parts: SavingParts?
        public var reason: String

        /// `explanation` with its saving and parts rounded to the cent; the reason is worded from
        /// the unrounded values, as every other report words it.
        init(_ explanation: FlowExplanation) {
            flow = explanation.flow
            rank = explanation.rank
            supplier = explanation.supplier
            site = explanation.site
            viaHub = explanation.viaHub
            bestHub = explanation.bestHub
            saving = explanation.saving.map(PlanTotalsRounding.round)
            savingMetrics = explanation.savingMetrics.map(PlanTotalsRounding.round)
            parts = explanation.parts.map(PlanTotalsRounding.round)
            reason = explanation.reason
        }
    }
}
