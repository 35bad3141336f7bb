/// A supplier → site flow as the log shows it: its weekly figures for flows.csv and what lies
/// behind them for the statistics and the summary.
public struct ImportedFlow: Sendable, Equatable, Codable {
    public var supplier: String
    public var site: String
    /// Deliveries in the log (order lines of one supplier to one site on one day are one).
    public var deliveries: Int
    /// Deliveries over the weeks with deliveries, rounded, at least 1.
    public var deliveriesPerWeek: Int
    /// The unrounded average.
    public var averagePerWeek: Double
    /// Per dimension: the log's total over the weeks with deliveries.
    public var weeklyQuantity: [Double]
    /// Per dimension: quantity per delivery, median and 90th percentile.
    public var medianPerDelivery: [Double]
    public var p90PerDelivery: [Double]
    /// The delivery days (`mon`, ...) when the deliveries keep to as many weekdays as the
    /// deliveries per week; otherwise `nil` and ``daysNote`` says why.
    public var days: [String]?
    public var daysNote: String?
    /// Deliveries on ``days``.
    public var deliveriesOnDays: Int
    /// Deliveries per weekday, Monday first.
    public var perWeekday: [Int]
    /// Deliveries in each week with deliveries, in order.
    public var weeklyCounts: [Int]
    /// Standard deviation over mean of ``weeklyCounts``.
    public var variation: Double
    /// The longest run of weeks with deliveries elsewhere but none for this flow.
    public var longestGap: Int
    /// The most frequent product group, and how many groups the flow's rows name.
    public var productGroup: String?
    public var productGroups: Int
}
