import BundelRouting

/// Small routing instances built from points in the plane (metres), for tests.
enum TestInstances {
    /// A problem on Euclidean points: location 0 is the depot, job `k` sits at location `k + 1`.
    /// Durations are metres at 10 m/s (36 km/h).
    static func euclidean(
        depot: (Double, Double), points: [(Double, Double)], demands: [[Double]],
        windows: [TimeWindow]? = nil, service: Int = 0,
        types: [VehicleType], allowed: [Set<Int>?]? = nil
    ) throws -> RoutingProblem {
        let all = [depot] + points
        let size = all.count
        var distances = [Int](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0..<size {
                distances[i * size + j] = Int((hypot(all[i].0 - all[j].0, all[i].1 - all[j].1)).rounded())
            }
        }
        let profile = try TravelProfile(size: size, distances: distances, durations: distances.map { $0 / 10 })
        let jobs = points.indices.map { index in
            Job(
                location: index + 1, demand: demands[index], serviceSeconds: service,
                timeWindow: windows?[index] ?? .always, allowedVehicleTypes: allowed?[index])
        }
        return try RoutingProblem(profiles: [profile], jobs: jobs, vehicleTypes: types)
    }

    /// A reproducible random instance with windows, two dimensions and two vehicle types.
    static func random(seed: UInt64, jobs count: Int) throws -> RoutingProblem {
        var random = SeededGenerator(seed: seed)
        let points = (0..<count).map { _ in
            (Double.random(in: 0...20_000, using: &random), Double.random(in: 0...20_000, using: &random))
        }
        var demands = (0..<count).map { _ in
            [Double.random(in: 10...300, using: &random), Double(Int.random(in: 0...2, using: &random))]
        }
        let windows = (0..<count).map { _ -> TimeWindow in
            let start = Int.random(in: 0...4, using: &random) * 3600
            return TimeWindow(earliest: start, latest: start + Int.random(in: 2...6, using: &random) * 3600)
        }
        let van = VehicleType(
            name: "van", capacity: [1000, 6], fixedCost: 50, costPerKilometre: 0.3, costPerHour: 30,
            shift: TimeWindow(earliest: 0, latest: 12 * 3600), maxDurationSeconds: 8 * 3600)
        let bike = VehicleType(
            name: "bike", capacity: [150, 1], fixedCost: 10, costPerKilometre: 0.05, costPerHour: 25,
            shift: TimeWindow(earliest: 0, latest: 12 * 3600), maxDistanceMetres: 40_000)
        // Every seventh job may only be served by bike (a car-free street): small enough for one.
        let allowed: [Set<Int>?] = (0..<count).map { $0 % 7 == 0 ? [1] : nil }
        for index in stride(from: 0, to: count, by: 7) {
            demands[index] = [min(demands[index][0], 140), min(demands[index][1], 1)]
        }
        return try euclidean(
            depot: (10_000, 10_000), points: points, demands: demands, windows: windows,
            service: 300, types: [van, bike], allowed: allowed)
    }
}

private func hypot(_ x: Double, _ y: Double) -> Double { (x * x + y * y).squareRoot() }
