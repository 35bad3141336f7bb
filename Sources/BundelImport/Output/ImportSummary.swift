/// What an import inferred and set aside, for people (``ImportReport``) and programs (JSON).
public struct ImportSummary: Sendable, Equatable, Codable {
    public struct MonthCount: Sendable, Equatable, Codable {
        public var month: String
        public var deliveries: Int
    }

    public struct Place: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        /// `known`, or for a new site how its coordinates were found: `exact`, `normalised`,
        /// `unmatched` (not in the locations table) or `no-table`.
        public var status: String
        public var matchedText: String?
        public var lat: Double?
        public var lon: Double?
    }

    public struct VariableFlow: Sendable, Equatable, Codable {
        public var supplier: String
        public var site: String
        public var variation: Double
        public var longestGap: Int
        public var weeklyCounts: [Int]
    }

    public struct FlowWithoutDays: Sendable, Equatable, Codable {
        public var supplier: String
        public var site: String
        public var reason: String
    }

    public var log: String
    public var firstDate: String
    public var lastDate: String
    /// Calendar weeks (Monday to Sunday) from the first delivery's week to the last's.
    public var weeksCovered: Int
    /// Of those, weeks with at least one delivery: the weeks the averages are over.
    public var weeksWithDeliveries: Int
    /// Mondays of the weeks without any delivery.
    public var holidayWeeks: [String]
    public var rows: Int
    public var rowsUsed: Int
    public var skipped: [ImportProblem]
    /// Rows merged into one delivery (same date, supplier and site): order lines.
    public var deliveries: Int
    public var deliveriesPerMonth: [MonthCount]
    public var suppliers: [Place]
    public var sites: [Place]
    public var flows: Int
    public var flowsWithDays: Int
    public var flowsWithoutDays: [FlowWithoutDays]
    /// Share of deliveries on their flow's inferred days.
    public var shareOnInferredDays: Double
    public var daysShareThreshold: Double
    public var variationThreshold: Double
    public var gapThreshold: Int
    public var variableFlows: [VariableFlow]
    public var dimensions: [String]
    /// Dimensions no column of the log gives: written empty in flows.csv, for the user.
    public var dimensionsWithoutColumn: [String]
    public var ignoredColumns: [String]
    public var hasProductGroups: Bool
}
