import Foundation

/// Writes a ``RoutingProblem`` as a VROOM problem (JSON) that ``VROOMProblem/read(path:)`` reads
/// back to the same problem, so that a problem bundel solved can be given to another solver.
///
/// VROOM describes vehicles one by one; bundel has vehicle types with a count or an unlimited
/// fleet. Each type becomes as many VROOM vehicles as it has, or as many as there are jobs when
/// its fleet is unlimited (enough for any solution: no route needs to serve less than one job).
/// What VROOM cannot say goes into fields of bundel's own, which VROOM ignores:
///
/// - vehicle `type_index`: the type the vehicle belongs to (its entries are alike but for `id`),
///   and `unlimited`: `true` when the type's fleet has no limit;
/// - vehicle `max_trips` and `reload_time`: trips per shift, with a reload of `reload_time`
///   seconds at the start depot between two trips (VROOM has one trip per vehicle);
/// - vehicle `max_duration`: the longest route from departure to return, service and waiting
///   included (VROOM's `max_travel_time` counts travel only);
/// - job `unserved_penalty`: the cost of leaving an optional job out.
///
/// Costs are written as bundel has them (EUR with decimals; VROOM itself takes whole numbers,
/// so scale them for VROOM), and `costs.per_hour` is paid, as everywhere in bundel, for the
/// whole route from departure to return (VROOM pays it for travel time only). Each job and
/// vehicle is one line and each matrix row one line, so that a file can be read and compared.
public enum VROOMWriter {
    /// One VROOM vehicle of a problem: its id and the vehicle type it stands for.
    public struct Vehicle: Sendable, Equatable {
        public let id: Int
        public let type: Int
    }

    /// The VROOM vehicles of `problem`, ids from 0 in type order: a type's count, or one per job
    /// (at least one) for an unlimited type.
    public static func vehicles(of problem: RoutingProblem) -> [Vehicle] {
        var vehicles: [Vehicle] = []
        for (index, type) in problem.vehicleTypes.enumerated() {
            let count = type.count ?? max(1, problem.jobs.count)
            vehicles += (0..<count).map { Vehicle(id: vehicles.count + $0, type: index) }
        }
        return vehicles
    }

    /// The name of each travel profile in the file: `car` (VROOM's default) for a problem with
    /// one profile, else `p0`, `p1`, ... padded so that names sort in profile order, which is
    /// the order the reader numbers them in.
    public static func profileNames(of problem: RoutingProblem) -> [String] {
        let count = problem.profiles.count
        guard count > 1 else { return ["car"] }
        let width = String(count - 1).count
        return (0..<count).map { index in
            let digits = String(index)
            return "p" + String(repeating: "0", count: width - digits.count) + digits
        }
    }

    /// The problem as VROOM JSON. Job `id`s are job indices (0, 1, ...); `jobDescriptions`, one
    /// per job, become their `description` (for example the site's id), and each vehicle's
    /// `description` is its type's name.
    public static func json(_ problem: RoutingProblem, jobDescriptions: [String]? = nil) -> String {
        precondition(jobDescriptions == nil || jobDescriptions!.count == problem.jobs.count, "one description per job")
        // A skill per distinct set of allowed vehicle types: a job needs its set's skill, and
        // the types in the set have it, so the reader finds exactly that set again.
        var skillSets: [Set<Int>] = []
        for job in problem.jobs {
            if let allowed = job.allowedVehicleTypes, !skillSets.contains(allowed) { skillSets.append(allowed) }
        }
        let profiles = profileNames(of: problem)

        var vehicleLines: [String] = []
        for vehicle in vehicles(of: problem) {
            let type = problem.vehicleTypes[vehicle.type]
            var fields = [
                "\"id\": \(vehicle.id)", "\"description\": \(string(type.name))",
                "\"profile\": \(string(profiles[type.profile]))",
                "\"start_index\": \(type.startLocation)", "\"end_index\": \(type.endLocation)",
                "\"capacity\": \(numbers(type.capacity))",
            ]
            if type.shift != .always {
                fields.append("\"time_window\": [\(type.shift.earliest), \(type.shift.latest)]")
            }
            fields.append(
                "\"costs\": {\"fixed\": \(number(type.fixedCost)), \"per_hour\": \(number(type.costPerHour)), \"per_km\": \(number(type.costPerKilometre))}"
            )
            let skills = skillSets.indices.filter { skillSets[$0].contains(vehicle.type) }.map { $0 + 1 }
            if !skills.isEmpty { fields.append("\"skills\": [\(skills.map(String.init).joined(separator: ", "))]") }
            if let limit = type.maxDistanceMetres { fields.append("\"max_distance\": \(limit)") }
            if let limit = type.maxTravelSeconds { fields.append("\"max_travel_time\": \(limit)") }
            if let limit = type.maxDurationSeconds { fields.append("\"max_duration\": \(limit)") }
            fields += [
                "\"type_index\": \(vehicle.type)", "\"unlimited\": \(type.count == nil)",
                "\"max_trips\": \(type.maxTrips)", "\"reload_time\": \(type.reloadSeconds)",
            ]
            vehicleLines.append("{" + fields.joined(separator: ", ") + "}")
        }

        var jobLines: [String] = []
        for (index, job) in problem.jobs.enumerated() {
            var fields = ["\"id\": \(index)"]
            if let jobDescriptions { fields.append("\"description\": \(string(jobDescriptions[index]))") }
            fields += [
                "\"location_index\": \(job.location)", "\"delivery\": \(numbers(job.demand))",
                "\"service\": \(job.serviceSeconds)",
            ]
            if job.timeWindow != .always {
                fields.append("\"time_windows\": [[\(job.timeWindow.earliest), \(job.timeWindow.latest)]]")
            }
            if let allowed = job.allowedVehicleTypes {
                fields.append("\"skills\": [\(skillSets.firstIndex(of: allowed)! + 1)]")
            }
            if let penalty = job.unservedPenalty { fields.append("\"unserved_penalty\": \(number(penalty))") }
            jobLines.append("{" + fields.joined(separator: ", ") + "}")
        }

        var matrixParts: [String] = []
        for (index, profile) in problem.profiles.enumerated() {
            func rows(_ values: [Int]) -> String {
                (0..<profile.size).map { row in
                    "        ["
                        + values[(row * profile.size)..<((row + 1) * profile.size)].map(String.init).joined(
                            separator: ", ") + "]"
                }.joined(separator: ",\n")
            }
            matrixParts.append(
                "    \(string(profiles[index])): {\n      \"durations\": [\n\(rows(profile.durations))\n      ],\n"
                    + "      \"distances\": [\n\(rows(profile.distances))\n      ]\n    }")
        }

        func list(_ lines: [String]) -> String { lines.map { "    " + $0 }.joined(separator: ",\n") }
        return "{\n  \"vehicles\": [\n\(list(vehicleLines))\n  ],\n  \"jobs\": [\n\(list(jobLines))\n  ],\n"
            + "  \"matrices\": {\n\(matrixParts.joined(separator: ",\n"))\n  }\n}\n"
    }

    /// A number as JSON: whole numbers without a fraction (VROOM wants integers where it can get
    /// them), others in the shortest form that reads back to the same `Double`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func numbers(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ", ") + "]" }

    /// A string as a JSON literal, escaped.
    static func string(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        // Encoding a string cannot fail.
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }
}
