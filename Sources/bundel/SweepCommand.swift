import ArgumentParser
import BundelPlanner
import BundelReports
import Foundation

/// `bundel sweep`: one parameter of a scenario varied over a list of values, one plan each.
struct SweepCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Vary one parameter of a scenario and plan each value: how sensitive is the conclusion?",
        discussion: """
            --param is a field of the scenario file by its dotted path (distances.detour_factor, hubs, \
            fleets.hub, objective, participation.default, emission_factors, zone.enforce, ...), each value \
            written as YAML ('[westpoort]', '1.4', '{cost: 1, co2e: 0.1}'); or a network value by the path \
            a scenario's overrides: block uses (hubs.ID.fixed_cost_per_week, hubs.ID.handling_cost.cages, \
            vehicle_types.ID.speed_kmh, sites.*.service_minutes, suppliers.ID.COLUMN, \
            service_time.per_delivery_minutes; also written overrides.PATH); or participation_share (the share \
            of suppliers, largest by weight first, free to join; the rest stay direct) or electric_share (the \
            share of suppliers, largest first, whose vehicles are replaced by the network's electric type \
            closest in capacity). Runs are spread over the cores.
            """
    )

    @Argument(help: "The scenario file (YAML); not with --collect.")
    var scenario: String?

    @Option(help: "The parameter to vary.")
    var param: String?

    @Option(parsing: .upToNextOption, help: "The values, one argument each.")
    var values: [String] = []

    @Option(
        name: .customLong("emit-jobs"),
        help: ArgumentHelp(
            "Plan nothing: write jobs.txt (one command line per value, run from the folder) for a batch engine.",
            valueName: "dir"))
    var emitJobs: String?

    @Option(
        help: ArgumentHelp(
            "Plan nothing: read the results of the jobs --emit-jobs wrote into the folder and print the sweep.",
            valueName: "dir"))
    var collect: String?

    @OptionGroup var output: ComparisonOutputOptions

    func validate() throws {
        if collect != nil {
            guard scenario == nil, param == nil, values.isEmpty else {
                throw ValidationError("--collect reads the folder alone; give no scenario, --param or --values")
            }
            if emitJobs != nil { throw ValidationError("choose one of --emit-jobs and --collect") }
            if output.report != nil {
                throw ValidationError("--report needs the plans themselves: give it to the sweep that plans them")
            }
            return
        }
        guard scenario != nil, param != nil else { throw ValidationError("give the scenario file and --param") }
        guard !values.isEmpty else { throw ValidationError("give at least one value after --values") }
        if Set(values).count != values.count { throw ValidationError("--values lists a value twice") }
        if emitJobs != nil, output.report != nil {
            throw ValidationError("--emit-jobs plans nothing: give --report to a sweep that plans")
        }
    }

    func execute() throws {
        FileHandle.standardOutput.write(Data(try render().utf8))
    }

    /// The comparison as text, JSON or CSV, after every run passed the validator; with
    /// `--emit-jobs` the jobs' folder instead (whole or not at all), with `--collect` the
    /// comparison from their results.
    func render() throws -> String {
        if let collect {
            let collected = try SweepJobs.collect(URL(fileURLWithPath: collect))
            return try format(collected.entries, parameter: collected.parameter, title: collected.title)
        }
        let scenario = scenario ?? "", parameter = SweepParameter(param ?? "")
        try ReportFile.checkWritable(in: output.report, force: output.force)
        var loaded: [(label: String, scenario: Scenario)] = []
        var problems: [InputProblem] = []
        for value in values {
            do {
                loaded.append(("\(parameter.name)=\(value)", try parameter.scenario(path: scenario, value: value)))
            } catch {
                // A bad path fails every value alike: say it once.
                problems += error.problems.filter { !problems.contains($0) }
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let title =
            "bundel sweep: \(loaded.first?.scenario.name ?? scenario), \(parameter.name) over \(values.count) values"
        if let emitJobs {
            return try emit(
                try SweepJobs.files(scenario: scenario, parameter: param ?? "", values: values, title: title),
                to: emitJobs)
        }
        let runs = try ComparisonRuns.plan(loaded, quiet: output.quiet, verbose: output.verbose)
        if let report = output.report {
            try ReportFile.write(
                ComparisonReport.render(runs, title: "bundel sweep: \(parameter.name) over \(values.count) values"),
                in: report)
        }
        return try format(runs.map(ComparisonTable.Entry.init), parameter: parameter.name, title: title)
    }

    /// The runs' entries as JSON, CSV or the text table.
    private func format(_ entries: [ComparisonTable.Entry], parameter: String, title: String) throws -> String {
        output.json
            ? try ComparisonTable.json(entries, labelKey: parameter)
            : output.csv
                ? ComparisonTable.csv(entries, labelColumn: parameter) : ComparisonTable.render(entries, title: title)
    }

    /// Writes the jobs' folder; it must not exist or be empty.
    private func emit(_ files: [(name: String, content: String)], to folder: String) throws -> String {
        try StagedOutputs.writeNewFolder(folder, files: files)
        return
            "wrote \(values.count) jobs to \(folder)/\(SweepJobs.manifest); run each line from \(folder) (bundel on the PATH), then: bundel sweep --collect \(folder)\n"
    }
}
