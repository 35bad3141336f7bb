import BundelRouting
import Testing

@testable import BundelPlanner

/// A plan's day problem searches as long as its size needs, up to the scenario's
/// `routing_iterations` (``DayRouter/iterations(jobs:limit:)``).
@Suite("Day router iterations")
struct DayRouterIterationsTests {
    @Test func theRuleGrowsWithTheSquareOfTheJobsBetweenAFloorAndTheLimit() {
        #expect(DayRouter.iterations(jobs: 1, limit: 3_000) == 200)
        #expect(DayRouter.iterations(jobs: 6, limit: 3_000) == 360)
        #expect(DayRouter.iterations(jobs: 17, limit: 3_000) == 2_890)
        #expect(DayRouter.iterations(jobs: 18, limit: 3_000) == 3_000)
        #expect(DayRouter.iterations(jobs: 300, limit: 3_000) == 3_000)
        // A scenario's limit below the floor stays the limit.
        #expect(DayRouter.iterations(jobs: 6, limit: 30) == 30)
    }

    /// The search of a real day problem runs exactly the iterations the rule gives it.
    @Test func aSmallDayProblemSearchesFewerIterationsThanTheLimit() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let network = scenario.network
        let context = TravelContext(
            matrix: try TravelMatrix.forScenario(scenario), network: network, factors: scenario.emissionFactors)
        let supplier = try #require(network.supplier("parcels"))
        let jobs = DayRouteCacheTests.monday(of: supplier, in: network)
        #expect(jobs.count == 6)
        for limit in [30, 3_000] {
            var search = SearchParameters(seed: scenario.seed, maxIterations: limit, setPartitioning: false)
            search.timeLimitSeconds = 60
            let router = DayRouter(
                context: context, days: scenario.days, enforceZone: scenario.enforceZone, search: search,
                deadline: ContinuousClock.now.advanced(by: .seconds(60)))
            let outcome = router.route(
                jobs, day: 0, from: supplier.id, operatedBy: supplier.id, kind: .direct,
                fleet: scenario.fleet(of: supplier))
            #expect(outcome.statistics.iterations == min(limit, 360))
            #expect(outcome.unserved.isEmpty && !outcome.routes.isEmpty)
        }
    }
}
