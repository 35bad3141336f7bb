import Foundation

/// A problem in VROOM's JSON input format, so that VROOM users can switch: `vehicles` (start
/// and end by `start_index`/`end_index`, `capacity`, `time_window`, `skills`, `profile`,
/// `costs`, `max_travel_time`, `max_distance`), `jobs` (`location_index`, `delivery`,
/// `service`, one `time_windows` entry, `skills`) and `matrices` per profile with `durations`
/// and optionally `distances` (or the older single `matrix` of durations). Every VROOM vehicle
/// becomes a vehicle type with a count of one; skills become job–vehicle compatibility.
/// Coordinates without matrices would need a routing server, and shipments and pickups have no
/// counterpart here yet: they are reported as errors.
///
/// bundel's own fields, which ``VROOMWriter`` writes and VROOM ignores, restore what VROOM
/// cannot say: vehicles with the same `type_index` form one vehicle type (named by their
/// `description`) with as many vehicles as entries, or an unlimited fleet with `unlimited:
/// true`; `max_trips` and `reload_time` allow several trips per shift; `max_duration` limits
/// the route from departure to return; a job's `unserved_penalty` makes it optional.
public struct VROOMProblem: Sendable {
    public let problem: RoutingProblem
    /// VROOM ids of the jobs and vehicles, in problem order.
    public let jobIds: [Int]
    public let vehicleIds: [Int]

    struct Input: Decodable {
        struct Costs: Decodable {
            var fixed: Double?
            var per_hour: Double?
            var per_km: Double?
        }
        struct Vehicle: Decodable {
            var id: Int
            var start_index: Int?
            var end_index: Int?
            var start: [Double]?
            var capacity: [Double]?
            var time_window: [Int]?
            var skills: [Int]?
            var profile: String?
            var costs: Costs?
            var max_travel_time: Int?
            var max_distance: Int?
            var description: String?
            // bundel's fields (see the type's summary).
            var type_index: Int?
            var unlimited: Bool?
            var max_trips: Int?
            var reload_time: Int?
            var max_duration: Int?
        }
        struct Job: Decodable {
            var id: Int
            var location_index: Int?
            var location: [Double]?
            var delivery: [Double]?
            var amount: [Double]?
            var pickup: [Double]?
            var service: Int?
            var time_windows: [[Int]]?
            var skills: [Int]?
            var unserved_penalty: Double?
        }
        struct Matrix: Decodable {
            var durations: [[Int]]?
            var distances: [[Int]]?
        }
        var vehicles: [Vehicle]
        var jobs: [Job]?
        var shipments: [AnyDecodable]?
        var matrices: [String: Matrix]?
        var matrix: [[Int]]?
    }

    /// Accepts any JSON value; only its presence matters.
    struct AnyDecodable: Decodable { init(from decoder: Decoder) throws {} }

