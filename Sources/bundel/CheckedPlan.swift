import ArgumentParser
import BundelPlanner
import BundelRouting
import Foundation

/// A plan run as every command reports it: planned, with a consolidation solution, and both
/// plans accepted by the independent validator. A plan that breaks a rule is a bug, never a
/// result, so it ends the command before anything is printed or written.
enum CheckedPlan {
    /// Plans `scenario`; throws exit 69 when the model has no solution (naming the hub capacity that is short, when it is), 70 when the validator
    /// rejects a plan (the violations go to standard error).
    static func run(_ scenario: Scenario, progress: PlanProgress = .silent, stop: StopSignal? = nil,
                    keepingProblems: Bool = false) throws -> PlanResult {
        let result = try Planner.plan(scenario, progress: progress, stop: stop, keepingProblems: keepingProblems)
        guard result.consolidation.status.hasSolution || result.consolidation.keptDirectAtTimeLimit else {
            // Asked only now, so that an explanation never stops a plan the model could make.
            let reasons = HubCapacityCheck.shortfalls(scenario)
            printError("\(scenario.file): the consolidation model has no solution: \(result.consolidation.status)\(reasons.isEmpty ? "" : ", because:")")
            for reason in reasons { printError("  \(reason)") }
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
