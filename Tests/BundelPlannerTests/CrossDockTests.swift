import Foundation
import Testing

@testable import BundelPlanner

/// Trunk legs feed the hub's tours in time: per day from what the tours need, by the hub's
/// cross-dock rule, with storage only where the hub offers it, and the validator checks it.
@Suite("Cross-dock timing")
struct CrossDockTests {
    static let storageLine =
        "    storage: {days: 4, capacity: {kg: 5000, cages: 40}, cost_per_unit_day: {cages: 0.5}}  # a week's small flows in one trunk leg\n"
    static let allIn: (file: String, old: String, new: String) = ("scenario.yaml", "  default: free", "  default: in")
    static let noStorage: (file: String, old: String, new: String) = ("network.yaml", storageLine, "")

    static func plan(_ edits: [(file: String, old: String, new: String)]) throws -> (Scenario, PlanResult, TravelMatrix)
    {
        let scenario = try StopTimeTests.load(edits)
        return (scenario, try Planner.plan(scenario), try TravelMatrix.forScenario(scenario))
    }

    static func violations(
        _ plan: WeeklyPlan, _ scenario: Scenario, _ matrix: TravelMatrix, _ result: PlanResult
    ) -> [String] {
        WeeklyPlanValidator.violations(
            of: plan, scenario: scenario, matrix: matrix, viaHub: result.consolidation.viaHub)
    }

