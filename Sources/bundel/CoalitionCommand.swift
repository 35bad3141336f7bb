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

    @Argument(help: "The scenario file (YAML) whose networks: are the organisations.")
    var scenario: String

    @Option(help: "Estimate the Shapley value from this many seeded joining orders instead of every coalition.")
    var samples: Int?

    @Option(help: "Seed of the sampled joining orders (the plans keep the scenario's routing seed).")
    var seed: UInt64 = CoalitionSettings().seed

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp("Each plan's time limit in seconds (default: the scenario's).", valueName: "seconds"))
    var timeLimit: Double?

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
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0")
        }
    }

    func execute() throws {
        FileHandle.standardOutput.write(Data(try render().utf8))
    }

    /// The analysis as text, JSON or CSV; nothing is written before every plan is made.
    func render() throws -> String {
        let loaded = try ScenarioLoader.load(path: scenario)
        let settings = CoalitionSettings(samples: samples, seed: seed, timeLimitSeconds: timeLimit)
        let analysis = try CoalitionAnalysis.run(
            loaded, settings: settings, progress: ProgressPrinter.make(quiet: quiet, verbose: verbose))
        return json
            ? try CoalitionTable.json(analysis) : csv ? CoalitionTable.csv(analysis) : CoalitionTable.render(analysis)
    }
}
