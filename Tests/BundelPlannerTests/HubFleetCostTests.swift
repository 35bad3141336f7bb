import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// A hub's own fleet paid by whole vehicle-days, the vehicles it needs per day, a counted hub
/// fleet respected by the plan, and trips split into last-mile trips and trunk legs.
@Suite("Hub fleet: whole vehicle-days, vehicles per day, trip counts")
struct HubFleetCostTests {
    /// A network small enough to plan by hand, on a matrix with times: hub `h`, sites `a` and
    /// `b`, supplier `p`, two planning days. Both flows come twice a week with one roll cage a
    /// delivery, and the hub van carries one cage: every hub delivery is a trip of its own.
    ///
    /// | pair | km | minutes |
    /// | --- | --- | --- |
    /// | h-a | 5 | 15 |
    /// | h-b | 6 | 18 |
    /// | a-b | 2 | 6 |
    /// | p-h | 20 | 30 |
    /// | p-a | 22 | 35 |
    /// | p-b | 23 | 36 |
    ///
    /// Hub van `hv`: EUR 70 a day, 0.10 a km, 40 an hour, shift 06:00-18:00, so a vehicle-day
    /// costs 70 + 12 x 40 = EUR 550. Service 10 minutes at both sites.
    static func tinyNetwork(scenario extra: String = "") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-fleet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = [
            "network.yaml": """
            name: tiny
            dimensions:
              - {id: kg, name: weight, unit: kg}
              - {id: cages, name: roll cages, unit: roll cage}
            sites: sites.csv
            suppliers: suppliers.csv
            flows: flows.csv
            hubs:
              - {id: h, name: Hub, lat: 52.30, lon: 4.90, fixed_cost_per_week: 0, unload_minutes: 10}
            vehicle_types:
              - {id: hv, name: Hub van, capacity: {kg: 1000, cages: 1}, fixed_cost_per_day: 70, cost_per_km: 0.10, cost_per_hour: 40,
                 speed_kmh: 30, energy_per_km: 0.2, energy_carrier: electricity-grid, may_enter_zone: true, shift: {start: "06:00", end: "18:00"}}
              - {id: sv, name: Supplier van, capacity: {kg: 2000, cages: 10}, fixed_cost_per_day: 60, cost_per_km: 0.20, cost_per_hour: 40,
                 speed_kmh: 30, energy_per_km: 0.1, energy_carrier: diesel-b7, may_enter_zone: false, shift: {start: "06:00", end: "18:00"}}

            """,
            "sites.csv":
                "id,name,lat,lon,window_start,window_end,service_minutes\na,Site a,52.33,4.90,07:00,16:00,10\nb,Site b,52.34,4.92,07:00,16:00,10\n",
            "suppliers.csv": "id,name,lat,lon,vehicle_type\np,Supplier p,52.10,4.90,sv\n",
            "flows.csv": "supplier,site,deliveries_per_week,kg,cages\np,a,2,100,2\np,b,2,100,2\n",
            "matrix.csv": """
            from,to,distance_km,duration_min
            h,a,5,15
            a,h,5,15
            h,b,6,18
            b,h,6,18
            a,b,2,6
            b,a,2,6
            p,h,20,30
            h,p,20,30
            p,a,22,35
            a,p,22,35
            p,b,23,36
            b,p,23,36

            """,
            "scenario.yaml": """
            name: Tiny hub
            network: network.yaml
            days: [mon, tue]
            hubs: [h]
            participation:
              default: in
            fleets:
              hub: [hv]
            distances:
              matrix: matrix.csv
            emission_factors: nl-2021
            seed: 3
            routing_iterations: 200
            \(extra)
            """,
        ]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func planTiny(scenario extra: String = "") throws -> (Scenario, PlanResult) {
        let folder = try tinyNetwork(scenario: extra)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        return (scenario, result)
    }

    /// Each day one hub van drives both deliveries, one trip after the other (h-a-h: 10 km,
    /// 15 + 10 + 15 = 40 minutes; h-b-h: 12 km, 46 minutes): one vehicle-day of EUR 550 and
    /// 22 km at 0.10, EUR 552.20 a day, EUR 1,104.40 for the two days. The day's EUR 550 is
    /// shared by the trips' hours: 550 x 40/86 + 1.00 and 550 x 46/86 + 1.20.
    @Test func wholeVehicleDaysCostByHand() throws {
        let (scenario, result) = try Self.planTiny()
        #expect(scenario.hubFleetCost == .vehicleDay)
        #expect(scenario.hubFleetTypes.first?.maxTripsPerShift == VehicleType.tripsWithoutLimit)
        let tours = result.bundled.routes.filter { $0.kind == .hubTour }
        #expect(tours.count == 4)
        let total: Double = tours.map(\.costEur).reduce(0, +)
        #expect(abs(total - 1104.40) < 1e-9)
        for day in [Weekday.mon, .tue] {
            let trips = tours.filter { $0.day == day }
            #expect(Set(trips.compactMap(\.vehicle)) == ["hv 1"], "one vehicle a day makes both trips")
            let toA = try #require(trips.first { $0.stops.map(\.location) == ["a"] })
            let toB = try #require(trips.first { $0.stops.map(\.location) == ["b"] })
            #expect(toA.durationSeconds == 40 * 60 && toB.durationSeconds == 46 * 60)
            let costA: Double = 1.0 + 550.0 * 40 / 86, costB: Double = 1.2 + 550.0 * 46 / 86
            #expect(abs(toA.costEur - costA) < 1e-9)
            #expect(abs(toB.costEur - costB) < 1e-9)
        }
        #expect(abs(result.bundled.totals(of: .hubTour).costEur - 1104.40) < 1e-9)
    }

