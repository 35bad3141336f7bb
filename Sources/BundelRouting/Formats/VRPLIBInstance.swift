import Foundation

/// How arc lengths are computed from coordinates, as the benchmark sets define them.
public enum DistanceConvention: String, Sendable, Codable {
    /// TSPLIB EUC_2D: Euclidean distance rounded to the nearest integer (CVRPLIB sets A-X).
    case roundedEuclidean = "nint"
    /// DIMACS/CVRPLIB VRPTW: Euclidean distance truncated to one decimal; travel time equals it.
    /// Kept in integer tenths, with windows and service times multiplied by 10.
    case truncatedTenths = "truncated-one-decimal"
    /// TSPLIB CEIL_2D: Euclidean distance rounded up.
    case ceilEuclidean = "ceil"

    /// Matrix units per instance unit of cost (10 for tenths).
    public var scale: Int { self == .truncatedTenths ? 10 : 1 }

    /// The arc length in matrix units between two points.
    public func length(_ a: (Double, Double), _ b: (Double, Double)) -> Int {
        let d = ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
        switch self {
        case .roundedEuclidean: return Int((d + 0.5).rounded(.down))
        case .truncatedTenths: return Int((10 * d).rounded(.down))
        case .ceilEuclidean: return Int(d.rounded(.up))
        }
    }
}

/// A CVRP or CVRPTW instance in the VRPLIB format of CVRPLIB and PyVRP's instance sets:
/// `KEY : value` headers, then NODE_COORD_SECTION, DEMAND_SECTION, optional
/// TIME_WINDOW_SECTION and SERVICE_TIME_SECTION, DEPOT_SECTION, EOF. Node 1 is the depot;
/// job `k` is node `k + 2`.
public struct VRPLIBInstance: Sendable {
    public let name: String
    public let type: String
    public let convention: DistanceConvention
    public let problem: RoutingProblem

    /// Number of nodes, depot included (the `n` of "X-n101-k25").
    public var nodeCount: Int { problem.jobs.count + 1 }

