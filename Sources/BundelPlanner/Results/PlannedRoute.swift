/// What a route is for.
public enum RouteKind: String, Sendable, Codable, CaseIterable {
    /// A supplier delivering from its own depot to sites.
    case direct
    /// A supplier bringing bundled goods from its depot to a hub.
    case trunk
    /// A hub vehicle delivering combined loads to sites.
    case hubTour = "hub-tour"
}

/// Part of a flow's weekly quantity handed over at one stop.
public struct FlowDelivery: Sendable, Hashable, Codable {
    /// Index of the flow in the network.
    public var flow: Int
    public var quantity: [Double]
    /// On a trunk leg: the planning day of the hub tours that deliver these goods; nil
    /// elsewhere.
    public var forDay: Weekday?

    public init(flow: Int, quantity: [Double], forDay: Weekday? = nil) {
        self.flow = flow
        self.quantity = quantity
        self.forDay = forDay
    }
}

/// One stop of a route: where, when service starts, and what is delivered.
public struct PlannedStop: Sendable, Hashable, Codable {
    /// Site id (or hub id for a trunk leg).
    public var location: String
    /// Minutes after midnight when service starts.
    public var serviceStartMinute: Double
    public var deliveries: [FlowDelivery]
    /// Sum of the deliveries per dimension.
    public var quantity: [Double]
    /// Metres of the shortest feasible distance from the trip's start to this stop (the travel
    /// matrix's): the distance ISO 14083 allocates a shared trip's emissions by
    /// (``EmissionAllocation``), whatever way the tour takes.
    public var shortestMetres: Int
}

/// One trip of one vehicle on one day, with its kilometres, cost and emissions.
public struct PlannedRoute: Sendable, Hashable, Codable {
    public var kind: RouteKind
    public var day: Weekday
    /// The supplier or hub that runs the trip.
    public var operatedBy: String
    public var vehicleType: String
    /// Location ids where the trip starts and ends.
    public var start: String
    public var end: String
    /// Minutes after midnight of departure.
    public var departureMinute: Double
    public var stops: [PlannedStop]
    /// Metres of each leg, start to first stop, ..., last stop to end.
    public var legMetres: [Int]
    /// Seconds from departure to return.
    public var durationSeconds: Int
    public var costEur: Double
    /// Energy drawn, in the unit of the vehicle's energy carrier (electricity including
    /// charging losses).
    public var energy: Double
    public var co2eWtwKg: Double
    public var co2eTtwKg: Double
    /// NOx and PM10, when the vehicle type has factors for them.
    public var noxKg: Double?
    public var pm10Kg: Double?
    /// Which vehicle of the operator's fleet drives the trip that day (`e-van 2`); trips with
    /// the same label are made one after the other by one vehicle.
    public var vehicle: String?

    /// Metres driven: the sum of the legs.
    public var metres: Int { legMetres.reduce(0, +) }

    /// The weight on board on each leg, from the stops' quantities in the weight dimension.
    public func legLoadsKg(weightDimension: Int?) -> [Double] {
        guard let weightDimension else { return legMetres.map { _ in 0 } }
        return RouteEmissions.deliveryLegLoads(stopLoadsKg: stops.map { $0.quantity[weightDimension] })
    }
}

/// Energy and emissions of handling goods at a hub on one day: the hub operation element of
/// ISO 14083, with the deliveries it handled.
public struct HubOperation: Sendable, Hashable, Codable {
    public var hub: String
    public var day: Weekday
    public var deliveries: [FlowDelivery]
    /// Energy in the unit of the hub's energy carrier.
    public var energy: Double
    public var energyCarrier: String
    public var co2eWtwKg: Double
    public var co2eTtwKg: Double
}

/// Goods that could not be delivered, and why.
public struct UnservedDelivery: Sendable, Hashable, Codable {
    public var day: Weekday
    public var site: String
    public var operatedBy: String
    public var deliveries: [FlowDelivery]
    public var reason: String
}
