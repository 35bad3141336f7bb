import BundelRouting
import Foundation
import Testing

@Suite("VROOM writer")
struct VROOMWriterTests {
    /// A problem with everything the writer must carry: two profiles, an unlimited type with
    /// reloads, a counted type with limits and a shift, an unlimited single-trip type, windows,
    /// service, four kinds of access (any type, one type, two types, none), an optional job and
    /// demands that are not short decimals.
    static func richProblem() throws -> RoutingProblem {
        let size = 6
        var distances = [Int](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0..<size where i != j { distances[i * size + j] = 700 * abs(i - j) + 90 * ((i * 7 + j * 3) % 5) }
        }
        let car = try TravelProfile(size: size, distances: distances, durations: distances.map { $0 / 9 })
        let bike = try TravelProfile(size: size, distances: distances, durations: distances.map { $0 / 4 })
        var van = VehicleType(
            name: "e-van", capacity: [900, 6], costPerKilometre: 0.08, costPerHour: 45.833333333333336,
            shift: TimeWindow(earliest: 21_600, latest: 64_800))
        van.maxTrips = 3
        van.reloadSeconds = 1_200
        let truck = VehicleType(
            name: "truck \"12 t\"", capacity: [6000, 18], fixedCost: 25, costPerKilometre: 0.35, costPerHour: 55.5,
            profile: 0, startLocation: 0, endLocation: 5, shift: TimeWindow(earliest: 18_000, latest: 68_400),
            maxDurationSeconds: 30_000, maxDistanceMetres: 250_000, maxTravelSeconds: 20_000, count: 2)
        let cargoBike = VehicleType(
            name: "e-cargo-bike", capacity: [150, 1], costPerKilometre: 0.02, costPerHour: 30, profile: 1)
        let jobs = [
            Job(
                location: 1, demand: [1.0 / 3, 0.1], serviceSeconds: 600,
                timeWindow: TimeWindow(earliest: 25_200, latest: 57_600)),
            Job(location: 2, demand: [120, 1], serviceSeconds: 300, allowedVehicleTypes: [0, 2]),
            Job(location: 2, demand: [80.25, 0.5], serviceSeconds: 300, allowedVehicleTypes: [2]),
            Job(
                location: 3, demand: [400, 2.2], timeWindow: TimeWindow(earliest: 28_800, latest: 43_200),
                allowedVehicleTypes: [0, 2]),
            Job(location: 4, demand: [10, 0], allowedVehicleTypes: [], unservedPenalty: 12.5),
            Job(location: 5, demand: [700, 4], serviceSeconds: 900, unservedPenalty: 1e6),
        ]
        return try RoutingProblem(profiles: [car, bike], jobs: jobs, vehicleTypes: [van, truck, cargoBike])
    }

    static func written(_ problem: RoutingProblem, descriptions: [String]? = nil) throws -> (VROOMProblem, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = VROOMWriter.json(problem, jobDescriptions: descriptions)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (try VROOMProblem.read(path: path), text)
    }

