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
    public var sites: [Site] { didSet { siteIndex = Self.positions(sites.map(\.id)) } }
    public var hubs: [Hub]
    public var suppliers: [Supplier] { didSet { supplierIndex = Self.positions(suppliers.map(\.id)) } }
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
    /// What the network file's `data_quality:` block says about its figures.
    public var dataQuality = DeclaredDataQuality()

    /// Where each id first stands in ``sites`` and ``suppliers``: the planner, the validator and
    /// the route sheets look a site up per flow and per stop, and a search through 10,000
    /// sites for each of 60,000 flows made those steps quadratic.
    private var siteIndex: [String: Int]
    private var supplierIndex: [String: Int]

    public init(
        name: String, description: String, area: GeoArea, dimensions: [CapacityDimension], weightDimension: Int?,
        sites: [Site], hubs: [Hub], suppliers: [Supplier], flows: [Flow], vehicleTypes: [VehicleType],
        serviceTime: ServiceTime, folder: String?
    ) {
        self.name = name
        self.description = description
        self.area = area
        self.dimensions = dimensions
        self.weightDimension = weightDimension
        self.sites = sites
        self.hubs = hubs
        self.suppliers = suppliers
        self.flows = flows
        self.vehicleTypes = vehicleTypes
        self.serviceTime = serviceTime
        self.folder = folder
        siteIndex = Self.positions(sites.map(\.id))
        supplierIndex = Self.positions(suppliers.map(\.id))
    }

    /// The first position of each id.
    private static func positions(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func site(_ id: String) -> Site? { siteIndex[id].map { sites[$0] } }
    public func hub(_ id: String) -> Hub? { hubs.first { $0.id == id } }
    public func supplier(_ id: String) -> Supplier? { supplierIndex[id].map { suppliers[$0] } }
    public func vehicleType(_ id: String) -> VehicleType? { vehicleTypes.first { $0.id == id } }

    /// Seconds of a stop at `site` handing over `deliveries` of `quantity` in total.
    public func serviceSeconds(at site: Site, deliveries: Int, quantity: [Double]) -> Int {
        serviceTime.seconds(fixedMinutes: site.serviceMinutes, deliveries: deliveries, quantity: quantity)
    }
}
