import BundelPlanner
import BundelReports

/// The runs of `compare` and `sweep`: every scenario planned side by side over the cores through
/// the planner's validated entry point, with a progress line as each run ends: on a terminal,
/// or in a log with `verbose` (as `plan --verbose`), which is how bundel-web shows them live.
enum ComparisonRuns {
    static func plan(
        _ scenarios: [(label: String, scenario: Scenario)], quiet: Bool, verbose: Bool = false
    ) throws -> [ComparisonTable.Run] {
        let start = ContinuousClock.now
        let labels = scenarios.map(\.label)
        let progress = ProgressPrinter.make(quiet: quiet, verbose: verbose, start: start)
        let plans = try Planner.validatedPlans(scenarios.map(\.scenario)) { index in
            progress("\(labels[index]) planned (\(labels.count) runs)")
        }
        return zip(labels, plans).map { ComparisonTable.Run(label: $0, result: $1.result) }
    }
}