    @Test func aWrittenProblemReadsBackToTheSameProblem() throws {
        let problem = try Self.richProblem()
        let (read, text) = try Self.written(problem, descriptions: ["s1", "s2", "s2", "s3", "s4", "s5"])
        #expect(read.problem.jobs == problem.jobs)
        #expect(read.problem.vehicleTypes == problem.vehicleTypes)
        #expect(read.problem.dimensionCount == problem.dimensionCount)
        #expect(read.problem.profiles.map { $0.distances } == problem.profiles.map { $0.distances })
        #expect(read.problem.profiles.map { $0.durations } == problem.profiles.map { $0.durations })
        #expect(read.jobIds == [0, 1, 2, 3, 4, 5])
        // The unlimited types get one VROOM vehicle per job, the counted type its two.
        let vehicles = VROOMWriter.vehicles(of: problem)
        #expect(vehicles.map(\.type) == Array(repeating: 0, count: 6) + [1, 1] + Array(repeating: 2, count: 6))
        #expect(vehicles.map(\.id) == Array(0..<14))
        #expect(read.vehicleIds == [0, 6, 8])
        // Plain VROOM fields where VROOM has them.
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let truck = (object["vehicles"] as! [[String: Any]])[6]
        #expect(
            truck["end_index"] as? Int == 5 && truck["max_distance"] as? Int == 250_000
                && truck["profile"] as? String == "p0")
        #expect(truck["max_travel_time"] as? Int == 20_000 && truck["max_duration"] as? Int == 30_000)
        #expect((truck["costs"] as! [String: Any])["fixed"] as? Int == 25)
        #expect(Set((object["matrices"] as! [String: Any]).keys) == ["p0", "p1"])
    }

    @Test func theReadBackProblemSolvesToTheSameSolution() throws {
        let problem = try Self.richProblem()
        let (read, _) = try Self.written(problem)
        let parameters = SearchParameters(seed: 3, maxIterations: 400, timeLimitSeconds: 60, setPartitioning: false)
        let original = try RoutingSolver.solve(problem, parameters: parameters)
        let again = try RoutingSolver.solve(read.problem, parameters: parameters)
        #expect(SolutionValidator.violations(of: again, for: read.problem) == [])
        #expect(again.cost == original.cost)
        #expect(again.routes == original.routes)
        #expect(again.unserved == original.unserved)
    }

    @Test func aReferenceSolutionReadsBackAndNamesVehiclesOfItsType() throws {
        let problem = try Self.richProblem()
        let parameters = SearchParameters(seed: 1, maxIterations: 300, timeLimitSeconds: 60, setPartitioning: false)
        let solution = try RoutingSolver.solve(problem, parameters: parameters)
        let reference = ReferenceSolution(solution, problem: problem, parameters: parameters)
        #expect(reference.cost == solution.cost && reference.seed == 1 && reference.maxIterations == 300)
        #expect(reference.routes.map { $0.trips } == solution.routes.map { $0.trips })
        let vehicles = VROOMWriter.vehicles(of: problem)
        for route in reference.routes { #expect(vehicles.first { $0.id == route.vehicle }?.type == route.typeIndex) }
        #expect(Set(reference.routes.map(\.vehicle)).count == reference.routes.count)
        #expect(reference.unassigned.map(\.id) == solution.unserved.map(\.job))

        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bundel-\(UUID().uuidString).solution.json"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try reference.json().write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ReferenceSolution.read(path: path) == reference)
        #expect(
            ReferenceSolution.path(besideProblem: "dir/bundled-hub-h-1-mon.json")
                == "dir/bundled-hub-h-1-mon.solution.json")
    }

    @Test func vehiclesOfOneTypeMustAgree() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let matrix = #""matrices": {"car": {"durations": [[0, 5], [5, 0]]}}"#
        for (vehicles, message) in [
            (
                #"{"id": 1, "start_index": 0, "capacity": [5], "type_index": 0}, {"id": 2, "start_index": 0, "capacity": [6], "type_index": 0}"#,
                "vehicle 2 has type_index 0 but differs from vehicle 1, the first of that type, in capacity"
            ),
            (
                #"{"id": 1, "start_index": 0, "capacity": [5], "type_index": 0, "max_trips": 2}, {"id": 2, "start_index": 0, "capacity": [5], "type_index": 0}"#,
                "in max_trips"
            ),
            (
                #"{"id": 1, "start_index": 0, "capacity": [5], "max_trips": 0}"#,
                "vehicle 1 has max_trips 0; it needs at least 1"
            ),
            (
                #"{"id": 1, "start_index": 0, "capacity": [5], "reload_time": -5}"#,
                "vehicle 1 has a negative reload_time"
            ),
        ] {
            let text =
                #"{"vehicles": ["# + vehicles + #"], "jobs": [{"id": 1, "location_index": 1, "delivery": [1]}], "#
                + matrix + "}"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try VROOMProblem.read(path: path)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
        // Entries of one type fold into a counted type; `unlimited` lifts the count.
        let text =
            #"{"vehicles": [{"id": 4, "start_index": 0, "capacity": [5], "type_index": 9, "description": "van"}, "#
            + #"{"id": 5, "start_index": 0, "capacity": [5], "type_index": 9, "description": "van"}, "#
            + #"{"id": 6, "start_index": 1, "capacity": [2], "unlimited": true, "max_trips": 2, "reload_time": 60}], "#
            + #""jobs": [{"id": 1, "location_index": 1, "delivery": [1]}], "# + matrix + "}"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try VROOMProblem.read(path: path)
        #expect(read.problem.vehicleTypes.map(\.count) == [2, nil])
        #expect(read.problem.vehicleTypes.map(\.name) == ["van", "vehicle 6"])
        #expect(read.problem.vehicleTypes[1].maxTrips == 2 && read.problem.vehicleTypes[1].reloadSeconds == 60)
        #expect(read.vehicleIds == [4, 6])
    }
}
