import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// The baseline's delivery days (`baseline_days`, `days` in flows.csv and suppliers.csv), on
/// `Fixtures/pairs`: supplier d's depot lies 50 km from sites a and b, which lie 1 km apart
/// (matrix.csv), with one weekly flow to each. Its van costs 0.2 EUR/km and 40 EUR/h plus
/// 60 EUR a day over a 12-hour shift (45 EUR/h in all), drives 50 km/h (72 s a km) and burns
/// 0.1 l diesel a km (3.262 kg CO2e WTW a litre); a stop takes 10 minutes.
///
/// - Both on one day: d-a-b-d, 50 + 1 + 50 = 101 km, 3,600 + 72 + 3,600 s driving + 1,200 s
///   service = 8,472 s; 0.2 x 101 + 45 x 8,472 / 3,600 = 20.2 + 105.9 = 126.1 EUR,
///   101 x 0.1 x 3.262 = 32.9462 kg CO2e.
/// - On two days: twice d-x-d, 100 km and 7,200 + 600 s each; 2 x (20 + 97.5) = 235 EUR,
///   200 km, 65.24 kg CO2e.
@Suite("Baseline days")
struct BaselineDaysTests {
    static let pairs = Fixture.folder.appendingPathComponent("pairs")

    /// A scratch copy of the pairs network with some files replaced, planned.
    static func planPairs(_ files: [String: String] = [:], scenarioLines: [String] = []) throws -> PlanResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-pairs-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: pairs, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let scenario = folder.appendingPathComponent("scenario.yaml")
        try (String(contentsOf: scenario, encoding: .utf8) + scenarioLines.map { $0 + "\n" }.joined()).write(
            to: scenario, atomically: true, encoding: .utf8)
        let result = try Planner.plan(try ScenarioLoader.load(path: scenario.path))
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        #expect(result.baseline.unserved.isEmpty && result.bundled.unserved.isEmpty)
        return result
    }

    /// The days of each flow in a plan, by flow index, from its routes.
    static func days(_ plan: WeeklyPlan) -> [Int: Set<Weekday>] {
        var days: [Int: Set<Weekday>] = [:]
        for route in plan.routes {
            for stop in route.stops {
                for delivery in stop.deliveries { days[delivery.flow, default: []].insert(route.day) }
            }
        }
        return days
    }

    static func close(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) < 1e-6 }

    /// The two sites next to each other are served in one trip on one day (the default policy).
    @Test func cheapestCombinesTwoNearbyFlowsOnOneDay() throws {
        let result = try Self.planPairs()
        let baseline = result.baseline.totals
        #expect(Self.close(baseline.vehicleKm, 101))
        #expect(baseline.trips == 1 && baseline.stops == 2)
        #expect(Self.close(baseline.costEur, 126.1))
        #expect(Self.close(baseline.co2eWtwKg, 32.9462))
        #expect(result.baseline.routes[0].durationSeconds == 8472)
        let summary = result.baselineDays
        #expect(summary.policy == .cheapest && summary.suppliersWithChoice == 1)
        #expect(summary.suppliersOnCheapestDays == 1 && summary.suppliersKeptBalanced == 0)
        // What the balanced days would have driven, routed in the same run.
        let balanced = try #require(summary.balancedTotals)
        #expect(Self.close(balanced.vehicleKm, 200) && balanced.trips == 2 && Self.close(balanced.costEur, 235))
        // The flows stay direct in the bundled plan, on their baseline days.
        #expect(Self.days(result.bundled) == Self.days(result.baseline))
    }

    /// The old behaviour: each supplier's deliveries spread over the week, one per day.
    @Test func balancedSpreadsThemOverTwoDays() throws {
        let result = try Self.planPairs(scenarioLines: ["baseline_days: balanced"])
        let baseline = result.baseline.totals
        #expect(Self.close(baseline.vehicleKm, 200) && baseline.trips == 2 && Self.close(baseline.costEur, 235))
        #expect(Self.close(baseline.co2eWtwKg, 65.24))
        #expect(Self.days(result.baseline) == [0: [.mon], 1: [.tue]])
        #expect(result.baselineDays.policy == .balanced && result.baselineDays.balancedTotals == nil)
    }

    /// Within capacity: when each delivery fills 60 % of the van, one day needs two trips of
    /// 100 km anyway (the estimate: 101 km + one extra round trip of 100 km = 201 km against
    /// 200 km), so the days stay apart.
    @Test func cheapestKeepsDaysApartWhenOneVanCannotCarryBoth() throws {
        let result = try Self.planPairs([
            "flows.csv": "supplier,site,deliveries_per_week,kg,cages\nd,a,1,600,1\nd,b,1,600,1\n"
        ])
        #expect(Self.close(result.baseline.totals.vehicleKm, 200) && Self.close(result.baseline.totals.costEur, 235))
        #expect(result.baselineDays.suppliersOnCheapestDays == 0)
    }

    /// A flow's own days are facts: a on Monday, b on Thursday cannot be combined.
    @Test func givenFlowDaysAreHonoured() throws {
        let flows = "supplier,site,deliveries_per_week,kg,cages,days\nd,a,1,100,1,mon\nd,b,1,100,1,thu\n"
        for policy in BaselineDaysPolicy.allCases {
            let result = try Self.planPairs(["flows.csv": flows], scenarioLines: ["baseline_days: \(policy.rawValue)"])
            #expect(Self.days(result.baseline) == [0: [.mon], 1: [.thu]], "\(policy)")
            #expect(Self.close(result.baseline.totals.vehicleKm, 200), "\(policy)")
            #expect(result.baselineDays.flowsWithOwnDays == 2 && result.baselineDays.suppliersWithChoice == 0)
        }
    }

    /// Given days may be any days, also outside the allowed patterns (Tue+Wed is not an evenly
    /// spread pattern for twice a week), and a flow forced direct keeps them in the bundled plan.
    @Test func givenDaysOutsideThePatternsAreKeptInBothPlans() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        let flows =
            try String(contentsOf: folder.appendingPathComponent("flows.csv"), encoding: .utf8)
            .split(separator: "\n").enumerated().map { index, line in
                index == 0 ? line + ",days" : line.hasPrefix("near,s4,") ? line + ",tue|wed" : line + ","
            }.joined(separator: "\n") + "\n"
        try flows.write(to: folder.appendingPathComponent("flows.csv"), atomically: true, encoding: .utf8)
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "  default: free", with: "  default: free\n  suppliers: {near: out}")
        try Fixture.edit(folder, "scenario.yaml", replacing: "baseline_days: balanced", with: "baseline_days: cheapest")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let flow = try #require(scenario.network.flows.first { $0.supplier == "near" && $0.site == "s4" })
        #expect(flow.days == [.tue, .wed])
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        #expect(Self.days(result.baseline)[flow.index] == [.tue, .wed])
        #expect(Self.days(result.bundled)[flow.index] == [.tue, .wed])
        #expect(result.baselineDays.flowsWithOwnDays == 1)

        // The validator rejects the flow on other days.
        var moved = result.baseline
        for (number, route) in moved.routes.enumerated() where route.operatedBy == "near" && route.day == .wed {
            moved.routes[number].day = .fri
        }
        let matrix = try TravelMatrix.forScenario(scenario)
        #expect(
            WeeklyPlanValidator.violations(of: moved, scenario: scenario, matrix: matrix, viaHub: [:])
                .contains { $0.contains("not on its given days tue+wed") })
    }

    /// A supplier's fixed days: its flows without days of their own go on those days only, and
    /// the cheapest days put both on the same one of them.
    @Test func supplierDaysAreHonoured() throws {
        let suppliers = "id,name,lat,lon,vehicle_type,days\nd,Distant supplier,52.1000,5.0700,van,tue|fri\n"
        let cheapest = try Self.planPairs(["suppliers.csv": suppliers])
        #expect(Set(Self.days(cheapest.baseline).values.flatMap { $0 }).isSubset(of: [.tue, .fri]))
        #expect(Self.close(cheapest.baseline.totals.vehicleKm, 101))
        #expect(cheapest.baselineDays.flowsWithSupplierDays == 2)
        let balanced = try Self.planPairs(["suppliers.csv": suppliers], scenarioLines: ["baseline_days: balanced"])
        #expect(Self.days(balanced.baseline) == [0: [.tue], 1: [.fri]])
        // Given one day only, that day is every flow's: given days fix them.
        let oneDay = try Self.planPairs(
            ["suppliers.csv": suppliers.replacingOccurrences(of: "tue|fri", with: "wed")],
            scenarioLines: ["baseline_days: given"])
        #expect(Self.days(oneDay.baseline) == [0: [.wed], 1: [.wed]])
    }

    /// `baseline_days: given` plans exactly the given days; `given` without days is refused.
    @Test func givenPolicyNeedsEveryFlowsDays() throws {
        let flows = "supplier,site,deliveries_per_week,kg,cages,days\nd,a,1,100,1,wed\nd,b,1,100,1,wed\n"
        let result = try Self.planPairs(["flows.csv": flows], scenarioLines: ["baseline_days: given"])
        #expect(
            Self.days(result.baseline) == [0: [.wed], 1: [.wed]] && Self.close(result.baseline.totals.vehicleKm, 101))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-pairs-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.pairs, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scenario.yaml")
        try (String(contentsOf: path, encoding: .utf8) + "baseline_days: given\n").write(
            to: path, atomically: true, encoding: .utf8)
        let problems = Fixture.problems(loading: path.path).map {
            "\($0)".replacingOccurrences(of: folder.path + "/", with: "")
        }
        #expect(
            problems == [
                "scenario.yaml:9: field 'baseline_days': given needs the delivery days of every flow, but 2 flow(s) have none that fix them (first: d -> a, flows.csv:2: no days given); give a days column in flows.csv or the supplier's days in suppliers.csv, or use cheapest or balanced"
            ])
    }

    /// Fewer deliveries under `delivery_frequency` than given days: the flow goes on some of
    /// its days, and `given` cannot say which.
    @Test func fewerDeliveriesThanGivenDaysChooseAmongThem() throws {
        let flows = "supplier,site,deliveries_per_week,kg,cages,days\nd,a,2,100,1,mon|thu\nd,b,1,100,1,thu\n"
        let result = try Self.planPairs(["flows.csv": flows], scenarioLines: ["delivery_frequency: {max_per_week: 1}"])
        // a once a week, on Monday or Thursday; the cheapest joins b on Thursday.
        #expect(Self.days(result.baseline) == [0: [.thu], 1: [.thu]])
        #expect(Self.close(result.baseline.totals.vehicleKm, 101))
    }

    /// The estimate of a day's cost by hand: both flows, one tour of 101 km (the routed cost);
    /// with 600 kg each, two loads: one extra round trip of the mean depot-site-depot 100 km.
    @Test func dayCostEstimateByHand() throws {
        let scenario = try ScenarioLoader.load(path: Self.pairs.appendingPathComponent("scenario.yaml").path)
        let context = TravelContext(
            matrix: try TravelMatrix.forScenario(scenario), network: scenario.network, factors: scenario.emissionFactors
        )
        let supplier = scenario.network.suppliers[0]
        let estimate = DayCostEstimate(
            supplier: supplier, flows: scenario.network.flows, scenario: scenario, context: context)
        #expect(Self.close(estimate.cost([0, 1]), 126.1))
        #expect(Self.close(estimate.cost([0]), 117.5))
        #expect(estimate.cost([]) == 0)
        var heavy = scenario.network.flows
        for index in heavy.indices { heavy[index].weeklyQuantity = [600, 1] }
        let loaded = DayCostEstimate(supplier: supplier, flows: heavy, scenario: scenario, context: context)
        // 0.2 x 201 + 45 x (7,272 + 7,200 + 1,200) / 3,600 = 40.2 + 195.9
        #expect(Self.close(loaded.cost([0, 1]), 236.1))
    }

    /// The local search on a made-up cost: a day costs 10 plus 1 per flow, so every flow ends
    /// on one day; a flow with one candidate stays where it is.
    @Test func localSearchMovesFlowsTogether() {
        let weekly = (0..<5).map { [$0] }
        let chosen = BaselineDayChoice.improve(
            start: [[0], [1], [2], [3]], candidates: [weekly, weekly, weekly, [[3]]], dayCount: 5
        ) { flows in
            flows.isEmpty ? 0 : 10 + Double(flows.count)
        }
        #expect(chosen == [[3], [3], [3], [3]])
    }

    /// Without given days, `balanced` is the schedule bundel has always used, on the campus network.
    @Test func balancedWithoutGivenDaysIsTheGreedyBalance() throws {
        let path = Fixture.folder.appendingPathComponent("../../../scenarios/amsterdam-campuses/hub-duivendrecht.yaml")
            .standardized.path
        let scenario = try ScenarioLoader.load(path: path)
        #expect(
            BaselineDayChoice.balancedDays(scenario)
                == Self.greedyBalance(
                    scenario.network, dayCount: scenario.days.count, patterns: scenario.allowedDayPatterns))
    }

    /// On the small network the cheapest days make the baseline cheaper than the balanced one
    /// (and then no flow is worth bundling); the same input gives the same bytes.
    @Test func cheapestBaselineOfTheSmallNetwork() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(folder, "scenario.yaml", replacing: "baseline_days: balanced", with: "baseline_days: cheapest")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let result = try Planner.plan(scenario)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let balanced = try #require(result.baselineDays.balancedTotals)
        #expect(result.baseline.totals.costEur < balanced.costEur)
        #expect(result.baseline.totals.stops == balanced.stops)
        #expect(
            try JSONSummary(result).withoutTimes.encoded()
                == JSONSummary(try Planner.plan(scenario)).withoutTimes.encoded())
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONSummary(result).encoded().utf8)) as? [String: Any])
        let days = try #require(json["baselineDays"] as? [String: Any])
        #expect(days["policy"] as? String == "cheapest")
        #expect(days["flowsWithOwnDays"] as? Int == 0)
        #expect(
            SummaryTable.render(result).contains(
                "\n  baseline days: cheapest (each supplier picks the days that make its own routes cheapest); no flow has given days; "
            ))
        #expect(HTMLReport.render(result).contains("data-baseline-days=\"cheapest\""))
        #expect(Methodology.markdown(result).contains("- The baseline's days: cheapest"))
    }
}

extension BaselineDaysTests {
    /// The baseline days bundel used before `baseline_days` existed: per supplier, the greedy
    /// balance of its flows, every delivery weighing one. The `balanced` policy must give
    /// exactly these days when no flow has given days.
    static func greedyBalance(_ network: Network, dayCount: Int, patterns: [Int: [[Int]]]) -> [Int: [Int]] {
        var days: [Int: [Int]] = [:]
        for supplier in network.suppliers {
            let flows = network.flows.filter { $0.supplier == supplier.id }
            let chosen = DayPatterns.balance(
                frequencies: flows.map(\.deliveriesPerWeek), weights: flows.map { _ in 1 },
                dayCount: dayCount, patterns: patterns)
            for (flow, flowDays) in zip(flows, chosen) { days[flow.index] = flowDays }
        }
        return days
    }
}
