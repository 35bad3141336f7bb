@testable import bundel
import BundelPlanner
import Foundation

/// Scratch copies of the planner tests' small fixture, and the command line run in-process on them.
enum Fixture {
    static let small = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BundelPlannerTests/Fixtures/small")

    /// A fresh copy of the small network in a temporary folder.
    static func copyOfSmall() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: small, to: target)
        return target
    }

    /// Replaces `old` by `new` in a file of a copied fixture; throws when `old` is absent so that
    /// a case never passes by editing nothing.
    static func edit(_ folder: URL, _ file: String, replacing old: String, with new: String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw FixtureError(description: "'\(old)' not found in \(file)") }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
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

/// An empty temporary folder for a test's output; the test removes it.
func scratchFolder(_ prefix: String = "bundel-cli") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}
