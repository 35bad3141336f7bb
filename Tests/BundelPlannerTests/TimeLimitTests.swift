import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// A run with less time than its network needs: still a complete, valid plan, and a summary
/// that says which part the clock cut short before it shows any figure.
@Suite("Time limits")
struct TimeLimitTests {
    @Test func aRunCutShortSaysSoAtTheTop() throws {
        var scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        // The baseline's deadline, 35 % of 0.01 s, passes within its first searches (each looks
        // at the clock before its first iteration), so the clock cuts the routing, however few
        // iterations the small network's day problems would get.
        scenario.timeLimitSeconds = 0.01
        scenario.routingIterations = 1_000_000
        let result = try Planner.plan(scenario)
        #expect(result.hitTimeLimit)
        #expect(result.timeLimited.contains("routing"))
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let summary = SummaryTable.render(result)
        let warning = try #require(summary.range(of: "WARNING: the time limit of 0.01 s cut the routing"))
        let table = try #require(summary.range(of: "per week"))
        #expect(warning.lowerBound < table.lowerBound)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONSummary(result).encoded().utf8)) as? [String: Any])
        #expect((json["run"] as? [String: Any])?["timeLimited"] as? [String] == result.timeLimited)

        // With its own time the same network is not cut, and no warning is printed.
        let unhurried = try Planner.plan(try ScenarioLoader.load(path: Fixture.smallScenario))
        #expect(!unhurried.hitTimeLimit && unhurried.timeLimited.isEmpty)
        #expect(!SummaryTable.render(unhurried).contains("WARNING"))
    }

    @Test func theLimitCoversReadingTheInput() throws {
        var scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        scenario.timeLimitSeconds = 5
        scenario.routingIterations = 1_000_000
        // A command that spent longer than its whole limit reading its input: the planner
        // starts past every deadline, still makes a complete, valid plan, and says so.
        let commandStarted = ContinuousClock.now.advanced(by: .seconds(-10))
        let result = try Planner.plan(scenario, commandStarted: commandStarted)
        #expect(result.readingSeconds >= 10)
        #expect(result.hitTimeLimit && result.ranPastTimeLimit)
        #expect(try WeeklyPlanValidator.violations(of: result) == [])
        let summary = SummaryTable.render(result)
        let warning = try #require(summary.range(of: "WARNING: reading and planning took"))
        let table = try #require(summary.range(of: "per week"))
        #expect(warning.lowerBound < table.lowerBound)
        #expect(summary.contains("past the time limit of 5 s"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONSummary(result).encoded().utf8)) as? [String: Any])
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["ranPastTimeLimit"] as? Bool == true)
        #expect((run["readingSeconds"] as? Double ?? 0) >= 10)

        // Planning keeps back a share of the limit for the validator and the output files.
        let budget = TimeBudget(limit: 100, commandStarted: commandStarted)
        #expect(budget.deadline(atFraction: 1) == commandStarted.advanced(by: .seconds(97)))
    }
}
