import ArgumentParser

/// The output options `compare` and `sweep` share: the format of what they print, progress
/// lines, and the optional report.
struct ComparisonOutputOptions: ParsableArguments {
    @Flag(help: "Print the results as JSON.")
    var json = false

    @Flag(help: "Print the results as CSV (one row per run and metric).")
    var csv = false

    @Flag(help: "No progress lines on standard error.")
    var quiet = false

    @Flag(help: "Progress lines on standard error even when it is not a terminal (a log).")
    var verbose = false

    @Option(
        help: ArgumentHelp(
            "Also write report.html to this folder: a bar chart and a table per metric, and each run's decision.",
            valueName: "dir"))
    var report: String?

    @Flag(help: "Overwrite an existing report.html.")
    var force = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        if quiet && verbose { throw ValidationError("choose one of --quiet and --verbose") }
    }
}
