import ArgumentParser
import BundelPlanner
import BundelReports
import Foundation

/// `bundel plan`: the direct baseline against the bundled plan for a scenario.
struct PlanCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a scenario: direct baseline, consolidation decision (GLPK), bundled plan, savings."
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Flag(help: "Print the summary as JSON instead of a table.")
    var json = false

    @Option(
        name: .customLong("write-lp"),
        help: ArgumentHelp("Write the consolidation model in CPLEX LP format to this file.", valueName: "file"))
    var writeLP: String?

    @Option(
        help: ArgumentHelp(
            "Write the weekly plans (plan.json; plan.geojson, sites, hubs, depots and every trip for QGIS or geojson.io; routes.csv, a row per trip; route-sheets.csv, a row per stop, to print per vehicle and day) the decision (decisions.csv, every flow's choice and reason; supplier-ranking.csv; rounds.csv; hubs.csv) and the emission detail (chain elements, per-flow allocation, totals per group, methodology) to this folder.",
            valueName: "dir"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Write report.html to this folder: one self-contained page with the headline figures, maps of both plans per day, charts, route sheets and the methodology.",
            valueName: "dir"))
    var report: String?

    @Option(
        name: .customLong("export-problems"),
        help: ArgumentHelp(
            "Write every routing problem of the two reported plans (each supplier-day of the baseline; each supplier-day and hub-day of the bundled plan's reported round) as VROOM JSON to this folder, each with the solution bundel found (NAME.solution.json), for other solvers and `bundel bench DIR`.",
            valueName: "dir"))
    var exportProblems: String?

    @Flag(
        help:
            "Overwrite existing files written by --out, --report and --write-lp, and replace a folder of --export-problems that holds only .json files."
    )
    var force = false

    @Flag(help: "No progress lines on standard error (they appear only on a terminal anyway).")
    var quiet = false

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp("Override the scenario's time limit, in seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: "Override the scenario's routing iterations per day problem.")
    var iterations: Int?

    @Flag(
        inversion: .prefixedNo,
        help:
            "Prove lower bounds on every routing problem of both plans (GLPK) and report the baseline's bound, the bundled plan's gap to its own and the certified minimum saving; the bounds get at most the scenario's time limit again."
    )
    var bound = true

    func validate() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0")
        }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must be 0 or more") }
    }

    func execute() throws {
        var loaded = try ScenarioLoader.load(path: scenario)
        if let seed { loaded.seed = seed }
        if let timeLimit { loaded.timeLimitSeconds = timeLimit }
        if let iterations { loaded.routingIterations = iterations }
        // Refused before planning: the check is cheap and the plan may take minutes.
        if let exportProblems { try AtomicFolder.checkReplaceable(exportProblems, force: force) }
        let interrupt = InterruptWatch()
        defer { interrupt.end() }
        let progress = ProgressPrinter.make(quiet: quiet)
        // Only a plan that both the model and the independent validator accepted comes back.
        var validated = try Planner.validatedPlan(
            loaded, progress: progress, stop: interrupt.stop,
            keepingProblems: exportProblems != nil || bound)
        // An interrupted run reports what it has at once, without bounds.
        if bound, !validated.result.interrupted {
            let plan = validated.result
            progress(
                "proving lower bounds on \(plan.baseline.dayProblems.count + plan.bundled.dayProblems.count) routing problems (GLPK)"
            )
            validated.attach(
                PlanBounds.compute(
                    baseline: plan.baseline, bundled: plan.bundled, totalSeconds: loaded.timeLimitSeconds))
        }
        let result = validated.result
        // Render everything before writing anything, so a failure leaves no partial output.
        let output = json ? try JSONSummary(result).encoded() : SummaryTable.render(result)
        var files: [(URL, String)] = []
        if let out {
            let detail =
                try EmissionReport.files(result) + RouteSheets.files(result) + DecisionReport.files(result)
                + HubFleetReport.files(result)
                + [(name: "plan.geojson", content: try GeoJSONMap.document(result))]
            files += detail.map { (URL(fileURLWithPath: out).appendingPathComponent($0.name), $0.content) }
        }
        if let report {
            files.append(
                (URL(fileURLWithPath: report).appendingPathComponent("report.html"), HTMLReport.render(result)))
        }
        let targets = files.map(\.0) + (writeLP.map { [URL(fileURLWithPath: $0)] } ?? [])
        if !force, let existing = targets.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw OutputError(description: "\(existing.path) exists; use --force to overwrite it")
        }
        if let exportProblems { try AtomicFolder.checkReplaceable(exportProblems, force: force) }
        for folder in Set(files.map { $0.0.deletingLastPathComponent().path }).sorted() {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw OutputError(description: "cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
        for (url, content) in files {
            // Each file goes to a temporary name first and is then renamed into place.
            do { try Data(content.utf8).write(to: url, options: .atomic) } catch {
                throw OutputError(description: "cannot write \(url.path): \(error.localizedDescription)")
            }
        }
        if let writeLP { try result.consolidation.model.writeCPLEXLP(to: writeLP) }
        // Rendered file by file into the hidden folder: a large export would not fit in memory
        // at once, and the folder appears only when all of it is written.
        if let exportProblems {
            try AtomicFolder.write(to: exportProblems, force: force) { try ProblemExport.forEachFile(result, $0) }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        printError(String(format: "planned in %.1f s; both plans passed the independent validator", result.seconds))
        if result.interrupted {
            printError("interrupted: the plan is complete and valid but its searches were cut short (exit 130)")
            throw ExitCodes.interrupted
        }
    }
}
