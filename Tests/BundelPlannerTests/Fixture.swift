import BundelPlanner
import BundelTestSupport
import Foundation

/// Test networks and scenarios under `Fixtures/`, and scratch copies of the small network to
/// edit (``SmallNetwork``, shared with the command line's tests).
enum Fixture {
    static let folder = SmallNetwork.fixtures

    /// Path of the small test scenario.
    static var smallScenario: String { SmallNetwork.scenario }

    /// A fresh copy of the small network in a temporary folder, for tests that change files.
    static func copyOfSmall() throws -> URL { try SmallNetwork.copy() }

    /// Replaces `old` by `new` in a file of a copied fixture; fails loudly when `old` is absent.
    static func edit(_ folder: URL, _ file: String, replacing old: String, with new: String) throws {
        try SmallNetwork.edit(folder, file, replacing: old, with: new)
    }

    /// Loads a scenario and returns the problems it raises (empty when it loads).
    static func problems(loading path: String) -> [InputProblem] {
        do {
            _ = try ScenarioLoader.load(path: path)
            return []
        } catch { return error.problems }
    }
}
