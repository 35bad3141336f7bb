import ArgumentParser
import BundelPlanner
import BundelReports
import Foundation

/// `bundel plan`: the direct baseline against the bundled plan for a scenario.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a scenario: direct baseline, consolidation decision (GLPK), bundled plan, savings."
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Flag(help: "Print the summary as JSON instead of a table.")
    var json = false

    @Option(name: .customLong("write-lp"), help: ArgumentHelp("Write the consolidation model in CPLEX LP format to this file.", valueName: "file"))
    var writeLP: String?

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Override the scenario's time limit, in seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: "Override the scenario's routing iterations per day problem.")
    var iterations: Int?

    func validate() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be a number of seconds greater than 0") }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must be 0 or more") }
    }

    func run() throws {
        do {
            var loaded = try ScenarioLoader.load(path: scenario)
            if let seed { loaded.seed = seed }
            if let timeLimit { loaded.timeLimitSeconds = timeLimit }
            if let iterations { loaded.routingIterations = iterations }
            let result = try Planner.plan(loaded)
            guard result.consolidation.status.hasSolution else {
                printError("the consolidation model has no solution: \(result.consolidation.status)")
                throw ExitCodes.noFeasiblePlan
            }
            // Render everything before writing anything, so a failure leaves no partial output.
            let output = json ? try JSONSummary(result).encoded() : SummaryTable.render(result)
            if let writeLP { try result.consolidation.model.writeCPLEXLP(to: writeLP) }
            FileHandle.standardOutput.write(Data(output.utf8))
            printError(String(format: "planned in %.1f s", result.seconds))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ExitCodes.report(error)
        }
    }
}
