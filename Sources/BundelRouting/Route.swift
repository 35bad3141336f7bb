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

    public init(vehicleType: Int, jobs: [Int], departure: Int, distanceMetres: Int, durationSeconds: Int, cost: Double, load: [Double]) {
        self.vehicleType = vehicleType
        self.jobs = jobs
        self.departure = departure
        self.distanceMetres = distanceMetres
        self.durationSeconds = durationSeconds
        self.cost = cost
        self.load = load
    }
}
