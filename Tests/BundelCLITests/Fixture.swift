import BundelPlanner
import BundelTestSupport
import Foundation

@testable import bundel

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
