import ArgumentParser
import BundelImport
import BundelLP
import BundelPlanner
import BundelRoads
import BundelRouting
import Foundation

/// Distinct exit codes per kind of failure (from BSD's sysexits), so scripts can tell a typo in
/// a CSV file from an impossible plan.
enum ExitCodes {
    static let inputError = ExitCode(65)
    static let noFeasiblePlan = ExitCode(69)
    /// sysexits' "service unavailable": the routing engine cannot be reached or answers with an
    /// error.
    static let engineUnavailable = ExitCode(69)
    static let internalError = ExitCode(70)
    static let cannotWriteOutput = ExitCode(73)
    /// Ctrl-C: the plan was still completed and written, marked interrupted (128 + SIGINT).
    static let interrupted = ExitCode(130)

    /// Prints a failure to standard error and returns the exit code that classifies it.
    static func report(_ error: Error) -> ExitCode {
        switch error {
        case let error as InputError:
            printError(error.description)
            return inputError
        case let error as ImportError:
            printError(error.description)
            return inputError
        case let error as LPError:
            if case .fileError = error {
                printError("error: \(error)")
                return cannotWriteOutput
            }
            printError("internal error in the consolidation model: \(error)")
            return internalError
        case let error as RoadsError:
            printError(error.kind == .input ? "1 problem in the input:\n  \(error)" : "error: \(error)")
            return error.kind == .input ? inputError : engineUnavailable
        case let error as RoutingError:
            // A routing instance or solution file that cannot be read (`solve`, `bench`, `bound`).
            printError("error: \(error)")
            return inputError
        case let error as PlanRejection:
            printError(error.description)
            if case .noSolution = error { return noFeasiblePlan }
            return internalError
        case let error as ParetoError:
            printError("error: \(error)")
            return noFeasiblePlan
        case let error as OutputError:
            printError("error: \(error)")
            return cannotWriteOutput
        default:
            printError("internal error: \(error)")
            return internalError
        }
    }
}

/// An output file that cannot be written.
struct OutputError: Error, CustomStringConvertible {
    let description: String
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
