extension WeeklyPlanValidator {
    /// Throws ``PlanRejection/brokenRules(file:violations:)`` when `plan` breaks a rule: for
    /// runs that report plans of their own, such as each point of the Pareto front. The matrix
    /// is built again from the scenario, as for a whole run.
    public static func requireValid(_ plan: WeeklyPlan, of scenario: Scenario, viaHub: [Int: String]) throws {
        let matrix = try TravelMatrix.forScenario(scenario)
        let violations = violations(of: plan, scenario: scenario, matrix: matrix, viaHub: viaHub)
        guard violations.isEmpty else { throw PlanRejection.brokenRules(file: scenario.file, violations: violations) }
    }
}