    /// The same plan paid pro rata: each trip pays its hours at 40 + 70/12 an hour, and
    /// without more trips allowed each trip is a vehicle of its own, two a day.
    @Test func proRataPaysTheHoursOfEachTrip() throws {
        let (scenario, result) = try Self.planTiny(scenario: "hub_fleet_cost: pro_rata")
        #expect(scenario.hubFleetCost == .proRata && scenario.hubFleetTypes.first?.maxTripsPerShift == 1)
        let tours = result.bundled.routes.filter { $0.kind == .hubTour }
        let hourly: Double = 40.0 + 70.0 / 12
        let toA: Double = 1.0 + hourly * 40 / 60, toB: Double = 1.2 + hourly * 46 / 60
        let total: Double = tours.map(\.costEur).reduce(0, +)
        #expect(abs(total - 2 * (toA + toB)) < 1e-9)
        let uses = HubFleetUse.of(result.bundled, scenario: scenario)
        #expect(uses.map { $0.days.map(\.vehicles) } == [[2, 2]])
    }

    /// A type that sets `max_trips_per_shift` keeps it under whole vehicle-days: with one trip
    /// a vehicle, each day needs two vehicle-days, EUR 2 x 550 + 2.20 a day.
    @Test func aTripLimitTheTypeGivesIsKept() throws {
        let (scenario, result) = try Self.planTiny(
            scenario:
                "vehicle_types:\n  - {id: hv, base: e-van, capacity: {kg: 1000, cages: 1}, fixed_cost_per_day: 70, cost_per_km: 0.10, cost_per_hour: 40, max_trips_per_shift: 1}"
        )
        #expect(scenario.hubFleetTypes.first?.maxTripsPerShift == 1)
        let tours = result.bundled.routes.filter { $0.kind == .hubTour }
        let total: Double = tours.map(\.costEur).reduce(0, +)
        let expected: Double = 2 * (2 * 550 + 2.2)
        #expect(abs(total - expected) < 1e-9)
        #expect(HubFleetUse.of(result.bundled, scenario: scenario).first?.vehicleDays == 4)
    }

    /// Vehicles per hub and day in the summary, the JSON, the report and `hub-fleet.csv`.
    @Test func vehiclesPerDayAreReported() throws {
        let (scenario, result) = try Self.planTiny()
        let uses = HubFleetUse.of(result.bundled, scenario: scenario)
        #expect(uses.count == 1)
        let use = try #require(uses.first)
        #expect(use.hub == "h" && use.vehicleType == "hv" && use.costBasis == .vehicleDay && use.available == nil)
        #expect(
            use.days.map(\.day) == [.mon, .tue] && use.days.map(\.vehicles) == [1, 1]
                && use.days.map(\.trips) == [2, 2])
        #expect(use.vehicleDays == 2 && use.trips == 4 && use.peakVehicles == 1)
        #expect(use.vehicleDayCostEur == 550 && abs(use.costEur - 1104.40) < 1e-9)

