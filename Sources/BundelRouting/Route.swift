/// One trip of one vehicle: from its start depot through a sequence of jobs to its end depot.
public struct Route: Sendable, Hashable, Codable {
    /// Index of the vehicle type driving the route.
    public var vehicleType: Int
    /// Job indices in visiting order.
    public var jobs: [Int]
    /// Departure time from the start depot, in seconds.
    public var departure: Int
    /// Metres driven, depot to depot.
    public var distanceMetres: Int
    /// Seconds from departure to return, waiting and service included.
    public var durationSeconds: Int
    /// Fixed, distance and time cost of the route.
    public var cost: Double
    /// Total load per capacity dimension.
    public var load: [Double]
}
