import BundelPlanner
import BundelReports

/// The runs of `compare` and `sweep`: every scenario planned side by side over the cores through
/// the planner's validated entry point, with a progress line as each run ends: on a terminal,
/// or in a log with `verbose` (as `plan --verbose`, and then each plan's own lines too, labelled),
/// which is how bundel-web shows them live.
enum ComparisonRuns {
    static func plan(
        _ scenarios: [(label: String, scenario: Scenario)], quiet: Bool, verbose: Bool = false
    ) throws -> [ComparisonTable.Run] {
        let start = ContinuousClock.now
        let labels = scenarios.map(\.label)
        let progress = ProgressPrinter.make(quiet: quiet, verbose: verbose, start: start)
        // With --verbose (a log, such as bundel-web's run events) each plan's own lines too,
        // labelled; a terminal keeps one line a run, since the plans' lines interleave.
        let planProgress: @Sendable (Int) -> PlanProgress = { index in
            verbose ? ProgressPrinter.make(quiet: quiet, verbose: true, label: labels[index], start: start) : .silent
        }
        let plans = try Planner.validatedPlans(scenarios.map(\.scenario), progress: planProgress) { index in
            progress("\(labels[index]) planned (\(labels.count) runs)")
        }
        return zip(labels, plans).map { ComparisonTable.Run(label: $0, result: $1.result) }
    }
}
