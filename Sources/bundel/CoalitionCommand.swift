import ArgumentParser
import BundelAnalysis
import BundelPlanner
import BundelReports
import Foundation

/// `bundel coalition`: the organisations of a scenario of several networks as a cooperative
/// game: every coalition planned, the grand coalition's saving divided by the Shapley value,
/// beside simple rules, checked against the core.
struct CoalitionCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "coalition",
        abstract:
            "Shared hubs across organisations: what each saves alone and together, its Shapley share, and whether the shares are in the core.",
        discussion: """
            The scenario names one network per organisation (networks: [..]). Plans every coalition of \
            the organisations (their sites and flows, every candidate hub shared; a supplier with the same \
            id in several networks combines their deliveries) side by side over the cores, each a \
            validated plan. A coalition's saving is its members' own direct-delivery baselines, each \
            alone, less its bundled plan, a week, for cost, vehicle-km and CO2e (well-to-wheel). Prints \
            per organisation its saving alone, its Shapley share of the grand coalition's saving (exact up \
            to 8 organisations; above that give --samples), the division by volume, by stops and in equal \
            shares, its marginal contribution, and whether the shares are in the core (cost); if not, the \
            group that objects the most and by how much. The same input and seed give the same output.
            """
    )

    @Argument(help: "The scenario file (YAML) whose networks: are the organisations (not with --collect).")
    var scenario: String?

    @Option(help: "Estimate the Shapley value from this many seeded joining orders instead of every coalition.")
    var samples: Int?

    @Option(help: "Seed of the sampled joining orders (the plans keep the scenario's routing seed).")
    var seed: UInt64 = CoalitionSettings().seed

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp("Each plan's time limit in seconds (default: the scenario's).", valueName: "seconds"))
    var timeLimit: Double?

    @Option(
        name: .customLong("emit-jobs"),
        help: ArgumentHelp(
            "Plan nothing: write a scenario per coalition and jobs.txt (one command line per job, run from the folder) for a batch engine.",
            valueName: "dir"))
    var emitJobs: String?

    @Option(
        help: ArgumentHelp(
            "Plan nothing: read the results of the jobs --emit-jobs wrote into the folder and divide the saving.",
            valueName: "dir"))
    var collect: String?

    @Option(
        help: ArgumentHelp(
            "Also write report.html to this folder: per organisation a chart of its share under each division, and every table.",
            valueName: "dir"))
    var report: String?

    @Flag(help: "Overwrite an existing report.html.")
    var force = false

    @Flag(help: "Print the analysis as JSON.")
    var json = false

    @Flag(help: "Print a CSV row per organisation and figure.")
    var csv = false

    @Flag(help: "No progress lines on standard error (they appear only on a terminal anyway).")
    var quiet = false

    @Flag(help: "Progress lines on standard error even when it is not a terminal (a log).")
    var verbose = false

    func validate() throws {
        if let samples, !(1...100_000).contains(samples) {
            throw ValidationError("--samples must lie between 1 and 100000")
        }
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        if emitJobs != nil && collect != nil { throw ValidationError("choose one of --emit-jobs and --collect") }
        if collect != nil {
            if scenario != nil { throw ValidationError("--collect reads the folder alone; give no scenario") }
            if samples != nil || timeLimit != nil {
                throw ValidationError("--collect takes the samples, seed and time limit the jobs were written with")
            }
        } else if scenario == nil {
            throw ValidationError("give the scenario file (or --collect DIR)")
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0")
        }
        if report != nil, emitJobs != nil {
            throw ValidationError("--emit-jobs plans nothing: give --report with the run or with --collect")
        }
    }

    func execute() throws {
        FileHandle.standardOutput.write(Data(try render().utf8))
    }

    /// The analysis as text, JSON or CSV, and the report when asked for; nothing is written
    /// before every plan is made, and an existing report is refused before any plan. With
    /// `--emit-jobs`, the folder of jobs is written (whole or not at all) and a line says so.
    func render() throws -> String {
        try ReportFile.checkWritable(in: report, force: force)
        let settings = CoalitionSettings(samples: samples, seed: seed, timeLimitSeconds: timeLimit)
        let analysis: CoalitionAnalysis
        if let collect {
            analysis = try CoalitionJobs.collect(URL(fileURLWithPath: collect))
        } else {
            let path = scenario ?? ""
            let loaded = try ScenarioLoader.load(path: path)
            if let emitJobs { return try emit(loaded, path: path, settings: settings, to: emitJobs) }
            analysis = try CoalitionAnalysis.run(
                loaded, settings: settings, progress: ProgressPrinter.make(quiet: quiet, verbose: verbose))
        }
        let output =
            json
            ? try CoalitionTable.json(analysis) : csv ? CoalitionTable.csv(analysis) : CoalitionTable.render(analysis)
        if let report { try ReportFile.write(CoalitionReport.render(analysis), in: report) }
        return output
    }

    /// Writes the jobs' folder; it must not exist or be empty.
    private func emit(_ loaded: Scenario, path: String, settings: CoalitionSettings, to folder: String) throws -> String
    {
        let files = try CoalitionJobs.files(scenario: loaded, path: path, settings: settings)
        try StagedOutputs.writeNewFolder(folder, files: files)
        return
            "wrote \(files.count - 2) coalition scenarios and \(CoalitionJobs.manifest) to \(folder); run each line of \(CoalitionJobs.manifest) from \(folder) (bundel on the PATH), then: bundel coalition --collect \(folder)\n"
    }
}
