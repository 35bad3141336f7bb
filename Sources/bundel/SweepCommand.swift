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

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "The parameter to vary.")
    var param: String

    @Option(parsing: .upToNextOption, help: "The values, one argument each.")
    var values: [String]

    @OptionGroup var output: ComparisonOutputOptions

    func validate() throws {
        guard !values.isEmpty else { throw ValidationError("give at least one value after --values") }
        if Set(values).count != values.count { throw ValidationError("--values lists a value twice") }
    }

    func execute() throws {
        FileHandle.standardOutput.write(Data(try render().utf8))
    }

    /// The comparison as text, JSON or CSV, after every run passed the validator.
    func render() throws -> String {
        try ReportFile.checkWritable(in: output.report, force: output.force)
        let parameter = SweepParameter(param)
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
        let runs = try ComparisonRuns.plan(loaded, quiet: output.quiet)
        if let report = output.report {
            try ReportFile.write(
                ComparisonReport.render(runs, title: "bundel sweep: \(parameter.name) over \(values.count) values"),
                in: report)
        }
        return output.json
            ? try ComparisonTable.json(runs, labelKey: parameter.name)
            : output.csv
                ? ComparisonTable.csv(runs, labelColumn: parameter.name)
                : ComparisonTable.render(
                    runs,
                    title:
                        "bundel sweep: \(loaded.first?.scenario.name ?? scenario), \(parameter.name) over \(values.count) values"
                )
    }
}
