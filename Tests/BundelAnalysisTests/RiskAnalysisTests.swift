import BundelPlanner
import BundelReports
import BundelTestSupport
import Foundation
import Testing

@testable import BundelAnalysis

/// `bundel risk`'s analysis on the small network: the same seed gives the same bytes, the
/// tornado moves one input at a time, and with symmetric ranges the samples' median lands near
/// the point estimate.
@Suite("Risk analysis")
struct RiskAnalysisTests {
    /// Same seed, same JSON bytes; another seed, other samples (the point and tornado, which
    /// draw nothing, stay the same).
    @Test func sameSeedSameBytes() throws {
        let scenario = try RiskFixture.load(["demand_percent: [-10, 10]", "detour_factor: [1.2, 1.4]"])
        let settings = RiskSettings(samples: 4, seed: 11)
        let first = try RiskAnalysis.run(scenario, settings: settings)
        let again = try RiskAnalysis.run(scenario, settings: settings)
        #expect(try RiskTable.json(first) == RiskTable.json(again))
        #expect(RiskTable.csv(first) == RiskTable.csv(again))
        var otherSeed = settings
        otherSeed.seed = 12
        let other = try RiskAnalysis.run(scenario, settings: otherSeed)
        #expect(other.monteCarlo.samples.map(\.draw) != first.monteCarlo.samples.map(\.draw))
        #expect(other.point == first.point && other.tornado == first.tornado)
        #expect(first.plans == 1 + 2 * 2 + 4)
    }

    /// With ranges symmetric around the scenario's values, the P50 of each saving lies near the
    /// point estimate: within a tenth of it, and inside the P10 to P90 band.
    @Test func medianNearThePointEstimateWithSymmetricRanges() throws {
        let scenario = try RiskFixture.load(RiskFixture.symmetric)
        let analysis = try RiskAnalysis.run(scenario, settings: RiskSettings(samples: 15, seed: 3))
        for metric in RiskMetric.allCases {
            let point = try #require(metric.value(analysis.point))
            let spread = try #require(analysis.monteCarlo.percentiles(metric))
            try #require(point > 0, "\(metric): the small network's hub saves")
            #expect(abs(spread.p50 - point) <= 0.1 * point, "\(metric): P50 \(spread.p50), point \(point)")
            #expect(spread.p10 <= point && point <= spread.p90, "\(metric): \(spread), point \(point)")
        }
        #expect(analysis.plansHitTimeLimit == 0)
    }

    /// Each end of the tornado changes its own input and no other; a factor set bar appears
    /// only with alternatives.
    @Test func tornadoEndsChangeOnlyTheirInput() throws {
        let scenario = try RiskFixture.load(
            RiskFixture.symmetric + [
                "speed_percent: [-15, 10]", "hub_handling_energy_per_tonne: [1, 10]",
                "hub_handling_cost_percent: [-20, 20]",
            ])
        let ranges = try #require(scenario.uncertainty)
        #expect(ranges.ranges.count == UncertainInput.allCases.count)
        let base = Self.fingerprint(scenario)
        let draws = Tornado.draws(ranges, factorSet: scenario.emissionFactors.name)
        #expect(draws.count == 2 * ranges.ranges.count)
        for draw in draws {
            let input = try #require(draw.values.keys.first)
            let changed = Self.fingerprint(draw.scenario(from: scenario, alternatives: []))
            let differing = UncertainInput.allCases.filter { changed[$0] != base[$0] }.map(\.rawValue)
            #expect(differing == [input], "\(draw.values)")
        }
    }

