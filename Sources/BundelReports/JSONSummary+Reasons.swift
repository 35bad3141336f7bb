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

}
