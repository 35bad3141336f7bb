import BundelPlanner
import BundelTestSupport
import Foundation

/// Scratch copies of the small network with an `uncertainty:` block appended to its scenario.
enum RiskFixture {
    /// Ranges symmetric around the small scenario's values (detour factor 1.3): the samples'
    /// median should then land near the point estimate.
    static let symmetric = [
        "demand_percent: [-10, 10]", "stop_time_percent: [-20, 20]", "detour_factor: [1.2, 1.4]",
        "hub_fixed_cost_percent: [-30, 30]",
    ]

    /// A copy of the small network whose scenario ends with `uncertainty:` and `lines` under it;
    /// returns the folder (for the caller to remove), the scenario's path and the line of the
    /// first entry of the block.
    static func scenario(_ lines: [String]) throws -> (folder: URL, path: String, firstLine: Int) {
        let folder = try SmallNetwork.copy(prefix: "bundel-risk")
        let url = folder.appendingPathComponent("scenario.yaml")
        var text = try String(contentsOf: url, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        let blockLine = text.split(separator: "\n", omittingEmptySubsequences: false).count
        text += "uncertainty:\n" + lines.map { "  \($0)\n" }.joined()
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (folder, url.path, blockLine + 1)
    }

    /// The small scenario with `lines` as its uncertainty block, loaded.
    static func load(_ lines: [String]) throws -> Scenario {
        let made = try scenario(lines)
        defer { try? FileManager.default.removeItem(at: made.folder) }
        return try ScenarioLoader.load(path: made.path)
    }

    /// The problems loading the small scenario with `lines` as its block raises (none: empty).
    static func problems(_ lines: [String]) throws -> (problems: [InputProblem], firstLine: Int, path: String) {
        let made = try scenario(lines)
        defer { try? FileManager.default.removeItem(at: made.folder) }
        do {
            _ = try ScenarioLoader.load(path: made.path)
            return ([], made.firstLine, made.path)
        } catch {
            return (error.problems, made.firstLine, made.path)
        }
    }
}
