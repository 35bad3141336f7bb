import Foundation
import Testing

@testable import BundelPlanner

/// Delivery-day patterns: the GLPK model for hub sites, the scenario's `day_patterns`, and the
/// validator's pattern and visit rules.
@Suite("Delivery day patterns")
struct DayPatternTests {
    /// Four sites of weight 1 around a hub: two close together to the north, two to the south,
    /// so that the two sectors are {north, north-east} and {south, south-west}.
    static let hub = GeoPoint(latitude: 52.0, longitude: 5.0)
    static let fourSites = [
        DayPatternModel.Site(
            id: "north", location: GeoPoint(latitude: 52.05, longitude: 5.00), frequency: 2, weight: 1),
        DayPatternModel.Site(
            id: "north-east", location: GeoPoint(latitude: 52.05, longitude: 5.01), frequency: 2, weight: 1),
        DayPatternModel.Site(
            id: "south", location: GeoPoint(latitude: 51.95, longitude: 5.00), frequency: 2, weight: 1),
        DayPatternModel.Site(
            id: "south-west", location: GeoPoint(latitude: 51.95, longitude: 4.99), frequency: 2, weight: 1),
    ]
    /// Twice a week over five days, on Mon+Thu or Tue+Fri only.
    static let monThu = [0, 3], tueFri = [1, 4]
    static let twiceAWeek: [Int: [[Int]]] = [2: [monThu, tueFri]]

    /// Started from the worst assignment (everyone on Mon+Thu, busiest day 4), the model must
    /// split the sites two and two: the busiest day carries 2, the known optimum.
    @Test func modelFindsTheKnownOptimum() throws {
        let model = try DayPatternModel(
            sites: Self.fourSites, hub: Self.hub, patterns: Self.twiceAWeek, dayCount: 5,
            greedy: Array(repeating: Self.monThu, count: 4))
        #expect(model.score(model.greedy).maxLoad == 4)
        let decision = model.solve()
        #expect(decision.status == .optimal)
        #expect(decision.fromModel)
        #expect(decision.score.maxLoad == 2)
        #expect(decision.days.filter { $0 == Self.monThu }.count == 2)
        #expect(decision.days.filter { $0 == Self.tueFri }.count == 2)
    }

    /// Two balanced answers exist (busiest day 2 either way); compactness must pick the one
    /// that keeps neighbours on the same days, using each sector on two days instead of four.
    @Test func sectorsBreakTiesTowardNeighbours() throws {
        let sectors = DayPatternModel.sectors(Self.fourSites.map(\.location), around: Self.hub)
        #expect(sectors[0] == sectors[1] && sectors[2] == sectors[3] && sectors[0] != sectors[2])
        // Balanced but mixed: one northern and one southern site on each pattern.
        let mixed = [Self.monThu, Self.tueFri, Self.monThu, Self.tueFri]
        let model = try DayPatternModel(
            sites: Self.fourSites, hub: Self.hub, patterns: Self.twiceAWeek, dayCount: 5, greedy: mixed)
        #expect(model.score(mixed).maxLoad == 2 && model.score(mixed).sectorDays == 8)
        let decision = model.solve()
        #expect(decision.fromModel)
        #expect(decision.score.maxLoad == 2)
        #expect(decision.score.sectorDays == 4)
        #expect(decision.days[0] == decision.days[1])
        #expect(decision.days[2] == decision.days[3])
        #expect(decision.days[0] != decision.days[2])
    }

    /// Nine sites at every 40 degrees form three sectors of three neighbours each, the same
    /// ones whatever order the sites come in.
    @Test func sectorsHaveEqualCountsOfNeighbours() {
        let points = (0..<9).map { step -> GeoPoint in
            let angle = Double(step) * 40 * Double.pi / 180
            return GeoPoint(
                latitude: Self.hub.latitude + 0.05 * cos(angle), longitude: Self.hub.longitude + 0.08 * sin(angle))
        }
        let sectors = DayPatternModel.sectors(points, around: Self.hub)
        #expect(Dictionary(grouping: sectors, by: { $0 }).values.map(\.count).sorted() == [3, 3, 3])
        // Neighbours by bearing share a sector: each sector is a run of consecutive steps.
        for sector in Set(sectors) {
            let steps = sectors.indices.filter { sectors[$0] == sector }
            let wraps = Set(steps.map { ($0 + 1) % 9 }).subtracting(steps).count
            #expect(wraps == 1, "sector \(sector) holds steps \(steps)")
        }
        let reversed = DayPatternModel.sectors(points.reversed(), around: Self.hub)
        let partition = { (sectors: [Int], point: (Int) -> Int) in
            Set(Dictionary(grouping: sectors.indices, by: { sectors[$0] }).values.map { Set($0.map(point)) })
        }
        #expect(partition(sectors, { $0 }) == partition(reversed, { 8 - $0 }))
    }

