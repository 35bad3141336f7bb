import ArgumentParser

/// The `bundel` command: plans bundled deliveries and compares them with direct delivery.
@main
struct Bundel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundel",
        abstract: "Plan bundled city-logistics deliveries through hubs and compare them with direct delivery.",
        discussion: """
            Exit codes: 0 success, 64 usage error, 65 input error (every problem is listed with \
            file, line and field), 69 no feasible consolidation plan or a routing engine that \
            cannot be reached or answers with an error, 70 internal error, \
            73 an output file could not be written, 130 interrupted (Ctrl-C: `plan` still \
            writes a complete, validated plan marked interrupted).
            """,
        subcommands: [
            PlanCommand.self, CompareCommand.self, SweepCommand.self, ParetoCommand.self, ValidateCommand.self,
            MatrixCommand.self, CalibrateCommand.self, SolveCommand.self, BenchCommand.self, BoundCommand.self,
            InitCommand.self, RiskCommand.self, ImportCommand.self, CoalitionCommand.self,
        ],
        defaultSubcommand: nil
    )
}
