import BundelPlanner
import BundelTestSupport
import Foundation
import Testing

/// The scenario's `uncertainty:` block is read with the scenario: good ranges come back with
/// their point estimates; a bad one is a problem naming the file, the line and the field.
@Suite("Uncertainty block")
struct UncertaintyBlockTests {
    @Test func rangesCarryTheScenariosOwnValuesAsPoints() throws {
        let scenario = try RiskFixture.load(
            RiskFixture.symmetric + ["hub_handling_energy_per_tonne: [1, 10]", "distribution: uniform"])
        let ranges = try #require(scenario.uncertainty)
        #expect(ranges.distribution == .uniform)
        // In the order of UncertainInput.allCases, whatever the order written.
        #expect(
            ranges.ranges.map(\.input) == [.demand, .stopTime, .detourFactor, .hubHandlingEnergy, .hubFixedCost])
        let points = Dictionary(uniqueKeysWithValues: ranges.ranges.map { ($0.input, $0.point) })
        #expect(points[.detourFactor] == scenario.detourFactor)
        // The small hub gives no handling energy, so it has bundel's stated default per tonne.
        #expect(points[.hubHandlingEnergy] == Hub.defaultHandlingKilowattHoursPerTonne)
        #expect(points[.demand] == 0 && points[.hubFixedCost] == 0)
        // A plan of the scenario itself is unchanged by the block.
        #expect(try ScenarioLoader.load(path: SmallNetwork.scenario).uncertainty == nil)
    }

    /// The campus scenario that the README's risk figures come from has a range for every
    /// input and an alternative factor set that differs from the scenario's in grid
    /// electricity alone.
    @Test func campusRiskScenarioHasEveryRange() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/amsterdam-campuses/risk.yaml").path
        let scenario = try ScenarioLoader.load(path: path)
        let ranges = try #require(scenario.uncertainty)
        #expect(ranges.ranges.map(\.input) == UncertainInput.allCases)
        let alternative = try #require(ranges.factorSets.first)
        #expect(ranges.factorSets.count == 1)
        let differing = alternative.carriers.filter { scenario.emissionFactors.carrier($0.id) != $0 }.map(\.id)
        #expect(differing == ["electricity-grid"])
        #expect(alternative.carriers.map(\.id) == scenario.emissionFactors.carriers.map(\.id))
    }

    /// The triangular draw maps 0 to the low end, 1 to the high end, and the share of the
    /// distribution below the mode to the mode; the uniform one is linear.
    @Test func drawsMapQuantilesOntoTheRange() {
        let range = UncertainRange(input: .detourFactor, low: 1.2, high: 1.6, point: 1.3)
        #expect(range.value(atQuantile: 0, .triangular) == 1.2)
        #expect(range.value(atQuantile: 1, .triangular) == 1.6)
        let belowMode = (1.3 - 1.2) / (1.6 - 1.2)
        #expect(abs(range.value(atQuantile: belowMode, .triangular) - 1.3) < 1e-12)
        #expect(abs(range.value(atQuantile: 0.5, .uniform) - 1.4) < 1e-12)
        let draws = stride(from: 0.0, through: 1.0, by: 0.01).map { range.value(atQuantile: $0, .triangular) }
        #expect(zip(draws, draws.dropFirst()).allSatisfy { $0 <= $1 })
    }

    /// Each bad block: the line offset of the entry at fault within the block, its field and a
    /// piece of the message.
    static let badBlocks: [(lines: [String], offset: Int, field: String, message: String)] = [
        (["demand_percent: [10, -10]"], 0, "uncertainty.demand_percent", "low end must lie below the high end"),
        (["demand_percnt: [-10, 10]"], 0, "uncertainty.demand_percnt", "unknown field"),
        (["demand_percent: 10"], 0, "uncertainty.demand_percent", "expected a range [low, high]"),
        (["demand_percent: [-10, 1O]"], 0, "uncertainty.demand_percent", "1O"),
        (["demand_percent: [5, 10]"], 0, "uncertainty.demand_percent", "must hold 0 (no change)"),
        (["demand_percent: [-100, 10]"], 0, "uncertainty.demand_percent", "above -100"),
        (["stop_time_percent: [-5, 5]", "detour_factor: [1.4, 1.6]"], 1, "uncertainty.detour_factor", "1.3"),
        (["detour_factor: [0.8, 1.4]"], 0, "uncertainty.detour_factor", "between 1 and 5"),
        (["hub_handling_energy_per_tonne: [-1, 10]"], 0, "uncertainty.hub_handling_energy_per_tonne", "negative"),
        (["distribution: normal", "demand_percent: [-1, 1]"], 0, "uncertainty.distribution", "triangular"),
        // Reported against the set that does not exist, with the sets there are.
        (["emission_factors: [nl-2099]"], 0, "", "available: nl-2021"),
        (["emission_factors: [nl-2021]"], 0, "uncertainty.emission_factors", "already a choice"),
        (["distribution: uniform"], 0, "uncertainty", "give a range for at least one input"),
    ]

    @Test(arguments: badBlocks.indices)
    func badBlockIsOneLocatedProblem(_ index: Int) throws {
        let case_ = Self.badBlocks[index]
        let (problems, firstLine, _) = try RiskFixture.problems(case_.lines)
        let problem = try #require(problems.first)
        #expect(problems.count == 1, "\(problems)")
        #expect(problem.message.contains(case_.message), "\(problem.message)")
        guard !case_.field.isEmpty else {
            #expect(problem.file == "built-in factor set nl-2099")
            return
        }
        #expect(problem.field == case_.field)
        #expect(problem.file.hasSuffix("scenario.yaml"))
        #expect(problem.line == firstLine + case_.offset)
    }
}