    /// The edits that restrict the small scenario to Tue or Thu once a week and Mon+Thu or
    /// Tue+Fri twice a week, with the paper and cleaning suppliers bundled and the parcel
    /// carrier direct (so that sites get one or two hub deliveries a week, not five).
    static let restricted: [(String, String)] = [
        ("  default: free", "  default: in\n  suppliers: {parcels: out}"),
        (
            "routing_iterations: 30",
            "routing_iterations: 30\nday_patterns:\n  1: [[tue], [thu]]\n  2: [[mon, thu], [tue, fri]]"
        ),
    ]
    static let restrictedPatterns: [Int: Set<[Weekday]>] = [
        1: [[.tue], [.thu]], 2: [[.mon, .thu], [.tue, .fri]], 5: [[.mon, .tue, .wed, .thu, .fri]],
    ]

    /// The days each flow is delivered on, from the plan's routes.
    static func flowDays(_ plan: WeeklyPlan) -> [Int: [Weekday]] {
        var days: [Int: Set<Weekday>] = [:]
        for route in plan.routes where route.kind != .trunk {
            for stop in route.stops {
                for delivery in stop.deliveries { days[delivery.flow, default: []].insert(route.day) }
            }
        }
        return days.mapValues { $0.sorted() }
    }

    /// The days a hub delivers at each site, from the plan's hub tours.
    static func siteDays(_ plan: WeeklyPlan) -> [String: [Weekday]] {
        var days: [String: Set<Weekday>] = [:]
        for route in plan.routes where route.kind == .hubTour {
            for stop in route.stops { days[stop.location, default: []].insert(route.day) }
        }
        return days.mapValues { $0.sorted() }
    }

    @Test func restrictedPatternsGiveAValidPlanOnThosePatternsOnly() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall(editing: Self.restricted)
        #expect(scenario.dayPatterns == [1: [[1], [3]], 2: [[0, 3], [1, 4]]])
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        #expect(result.baseline.unserved.isEmpty && result.bundled.unserved.isEmpty)
        #expect(result.consolidation.flowsViaHub == 6)

