import Foundation
import Testing

@testable import BundelRouting

/// SISR's split string: a window of a route loses its jobs but for a block it keeps.
@Suite("Split string removal")
struct SplitStringTests {
    /// Removing entries 2..<9 of a twelve-job route while keeping 4..<6 takes out exactly the
    /// other five jobs, in route order; the route is then priced as if built anew, every job's
    /// recorded place agrees, and a rollback restores the route and its cost.
    @Test func removesTheWindowButItsKeptBlock() throws {
        let points = (0..<12).map { index -> (Double, Double) in
            let angle = Double(index) / 12 * 2 * Double.pi
            return (4000 * cos(angle), 4000 * sin(angle))
        }
        let van = VehicleType(
            name: "van", capacity: [100], fixedCost: 20, costPerKilometre: 0.4, costPerHour: 30,
            shift: TimeWindow(earliest: 0, latest: 10 * 3600), maxDurationSeconds: 9 * 3600)
        let problem = try TestInstances.euclidean(
            depot: (0, 0), points: points, demands: points.map { _ in [5] }, service: 240, types: [van])
        let data = SearchData(problem: problem, adjacencySize: 5)
        let jobs = Array(0..<12)
        var solution = SearchSolution(
            routes: [WorkingRoute(type: 0, jobs: jobs, data: data)], unassigned: [], data: data)
        let cost = solution.routes[0].cost

        solution.begin()
        var removed: [Int] = []
        solution.remove(2..<9, keeping: 4..<6, fromRoute: 0, into: &removed, data: data)
        #expect(removed == [2, 3, 6, 7, 8])
        #expect(solution.routes[0].jobs == [0, 1, 4, 5, 9, 10, 11])
        #expect(solution.routes[0].cost < cost)
        #expect(solution.isConsistent(data))
        #expect(removed.allSatisfy { solution.routeOf[$0] == -1 })
        #expect(solution.nodeOf[4] == 3 && solution.nodeOf[9] == 5)

        solution.rollback()
        #expect(solution.routes[0].jobs == jobs && solution.routes[0].cost == cost)
        #expect(solution.isConsistent(data))
    }

    /// In a route of three trips the reload marks inside the window stay, the kept job stays
    /// between them, and the trips left are priced as if built anew.
    @Test func keepsReloadMarksAndTheKeptJob() throws {
        let problem = try MultiTripTests.ring(jobs: 6, maxTrips: 3, vehicles: 1)
        let data = SearchData(problem: problem, adjacencySize: 5)
        let jobs = [0, 1, Route.reload, 2, 3, Route.reload, 4, 5]
        var solution = SearchSolution(
            routes: [WorkingRoute(type: 0, jobs: jobs, data: data)], unassigned: [], data: data)
        solution.begin()
        var removed: [Int] = []
        solution.remove(1..<7, keeping: 3..<4, fromRoute: 0, into: &removed, data: data)
        #expect(removed == [1, 3, 4])
        #expect(solution.routes[0].jobs == [0, Route.reload, 2, Route.reload, 5])
        #expect(solution.isConsistent(data))
    }

    /// The kept block is at least one entry and never so long that the window leaves the
    /// route; it is the whole rest of the route when the string already is the route less one.
    /// Its length follows SISR's loop: one, plus one for each miss of `depth` (a mean of 1 / depth
    /// when the route is long enough never to cap it).
    @Test func keptBlockStaysInsideTheRouteAndFollowsTheDepth() {
        var random = SeededGenerator(seed: 11)
        for routeLength in 1...25 {
            for length in 1...routeLength {
                for _ in 0..<200 {
                    let kept = RuinAndRecreate.preservedCount(
                        length: length, routeLength: routeLength, depth: 0.01, random: &random)
                    if length == routeLength {
                        #expect(kept == 0)
                    } else {
                        #expect((1...(routeLength - length)).contains(kept))
                    }
                }
            }
        }
        let draws = (0..<20_000).map { _ in
            RuinAndRecreate.preservedCount(length: 1, routeLength: 10_000, depth: 0.25, random: &random)
        }
        let mean = Double(draws.reduce(0, +)) / Double(draws.count)
        #expect(abs(mean - 4) < 0.1, "mean kept block \(mean), expected 1 / 0.25 = 4")
        #expect(draws.filter { $0 == 1 }.count > 4_500 && draws.filter { $0 == 1 }.count < 5_500)
        // With SISR's depth of 0.01 a route of 30 and a string of 5 mostly keep all 25 others.
        let capped = (0..<2_000).filter { _ in
            RuinAndRecreate.preservedCount(length: 5, routeLength: 30, depth: 0.01, random: &random) == 25
        }.count
        #expect(capped > 1_450 && capped < 1_700, "\(capped) of 2,000 capped; (0.99)^24 = 0.786 expected")
    }
}
