import Foundation
import Testing

@testable import BundelRouting

/// Vehicles that reload at their depot and go out again within their shift.
@Suite("Multiple trips per vehicle")
struct MultiTripTests {
    static func ring(jobs count: Int, maxTrips: Int, vehicles: Int) throws -> RoutingProblem {
        var van = VehicleType(
            name: "van", capacity: [2], costPerKilometre: 1, shift: TimeWindow(earliest: 0, latest: 8 * 3600),
            count: vehicles)
        van.maxTrips = maxTrips
        van.reloadSeconds = 600
        let points = (0..<count).map { index -> (Double, Double) in
            let angle = Double(index) / Double(count) * 2 * Double.pi
            return (3000 * cos(angle), 3000 * sin(angle))
        }
        return try TestInstances.euclidean(
            depot: (0, 0), points: points, demands: points.map { _ in [1] }, service: 300, types: [van])
    }

    @Test func oneVehicleServesEverythingInThreeTrips() throws {
        let problem = try Self.ring(jobs: 6, maxTrips: 3, vehicles: 1)
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(maxIterations: 500))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        #expect(solution.unserved.isEmpty)
        #expect(solution.routes.count == 1)
        #expect(solution.routes[0].trips.count == 3 && solution.routes[0].trips.allSatisfy { $0.count == 2 })
        // The schedule steps over reloads: the JSON lists every job once, in time order.
        let json = SolutionJSON(solution, problem: problem, jobId: { $0 })
        let stops = json.routes[0].stops
        #expect(stops.map(\.job).sorted() == Array(0..<6))
        #expect(zip(stops, stops.dropFirst()).allSatisfy { $0.serviceStart < $1.arrival })
    }

    @Test func tooFewTripsLeaveJobsUnserved() throws {
        let problem = try Self.ring(jobs: 6, maxTrips: 2, vehicles: 1)
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(maxIterations: 300))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        #expect(solution.routes[0].trips.count == 2)
        #expect(solution.unserved.count == 2 && solution.unserved.allSatisfy { $0.reason == .fleetExhausted })
    }

    @Test func validatorChecksEachTripsCapacityAndTheReloadTime() throws {
        let problem = try Self.ring(jobs: 4, maxTrips: 2, vehicles: 1)
        let evaluator = RouteEvaluator(problem: problem)
        #expect(evaluator.evaluate([0, 1, 2], type: 0) == nil) // three jobs of 1 in a trip of 2
        #expect(evaluator.evaluate([Route.reload, 0], type: 0) == nil)
        let route = try #require(evaluator.evaluate([0, 1, Route.reload, 2, 3], type: 0))
        var solution = RoutingSolution(routes: [route], unserved: [], statistics: SearchStatistics())
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        solution.routes[0].durationSeconds -= 600
        #expect(SolutionValidator.violations(of: solution, for: problem).contains { $0.contains("its schedule takes") })
        solution = RoutingSolution(routes: [route], unserved: [], statistics: SearchStatistics())
        solution.routes[0].jobs = [0, 1, 2, Route.reload, 3]
        #expect(SolutionValidator.violations(of: solution, for: problem).contains { $0.contains("trip 1 carries 3.0") })
    }

    /// Predicted insertions (including a new last trip) against full re-evaluation.
    @Test func predictedInsertionsMatchRecomputationWithReloads() throws {
        let problem = try Self.ring(jobs: 12, maxTrips: 4, vehicles: 2)
        let solution = try RoutingSolver.solve(problem, parameters: SearchParameters(seed: 5, maxIterations: 200))
        #expect(SolutionValidator.violations(of: solution, for: problem) == [])
        let data = SearchData(problem: problem, adjacencySize: 5)
        let evaluator = RouteEvaluator(problem: problem)
        var checked = 0
        for route in solution.routes {
            var jobs = route.jobs
            let removedJob = jobs.removeLast() // free one job to reinsert everywhere
            if jobs.last == Route.reload { jobs.removeLast() }
            let working = WorkingRoute(type: 0, jobs: jobs, data: data)
            let before = try #require(evaluator.evaluate(jobs, type: 0))
            for position in 0...jobs.count {
                var candidate = jobs
                candidate.insert(removedJob, at: position)
                let exact = evaluator.evaluate(candidate, type: 0)
                let predicted = working.insertionDelta(of: removedJob, afterNode: position, data: data)
                #expect((exact == nil) == (predicted == nil), "position \(position)")
                if let exact, let predicted { #expect(abs(exact.cost - before.cost - predicted) < 1e-9) }
                checked += 1
            }
            let exactNewTrip = evaluator.evaluate(jobs + [Route.reload, removedJob], type: 0)
            let predictedNewTrip = working.newTripDelta(for: removedJob, data: data)
            #expect((exactNewTrip == nil) == (predictedNewTrip == nil))
            if let exactNewTrip, let predictedNewTrip {
                #expect(abs(exactNewTrip.cost - before.cost - predictedNewTrip) < 1e-9)
            }
        }
        #expect(checked > 5)
    }
}
