import BundelRouting
import Foundation
import Testing

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
/// The public benchmark sets live beside the checkout, in ../shared/benchmarks.
private let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/benchmarks").standardizedFileURL
private let haveBenchmarks = FileManager.default.fileExists(atPath: benchmarks.appendingPathComponent("bks.csv").path)

@Suite("Benchmark formats")
struct FormatTests {
    @Test func readsACVRPInstanceWithRoundedDistances() throws {
        let instance = try VRPLIBInstance.read(path: fixtures.appendingPathComponent("tiny-cvrp.vrp").path)
        #expect(instance.name == "tiny-cvrp" && instance.convention == .roundedEuclidean && instance.nodeCount == 5)
        #expect(instance.problem.jobs.map(\.demand) == [[5], [5], [5], [5]])
        #expect(instance.problem.profiles[0].distance(0, 1) == 5)
        #expect(instance.problem.vehicleTypes[0].count == nil)
        // Two routes out and back along the rays: 10 + 10 (depot-2-3-depot) twice... 5 + 5 + 10.
        #expect(instance.cost(of: [[0, 1], [2, 3]]) == 40)
        let solution = try RoutingSolver.solve(instance.problem, parameters: SearchParameters(maxIterations: 200))
        #expect(SolutionValidator.violations(of: solution, for: instance.problem) == [])
        #expect(instance.cost(of: solution.routes.map(\.jobs)) == 40)
    }

    @Test func readsACVRPTWInstanceInTenthsWithCRLFLines() throws {
        let instance = try VRPLIBInstance.read(path: fixtures.appendingPathComponent("tiny-vrptw.vrp").path)
        #expect(instance.convention == .truncatedTenths)
        // sqrt(2) = 1.414... truncated to 1.4 = 14 tenths; windows and service times in tenths.
        #expect(instance.problem.profiles[0].distance(0, 1) == 14)
        #expect(instance.problem.jobs[1].timeWindow == TimeWindow(earliest: 50, latest: 600))
        #expect(instance.problem.jobs[0].serviceSeconds == 20)
        #expect(instance.problem.vehicleTypes[0].count == 1)
        #expect(instance.problem.vehicleTypes[0].shift == TimeWindow(earliest: 0, latest: 1000))
        // 0 -> 1 (1.4) -> 2 (1.4) -> 0 (2.0) = 4.8
        #expect(instance.cost(of: [[0, 1]]) == 4.8)
    }

    @Test func readsTheSolomonTextFormatLikeItsVRPLIBTwin() throws {
        let solomon = try VRPLIBInstance.readSolomon(path: fixtures.appendingPathComponent("tiny-solomon.txt").path)
        let vrplib = try VRPLIBInstance.read(path: fixtures.appendingPathComponent("tiny-vrptw.vrp").path)
        #expect(solomon.name == "TINY1" && solomon.convention == .truncatedTenths)
        #expect(solomon.problem.jobs == vrplib.problem.jobs)
        #expect(solomon.problem.profiles[0].distances == vrplib.problem.profiles[0].distances)
        #expect(solomon.problem.vehicleTypes[0].count == 2 && solomon.problem.vehicleTypes[0].capacity == [10])
    }

