import ArgumentParser
import BundelPlanner
import BundelReports
import Foundation

/// `bundel compare`: several scenarios side by side, each against its own baseline.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Plan several scenarios and show them side by side: vehicle-km, trips, stops, cost, CO2e WTW/TTW (NOx/PM10 when known), absolute and in % of each scenario's baseline."
    )

    @Argument(help: "Scenario files (YAML), two or more.")
    var scenarios: [String]

    @Flag(help: "Print the comparison as JSON.")
    var json = false

    @Flag(help: "Print the comparison as CSV (one row per scenario and metric).")
    var csv = false

    @Flag(help: "No progress lines on standard error.")
    var quiet = false

    @Option(help: ArgumentHelp("Also write report.html to this folder: a bar chart and a table per metric, and each run's decision.", valueName: "dir"))
    var report: String?

    @Flag(help: "Overwrite an existing report.html.")
    var force = false

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("give two or more scenario files to compare") }
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() throws {
        do {
            FileHandle.standardOutput.write(Data(try output().utf8))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ExitCodes.report(error)
        }
    }

    /// The comparison as text, JSON or CSV, after every run passed the validator.
    func output() throws -> String {
        try ReportFile.checkWritable(in: report, force: force)
        // Every file is read and checked before anything is planned: a typo in the fifth
        // scenario should not wait for four plans.
        var loaded: [(label: String, scenario: Scenario)] = []
        var problems: [InputProblem] = []
        for path in scenarios {
            do { let scenario = try ScenarioLoader.load(path: path); loaded.append((scenario.name, scenario)) } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let results = try CheckedPlan.runAll(loaded, quiet: quiet)
        let runs = zip(loaded, results).map { ComparisonTable.Run(label: $0.0.label, result: $0.1) }
        if let report { try ReportFile.write(ComparisonReport.render(runs, title: "bundel compare: \(runs.count) scenarios"), in: report) }
        return json ? try ComparisonTable.json(runs, labelKey: "scenario")
            : csv ? ComparisonTable.csv(runs, labelColumn: "label")
            : ComparisonTable.render(runs, title: "bundel compare: \(runs.count) scenarios, each against its own direct baseline")
    }
}
