/// Everything about a delivery network that does not depend on a scenario: where the sites,
/// hubs and supplier depots are, what flows between them, and which vehicle types exist.
public struct Network: Sendable {
    public var name: String
    public var description: String
    public var area: GeoArea
    public var dimensions: [CapacityDimension]
    /// Index of the dimension that measures weight in kg, used for tonne-kilometres and
    /// load-dependent consumption; `nil` when the network counts no weight.
    public var weightDimension: Int?
    public var sites: [Site]
    public var hubs: [Hub]
    public var suppliers: [Supplier]
    public var flows: [Flow]
    public var vehicleTypes: [VehicleType]
    /// Stop times beyond each site's fixed minutes (per delivery and per unit delivered).
    public var serviceTime: ServiceTime
    /// The folder of the network's file, where `bundel matrix` keeps the network's matrices.
    public var folder: String?
    /// The network file's path as messages show it.
    public var file = "network.yaml"
    /// Hubs, sites and depots far from the rest of the network, probably typos: warned, not refused.
    public var outlyingLocations: [OutlyingLocation] = []

    public func site(_ id: String) -> Site? { sites.first { $0.id == id } }
    public func hub(_ id: String) -> Hub? { hubs.first { $0.id == id } }
    public func supplier(_ id: String) -> Supplier? { suppliers.first { $0.id == id } }
    public func vehicleType(_ id: String) -> VehicleType? { vehicleTypes.first { $0.id == id } }

    /// Seconds of a stop at `site` handing over `deliveries` of `quantity` in total.
    public func serviceSeconds(at site: Site, deliveries: Int, quantity: [Double]) -> Int {
        serviceTime.seconds(fixedMinutes: site.serviceMinutes, deliveries: deliveries, quantity: quantity)
    }
}
