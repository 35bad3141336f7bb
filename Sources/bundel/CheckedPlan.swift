import ArgumentParser
import BundelPlanner
import Foundation

/// A plan run as every command reports it: planned, with a consolidation solution, and both
/// plans accepted by the independent validator. A plan that breaks a rule is a bug, never a
/// result, so it ends the command before anything is printed or written.
enum CheckedPlan {
    /// Plans `scenario`; throws exit 69 when the hubs cannot hold the forced-in flows or the model has no solution, 70 when the validator
    /// rejects a plan (the violations go to standard error).
    static func run(_ scenario: Scenario, progress: PlanProgress = .silent) throws -> PlanResult {
        let shortfalls = HubCapacityCheck.shortfalls(scenario)
        guard shortfalls.isEmpty else {
            printError("\(shortfalls.count == 1 ? "1 reason" : "\(shortfalls.count) reasons") the scenario has no feasible plan:")
            for text in shortfalls { printError("  \(text)") }
            throw ExitCodes.noFeasiblePlan
        }
        let result = try Planner.plan(scenario, progress: progress)
        guard result.consolidation.status.hasSolution else {
            printError("\(scenario.file): the consolidation model has no solution: \(result.consolidation.status)")
            throw ExitCodes.noFeasiblePlan
        }
        let violations = try WeeklyPlanValidator.violations(of: result)
        guard violations.isEmpty else {
            printError("internal error: the plan of \(scenario.file) breaks \(violations.count) rule(s) of the independent validator; nothing was written:")
            for violation in violations.prefix(20) { printError("  \(violation)") }
            throw ExitCodes.internalError
        }
        return result
    }

    /// Plans several scenarios side by side over the cores, in input order; the first failure
    /// (by input order) is thrown after all runs ended.
    static func runAll(_ scenarios: [(label: String, scenario: Scenario)], quiet: Bool) throws -> [PlanResult] {
        let start = ContinuousClock.now
        let total = scenarios.count
        let outcomes = scenarios.concurrentMap { entry -> Result<PlanResult, Error> in
            let result = Result { try run(entry.scenario) }
            if ProgressPrinter.enabled(quiet: quiet) {
                ProgressPrinter.make(quiet: quiet, start: start)("\(entry.label) planned (\(total) runs)")
            }
            return result
        }
        return try outcomes.map { try $0.get() }
    }
}
