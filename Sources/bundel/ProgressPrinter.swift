import BundelPlanner
import BundelRouting
import Foundation

/// Progress lines on standard error, `[  4.2 s] round 2: consolidation MIP (GLPK)`, shown only
/// when standard error is a terminal and `--quiet` is not given, or when `--verbose` asks for
/// them in a log, so that pipes stay clean.
enum ProgressPrinter {
    /// A reporter that prefixes each line with the seconds since `start` and `label`.
    static func make(
        quiet: Bool, verbose: Bool = false, label: String? = nil, start: ContinuousClock.Instant = .now
    ) -> PlanProgress {
        guard enabled(quiet: quiet, verbose: verbose) else { return .silent }
        return PlanProgress { message in
            let seconds = (ContinuousClock.now - start).inSeconds
            printError(String(format: "[%6.1f s] ", seconds) + (label.map { "\($0): " } ?? "") + message)
        }
    }

    /// Whether progress is shown at all.
    static func enabled(quiet: Bool, verbose: Bool = false) -> Bool {
        !quiet && (verbose || isatty(STDERR_FILENO) == 1)
    }
}
