/// A company that delivers goods from its own depot.
public struct Supplier: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// Product group for rankings and reports (paper, catering, ...): that of its flows without
    /// a group of their own (see ``Network/productGroup(of:)``).
    public var productGroup: String
    public var depot: GeoPoint
    /// The vehicle type the supplier drives by default.
    public var vehicleType: String
    /// Fewest trunk trips a week to a hub once the supplier bundles there (fresh goods need more).
    public var minHubTripsPerWeek: Int
    /// The supplier's fixed delivery days, when the network gives them (`days` in
    /// suppliers.csv): its flows without days of their own are delivered only on these.
    public var days: [Weekday]? = nil
}