    /// Reads a file; the convention follows the type (nint for CVRP, truncated tenths for
    /// CVRPTW) unless one is given.
    public static func read(
        path: String, convention given: DistanceConvention? = nil
    ) throws(RoutingError) -> VRPLIBInstance {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw RoutingError("\(path): cannot read the file")
        }
        var headers: [String: String] = [:]
        var sections: [String: [[String]]] = [:]
        var section: String?
        for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line == "EOF" { continue }
            if line.hasSuffix("_SECTION") {
                section = line
                sections[line] = []
                continue
            }
            if line.first?.isLetter == true, let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].trimmingCharacters(in: .whitespaces).uppercased()] =
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                section = nil
                continue
            }
            guard let current = section else { throw RoutingError("\(path):\(number + 1): unexpected line '\(line)'") }
            sections[current]!.append(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
        }

        func header(_ key: String) throws(RoutingError) -> String {
            guard let value = headers[key] else { throw RoutingError("\(path): missing header \(key)") }
            return value
        }
        func number(_ text: String, _ what: String) throws(RoutingError) -> Double {
            guard let value = Double(text), value.isFinite else {
                throw RoutingError("\(path): \(what): '\(text)' is not a number")
            }
            return value
        }
        let type = try header("TYPE").uppercased()
        guard type == "CVRP" || type == "CVRPTW" || type == "VRPTW" else {
            throw RoutingError("\(path): TYPE \(type) is not supported (CVRP, CVRPTW)")
        }
        guard let dimension = Int(try header("DIMENSION")), dimension >= 2 else {
            throw RoutingError("\(path): DIMENSION must be a whole number >= 2")
        }
        let capacity = try number(try header("CAPACITY"), "CAPACITY")
        let weightType = (headers["EDGE_WEIGHT_TYPE"] ?? "EUC_2D").uppercased()
        let hasWindows = sections["TIME_WINDOW_SECTION"] != nil
        let convention =
            given ?? (weightType == "CEIL_2D" ? .ceilEuclidean : (hasWindows ? .truncatedTenths : .roundedEuclidean))
        guard ["EUC_2D", "CEIL_2D"].contains(weightType) else {
            throw RoutingError("\(path): EDGE_WEIGHT_TYPE \(weightType) is not supported (EUC_2D, CEIL_2D)")
        }

        /// A section as node index (0-based) → values, checking that every node appears once.
        func table(_ name: String, columns: Int, required: Bool) throws(RoutingError) -> [[Double]]? {
            guard let rows = sections[name] else {
                if required { throw RoutingError("\(path): missing \(name)") }
                return nil
            }
            // Keyed by node rather than an array of DIMENSION entries: a header such as
            // `DIMENSION: 999999999` must not allocate for nodes that the file does not list.
            var values: [Int: [Double]] = [:]
            for row in rows {
                guard row.count >= columns + 1, let id = Int(row[0]), (1...dimension).contains(id) else {
                    throw RoutingError("\(path): \(name): bad row '\(row.joined(separator: " "))'")
                }
                var numbers: [Double] = []
                for field in row[1...columns] { numbers.append(try number(field, name)) }
                values[id] = numbers
            }
            // At most `rows.count` nodes have a row, so this search ends within that many steps.
            if let missing = (1...dimension).first(where: { values[$0] == nil }) {
                throw RoutingError("\(path): \(name) has no row for node \(missing)")
            }
            return (1...dimension).map { values[$0]! }
        }
        let coordinates = try table("NODE_COORD_SECTION", columns: 2, required: true)!.map { ($0[0], $0[1]) }
        let demands = try table("DEMAND_SECTION", columns: 1, required: true)!.map { $0[0] }
        let windows = try table("TIME_WINDOW_SECTION", columns: 2, required: false)
        let services = try table("SERVICE_TIME_SECTION", columns: 1, required: false)
        let commonService =
            try headers["SERVICE_TIME"].map { (text: String) throws(RoutingError) in try number(text, "SERVICE_TIME") }
            ?? 0
        let depots = (sections["DEPOT_SECTION"] ?? [["1"]]).compactMap { Int($0[0]) }.filter { $0 > 0 }
        guard depots == [1] else { throw RoutingError("\(path): only a single depot at node 1 is supported") }

        let problem = try coordinateProblem(
            coordinates: coordinates, demands: demands,
            windows: windows.map { $0.map { ($0[0], $0[1]) } },
            services: (0..<dimension).map { services?[$0][0] ?? ($0 == 0 ? 0 : commonService) },
            capacity: capacity, vehicles: headers["VEHICLES"].flatMap { Int($0) }, convention: convention,
            path: path)
        let name = headers["NAME"] ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return VRPLIBInstance(name: name, type: type, convention: convention, problem: problem)
    }

    /// The most nodes an instance may have: CVRPLIB's largest instances (Belgium's Flanders2)
    /// have 30,001, and a square matrix of more would not fit in memory.
    static let maximumDimension = 30_001
    /// The largest coordinate magnitude: lengths up to this stay far inside `Int`.
    static let maximumCoordinate = 1e9
    /// The largest time window bound or service time, in instance units.
    static let maximumTime = 1e12

    /// A problem on points in the plane with node 0 as the depot, lengths by `convention`
    /// (travel time equals length), windows and service times scaled like the lengths.
    static func coordinateProblem(
        coordinates: [(Double, Double)], demands: [Double], windows: [(Double, Double)]?,
        services: [Double], capacity: Double, vehicles: Int?,
        convention: DistanceConvention, path: String
    ) throws(RoutingError) -> RoutingProblem {
        let dimension = coordinates.count
        let scale = convention.scale
        guard dimension <= maximumDimension else {
            throw RoutingError(
                "\(path): \(dimension) nodes is more than the \(maximumDimension) supported: the matrix would hold \(dimension) x \(dimension) lengths"
            )
        }
        // Lengths and times become whole matrix units; a value beyond these bounds (or not
        // finite) would overflow the conversion to Int and stop the program.
        if let bad = coordinates.firstIndex(where: {
            !(abs($0.0) <= maximumCoordinate && abs($0.1) <= maximumCoordinate)
        }) {
            throw RoutingError(
                "\(path): node \(bad + 1): coordinates (\(coordinates[bad].0), \(coordinates[bad].1)) must be finite and within +-\(Int(maximumCoordinate))"
            )
        }
        let times = services + (windows ?? []).flatMap { [$0.0, $0.1] }
        if let bad = times.first(where: { !(abs($0) <= maximumTime) }) {
            throw RoutingError("\(path): time value \(bad) must be finite and within +-\(Int(maximumTime))")
        }
        var lengths = [Int](repeating: 0, count: dimension * dimension)
        for i in 0..<dimension {
            for j in 0..<dimension where i != j {
                lengths[i * dimension + j] = convention.length(coordinates[i], coordinates[j])
            }
        }
        let profile: TravelProfile
        // The profile's own check (lengths that do not fit the engine) says what, not where.
        do { profile = try TravelProfile(size: dimension, distances: lengths, durations: lengths) } catch {
            throw RoutingError("\(path): \(error.message)")
        }
        let scaled: (Double) -> Int = { Int(($0 * Double(scale)).rounded()) }
        let jobs = (1..<dimension).map { node in
            Job(
                location: node, demand: [demands[node]], serviceSeconds: scaled(services[node]),
                timeWindow: windows.map { TimeWindow(earliest: scaled($0[node].0), latest: scaled($0[node].1)) }
                    ?? .always)
        }
        let shift = windows.map { TimeWindow(earliest: scaled($0[0].0), latest: scaled($0[0].1)) } ?? .always
        // Cost per "kilometre" (1000 matrix units) such that a route's cost is its length in
        // the instance's own units: matrix units / scale.
        let vehicle = VehicleType(
            name: "vehicle", capacity: [capacity], fixedCost: 0, costPerKilometre: 1000 / Double(scale),
            costPerHour: 0, profile: 0, startLocation: 0, endLocation: 0, shift: shift, count: vehicles)
        // The problem's own checks (a window that ends before it starts, a negative demand)
        // know no file; name it so that the message says where to look.
        do { return try RoutingProblem(profiles: [profile], jobs: jobs, vehicleTypes: [vehicle]) } catch {
            throw RoutingError("\(path): \(error.message)")
        }
    }

    /// The same instance with at most `count` vehicles.
    public func withVehicleCount(_ count: Int) throws(RoutingError) -> VRPLIBInstance {
        var types = problem.vehicleTypes
        types[0].count = count
        return VRPLIBInstance(
            name: name, type: type, convention: convention,
            problem: try RoutingProblem(profiles: problem.profiles, jobs: problem.jobs, vehicleTypes: types))
    }

    /// The length of a set of routes in the instance's units (an integer for nint, tenths
    /// divided by 10 for the VRPTW convention).
    public func cost(of routes: [[Int]]) -> Double {
        let travel = problem.profiles[0]
        var total = 0
        for route in routes {
            let stops = [0] + route.map { problem.jobs[$0].location } + [0]
            total += zip(stops, stops.dropFirst()).map { travel.distance($0.0, $0.1) }.reduce(0, +)
        }
        return Double(total) / Double(convention.scale)
    }
}
