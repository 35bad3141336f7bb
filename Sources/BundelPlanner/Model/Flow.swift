/// Goods that one supplier delivers to one site every week.
public struct Flow: Sendable, Hashable, Codable {
    /// Position in the network's flow list; the flow's identity in plans and models.
    public var index: Int
    public var supplier: String
    public var site: String
    /// Deliveries per week when delivered directly.
    public var deliveriesPerWeek: Int
    /// Weekly quantity per capacity dimension.
    public var weeklyQuantity: [Double]
    /// The days the flow is delivered today, when the network gives them (`days` in flows.csv):
    /// facts the baseline keeps. `nil` when not given.
    public var days: [Weekday]? = nil
    /// The flow's own product group (`product_group` in flows.csv, as purchasing data gives one
    /// per order line); `nil` when the flow has its supplier's. Read it through
    /// ``Network/productGroup(of:)``, which falls back to the supplier's.
    public var productGroup: String? = nil

    /// The quantity of one delivery.
    public var quantityPerDelivery: [Double] { weeklyQuantity.map { $0 / Double(deliveriesPerWeek) } }
}
