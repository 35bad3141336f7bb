import ArgumentParser
import BundelPlanner
import BundelReports
import Foundation

/// `bundel pareto`: the cost–CO2e trade-off of a scenario, a handful of distinct routed plans.
struct ParetoCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "pareto",
        abstract:
            "Trace the cost-CO2e trade-off: the cheapest plan, the cleanest, and plans with the CO2e capped in between (epsilon constraint), each routed; each plan shown once, caps met on the routes or reported unreachable, dominated plans left off."
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Plans on the front, the two ends included (2 to 20).")
    var points = 5

    @Flag(help: "Print the front as JSON.")
    var json = false

    @Flag(help: "Print the front as CSV.")
    var csv = false

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp(
            "Time for the whole front, in seconds (default: the scenario's time limit for each plan).",
            valueName: "seconds"))
    var timeLimit: Double?

    @Flag(help: "The timing line on standard error even when it is not a terminal (a log).")
    var verbose = false

    func validate() throws {
        guard (2...20).contains(points) else { throw ValidationError("--points must lie between 2 and 20") }
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a number of seconds greater than 0")
        }
    }

    func execute() throws {
        let loaded = try ScenarioLoader.load(path: scenario)
        guard !loaded.hubs.isEmpty else {
            printError("\(scenario): the scenario has no candidate hubs, so there is no trade-off to trace")
            throw ExitCodes.noFeasiblePlan
        }
        let result = try ParetoFront.trace(loaded, points: points, timeLimitSeconds: timeLimit)
        let output = json ? try ParetoTable.json(result) : csv ? ParetoTable.csv(result) : ParetoTable.render(result)
        FileHandle.standardOutput.write(Data(output.utf8))
        if ProgressPrinter.enabled(quiet: false, verbose: verbose) {
            printError(String(format: "traced in %.1f s", result.seconds))
        }
    }
}
