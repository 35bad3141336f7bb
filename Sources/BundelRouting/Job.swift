/// A delivery to make: where, how much, how long it takes and when it may happen.
public struct Job: Sendable, Hashable {
    /// Index of the job's location in the problem's matrices.
    public var location: Int
    /// Quantity per capacity dimension, in the units of ``VehicleType/capacity``.
    public var demand: [Double]
    /// Time spent at the location, in seconds.
    public var serviceSeconds: Int
    /// When service may start.
    public var timeWindow: TimeWindow
    /// Vehicle types (indices into ``RoutingProblem/vehicleTypes``) that may serve the job;
    /// `nil` allows every type. Models access rules such as zero-emission zones.
    public var allowedVehicleTypes: Set<Int>?
    /// Cost of leaving the job out, for optional jobs; `nil` for a job that must be served
    /// whenever any vehicle can (the search then treats leaving it out as prohibitively dear).
    public var unservedPenalty: Double?

    public init(
        location: Int, demand: [Double], serviceSeconds: Int = 0,
        timeWindow: TimeWindow = .always, allowedVehicleTypes: Set<Int>? = nil, unservedPenalty: Double? = nil
    ) {
        self.location = location
        self.demand = demand
        self.serviceSeconds = serviceSeconds
        self.timeWindow = timeWindow
        self.allowedVehicleTypes = allowedVehicleTypes
        self.unservedPenalty = unservedPenalty
    }

    /// Whether vehicle type `type` may serve this job.
    public func allows(vehicleType type: Int) -> Bool { allowedVehicleTypes?.contains(type) ?? true }
}
