/// What one vehicle drives in its shift: from its start depot through a sequence of jobs to
/// its end depot, possibly in several trips with a reload at the start depot in between.
public struct Route: Sendable, Hashable, Codable {
    /// The entry of ``jobs`` that stands for a return to the start depot to reload.
    public static let reload = -1

    /// Index of the vehicle type driving the route.
    public var vehicleType: Int
    /// Job indices in visiting order, with ``reload`` between trips (never first, last or twice
    /// in a row).
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

    public init(
        vehicleType: Int, jobs: [Int], departure: Int, distanceMetres: Int, durationSeconds: Int, cost: Double,
        load: [Double]
    ) {
        self.vehicleType = vehicleType
        self.jobs = jobs
        self.departure = departure
        self.distanceMetres = distanceMetres
        self.durationSeconds = durationSeconds
        self.cost = cost
        self.load = load
    }

    /// The jobs trip by trip.
    public var trips: [[Int]] { jobs.split(separator: Route.reload).map(Array.init) }

    /// The jobs served, without reload marks.
    public var servedJobs: [Int] { jobs.filter { $0 != Route.reload } }
}
