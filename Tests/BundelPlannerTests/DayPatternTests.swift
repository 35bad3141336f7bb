@testable import BundelPlanner
import Foundation
import Testing

/// Delivery-day patterns: the scenario's `day_patterns` and the plans that use them.
@Suite("Delivery day patterns")
struct DayPatternTests {
    /// The edits that restrict the small scenario to Tue or Thu once a week and Mon+Thu or
    /// Tue+Fri twice a week, with the paper and cleaning suppliers bundled and the parcel
    /// carrier direct (so that sites get one or two hub deliveries a week, not five).
    static let restricted: [(String, String)] = [
        ("  default: free", "  default: in\n  suppliers: {parcels: out}"),
        ("routing_iterations: 30", "routing_iterations: 30\nday_patterns:\n  1: [[tue], [thu]]\n  2: [[mon, thu], [tue, fri]]"),
    ]
    static let restrictedPatterns: [Int: Set<[Weekday]>] = [
        1: [[.tue], [.thu]], 2: [[.mon, .thu], [.tue, .fri]], 5: [[.mon, .tue, .wed, .thu, .fri]],
    ]

    /// The days each flow is delivered on, from the plan's routes.
    static func flowDays(_ plan: WeeklyPlan) -> [Int: [Weekday]] {
        var days: [Int: Set<Weekday>] = [:]
        for route in plan.routes where route.kind != .trunk {
            for stop in route.stops { for delivery in stop.deliveries { days[delivery.flow, default: []].insert(route.day) } }
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
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(WeeklyPlanValidator.violations(of: result.baseline, scenario: scenario, matrix: matrix, viaHub: [:]) == [])
        #expect(WeeklyPlanValidator.violations(of: result.bundled, scenario: scenario, matrix: matrix,
                                               viaHub: result.consolidation.viaHub) == [])
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
            let frequency = network.flows.filter { $0.site == site && $0.supplier != "parcels" }.map(\.deliveriesPerWeek).max()!
            #expect(Self.restrictedPatterns[frequency]!.contains(days), "site \(site) on \(days)")
        }
        for (flow, days) in Self.flowDays(result.bundled) where network.flows[flow].supplier == "parcels" {
            #expect(days == [.mon, .tue, .wed, .thu, .fri])
        }
    }

    /// Bad `day_patterns` entries are reported with file, line and field, all at once.
    @Test func badPatternsNameTheFileAndField() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(folder, "scenario.yaml", replacing: "routing_iterations: 30", with: """
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
        #expect(problems == [
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
