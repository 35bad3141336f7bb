import ArgumentParser
import BundelAnalysis
import BundelPlanner
import BundelReports
import Foundation

/// `bundel risk`: how sure the savings are, from the ranges of the scenario's `uncertainty:`
/// block: a tornado (each input alone at its ends) and a seeded Monte Carlo over the cores.
struct RiskCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract:
            "How sure are the savings? A tornado and a seeded Monte Carlo over the scenario's uncertainty: ranges.",
        discussion: """
            Plans the scenario at its own values, with each input of its uncertainty: block alone at its \
            low and its high end (and with each other factor set), and --samples times with every input \
            drawn at once (triangular around the scenario's value unless the block says uniform). Every \
            plan is a full, validated plan, spread over the cores; the same seed gives the same output, \
            byte for byte. Prints the tornado sorted by the swing in cost, the P10, P50 and P90 of the \
            vehicle-km, cost and CO2e savings and the share of samples in which the plan saves cost and \
            CO2e. See docs/format.md for the block.
            """
    )

    @Argument(help: "The scenario file (YAML) with an uncertainty: block.")
    var scenario: String

    @Option(help: "Monte Carlo samples, each a plan.")
    var samples = RiskSettings().samples

    @Option(help: "Seed of the samples' draws (the plans keep the scenario's routing seed).")
    var seed = RiskSettings().seed

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp("Each plan's time limit in seconds (default: the scenario's).", valueName: "seconds"))
    var timeLimit: Double?

    @Flag(help: "Print the analysis as JSON.")
    var json = false

    @Flag(help: "Print a CSV row per plan: the point estimate, each tornado end, each sample.")
    var csv = false

    @Flag(help: "No progress lines on standard error (they appear only on a terminal anyway).")
    var quiet = false

    @Flag(help: "Progress lines on standard error even when it is not a terminal (a log).")
    var verbose = false

    @Option(
        help: ArgumentHelp(
            "Also write report.html to this folder: per saving a tornado chart and the samples with their P10, P50 and P90.",
            valueName: "dir"))
    var report: String?

    @Flag(help: "Overwrite an existing report.html.")
    var force = false

    func validate() throws {
        guard samples >= 1, samples <= 100_000 else { throw ValidationError("--samples must lie between 1 and 100000") }
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0")
        }
    }

    func execute() throws {
        FileHandle.standardOutput.write(Data(try render().utf8))
    }

    /// The analysis as text, JSON or CSV; the report written when asked for.
    func render() throws -> String {
        let loaded = try ScenarioLoader.load(path: scenario)
        // Refused before planning: the plans may take many minutes.
        try ReportFile.checkWritable(in: report, force: force)
        let settings = RiskSettings(samples: samples, seed: seed, timeLimitSeconds: timeLimit)
        let analysis = try RiskAnalysis.run(
            loaded, settings: settings, progress: ProgressPrinter.make(quiet: quiet, verbose: verbose))
        if let report = report { try ReportFile.write(RiskReport.render(analysis), in: report) }
        return json
            ? try RiskTable.json(analysis) : csv ? RiskTable.csv(analysis) : RiskTable.render(analysis)
    }
}
