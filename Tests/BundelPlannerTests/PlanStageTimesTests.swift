import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// Where a plan's time went: every stage measured, none counted twice, and shown in the
/// summary and the JSON.
@Suite("Plan stage times")
struct PlanStageTimesTests {
    @Test func stagesAddUpToNoMoreThanTheRunAndAreReported() throws {
        let result = try Planner.plan(try ScenarioLoader.load(path: Fixture.smallScenario))
        let stages = result.stages.named
        #expect(
            stages.map(\.stage) == [
                "travel matrix", "baseline", "estimates", "consolidation model", "routing the rounds",
                "candidates and switches", "routed explanations",
            ])
        #expect(stages.allSatisfy { $0.seconds >= 0 })
        // Each stage routes or solves something on the small network, so none is empty; the
        // stages do not overlap, so together they take no longer than the run.
        for stage in ["baseline", "estimates", "consolidation model", "routing the rounds", "candidates and switches"] {
            #expect(try #require(stages.first { $0.stage == stage }).seconds > 0, "\(stage)")
        }
        let total = stages.map(\.seconds).reduce(0, +)
        #expect(total <= result.seconds + 1e-6, "stages \(total) s, run \(result.seconds) s")

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONSummary(result).encoded().utf8)) as? [String: Any])
        let run = try #require(json["run"] as? [String: Any])
        let written = try #require(run["stages"] as? [[String: Any]])
        #expect(written.map { $0["stage"] as? String } == stages.map(\.stage))
        for (entry, stage) in zip(written, stages) {
            #expect(abs(try #require(entry["seconds"] as? Double) - stage.seconds) <= 0.005 + 1e-9)
        }
        #expect(try JSONSummary(result).withoutTimes.encoded().contains("\"stages\"") == false)
        #expect(SummaryTable.render(result).contains("\ntime by stage: "))
    }
}