    @Test func readsVROOMProblemsWithSkillsAndMatrices() throws {
        let vroom = try VROOMProblem.read(path: fixtures.appendingPathComponent("tiny-vroom.json").path)
        #expect(vroom.jobIds == [101, 102, 103] && vroom.vehicleIds == [7, 8])
        let problem = vroom.problem
        #expect(problem.vehicleTypes.map(\.count) == [1, 1])
        #expect(problem.vehicleTypes[0].costPerHour == 3600) // VROOM's default cost: one per second
        #expect(problem.jobs[1].allowedVehicleTypes == [0]) // skill 1: only vehicle 7
        #expect(problem.profiles[0].distance(2, 3) == 120 && problem.profiles[0].duration(2, 3) == 12)
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(maxIterations: 300))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        #expect(solution.unserved.isEmpty)
        let json = try SolutionJSON(solution, problem: problem, jobId: { vroom.jobIds[$0] }).encoded()
        let object = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        let routes = object["routes"] as! [[String: Any]]
        let served = routes.flatMap { ($0["stops"] as! [[String: Any]]).map { $0["job"] as! Int } }
        #expect(Set(served) == [101, 102, 103])
    }

    /// Regression: this valid file ended in "Unexpectedly found nil" (exit 132). VROOM's
    /// `max_travel_time` counts driving only: each job alone drives 80 s of the 100 allowed
    /// (with 500 s of service), both together 110 s, so the one vehicle serves one job.
    @Test func maximumTravelTimeCountsDrivingOnly() throws {
        let problem = try VROOMProblem.read(path: fixtures.appendingPathComponent("max-travel-time.json").path).problem
        #expect(problem.vehicleTypes[0].maxTravelSeconds == 100 && problem.vehicleTypes[0].maxDurationSeconds == nil)
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(maxIterations: 200))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        #expect(solution.routes.count == 1 && solution.routes[0].servedJobs.count == 1)
        #expect(solution.routes[0].durationSeconds == 580)
        #expect(solution.unserved.map(\.reason) == [.fleetExhausted])
    }

    @Test func unsupportedVROOMFeaturesAreErrors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (text, message) in [
            (
                #"{"vehicles": [{"id": 1, "start": [4.9, 52.3]}], "jobs": [{"id": 1, "location": [4.8, 52.3]}]}"#,
                "coordinates alone need a routing server"
            ),
            (
                #"{"vehicles": [{"id": 1, "start_index": 0}], "jobs": [{"id": 1, "location_index": 5}], "matrix": [[0, 1], [1, 0]]}"#,
                "job 1 index 5 is outside the 2 x 2 matrix"
            ),
            (
                #"{"vehicles": [{"id": 1, "start_index": 0}], "shipments": [{}], "matrix": [[0]]}"#,
                "shipments are not supported yet"
            ),
            (#"{"jobs": []}"#, "missing 'vehicles'"),
        ] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                _ = try VROOMProblem.read(path: path)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }

    @Test func solutionFilesRoundTrip() throws {
        let solution = CVRPLIBSolution(routes: [[0, 4, 2], [1, 3]], cost: 1637.7)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-\(UUID().uuidString).sol").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try solution.text(convention: .truncatedTenths).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Route #1: 1 5 3\nRoute #2: 2 4\nCost 1637.7\n")
        #expect(try CVRPLIBSolution.read(path: path) == solution)
    }

    @Test func malformedInstancesAreErrorsNotCrashes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-\(UUID().uuidString).vrp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (text, message) in [
            (
                "TYPE : CVRP\nDIMENSION : 3\nCAPACITY : 5\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\n3 1\n",
                "NODE_COORD_SECTION has no row for node 3"
            ),
            ("TYPE : TSP\nDIMENSION : 3\nCAPACITY : 5\n", "TYPE TSP is not supported"),
            (
                "TYPE : CVRP\nDIMENSION : 2\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\n",
                "missing header CAPACITY"
            ),
            (
                "TYPE : CVRP\nDIMENSION : 2\nCAPACITY : 5\nEDGE_WEIGHT_TYPE : GEO\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\n",
                "EDGE_WEIGHT_TYPE GEO is not supported"
            ),
            (
                "TYPE : CVRP\nDIMENSION : 2\nCAPACITY : 5\nNODE_COORD_SECTION\n1 0 0\n2 1 x\nDEMAND_SECTION\n1 0\n2 1\n",
                "'x' is not a number"
            ),
        ] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: RoutingError.self, "\(message)") { try VRPLIBInstance.read(path: path) }
            do { _ = try VRPLIBInstance.read(path: path) } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }

    /// Every `.sol` file of the shared X and Solomon sets re-costed with our distance code must
    /// equal its `Cost` line exactly and pass the validator.
    @Test(
        .enabled(if: haveBenchmarks, "../shared/benchmarks is absent: the .sol re-costing test is skipped"),
        arguments: ["cvrp/X", "vrptw/solomon"])
    func sharedSolutionFilesRecostExactly(folder: String) throws {
        let directory = benchmarks.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sol") }
            .sorted()
        #expect(names.count >= 56)
        for name in names {
            let stem = String(name.dropLast(4))
            let instance = try VRPLIBInstance.read(path: directory.appendingPathComponent(stem + ".vrp").path)
            let solution = try CVRPLIBSolution.read(path: directory.appendingPathComponent(name).path)
            let cost = instance.cost(of: solution.routes)
            #expect(
                abs(cost - (solution.cost ?? -1)) < 1e-9,
                "\(stem): recomputed \(cost), file says \(solution.cost ?? -1)")
            var routes: [Route] = []
            for jobs in solution.routes {
                let priced = try #require(
                    Self.price(jobs, in: instance.problem), "\(stem): a route of the .sol is infeasible")
                routes.append(priced)
            }
            let asSolution = RoutingSolution(routes: routes, unserved: [], statistics: SearchStatistics())
            #expect(SolutionValidator.violations(of: asSolution, for: instance.problem) == [], "\(stem)")
        }
    }

    /// A route priced by hand: departure at the shift start (waiting allowed), as the
    /// benchmark convention has it.
    static func price(_ jobs: [Int], in problem: RoutingProblem) -> Route? {
        let type = problem.vehicleTypes[0]
        let travel = problem.profiles[0]
        var clock = type.shift.earliest, distance = 0, location = 0
        if let first = jobs.first {
            clock = max(
                clock, problem.jobs[first].timeWindow.earliest - travel.duration(0, problem.jobs[first].location))
        }
        let departure = clock
        for job in jobs {
            let data = problem.jobs[job]
            distance += travel.distance(location, data.location)
            clock = max(clock + travel.duration(location, data.location), data.timeWindow.earliest)
            guard clock <= data.timeWindow.latest else { return nil }
            clock += data.serviceSeconds
            location = data.location
        }
        distance += travel.distance(location, 0)
        clock += travel.duration(location, 0)
        guard clock <= type.shift.latest else { return nil }
        let load = jobs.map { problem.jobs[$0].demand[0] }.reduce(0, +)
        return Route(
            vehicleType: 0, jobs: jobs, departure: departure, distanceMetres: distance,
            durationSeconds: clock - departure,
            cost: type.cost(distanceMetres: distance, durationSeconds: clock - departure), load: [load])
    }
}
