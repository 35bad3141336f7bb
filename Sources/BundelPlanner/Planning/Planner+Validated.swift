import BundelRouting

extension Planner {
    /// Plans `scenario` and checks the result: the only way to a plan from outside this module.
    /// Throws ``PlanRejection/noSolution(file:status:shortfalls:)`` when the consolidation model
    /// has no solution, ``PlanRejection/brokenRules(file:violations:)`` when the independent
    /// validator rejects either plan, and the planner's own errors (``InputError``).
    /// `commandStarted` is when the calling command began, if the time limit is to cover
    /// reading its input too (`bundel plan`'s limit covers the whole command).
    public static func validatedPlan(
        _ scenario: Scenario, progress: PlanProgress = .silent, stop: StopSignal? = nil,
        keepingProblems: Bool = false, commandStarted: ContinuousClock.Instant? = nil
    ) throws -> ValidatedPlan {
        let result = try plan(
            scenario, progress: progress, stop: stop, keepingProblems: keepingProblems, commandStarted: commandStarted)
        guard result.consolidation.status.hasSolution || result.consolidation.keptDirectAtTimeLimit else {
            // Asked only now, so that an explanation never stops a plan the model could make.
            throw PlanRejection.noSolution(
                file: scenario.file, status: result.consolidation.status,
                shortfalls: HubCapacityCheck.shortfalls(scenario))
        }
        let violations = try WeeklyPlanValidator.violations(of: result)
        guard violations.isEmpty else { throw PlanRejection.brokenRules(file: scenario.file, violations: violations) }
        return ValidatedPlan(validated: result)
    }

    /// Plans several scenarios side by side over the cores, each validated, in input order;
    /// `progress` gives each one's reporter by its index (silent by default); `finished` is told
    /// each one's index as it ends. The first failure by input order is thrown after every run
    /// ended.
    public static func validatedPlans(
        _ scenarios: [Scenario], progress: @Sendable (Int) -> PlanProgress = { _ in .silent },
        finished: @Sendable (Int) -> Void = { _ in }
    )
        throws -> [ValidatedPlan]
    {
        let outcomes = Array(scenarios.enumerated()).concurrentMap { index, scenario -> Result<ValidatedPlan, Error> in
            let outcome = Result { try validatedPlan(scenario, progress: progress(index)) }
            finished(index)
            return outcome
        }
        return try outcomes.map { try $0.get() }
    }
}
