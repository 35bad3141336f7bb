/// A class of identical vehicles: capacity, costs, travel profile, depots and shift.
public struct VehicleType: Sendable, Hashable {
    /// A label for reports.
    public var name: String
    /// Capacity per dimension, in the units of ``Job/demand``.
    public var capacity: [Double]
    /// Cost of using one vehicle for one route (per trip in this engine).
    public var fixedCost: Double
    /// Cost per kilometre driven.
    public var costPerKilometre: Double
    /// Cost per hour from departure to return, waiting included.
    public var costPerHour: Double
    /// Index of the travel profile (distance and duration matrices) this type drives on.
    public var profile: Int
    /// Location where routes start.
    public var startLocation: Int
    /// Location where routes end.
    public var endLocation: Int
    /// Earliest departure (``TimeWindow/earliest``) and latest return (``TimeWindow/latest``).
    public var shift: TimeWindow
    /// Longest allowed route duration in seconds, if any.
    public var maxDurationSeconds: Int?
    /// Longest allowed route distance in metres, if any.
    public var maxDistanceMetres: Int?
    /// Longest allowed driving time of a route in seconds (service and waiting not counted), if
    /// any: VROOM's `max_travel_time`.
    public var maxTravelSeconds: Int?
    /// Vehicles of this type available, each driving one route; `nil` for an unlimited fleet.
    public var count: Int?
    /// Trips a vehicle may make in its shift, reloading at its start depot in between.
    public var maxTrips: Int = 1
    /// Seconds spent at the depot to reload between two trips.
    public var reloadSeconds: Int = 0

    public init(
        name: String, capacity: [Double], fixedCost: Double = 0, costPerKilometre: Double = 1,
        costPerHour: Double = 0, profile: Int = 0, startLocation: Int = 0, endLocation: Int? = nil,
        shift: TimeWindow = .always, maxDurationSeconds: Int? = nil, maxDistanceMetres: Int? = nil,
        maxTravelSeconds: Int? = nil, count: Int? = nil
    ) {
        self.name = name
        self.capacity = capacity
        self.fixedCost = fixedCost
        self.costPerKilometre = costPerKilometre
        self.costPerHour = costPerHour
        self.profile = profile
        self.startLocation = startLocation
        self.endLocation = endLocation ?? startLocation
        self.shift = shift
        self.maxDurationSeconds = maxDurationSeconds
        self.maxDistanceMetres = maxDistanceMetres
        self.maxTravelSeconds = maxTravelSeconds
        self.count = count
    }

    /// The cost of a route of the given length and duration.
    public func cost(distanceMetres: Int, durationSeconds: Int) -> Double {
        fixedCost + costPerKilometre * Double(distanceMetres) / 1000 + costPerHour * Double(durationSeconds) / 3600
    }
}
