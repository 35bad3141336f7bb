import BundelRouting
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import BundelPlanner

/// Plans routed side by side (the switches of the routed improvement step) are the plans
/// routed one by one, with the same counts: a day problem two of them meet at once is searched
/// once (``DayRouteCache``).
@Suite("Routing side by side")
struct SideBySideRoutingTests {
    @Test func plansRoutedSideBySideAreThePlansRoutedOneByOne() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        var setUp = Planner.RunStatistics()
        let deadline = ContinuousClock.now.advanced(by: .seconds(600))
        let setup = try Planner.prepare(
            scenario, baselineUntil: deadline, pilotUntil: deadline, statistics: &setUp)
        let flows = scenario.network.flows
        let hub = try #require(scenario.hubs.first)
        // All direct, all through the hub, and every other flow through it: the three share
        // supplier-days (the direct ones) and hub days.
        let assignments: [[Int: String]] = [
            [:],
            Dictionary(uniqueKeysWithValues: flows.map { ($0.index, hub) }),
            Dictionary(uniqueKeysWithValues: flows.filter { $0.index % 2 == 0 }.map { ($0.index, hub) }),
        ]
        var oneByOne = Planner.RunStatistics()
        let expected = assignments.map { viaHub in
            Planner.bundledPlan(
                viaHub, directDays: setup.directDays, scenario: scenario, context: setup.context, deadline: deadline,
                statistics: &oneByOne)
        }
        var sideBySide = Planner.RunStatistics()
        let routed = Planner.bundledPlans(
            assignments, directDays: setup.directDays, scenario: scenario, context: setup.context,
            deadline: deadline, statistics: &sideBySide)
        #expect(routed.count == expected.count)
        for (plan, wanted) in zip(routed, expected) {
            #expect(plan.routes == wanted.routes)
            #expect(plan.unserved == wanted.unserved)
            #expect(plan.hubCosts == wanted.hubCosts)
        }
        #expect(routed[1].routes.contains { $0.kind == .hubTour })
        #expect(sideBySide.problems == oneByOne.problems)
        #expect(sideBySide.reusedProblems == oneByOne.reusedProblems && oneByOne.reusedProblems > 0)
        #expect(sideBySide.iterations == oneByOne.iterations)
    }

    /// A caller that asks for a problem while another thread searches it waits for that search
    /// and gets its outcome, marked reused; the search runs once.
    @Test func aProblemAskedForDuringItsSearchIsSearchedOnce() throws {
        let (scenario, context, supplier, jobs) = try DayRouteCacheTests.parcelCarrierMonday()
        let search = SearchParameters(
            seed: scenario.seed, maxIterations: scenario.routingIterations, setPartitioning: false)
        var router = DayRouter(
            context: context, days: scenario.days, enforceZone: scenario.enforceZone, search: search,
            deadline: ContinuousClock.now.advanced(by: .seconds(600)))
        router.cache = DayRouteCache()
        let found = router.route(
            jobs, day: 0, from: supplier.id, operatedBy: supplier.id, kind: .direct, fleet: scenario.fleet(of: supplier)
        )
        let key = DayRouteCache.Key(
            operatedBy: "test", depot: supplier.id, kind: .direct, day: 0, fleet: [], counts: [:], notBefore: nil,
            costBasis: .proRata, stops: [])
        let cache = DayRouteCache()
        let searches = Mutex(0)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let outcomes = Mutex<[DayRouter.Outcome]>([])
        let group = DispatchGroup()
        // The first caller's search holds until the second caller has been started.
        DispatchQueue.global().async(group: group) {
            let outcome = cache.outcome(
                for: key,
                search: {
                    searches.withLock { $0 += 1 }
                    started.signal()
                    release.wait()
                    return found
                }, keep: { _ in true })
            outcomes.withLock { $0.append(outcome) }
        }
        started.wait()
        DispatchQueue.global().async(group: group) {
            let outcome = cache.outcome(
                for: key,
                search: {
                    searches.withLock { $0 += 1 }
                    return found
                }, keep: { _ in true })
            outcomes.withLock { $0.append(outcome) }
        }
        // Give the second caller time to reach the cache while the first still searches (if it
        // is later, it finds the stored outcome: the same expectations hold).
        Thread.sleep(forTimeInterval: 0.2)
        release.signal()
        group.wait()
        #expect(searches.withLock { $0 } == 1)
        let both = outcomes.withLock { $0 }
        #expect(both.count == 2)
        #expect(both.filter(\.reused).count == 1)
        #expect(both.allSatisfy { $0.routes == found.routes })
    }
}