        let summary = SummaryTable.render(result)
        #expect(
            summary.contains(
                "hub fleet, paid by whole vehicle-days (hub_fleet_cost: vehicle_day; a vehicle-day hv EUR 550 (fixed 70 + 12.0 h x 40), plus km):"
            ))
        #expect(summary.contains("    h hv: mon 1, tue 1; 2 vehicle-days, 4 trips, EUR 1,104\n"))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try JSONSummary(result).encoded().utf8)) as? [String: Any])
        let fleet = try #require(json["hubFleet"] as? [[String: Any]])
        #expect(
            fleet.count == 1 && fleet[0]["vehicleDays"] as? Int == 2
                && fleet[0]["costBasis"] as? String == "vehicle_day")
        #expect((fleet[0]["costEur"] as? NSNumber)?.doubleValue == 1104.4)
        #expect((fleet[0]["days"] as? [[String: Any]])?.map { $0["vehicles"] as? Int } == [1, 1])
        #expect((json["scenario"] as? [String: Any])?["hubFleetCost"] as? String == "vehicle_day")

        let html = HTMLReport.render(result)
        #expect(html.contains("<h2>Hub fleet: vehicles per day</h2>"))
        #expect(html.contains("data-hub=\"h\" data-vehicle-type=\"hv\" data-day=\"mon\" data-vehicles=\"1\""))

        let csv = try #require(HubFleetReport.files(result).first { $0.name == "hub-fleet.csv" })
        #expect(
            csv.content == """
                hub,vehicle_type,cost_basis,day,vehicles,trips,available,vehicle_day_cost_eur,cost_eur
                h,hv,vehicle_day,mon,1,2,,550.000000,552.200000
                h,hv,vehicle_day,tue,1,2,,550.000000,552.200000

                """)
    }

    /// Last-mile trips (direct routes and hub tours) and trunk legs add up to all routes. By
    /// hand: the baseline drives p-a-b-p once a day (2 last-mile trips); the bundled plan makes
    /// the 4 hub trips and a trunk leg on each day, since a next_day hub sends out each day what
    /// arrived the day before (the other of the two planning days, the week being cyclic).
    @Test func tripsSplitIntoLastMileTripsAndTrunkLegs() throws {
        let (_, result) = try Self.planTiny()
        for plan in [result.baseline, result.bundled] {
            let totals = plan.totals
            #expect(totals.lastMileTrips + totals.trunkLegs == totals.trips)
            #expect(totals.trips == plan.routes.count)
            #expect(totals.trunkLegs == plan.routes.filter { $0.kind == .trunk }.count)
        }
        #expect(result.baseline.totals.lastMileTrips == 2 && result.baseline.totals.trunkLegs == 0)
        #expect(result.bundled.totals.lastMileTrips == 4 && result.bundled.totals.trunkLegs == 2)
        #expect(result.savings.lastMileTrips == -2 && result.savings.trunkLegs == -2 && result.savings.trips == -4)
        let annual = result.bundled.totals.rounded().times(40)
        #expect(annual.lastMileTrips == 160 && annual.trunkLegs == 80 && annual.trips == 240)

        let summary = SummaryTable.render(result)
        let lines = summary.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.split(separator: " ") == ["last-mile", "trips", "2", "4", "-2", "-100.0", "%"] })
        #expect(lines.contains { $0.split(separator: " ") == ["trunk", "legs", "to", "hubs", "0", "2", "-2", "-"] })
        #expect(!lines.contains { $0.hasPrefix("trips ") })

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try JSONSummary(result).encoded().utf8)) as? [String: Any])
        let bundled = try #require(json["bundled"] as? [String: Any])
        #expect(
            bundled["trips"] as? Int == 6 && bundled["lastMileTrips"] as? Int == 4 && bundled["trunkLegs"] as? Int == 2)

        // compare and sweep: the CSV keeps `trips` (all routes) and adds both parts.
        let csv = ComparisonTable.csv([ComparisonTable.Run(label: "tiny", result: result)], labelColumn: "run")
        #expect(csv.contains(",trips,2.000000,6.000000,-4.000000,-200.000000\n"))
        #expect(csv.contains(",lastMileTrips,2.000000,4.000000,-2.000000,-100.000000\n"))
        #expect(csv.contains(",trunkLegs,0.000000,2.000000,-2.000000,\n"))
    }

    /// The small network with a hub fleet of one small electric van (250 kg, 2 cages) a day that
    /// makes one trip: the
    /// model, priced on an unlimited fleet, sends more than that van can carry through the hub;
    /// the rounds move what it has no vehicle for direct, with the reason, and the plan leaves
    /// nothing unserved.
    @Test(arguments: ["pro_rata", "vehicle_day"])
    func aCountedHubFleetIsRespected(basis: String) throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(folder, "scenario.yaml", replacing: "  hub: [e-van]", with: "  hub: [{type: e-van, count: 1}]")
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "hub_fleet_cost: pro_rata", with: "hub_fleet_cost: \(basis)")
        try Fixture.edit(
            folder, "network.yaml", replacing: "    may_enter_zone: true\n",
            with: "    may_enter_zone: true\n    max_trips_per_shift: 1\n")
        try Fixture.edit(
            folder, "network.yaml", replacing: "capacity: {kg: 900, cages: 6}", with: "capacity: {kg: 250, cages: 2}")
        // The hub costs nothing to open and a van-day little, so that the model bundles what it can.
        try Fixture.edit(folder, "network.yaml", replacing: "fixed_cost_per_week: 100", with: "fixed_cost_per_week: 0")
        try Fixture.edit(
            folder, "network.yaml",
            replacing: "    fixed_cost_per_day: 70\n    cost_per_km: 0.08\n    cost_per_hour: 40\n",
            with: "    fixed_cost_per_day: 5\n    cost_per_km: 0.08\n    cost_per_hour: 2\n")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        #expect(result.bundled.unserved.isEmpty, "\(result.bundled.unserved)")
        let outcome = result.consolidation
        #expect(outcome.flowsViaHub > 0, "the hub still takes what its van can carry")
        for use in HubFleetUse.of(result.bundled, scenario: scenario) {
            #expect(use.days.allSatisfy { $0.vehicles <= 1 && $0.trips <= 1 })
        }
        if basis == "pro_rata" {
            // Pro rata the model knows nothing of vehicles: the first round's routes show the van short.
            #expect(outcome.rounds.first?.flowsMovedDirect ?? 0 > 0)
        }
        let moved = outcome.flows.filter { $0.reason.contains("had no vehicle left") }
        #expect(moved.allSatisfy { $0.viaHub == nil })
        #expect(outcome.rounds.map(\.flowsMovedDirect).reduce(0, +) == 0 || !moved.isEmpty)
        if outcome.rounds.contains(where: { $0.flowsMovedDirect > 0 }) {
            #expect(SummaryTable.render(result).contains("moved direct: no hub vehicle left"))
        }
    }

    /// Flows of suppliers forced in may not go direct: when the counted fleet (one small van,
    /// one trip a day) cannot carry them they stay unserved, with the routing engine's reason, and the summary says so.
    /// The small network with every flow forced through a hub that has one small e-van of a
    /// single trip a day: more deliveries than it can carry, so some stay unserved.
    static func planWithTooFewHubVans() throws -> PlanResult {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(folder, "scenario.yaml", replacing: "  hub: [e-van]", with: "  hub: [{type: e-van, count: 1}]")
        try Fixture.edit(folder, "scenario.yaml", replacing: "  default: free", with: "  default: in")
        try Fixture.edit(
            folder, "network.yaml", replacing: "    may_enter_zone: true\n",
            with: "    may_enter_zone: true\n    max_trips_per_shift: 1\n")
        try Fixture.edit(
            folder, "network.yaml", replacing: "capacity: {kg: 900, cages: 6}", with: "capacity: {kg: 250, cages: 2}")
        return try Planner.plan(try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path))
    }

    @Test func forcedFlowsBeyondACountedFleetStayUnserved() throws {
        let result = try Self.planWithTooFewHubVans()
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        #expect(result.consolidation.flowsViaHub == 12)
        #expect(!result.bundled.unserved.isEmpty)
        #expect(result.bundled.unserved.allSatisfy { $0.reason == "no vehicle left in the fleet" })
        #expect(result.consolidation.rounds.allSatisfy { $0.flowsMovedDirect == 0 })
    }

    /// The validator recomputes the whole vehicle-days: a trip that carries less than its
    /// share of its vehicle's day is caught.
    @Test func theValidatorChecksVehicleDayCosts() throws {
        let folder = try Self.tinyNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        let matrix = try TravelMatrix.forScenario(scenario)
        var cheaper = result.bundled
        let index = try #require(cheaper.routes.firstIndex { $0.kind == .hubTour })
        cheaper.routes[index].costEur -= 1
        #expect(
            WeeklyPlanValidator.violations(
                of: cheaper, scenario: scenario, matrix: matrix, viaHub: result.consolidation.viaHub
            )
            .contains { $0.contains("of a vehicle-day of 550.0 EUR") })
    }

    /// The exported hub problems carry the vehicle-day as the vehicle's fixed cost, no hourly
    /// cost and trips up to the shift; their solutions cost what the plan's hub tours cost.
    @Test func exportedHubProblemsPayWholeVehicleDays() throws {
        let folder = try Self.tinyNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Planner.plan(
            try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path), keepingProblems: true)
        let hubProblems = result.bundled.dayProblems.filter { $0.kind == .hubTour }
        #expect(hubProblems.count == 2)
        for day in hubProblems {
            let type = try #require(day.problem.vehicleTypes.first)
            #expect(type.fixedCost == 550 && type.costPerHour == 0 && type.maxTrips == VehicleType.tripsWithoutLimit)
            #expect(day.solution.routes.count == 1 && day.solution.routes[0].trips.count == 2)
        }
        let planned: Double = result.bundled.routes.filter { $0.kind == .hubTour }.map(\.costEur).reduce(0, +)
        let solved: Double = hubProblems.map(\.solution.cost).reduce(0, +)
        #expect(abs(planned - solved) < 1e-9)
    }

    @Test func anUnknownCostBasisIsAnInputError() throws {
        let folder = try Self.tinyNetwork(scenario: "hub_fleet_cost: per_trip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path)
        #expect(
            problems.map(\.description).contains {
                $0.contains(
                    "field 'hub_fleet_cost': expected vehicle_day (whole vehicle-days, the default) or pro_rata")
            })
    }
}