        // Baseline: every flow direct, each on one of the listed patterns of its frequency.
        let network = scenario.network
        for (flow, days) in Self.flowDays(result.baseline) {
            let frequency = network.flows[flow].deliveriesPerWeek
            #expect(Self.restrictedPatterns[frequency]!.contains(days), "flow \(flow) on \(days)")
        }
        // Bundled: each site's hub days form a listed pattern of its most frequent bundled flow.
        let hubSites = Self.siteDays(result.bundled)
        #expect(hubSites.count == 6)
        for (site, days) in hubSites {
            let frequency = network.flows.filter { $0.site == site && $0.supplier != "parcels" }.map(
                \.deliveriesPerWeek
            ).max()!
            #expect(Self.restrictedPatterns[frequency]!.contains(days), "site \(site) on \(days)")
        }
        for (flow, days) in Self.flowDays(result.bundled) where network.flows[flow].supplier == "parcels" {
            #expect(days == [.mon, .tue, .wed, .thu, .fri])
        }
    }

    /// The validator flags a direct flow, and a site's hub deliveries, on a pattern the
    /// scenario does not allow: the plan is checked against a scenario that lists every pattern
    /// but the one used.
    @Test func validatorRejectsAPatternThatIsNotAllowed() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall(editing: Self.restricted)
        let matrix = try TravelMatrix.forScenario(scenario)
        let allowed = scenario.allowedDayPatterns
        let index = { (days: [Weekday]) in days.map { scenario.days.firstIndex(of: $0)! } }

        // Flow 0 (far -> s1) goes twice a week; in the baseline it is direct.
        let direct = try #require(Self.flowDays(result.baseline)[0])
        var withoutDirect = scenario
        withoutDirect.dayPatterns[2] = allowed[2]!.filter { $0 != index(direct) } + [[0, 2]]
        let directProblems = WeeklyPlanValidator.violations(
            of: result.baseline, scenario: withoutDirect, matrix: matrix, viaHub: [:])
        #expect(
            directProblems.contains {
                $0.hasPrefix(
                    "flow 0 (far -> s1): delivered on \(direct.map(\.rawValue).joined(separator: "+")), not an allowed pattern for 2 a week"
                )
            },
            "\(directProblems)")

        // In the bundled plan s1 gets two hub deliveries a week (flow 0 is its only bundled flow).
        let hubDays = try #require(Self.siteDays(result.bundled)["s1"])
        var withoutHub = scenario
        withoutHub.dayPatterns[2] = allowed[2]!.filter { $0 != index(hubDays) } + [[0, 2]]
        let hubProblems = WeeklyPlanValidator.violations(
            of: result.bundled, scenario: withoutHub, matrix: matrix,
            viaHub: result.consolidation.viaHub)
        #expect(
            hubProblems.contains {
                $0.hasPrefix(
                    "site s1 via hub hub: hub deliveries on \(hubDays.map(\.rawValue).joined(separator: "+")), not an allowed pattern for 2 a week"
                )
            },
            "\(hubProblems)")
    }

    /// A hub visits a site once a day: a delivery cut into two stops that would fit one vehicle
    /// is flagged.
    @Test func validatorRejectsASecondVisitThatIsNotNeeded() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall(editing: Self.restricted)
        let matrix = try TravelMatrix.forScenario(scenario)
        var plan = result.bundled
        let number = try #require(plan.routes.firstIndex { $0.kind == .hubTour })
        var stop = plan.routes[number].stops[0]
        stop.deliveries = stop.deliveries.map { FlowDelivery(flow: $0.flow, quantity: $0.quantity.map { $0 / 2 }) }
        stop.quantity = stop.quantity.map { $0 / 2 }
        plan.routes[number].stops[0] = stop
        plan.routes[number].stops.insert(stop, at: 1)
        plan.routes[number].legMetres.insert(0, at: 1)
        let problems = WeeklyPlanValidator.violations(
            of: plan, scenario: scenario, matrix: matrix, viaHub: result.consolidation.viaHub)
        let route = plan.routes[number]
        #expect(
            problems.contains {
                $0.hasPrefix(
                    "hub hub visits site \(stop.location) 2 times on \(route.day.rawValue), but that day's delivery fills"
                ) && $0.hasSuffix("so at most 1")
            },
            "\(problems)")
    }

    /// A delivery of 1,520 kg at s1 exceeds the 900 kg of the hub's electric van: it comes in
    /// two visits on that day, which the validator allows.
    @Test func aDeliveryLargerThanAVehicleMayComeInSeveralVisits() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(folder, "flows.csv", replacing: "far,s1,2,400,2", with: "far,s1,1,1500,2")
        try Fixture.edit(folder, "scenario.yaml", replacing: "  default: free", with: "  default: in")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        let visits = Dictionary(
            grouping: result.bundled.routes.filter { $0.kind == .hubTour }.flatMap { route in
                route.stops.filter { $0.location == "s1" }.map { _ in route.day }
            }, by: { $0 }
        ).mapValues(\.count)
        #expect(visits.values.max() == 2)
        #expect(result.bundled.unserved.isEmpty)
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(
            WeeklyPlanValidator.violations(
                of: result.bundled, scenario: scenario, matrix: matrix,
                viaHub: result.consolidation.viaHub) == [])
    }

    /// Bad `day_patterns` entries are reported with file, line and field, all at once.
    @Test func badPatternsNameTheFileAndField() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "routing_iterations: 30",
            with: """
                routing_iterations: 30
                day_patterns:
                  2: [[mon], [tue, sat], [wed, fry], [thu, thu], [mon, thu], [thu, mon]]
                  3: [mon, wed, fri]
                  6: [[mon, tue, wed, thu, fri, sat]]
                  weekly: [[mon]]
                """)
        let problems = Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map {
            $0.description.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "")
        }
        #expect(
            problems == [
                "scenario.yaml:17: field 'day_patterns.2[0]': the pattern [mon] has 1 day(s); frequency 2 needs 2 distinct days",
                "scenario.yaml:17: field 'day_patterns.2[1]': 'sat' is not a planning day (days: mon, tue, wed, thu, fri)",
                "scenario.yaml:17: field 'day_patterns.2[2]': unknown day 'fry'; use mon, tue, wed, thu, fri, sat, sun",
                "scenario.yaml:17: field 'day_patterns.2[3]': 'thu' is listed twice in the pattern",
                "scenario.yaml:17: field 'day_patterns.2[5]': the pattern [thu, mon] is listed twice",
                "scenario.yaml:18: field 'day_patterns.3': expected a list of patterns, each a list of days; write [[mon, wed, fri]] for the one pattern mon, wed, fri",
                "scenario.yaml:19: field 'day_patterns.6': expected a delivery frequency (deliveries a week) from 1 to 5, the number of planning days",
                "scenario.yaml:20: field 'day_patterns.weekly': expected a delivery frequency (deliveries a week) from 1 to 5, the number of planning days",
            ])
    }
}
