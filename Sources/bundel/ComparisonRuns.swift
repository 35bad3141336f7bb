import BundelPlanner
import BundelReports

/// The runs of `compare` and `sweep`: every scenario planned side by side over the cores through
/// the planner's validated entry point, with a progress line as each run ends.
enum ComparisonRuns {
    static func plan(_ scenarios: [(label: String, scenario: Scenario)], quiet: Bool) throws -> [ComparisonTable.Run] {
        let start = ContinuousClock.now
        let labels = scenarios.map(\.label)
        let plans = try Planner.validatedPlans(scenarios.map(\.scenario)) { index in
            if ProgressPrinter.enabled(quiet: quiet) {
                ProgressPrinter.make(quiet: quiet, start: start)("\(labels[index]) planned (\(labels.count) runs)")
            }
        }
        return zip(labels, plans).map { ComparisonTable.Run(label: $0, result: $1.result) }
    }
}