    /// Another factor set changes the emissions of the same plans, not the plans: on a cost
    /// objective its tornado bar moves the CO2e saving alone. The set that counts grid
    /// electricity as grey (0.48 instead of 0.374 kg per kWh) burdens the electric hub tours,
    /// so it saves less CO2e: the bar's low end.
    @Test func factorSetAlternativeMovesOnlyTheEmissions() throws {
        let made = try RiskFixture.scenario(["emission_factors: [grey-grid.yaml]"])
        defer { try? FileManager.default.removeItem(at: made.folder) }
        let builtIn = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(
                "Sources/BundelPlanner/Resources/factor-sets/nl-2021.yaml")
        let text = try String(contentsOf: builtIn, encoding: .utf8)
        try #require(text.contains("name: nl-2021\n") && text.contains("wtw_kg_co2e: 0.374\n"))
        try text.replacingOccurrences(of: "name: nl-2021\n", with: "name: grey-grid\n")
            .replacingOccurrences(of: "wtw_kg_co2e: 0.374\n", with: "wtw_kg_co2e: 0.48\n")
            .write(to: made.folder.appendingPathComponent("grey-grid.yaml"), atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: made.path)
        #expect(scenario.uncertainty?.factorSets.map(\.name) == ["grey-grid"])
        let analysis = try RiskAnalysis.run(scenario, settings: RiskSettings(samples: 2, seed: 1))
        let bar = try #require(analysis.tornado.bars.first { $0.input == "emission_factors" })
        // The hub margin is in the objective's unit (EUR): it does not move either.
        #expect(bar.swing(.vehicleKm) == 0 && bar.swing(.costEur) == 0 && bar.swing(.hubMargin) == 0)
        #expect(try #require(bar.swing(.co2eWtwKg)) > 0)
        #expect(bar.low.factorSet == "grey-grid" && bar.high.factorSet == "nl-2021")
        #expect(bar.high.outcome == analysis.point)
        #expect(analysis.factorSets == ["nl-2021", "grey-grid"])
    }

    /// The hub margin is the cost saving where the hub opens (a cost objective), and below 0
    /// where a dear hub stays closed and saves nothing: how near the decision was to flipping.
    @Test func hubMarginCrossesZeroWithTheDecision() throws {
        let scenario = try RiskFixture.load(["hub_fixed_cost_percent: [-10, 10]"])
        let open = RiskOutcome(try Planner.validatedPlan(scenario).result)
        try #require(!open.hubsOpened.isEmpty)
        #expect(open.hubMargin == open.savedCostEur && open.savedCostEur > 0)
        // Ten times the fee: far more than the hub saves at today's (the small hub's 100 EUR).
        let dear = RiskOutcome(try Planner.validatedPlan(scenario.setting(.hubFixedCost, to: 900)).result)
        #expect(dear.hubsOpened.isEmpty)
        #expect(dear.savedCostEur == 0 && dear.savedKm == 0 && dear.savedCo2eWtwKg == 0)
        #expect(try #require(dear.hubMargin) < 0)
    }

    /// A figure per input that only that input moves.
    static func fingerprint(_ scenario: Scenario) -> [UncertainInput: Double] {
        let network = scenario.network
        let hub = network.hub("hub")!
        return [
            .demand: network.flows.map { $0.weeklyQuantity.reduce(0, +) }.reduce(0, +),
            .stopTime: Double(network.sites.map(\.serviceMinutes).reduce(0, +)) + network.serviceTime.perDeliveryMinutes
                + network.serviceTime.perUnitMinutes.reduce(0, +),
            .speed: network.vehicleTypes.map(\.speedKmh).reduce(0, +),
            .detourFactor: scenario.detourFactor,
            .hubHandlingEnergy: hub.handlingEnergyPerUnit.reduce(0, +),
            .hubFixedCost: hub.fixedCostPerWeek,
            .hubHandlingCost: hub.handlingCost.reduce(0, +),
        ]
    }

    /// A scenario without the block, or without a hub, is an input error before any plan.
    @Test func noBlockNoHubIsAnInputError() throws {
        let plain = try ScenarioLoader.load(path: SmallNetwork.scenario)
        let error = #expect(throws: InputError.self) { try RiskAnalysis.run(plain) }
        #expect(error?.problems.first?.field == "uncertainty")
        var hubless = try RiskFixture.load(["demand_percent: [-10, 10]"])
        hubless.hubs = []
        let noHub = #expect(throws: InputError.self) { try RiskAnalysis.run(hubless) }
        #expect(noHub?.problems.first?.field == "hubs")
    }
}
