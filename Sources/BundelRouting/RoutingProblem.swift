/// An immutable, validated vehicle-routing problem: locations, jobs and vehicle types.
///
/// Capacity in several dimensions, time windows, service times, a heterogeneous fleet with its
/// own depots and shifts, maximum route duration and distance, and vehicle-job compatibility.
public struct RoutingProblem: Sendable {
    /// Whether a window or shift may name this moment: within 2^50 seconds of zero (35 million
    /// years), or ``TimeWindow/always``'s open end, so that no schedule arithmetic can overflow.
    static func supports(_ time: Int) -> Bool {
        (-(1 << 50)...(1 << 50)).contains(time) || time == TimeWindow.always.latest
    }

    /// Travel matrices, one per vehicle profile.
    public let profiles: [TravelProfile]
    /// The deliveries to make.
    public let jobs: [Job]
    /// The vehicle types; each type's ``VehicleType/count`` limits its vehicles (nil: as many
    /// as the jobs need), and each vehicle may make up to ``VehicleType/maxTrips`` trips.
    public let vehicleTypes: [VehicleType]
    /// Number of capacity dimensions.
    public let dimensionCount: Int

    /// Creates a problem after checking every index, size and number in it.
    public init(profiles: [TravelProfile], jobs: [Job], vehicleTypes: [VehicleType]) throws(RoutingError) {
        guard let size = profiles.first?.size else { throw RoutingError("a routing problem needs a travel profile") }
        guard profiles.allSatisfy({ $0.size == size }) else { throw RoutingError("travel profiles differ in size") }
        guard !vehicleTypes.isEmpty else { throw RoutingError("a routing problem needs a vehicle type") }
        let dimensions = vehicleTypes[0].capacity.count
        for (index, type) in vehicleTypes.enumerated() {
            guard type.capacity.count == dimensions else {
                throw RoutingError(
                    "vehicle type \(index) (\(type.name)) has \(type.capacity.count) capacity dimensions, expected \(dimensions)"
                )
            }
            guard type.capacity.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw RoutingError("vehicle type \(index) (\(type.name)) has a negative or non-finite capacity")
            }
            guard profiles.indices.contains(type.profile), (0..<size).contains(type.startLocation),
                (0..<size).contains(type.endLocation)
            else {
                throw RoutingError("vehicle type \(index) (\(type.name)) refers to a missing profile or location")
            }
            guard type.shift.earliest <= type.shift.latest, Self.supports(type.shift.earliest),
                Self.supports(type.shift.latest), (0...TravelProfile.largestValue).contains(type.reloadSeconds),
                type.maxTrips >= 1
            else {
                throw RoutingError(
                    "vehicle type \(index) (\(type.name)) has a shift, reload time or trip limit out of range")
            }
            guard [type.fixedCost, type.costPerKilometre, type.costPerHour].allSatisfy({ $0.isFinite && $0 >= 0 })
            else {
                throw RoutingError("vehicle type \(index) (\(type.name)) has a negative or non-finite cost")
            }
        }
        for (index, job) in jobs.enumerated() {
            guard (0..<size).contains(job.location) else {
                throw RoutingError("job \(index) has location \(job.location) outside 0..<\(size)")
            }
            guard job.demand.count == dimensions, job.demand.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw RoutingError("job \(index) needs \(dimensions) finite, non-negative demands, got \(job.demand)")
            }
            guard job.serviceSeconds >= 0, job.timeWindow.earliest <= job.timeWindow.latest else {
                throw RoutingError("job \(index) has a negative service time or a window that ends before it starts")
            }
            guard job.serviceSeconds <= TravelProfile.largestValue, Self.supports(job.timeWindow.earliest),
                Self.supports(job.timeWindow.latest)
            else {
                throw RoutingError("job \(index) has a service time or window beyond the supported range")
            }
            if let allowed = job.allowedVehicleTypes,
                let bad = allowed.first(where: { !vehicleTypes.indices.contains($0) })
            {
                throw RoutingError("job \(index) allows vehicle type \(bad), which does not exist")
            }
        }
        self.profiles = profiles
        self.jobs = jobs
        self.vehicleTypes = vehicleTypes
        self.dimensionCount = dimensions
    }

    /// The travel profile a vehicle type drives on.
    @inline(__always) func travel(_ type: Int) -> TravelProfile { profiles[vehicleTypes[type].profile] }
}
