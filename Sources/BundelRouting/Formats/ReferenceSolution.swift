import Foundation

/// The solution bundel found for a problem written by ``VROOMWriter``, stored beside it
/// (`NAME.solution.json`) as the reference another solver's answer is compared with: total
/// cost, distance and duration, every route as its vehicle and its trips of job ids, the jobs
/// left out with the reason, and the seed and iteration limit of the search that found it.
///
/// Job ids and vehicle ids are those of the problem file (job ids are job indices); the k-th
/// route of a vehicle type drives the type's k-th vehicle. Costs are bundel's
/// (``VehicleType/cost(distanceMetres:durationSeconds:)``: fixed cost, per km, and per hour
/// from departure to return).
public struct ReferenceSolution: Codable, Sendable, Equatable {
    public struct RouteEntry: Codable, Sendable, Equatable {
        /// The VROOM vehicle id, and the vehicle type (`type_index`) it belongs to.
        public var vehicle: Int
        public var typeIndex: Int
        /// Job ids per trip, in visiting order; a reload at the start depot separates trips.
        public var trips: [[Int]]
        /// Departure from the start depot, in seconds.
        public var departure: Int
        public var distance: Int
        /// Seconds from departure to return, service, waiting and reloads included.
        public var duration: Int
        public var cost: Double
    }

    public struct Unassigned: Codable, Sendable, Equatable {
        public var id: Int
        public var reason: String
    }

    public var cost: Double
    public var distance: Int
    public var duration: Int
    public var routes: [RouteEntry]
    public var unassigned: [Unassigned]
    /// The search that found it: with this seed and iteration limit (and no set partitioning)
    /// the engine finds the same solution again, unless the clock stopped it first.
    public var seed: UInt64
    public var maxIterations: Int
    public var stoppedByTimeLimit: Bool

    public init(_ solution: RoutingSolution, problem: RoutingProblem, parameters: SearchParameters) {
        var nextVehicle: [Int: [Int]] = [:]
        for vehicle in VROOMWriter.vehicles(of: problem).reversed() {
            nextVehicle[vehicle.type, default: []].append(vehicle.id)
        }
        routes = solution.routes.map { route in
            // A solution never uses more vehicles of a type than the file lists for it.
            let vehicle = nextVehicle[route.vehicleType]!.popLast()!
            return RouteEntry(
                vehicle: vehicle, typeIndex: route.vehicleType, trips: route.trips, departure: route.departure,
                distance: route.distanceMetres, duration: route.durationSeconds, cost: route.cost)
        }
        unassigned = solution.unserved.map { Unassigned(id: $0.job, reason: $0.reason.rawValue) }
        cost = solution.cost
        distance = solution.distanceMetres
        duration = solution.durationSeconds
        seed = parameters.seed
        maxIterations = parameters.maxIterations
        stoppedByTimeLimit = solution.statistics.stoppedByTimeLimit || solution.statistics.stoppedByRequest
    }

    /// The solution as JSON, a route or left-out job per line: the same solution gives the same
    /// bytes.
    public func json() -> String {
        let number = VROOMWriter.number, string = VROOMWriter.string
        func list(_ lines: [String]) -> String {
            lines.isEmpty ? "[]" : "[\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"
        }
        let routeLines = routes.map { route in
            let trips = route.trips.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }.joined(
                separator: ", ")
            return
                "{\"vehicle\": \(route.vehicle), \"type_index\": \(route.typeIndex), \"trips\": [\(trips)], \"departure\": \(route.departure), "
                + "\"distance\": \(route.distance), \"duration\": \(route.duration), \"cost\": \(number(route.cost))}"
        }
        let unassignedLines = unassigned.map { "{\"id\": \($0.id), \"reason\": \(string($0.reason))}" }
        return "{\n  \"cost\": \(number(cost)),\n  \"distance\": \(distance),\n  \"duration\": \(duration),\n"
            + "  \"routes\": \(list(routeLines)),\n  \"unassigned\": \(list(unassignedLines)),\n"
            + "  \"seed\": \(seed),\n  \"max_iterations\": \(maxIterations),\n  \"stopped_by_time_limit\": \(stoppedByTimeLimit)\n}\n"
    }

    /// Reads a solution file.
    public static func read(path: String) throws(RoutingError) -> ReferenceSolution {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RoutingError("\(path): cannot read the file")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(ReferenceSolution.self, from: data) } catch {
            throw RoutingError("\(path): not a bundel solution file: \(VROOMProblem.describe(error))")
        }
    }

    /// The solution file beside a problem file: `NAME.json` → `NAME.solution.json`.
    public static func path(besideProblem path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".solution.json"
    }
}
