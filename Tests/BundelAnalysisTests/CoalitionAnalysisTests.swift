import BundelPlanner
import BundelTestSupport
import Foundation
import Testing

@testable import BundelAnalysis

/// `bundel coalition`'s analysis on the two-organisation fixture (`Fixtures/shared`): every
/// coalition planned, the shares efficient, the same input the same figures.
@Suite("Coalition analysis")
struct CoalitionAnalysisTests {
    static var scenario: String {
        SmallNetwork.fixtures.appendingPathComponent("shared/scenario.yaml").path
    }

    @Test func everyCoalitionPlannedAndTheSharesAddUp() throws {
        let scenario = try ScenarioLoader.load(path: Self.scenario)
        let analysis = try CoalitionAnalysis.run(scenario)
        #expect(analysis.plans.map(\.coalition) == [0b01, 0b10, 0b11])
        #expect(analysis.members.map(\.id) == ["org-a", "org-b"])
        for metric in CoalitionFigures.metrics {
            let sum = analysis.members.reduce(0.0) { $0 + $1.shapley[keyPath: metric] }
            #expect(abs(sum - analysis.grandSaving[keyPath: metric]) < 1e-6)
        }
        // v(N) by its definition: the members' own baselines less the joint bundled plan.
        let grand = try #require(analysis.plans.last)
        let ownBaselines = analysis.members.reduce(CoalitionFigures()) { $0 + $1.standAloneBaseline }
        #expect(abs(analysis.grandSaving.costEur - (ownBaselines.costEur - grand.bundled.costEur)) < 1e-6)
        // Two players: each gets what it saves alone plus half of what they save beyond that.
        let extra = analysis.grandSaving.costEur - analysis.members.reduce(0.0) { $0 + $1.alone.costEur }
        for member in analysis.members {
            #expect(abs(member.shapley.costEur - (member.alone.costEur + extra / 2)) < 1e-6)
        }
        // With two players the Shapley value is in the core exactly when sharing saves (each
        // gets half the extra; the check tolerates 0.01 EUR of rounding).
        #expect(analysis.core.inCore == (extra >= -0.02))
    }

    @Test func sameInputSameFigures() throws {
        let scenario = try ScenarioLoader.load(path: Self.scenario)
        let first = try CoalitionAnalysis.run(scenario, settings: CoalitionSettings(samples: 3, seed: 4))
        let again = try CoalitionAnalysis.run(scenario, settings: CoalitionSettings(samples: 3, seed: 4))
        #expect(first.members == again.members)
        #expect(first.plans == again.plans)
        #expect(first.method == .sampled(samples: 3, seed: 4))
    }

    @Test func aScenarioOfOneNetworkIsRefused() throws {
        let scenario = try ScenarioLoader.load(path: SmallNetwork.scenario)
        #expect(throws: InputError.self) { try CoalitionAnalysis.run(scenario) }
    }
}
