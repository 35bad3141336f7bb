/// What the import needs to know about the network the log is for, handed over by the caller
/// (the command line reads it with the planner's loader), so that this module reads logs
/// without knowing how networks are planned.
public struct ImportNetwork: Sendable {
    /// A capacity dimension: its id (a column of flows.csv) and the unit it counts in.
    public struct Dimension: Sendable, Equatable {
        public var id: String
        public var name: String
        public var unit: String

        public init(id: String, name: String, unit: String) {
            self.id = id
            self.name = name
            self.unit = unit
        }
    }

    /// A site or supplier the network already has.
    public struct Place: Sendable, Equatable {
        public var id: String
        public var name: String
        /// The `address` column of sites.csv, when the network has one.
        public var address: String?
        /// A supplier's fixed delivery days (`days` in suppliers.csv: `mon`, ...), when given.
        public var days: [String]?

        public init(id: String, name: String, address: String? = nil, days: [String]? = nil) {
            self.id = id
            self.name = name
            self.address = address
            self.days = days
        }
    }

    public var dimensions: [Dimension]
    public var sites: [Place]
    public var suppliers: [Place]
    /// The header of the network's sites.csv and suppliers.csv, so that skeleton rows for new
    /// ids have the same columns.
    public var siteColumns: [String]
    public var supplierColumns: [String]
    /// Other ids of the network (its hubs): ids are unique across hubs, sites and suppliers, so
    /// a new site or supplier must not take one.
    public var reservedIds: [String]

    public init(
        dimensions: [Dimension], sites: [Place], suppliers: [Place], siteColumns: [String], supplierColumns: [String],
        reservedIds: [String] = []
    ) {
        self.dimensions = dimensions
        self.sites = sites
        self.suppliers = suppliers
        self.siteColumns = siteColumns
        self.supplierColumns = supplierColumns
        self.reservedIds = reservedIds
    }
}
