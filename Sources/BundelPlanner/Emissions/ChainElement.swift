/// One transport chain element in the sense of ISO 14083: a vehicle trip (direct route, trunk
/// leg, hub tour) or a hub's operations on a day, with its energy and emissions.
public struct ChainElement: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case direct, trunk
        case hubTour = "hub-tour"
        case hubOperation = "hub-operation"
    }

    public var kind: Kind
    public var day: Weekday
    /// Supplier or hub responsible for the element.
    public var operatedBy: String
    /// Vehicle type of a trip; empty for a hub operation.
    public var vehicleType: String
    public var km: Double
    /// Tonnes carried on the trip, or handled by the hub operation (0 without a weight
    /// dimension).
    public var tonnes: Double
    /// Tonne-kilometres of the goods carried, by the allocation's distance (the shortest
    /// feasible one unless the scenario says ridden); 0 for a hub operation or without a
    /// weight dimension.
    public var tonneKm: Double
    public var energy: Double
    public var energyCarrier: String
    public var co2eWtwKg: Double
    public var co2eTtwKg: Double
    public var noxKg: Double?
    public var pm10Kg: Double?
    /// Number of flow deliveries the element serves.
    public var shipments: Int
}

/// Emissions attributed to one flow (or to a group of flows), well-to-wheel and tank-to-wheel.
public struct EmissionShare: Sendable, Hashable, Codable {
    public var co2eWtwKg: Double = 0
    public var co2eTtwKg: Double = 0

    public init(co2eWtwKg: Double = 0, co2eTtwKg: Double = 0) {
        self.co2eWtwKg = co2eWtwKg
        self.co2eTtwKg = co2eTtwKg
    }

    static func + (lhs: EmissionShare, rhs: EmissionShare) -> EmissionShare {
        EmissionShare(co2eWtwKg: lhs.co2eWtwKg + rhs.co2eWtwKg, co2eTtwKg: lhs.co2eTtwKg + rhs.co2eTtwKg)
    }
}