    public static func read(path: String) throws(RoutingError) -> VROOMProblem {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RoutingError("\(path): cannot read the file")
        }
        let input: Input
        do { input = try JSONDecoder().decode(Input.self, from: data) } catch {
            throw RoutingError("\(path): not a VROOM problem: \(Self.describe(error))")
        }
        return try build(input, path: path)
    }

    static func build(_ input: Input, path: String) throws(RoutingError) -> VROOMProblem {
        if let shipments = input.shipments, !shipments.isEmpty {
            throw RoutingError("\(path): shipments are not supported yet (only jobs)")
        }
        let jobs = input.jobs ?? []
        guard !input.vehicles.isEmpty else { throw RoutingError("\(path): the problem has no vehicles") }
        var matrices = input.matrices ?? [:]
        if let legacy = input.matrix { matrices["car", default: Input.Matrix()].durations = legacy }
        guard !matrices.isEmpty else {
            throw RoutingError(
                "\(path): give `matrices` (durations, and distances if wanted): coordinates alone need a routing server"
            )
        }
        var profileIndex: [String: Int] = [:]
        var profiles: [TravelProfile] = []
        for name in matrices.keys.sorted() {
            let matrix = matrices[name]!
            guard let durations = matrix.durations else {
                throw RoutingError("\(path): matrices.\(name) has no durations")
            }
            let size = durations.count
            guard durations.allSatisfy({ $0.count == size }) else {
                throw RoutingError("\(path): matrices.\(name).durations is not square")
            }
            let distances = matrix.distances ?? durations
            guard distances.count == size, distances.allSatisfy({ $0.count == size }) else {
                throw RoutingError("\(path): matrices.\(name).distances does not match its durations in size")
            }
            profileIndex[name] = profiles.count
            do {
                profiles.append(
                    try TravelProfile(
                        size: size, distances: distances.flatMap { $0 }, durations: durations.flatMap { $0 }))
            } catch {
                // The profile's own check says what is wrong, not in which file and matrix.
                throw RoutingError("\(path): matrices.\(name): \(error.message)")
            }
        }
        let size = profiles[0].size
        guard profiles.allSatisfy({ $0.size == size }) else {
            throw RoutingError("\(path): the matrices differ in size")
        }
        let dimensions = input.vehicles.map { $0.capacity?.count ?? 0 }.max() ?? 0

        func index(_ value: Int?, _ what: String) throws(RoutingError) -> Int {
            guard let value else {
                throw RoutingError(
                    "\(path): \(what) needs an index into the matrices (coordinates need a routing server)")
            }
            guard (0..<size).contains(value) else {
                throw RoutingError("\(path): \(what) index \(value) is outside the \(size) x \(size) matrix")
            }
            return value
        }
        var types: [VehicleType] = []
        var typeSkills: [Set<Int>] = []
        var vehicleIds: [Int] = []
        var typeOf: [Int] = []
        var typeOfIndex: [Int: Int] = [:]
        for vehicle in input.vehicles {
            let name = "vehicle \(vehicle.id)"
            guard let profile = profileIndex[vehicle.profile ?? "car"] ?? (profiles.count == 1 ? 0 : nil) else {
                throw RoutingError("\(path): \(name) uses profile '\(vehicle.profile ?? "car")', which has no matrix")
            }
            let start = try index(vehicle.start_index ?? vehicle.end_index, "\(name) start")
            let end = try index(vehicle.end_index ?? vehicle.start_index, "\(name) end")
            var capacity = vehicle.capacity ?? []
            capacity += [Double](repeating: 0, count: dimensions - capacity.count)
            let window =
                vehicle.time_window.map { TimeWindow(earliest: $0.first ?? 0, latest: $0.last ?? 0) } ?? .always
            guard (vehicle.max_trips ?? 1) >= 1 else {
                throw RoutingError("\(path): \(name) has max_trips \(vehicle.max_trips!); it needs at least 1")
            }
            guard (vehicle.reload_time ?? 0) >= 0 else {
                throw RoutingError("\(path): \(name) has a negative reload_time")
            }
            let typeName =
                vehicle.type_index == nil ? name : vehicle.description ?? "vehicle type \(vehicle.type_index!)"
            var type = VehicleType(
                name: typeName, capacity: capacity, fixedCost: vehicle.costs?.fixed ?? 0,
                costPerKilometre: vehicle.costs?.per_km ?? 0, costPerHour: vehicle.costs?.per_hour ?? 3600,
                profile: profile, startLocation: start, endLocation: end, shift: window,
                maxDurationSeconds: vehicle.max_duration, maxDistanceMetres: vehicle.max_distance,
                maxTravelSeconds: vehicle.max_travel_time, count: vehicle.unlimited == true ? nil : 1)
            type.maxTrips = vehicle.max_trips ?? 1
            type.reloadSeconds = vehicle.reload_time ?? 0
            let skills = Set(vehicle.skills ?? [])
            // Entries of one `type_index` are one type with a vehicle per entry: they must agree
            // in everything but their id.
            if let key = vehicle.type_index, let existing = typeOfIndex[key] {
                var counted = type
                counted.count = types[existing].count
                guard counted == types[existing], skills == typeSkills[existing] else {
                    throw RoutingError(
                        "\(path): \(name) has type_index \(key) but differs from vehicle \(vehicleIds[existing]), "
                            + "the first of that type, in \(Self.differences(type, skills, types[existing], typeSkills[existing]))"
                    )
                }
                if let count = types[existing].count { types[existing].count = count + 1 }
                typeOf.append(existing)
                continue
            }
            if let key = vehicle.type_index { typeOfIndex[key] = types.count }
            typeOf.append(types.count)
            types.append(type)
            typeSkills.append(skills)
            vehicleIds.append(vehicle.id)
        }
        var problemJobs: [Job] = []
        for job in jobs {
            let name = "job \(job.id)"
            if let pickup = job.pickup, pickup.contains(where: { $0 != 0 }) {
                throw RoutingError("\(path): \(name) has a pickup; pickups are not supported yet")
            }
            guard (job.time_windows?.count ?? 0) <= 1 else {
                throw RoutingError("\(path): \(name) has several time windows; only one is supported yet")
            }
            var demand = job.delivery ?? job.amount ?? []
            guard demand.count <= dimensions else {
                throw RoutingError("\(path): \(name) has more amount dimensions than any vehicle capacity")
            }
            demand += [Double](repeating: 0, count: dimensions - demand.count)
            let window =
                job.time_windows?.first.map { TimeWindow(earliest: $0.first ?? 0, latest: $0.last ?? 0) } ?? .always
            let skills = Set(job.skills ?? [])
            let allowed = skills.isEmpty ? nil : Set(types.indices.filter { skills.isSubset(of: typeSkills[$0]) })
            if let penalty = job.unserved_penalty, !(penalty.isFinite && penalty >= 0) {
                throw RoutingError("\(path): \(name) has an unserved_penalty that is negative or not finite")
            }
            problemJobs.append(
                Job(
                    location: try index(job.location_index, name), demand: demand, serviceSeconds: job.service ?? 0,
                    timeWindow: window, allowedVehicleTypes: allowed, unservedPenalty: job.unserved_penalty))
        }
        // The problem's own checks (a shift out of range) know no file; name it.
        let problem: RoutingProblem
        do { problem = try RoutingProblem(profiles: profiles, jobs: problemJobs, vehicleTypes: types) } catch {
            throw RoutingError("\(path): \(error.message)")
        }
        return VROOMProblem(problem: problem, jobIds: jobs.map(\.id), vehicleIds: vehicleIds)
    }

    /// The fields in which two vehicle entries of one type differ, for the error message.
    private static func differences(
        _ a: VehicleType, _ aSkills: Set<Int>, _ b: VehicleType, _ bSkills: Set<Int>
    ) -> String {
        let fields: [(String, Bool)] = [
            ("description", a.name == b.name), ("capacity", a.capacity == b.capacity),
            (
                "costs",
                (a.fixedCost, a.costPerHour, a.costPerKilometre) == (b.fixedCost, b.costPerHour, b.costPerKilometre)
            ),
            ("profile", a.profile == b.profile),
            ("start_index or end_index", (a.startLocation, a.endLocation) == (b.startLocation, b.endLocation)),
            ("time_window", a.shift == b.shift), ("max_duration", a.maxDurationSeconds == b.maxDurationSeconds),
            ("max_travel_time", a.maxTravelSeconds == b.maxTravelSeconds),
            ("max_distance", a.maxDistanceMetres == b.maxDistanceMetres),
            ("unlimited", (a.count == nil) == (b.count == nil)),
            ("max_trips", a.maxTrips == b.maxTrips), ("reload_time", a.reloadSeconds == b.reloadSeconds),
            ("skills", aSkills == bSkills),
        ]
        return fields.filter { !$0.1 }.map(\.0).joined(separator: ", ")
    }

    /// A decoding error in words, with the JSON path of the offending value.
    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case let .keyNotFound(key, context): return "missing '\(key.stringValue)' at \(path(context))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top level" : path
    }
}
