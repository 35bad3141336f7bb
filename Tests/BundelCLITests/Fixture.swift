@testable import bundel
import BundelPlanner
import BundelTestSupport
import Foundation

/// Scratch copies of the planner tests' small fixture (``SmallNetwork``), and the command line
/// run in-process on them.
enum Fixture {
    static let small = SmallNetwork.folder

    /// A fresh copy of the small network in a temporary folder.
    static func copyOfSmall() throws -> URL { try SmallNetwork.copy(prefix: "bundel-cli") }

    /// Replaces `old` by `new` in a file of a copied fixture; throws when `old` is absent so that
    /// a case never passes by editing nothing.
    static func edit(_ folder: URL, _ file: String, replacing old: String, with new: String) throws {
        try SmallNetwork.edit(folder, file, replacing: old, with: new)
    }

    /// The problem texts `command` reports for the scenario, with the folder's path cut off: the
    /// loader's and the travel matrix's input problems; for a loadable scenario `validate`'s notes, or for `plan` the
    /// explanation it gives when the model has no solution (asked here even when it has one,
    /// so that a case expecting none fails when one appears). These are the texts the command prints to standard error.
    static func messages(for command: String, scenario path: String, folder: URL) -> [String] {
        let texts: [String]
        do {
            let (scenario, notes) = try ScenarioLoader.loadWithNotes(path: path)
            // Both commands read the travel matrix next, as `validate` and the planner do.
            _ = try TravelMatrix.forScenario(scenario)
            texts = command == "plan" ? HubCapacityCheck.shortfalls(scenario) : notes.map(\.description)
        } catch {
            texts = error.problems.map(\.description)
        }
        return texts.map { $0.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "") }
    }

    /// Parses and runs `arguments`; returns the exit code it ends with (0 when it returns).
    static func exitCode(_ arguments: [String]) -> Int32 {
        do {
            var command = try Bundel.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return Bundel.exitCode(for: error).rawValue
        }
    }
}
