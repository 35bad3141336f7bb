import Foundation

/// The small test network (`Tests/BundelPlannerTests/Fixtures/small`) that the planner, the
/// command line and the integration tests all plan, and scratch copies of it to edit.
public enum SmallNetwork {
    /// The planner tests' fixture folder.
    public static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BundelPlannerTests/Fixtures")

    /// The small network's folder.
    public static let folder = fixtures.appendingPathComponent("small")

    /// Path of its scenario.
    public static var scenario: String { folder.appendingPathComponent("scenario.yaml").path }

    /// A fresh copy of the small network in a temporary folder, for tests that change files.
    public static func copy(prefix: String = "bundel-test") throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    /// Replaces `old` by `new` in a file of a copied fixture; throws when `old` is absent, so
    /// that a test never passes by editing nothing.
    public static func edit(_ folder: URL, _ file: String, replacing old: String, with new: String) throws {
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw TestSupportError("'\(old)' not found in \(file)") }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
}

/// An empty temporary folder for a test's output; the test removes it.
public func scratchFolder(_ prefix: String = "bundel-test") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