    /// A next_day hub without storage: every trunk delivery arrives on the planning day before
    /// the tours that deliver it (Monday's from Friday), and a leg moved onto its tours' own
    /// day is rejected.
    @Test func nextDayGoodsArriveTheDayBefore() throws {
        let (scenario, result, matrix) = try Self.plan([Self.allIn, Self.noStorage])
        #expect(Self.violations(result.bundled, scenario, matrix, result) == [])
        let days = scenario.days
        let trunks = result.bundled.routes.indices.filter { result.bundled.routes[$0].kind == .trunk }
        try #require(!trunks.isEmpty)
        for index in trunks {
            let route = result.bundled.routes[index]
            for delivery in route.stops.flatMap(\.deliveries) {
                let tourDay = try #require(delivery.forDay.flatMap(days.firstIndex))
                #expect(days.firstIndex(of: route.day) == (tourDay + days.count - 1) % days.count)
            }
        }
        // Tours of a day carry exactly what the day before's trunk legs brought for them.
        var late = result.bundled
        let leg = trunks[0]
        late.routes[leg].day = late.routes[leg].stops[0].deliveries[0].forDay!
        #expect(
            Self.violations(late, scenario, matrix, result).contains {
                $0.contains("day(s) before its next_day cross-dock needs it; the hub stores goods 0 day(s) at most")
            })
    }

    /// A same_day hub: each day's tours leave only after that day's trunk legs are unloaded; a
    /// tour pulled before its goods arrive is rejected.
    @Test func sameDayToursWaitForTheirTrunkLegs() throws {
        let (scenario, result, matrix) = try Self.plan([
            Self.allIn, Self.noStorage,
            ("network.yaml", "    unload_minutes: 20\n", "    unload_minutes: 20\n    cross_dock: same_day\n"),
        ])
        #expect(scenario.network.hub("hub")?.crossDock == .sameDay)
        #expect(Self.violations(result.bundled, scenario, matrix, result) == [])
        let hub = try #require(scenario.network.hub("hub"))
        let ready = TrunkLegs.readyMinutes(
            result.bundled.routes.filter { $0.kind == .trunk }, at: hub, days: scenario.days)
        let tours = result.bundled.routes.indices.filter { result.bundled.routes[$0].kind == .hubTour }
        try #require(!tours.isEmpty)
        for index in tours {
            let tour = result.bundled.routes[index]
            let dayReady = try #require(ready[scenario.days.firstIndex(of: tour.day)!])
            #expect(tour.departureMinute >= Double(dayReady))
        }
        var early = result.bundled
        early.routes[tours[0]].departureMinute =
            Double(ready[scenario.days.firstIndex(of: early.routes[tours[0]].day)!]!) - 30
        #expect(Self.violations(early, scenario, matrix, result).contains { $0.contains("reached the hub in time") })
    }

    /// With storage, suppliers bring several days' goods in one leg: fewer trunk legs than
    /// without, every wait within the hub's four days, and the storage cost the plan charges
    /// equals each stored cage's 0.5 EUR a day, recomputed from the legs.
    @Test func storageSavesTrunkLegsAndIsCosted() throws {
        let (scenario, stored, matrix) = try Self.plan([Self.allIn])
        let (_, unstored, _) = try Self.plan([Self.allIn, Self.noStorage])
        #expect(Self.violations(stored.bundled, scenario, matrix, stored) == [])
        let legs = { (plan: WeeklyPlan) in plan.routes.filter { $0.kind == .trunk }.count }
        #expect(legs(stored.bundled) < legs(unstored.bundled))
        #expect(unstored.bundled.hubStorageCostEur == 0)
        let days = scenario.days
        var cost = 0.0
        for route in stored.bundled.routes where route.kind == .trunk {
            for delivery in route.stops.flatMap(\.deliveries) {
                let due = (days.firstIndex(of: delivery.forDay!)! - 1 + days.count) % days.count
                let early = (due - days.firstIndex(of: route.day)! + days.count) % days.count
                #expect(early <= 4)
                cost += Double(early) * 0.5 * delivery.quantity[1]
            }
        }
        #expect(cost > 0)
        #expect(abs(stored.bundled.hubStorageCostEur - cost) < 1e-9)
        #expect(
            abs(
                stored.bundled.totals.costEur - stored.bundled.routes.map(\.costEur).reduce(0, +)
                    - stored.bundled.hubFixedCostEur
                    - stored.bundled.hubHandlingCostEur - cost) < 1e-6)
    }

    @Test func aCutOffNoTrunkLegCanMakeIsRefusedBeforePlanning() throws {
        let scenario = try StopTimeTests.load([
            ("network.yaml", "    unload_minutes: 20\n", "    unload_minutes: 20\n    cut_off: \"06:30\"\n")
        ])
        #expect(throws: InputError.self) { try Planner.plan(scenario) }
        do { _ = try Planner.plan(scenario) } catch let error as InputError {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.field == "hubs[0].cut_off")
            #expect(
                error.problems.first?.message.hasPrefix("hub 'hub': a full trunk leg of supplier 'far' (") == true)
            // A depot where it belongs gets no hint about its coordinates.
            #expect(error.problems.first?.message.contains("check its coordinates") == false)
        }
    }

    /// A depot 670 km away (a latitude off by six degrees, in a network without an area) makes
    /// the cut-off unreachable; the refusal says how long the leg is and where the coordinates
    /// are written, not only "set a later cut_off".
    @Test func anUnreachableCutOffPointsAtAFarDepot() throws {
        let scenario = try StopTimeTests.load([
            ("network.yaml", "area: {min_lat: 51.9, max_lat: 52.7, min_lon: 4.4, max_lon: 5.6}\n", ""),
            ("suppliers.csv", "far,Far supplier,paper,utrecht,52.1000,", "far,Far supplier,paper,utrecht,46.1000,"),
        ])
        do {
            _ = try Planner.plan(scenario)
            Issue.record("a trunk leg from 670 km cannot meet the cut-off")
        } catch let error as InputError {
            let message = try #require(error.problems.first?.message)
            #expect(message.contains("a full trunk leg of supplier 'far' ("))
            #expect(message.contains("km) is unloaded at"))
            #expect(message.contains("; its depot lies "))
            #expect(message.contains("km from the middle of the network ("))
            #expect(message.hasSuffix("suppliers.csv:2): check its coordinates"))
        }
    }

    @Test func badCrossDockFieldsAreReportedWithTheirField() throws {
        // The loader's messages with the scratch folder cut off, as the input-error tests read them.
        let messages = { (old: String, new: String) in try InputErrorTests().problems([("network.yaml", old, new)]) }
        #expect(
            try messages("    unload_minutes: 20\n", "    unload_minutes: 20\n    cross_dock: overnight\n") == [
                "network.yaml:20: field 'hubs[0].cross_dock': expected next_day or same_day, got 'overnight'"
            ])
        #expect(
            try messages("cost_per_unit_day: {cages: 0.5}", "cost_per_unit_day: {cages: 0}") == [
                "network.yaml:20: field 'hubs[0].storage.cost_per_unit_day': storage must cost something per unit-day (rent, handling); give the hub's price for at least one dimension"
            ])
        #expect(
            try messages("capacity: {kg: 5000, cages: 40}, ", "") == [
                "network.yaml:20: field 'hubs[0].storage': missing required field 'capacity'"
            ])
    }
}
