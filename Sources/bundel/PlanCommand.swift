import ArgumentParser
import BundelPlanner
import BundelReports
import BundelRoads
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
        help: ArgumentHelp(
            "With --report: draw the streets of this OpenStreetMap XML extract (.osm or .osm.gz) under the report's maps; read and checked before planning.",
            valueName: "file"))
    var osm: String?

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

    @Flag(help: "No progress and timing lines on standard error (they appear only on a terminal anyway).")
    var quiet = false

    @Flag(help: "Progress and timing lines on standard error even when it is not a terminal (a log).")
    var verbose = false

    @Flag(
        name: .customLong("by-actor"),
        help:
            "Add the business case per actor to the summary: each supplier's and hub operator's weekly cost, vehicle-km and CO2e in the baseline and the bundled plan, and what each saves (the JSON's `actors` and the report always have it)."
    )
    var byActor = false

    @Flag(
        name: .customLong("break-even"),
        help:
            "After the plan, find for each candidate hub the weekly fee (and the multiple of today's handling prices) at which the decision about it changes, by planning the scenario again at other prices (bisection; up to 12 plans per hub and price, each with the time limit of --break-even-time-limit)."
    )
    var breakEven = false

    @Option(
        name: .customLong("break-even-time-limit"),
        help: ArgumentHelp(
            "Time limit of each plan of the break-even search, at most the scenario's.", valueName: "seconds"))
    var breakEvenTimeLimit: Double = BreakEvenSettings().timeLimitSeconds

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
        if !(breakEvenTimeLimit.isFinite && breakEvenTimeLimit > 0) {
            throw ValidationError("--break-even-time-limit must be a number of seconds greater than 0")
        }
        if osm != nil, report == nil {
            throw ValidationError("--osm draws the streets under the maps of report.html: give --report DIR too")
        }
    }

    func execute() throws {
        // The time limit covers the whole command: reading, planning, checking and writing.
        let started = ContinuousClock.now
        var loaded = try ScenarioLoader.load(path: scenario)
        if let seed { loaded.seed = seed }
        if let timeLimit { loaded.timeLimitSeconds = timeLimit }
        if let iterations { loaded.routingIterations = iterations }
        // Refused before planning: the checks are cheap and the plan may take minutes.
        try checkOutputs()
        // A bad or misplaced extract is refused before planning too, naming the file.
        let streets = try osm.map { path throws(RoadsError) in
            try StreetMap(extract: try OSMExtract.read(path: path), scenario: loaded)
        }
        let interrupt = InterruptWatch()
        defer { interrupt.end() }
        let progress = ProgressPrinter.make(quiet: quiet, verbose: verbose)
        // Only a plan that both the model and the independent validator accepted comes back.
        var validated = try Planner.validatedPlan(
            loaded, progress: progress, stop: interrupt.stop,
            keepingProblems: exportProblems != nil || bound, commandStarted: started)
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
        // An interrupted run reports at once, without the break-even search.
        let fees = breakEven && !result.interrupted ? try breakEvenFees(loaded, progress: progress) : []
        let units = loaded.network.dimensions.map(\.unit)
        var output: String
        if json {
            var summary = JSONSummary(result)
            summary.breakEven = breakEven ? fees : nil
            output = try summary.encoded()
        } else {
            output = SummaryTable.render(result, byActor: byActor)
            if breakEven { output += fees.lines(units: units).joined(separator: "\n") + "\n" }
        }
        try writeOutputs(result, breakEven: fees, streets: streets)
        FileHandle.standardOutput.write(Data(output.utf8))
        if ProgressPrinter.enabled(quiet: quiet, verbose: verbose) {
            printError(String(format: "planned in %.1f s; both plans passed the independent validator", result.seconds))
        }
        if result.interrupted {
            printError("interrupted: the plan is complete and valid but its searches were cut short (exit 130)")
            throw ExitCodes.interrupted
        }
    }

    /// The break-even fee of every candidate hub, and its handling price where it has one.
    private func breakEvenFees(_ scenario: Scenario, progress: PlanProgress) throws -> [BreakEvenFee] {
        var settings = BreakEvenSettings()
        settings.timeLimitSeconds = breakEvenTimeLimit
        var fees: [BreakEvenFee] = []
        for hub in scenario.hubs {
            fees.append(
                try Planner.breakEven(
                    scenario, hub: hub, price: .fixedCostPerWeek, settings: settings, progress: progress))
            if scenario.network.hub(hub)?.handlingCost.contains(where: { $0 > 0 }) == true {
                fees.append(
                    try Planner.breakEven(
                        scenario, hub: hub, price: .handlingCost, settings: settings, progress: progress))
            }
        }
        return fees
    }

    /// Every file and folder the run will write, checked before planning: none exists unless
    /// `--force` is given (an export folder may then hold only `.json` files), and each can be
    /// made in a folder that can be written.
    private func checkOutputs() throws {
        if let out {
            for name in PlanFolder.fileNames {
                try StagedOutputs.checkFile(URL(fileURLWithPath: out).appendingPathComponent(name), force: force)
            }
        }
        if let report { try StagedOutputs.checkFile(ReportFile.url(in: report), force: force) }
        if let writeLP { try StagedOutputs.checkFile(URL(fileURLWithPath: writeLP), force: force) }
        if let exportProblems {
            try AtomicFolder.checkReplaceable(exportProblems, force: force)
            try StagedOutputs.checkFolder(above: URL(fileURLWithPath: exportProblems))
        }
    }

    /// Writes every output of the run together, or none: each is staged under a temporary
    /// name and all are moved into place only when every one is written.
    private func writeOutputs(_ result: PlanResult, breakEven: [BreakEvenFee], streets: StreetMap?) throws {
        var staged = StagedOutputs()
        do {
            if let out {
                for file in try PlanFolder.files(result) {
                    try staged.stage(file.content, at: URL(fileURLWithPath: out).appendingPathComponent(file.name))
                }
            }
            if let report {
                try staged.stage(
                    HTMLReport.render(result, breakEven: breakEven, streets: streets), at: ReportFile.url(in: report))
            }
            if let writeLP {
                try staged.stage(result.consolidation.model.cplexLPText(), at: URL(fileURLWithPath: writeLP))
            }
            if let exportProblems {
                try staged.stageFolder(exportProblems, force: force) { try ProblemExport.forEachFile(result, $0) }
            }
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }
}
