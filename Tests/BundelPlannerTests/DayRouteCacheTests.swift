import BundelRouting
import Testing

@testable import BundelPlanner

/// A day problem met again in a run takes the routes found before (``DayRouteCache``): the
/// same routes a new search finds, since the engine is deterministic for a problem and seed.
@Suite("Day route cache")
struct DayRouteCacheTests {
    @Test func aProblemMetAgainGetsTheRoutesANewSearchFinds() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let network = scenario.network
        let context = TravelContext(
            matrix: try TravelMatrix.forScenario(scenario), network: network, factors: scenario.emissionFactors)
        let supplier = try #require(network.supplier("parcels"))
        let jobs = Self.monday(of: supplier, in: network)
        var search = SearchParameters(
            seed: scenario.seed, maxIterations: scenario.routingIterations, setPartitioning: false)
        search.timeLimitSeconds = 60
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        let fresh = DayRouter(
            context: context, days: scenario.days, enforceZone: scenario.enforceZone, search: search, deadline: deadline
        )
        var cached = fresh
        cached.cache = DayRouteCache()
        func route(_ router: DayRouter, _ jobs: [DeliveryJob], day: Int = 0) -> DayRouter.Outcome {
            router.route(
                jobs, day: day, from: supplier.id, operatedBy: supplier.id, kind: .direct,
                fleet: scenario.fleet(of: supplier))
        }
        let first = route(cached, jobs)
        let again = route(cached, jobs)
        let searched = route(fresh, jobs)
        #expect(!first.reused && again.reused)
        #expect(again.routes == searched.routes && again.unserved == searched.unserved)
        #expect(!again.routes.isEmpty)
        // Another day, or one delivery fewer, is another problem.
        #expect(!route(cached, jobs, day: 1).reused)
        #expect(!route(cached, Array(jobs.dropLast())).reused)
    }

    /// `supplier`'s Monday: one delivery at each of its sites (six for the parcel carrier).
    static func monday(of supplier: Supplier, in network: Network) -> [DeliveryJob] {
        network.flows.filter { $0.supplier == supplier.id }.map { flow in
            DeliveryJob(
                site: network.site(flow.site)!, day: 0,
                deliveries: [
                    FlowDelivery(
                        flow: flow.index, quantity: flow.weeklyQuantity.map { $0 / Double(flow.deliveriesPerWeek) })
                ])
        }
    }

    /// In a plan, the rounds, candidates and switches meet the baseline's supplier-days again.
    @Test func aPlanReusesTheProblemsItMeetsAgain() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall()
        #expect(result.routingProblemsReused > 0)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
    }
}
