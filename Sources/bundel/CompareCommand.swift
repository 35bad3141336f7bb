import ArgumentParser
import BundelPlanner
import BundelReports
import Foundation

/// `bundel compare`: several scenarios side by side, each against its own baseline.
struct CompareCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "Plan several scenarios and show them side by side: vehicle-km, trips, stops, cost, CO2e WTW/TTW (NOx/PM10 when known), absolute and in % of each scenario's baseline."
    )

    @Argument(help: "Scenario files (YAML), two or more.")
    var scenarios: [String]

    @OptionGroup var output: ComparisonOutputOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("give two or more scenario files to compare") }
    }

    func execute() throws {
        FileHandle.standardOutput.write(Data(try render().utf8))
    }

    /// The comparison as text, JSON or CSV, after every run passed the validator.
    func render() throws -> String {
        try ReportFile.checkWritable(in: output.report, force: output.force)
        // Every file is read and checked before anything is planned: a typo in the fifth
        // scenario should not wait for four plans.
        var loaded: [(label: String, scenario: Scenario)] = []
        var problems: [InputProblem] = []
        // Runs are labelled by file: variants of one study often share their scenario's name.
        for (path, label) in zip(scenarios, ScenarioFileLabels.labels(scenarios)) {
            do {
                loaded.append((label, try ScenarioLoader.load(path: path)))
            } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let runs = try ComparisonRuns.plan(loaded, quiet: output.quiet, verbose: output.verbose)
        if let report = output.report {
            try ReportFile.write(
                ComparisonReport.render(runs, title: "bundel compare: \(runs.count) scenarios"), in: report)
        }
        return output.json
            ? try ComparisonTable.json(runs, labelKey: "scenario")
            : output.csv
                ? ComparisonTable.csv(runs, labelColumn: "label")
                : ComparisonTable.render(
                    runs, title: "bundel compare: \(runs.count) scenarios, each against its own direct baseline")
    }
}
