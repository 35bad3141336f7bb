import BundelPlanner
import Foundation

/// Test networks and scenarios under `Fixtures/`, and scratch copies of them to edit.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Path of the small test scenario.
    static var smallScenario: String { folder.appendingPathComponent("small/scenario.yaml").path }

    /// A fresh copy of the small network in a temporary folder, for tests that change files.
    static func copyOfSmall() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("small"), to: target)
        return target
    }

    /// Replaces `old` by `new` in a file of a copied fixture; fails loudly when `old` is absent so
    /// that a test never passes by editing nothing.
    static func edit(_ folder: URL, _ file: String, replacing old: String, with new: String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw FixtureError("'\(old)' not found in \(file)") }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Loads a scenario and returns the problems it raises (empty when it loads).
    static func problems(loading path: String) -> [InputProblem] {
        do { _ = try ScenarioLoader.load(path: path); return [] } catch { return error.problems }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
