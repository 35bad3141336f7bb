import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// `bundel risk` end to end on the small network with an `uncertainty:` block: JSON, CSV and
/// the report carry the same figures, a seed gives the same bytes, and bad input or an
/// existing report stops the run before any plan.
@Suite("Risk command")
struct RiskCommandTests {
    /// A copy of the small network whose scenario has two ranges; the caller removes it.
    static func scenario(_ block: String = "  demand_percent: [-10, 10]\n  detour_factor: [1.2, 1.4]\n") throws -> URL {
        let folder = try Fixture.copyOfSmall()
        let url = folder.appendingPathComponent("scenario.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        try (text + (text.hasSuffix("\n") ? "" : "\n") + "uncertainty:\n" + block).write(
            to: url, atomically: true, encoding: .utf8)
        return folder
    }

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func jsonCSVAndReportAgree() throws {
        let folder = try Self.scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scenario.yaml").path
        let report = folder.appendingPathComponent("report")
        let arguments = [path, "--samples", "3", "--seed", "5", "--quiet"]
        let json = try RiskCommand.parse(arguments + ["--json", "--report", report.path]).render()
        #expect(try RiskCommand.parse(arguments + ["--json"]).render() == json, "same seed, same bytes")

        let document = try Self.object(json)
        #expect(document["samples"] as? Int == 3 && document["seed"] as? Int == 5)
        let tornado = try #require(document["tornado"] as? [[String: Any]])
        #expect(tornado.map { $0["input"] as? String } == ["demand_percent", "detour_factor"])
        let monteCarlo = try #require(document["monteCarlo"] as? [String: Any])
        #expect((monteCarlo["samples"] as? [Any])?.count == 3)
        let percentiles = try #require(monteCarlo["percentiles"] as? [String: [String: Double]])
        #expect(Set(percentiles.keys) == ["vehicleKm", "costEur", "co2eWtwKg", "hubMargin"])

        // A row per plan: the point, two per range, three samples; a column per range.
        let csv = try RiskCommand.parse(arguments + ["--csv"]).render()
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 1 + 1 + 4 + 3)
        #expect(rows[0].prefix(6) == ["plan", "sample", "input", "end", "demand_percent", "detour_factor"])
        #expect(
            rows.dropFirst().map { String($0[0]) } == ["point"] + Array(repeating: "tornado", count: 4)
                + Array(repeating: "sample", count: 3))

        // The report's table gives the JSON's weekly percentiles; a tornado and a sample chart per saving.
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        for (metric, values) in percentiles {
            #expect(html.contains("<tr data-metric=\"\(metric)\">"))
            #expect(html.contains("data-p50=\"\(values["p50"]!)\""), "\(metric)")
            #expect(html.contains("<svg class=\"tornado\" data-metric=\"\(metric)\""))
            #expect(html.contains("<svg class=\"samples\" data-metric=\"\(metric)\""))
        }

        let text = try RiskCommand.parse(arguments).render()
        #expect(text.contains("Tornado") && text.contains("P50") && text.contains("samples"))
    }

    /// An existing report is refused before any plan (no progress line though --verbose asks
    /// for them), and the same run with --force plans; a scenario without the block, or with a
    /// bad one, is an input error.
    @Test func badInputAndExistingReportStopBeforePlanning() throws {
        let bundel = try #require(BuiltExecutable.bundel, "\(BuiltExecutable.missing)")
        let folder = try Self.scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scenario.yaml").path
        let report = folder.appendingPathComponent("report")
        try FileManager.default.createDirectory(at: report, withIntermediateDirectories: true)
        try Data("earlier\n".utf8).write(to: report.appendingPathComponent("report.html"))

        let refused = try ProcessRun.run(
            bundel, ["risk", path, "--samples", "1", "--report", report.path, "--verbose"])
        #expect(refused.status == 73)
        #expect(refused.errors.contains("report.html exists; use --force"), "\(refused.errors)")
        #expect(!refused.errors.contains("plans done"), "nothing was planned\n\(refused.errors)")
        let forced = try ProcessRun.run(
            bundel, ["risk", path, "--samples", "1", "--report", report.path, "--verbose", "--force"])
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(forced.errors.contains("plans done"))

        #expect(Fixture.exitCode(["risk", SmallNetwork.scenario, "--quiet"]) == 65)
        let bad = try Self.scenario("  demand_percent: [10, -10]\n")
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(Fixture.exitCode(["risk", bad.appendingPathComponent("scenario.yaml").path, "--quiet"]) == 65)
        #expect(Fixture.exitCode(["risk", path, "--samples", "0"]) == 64)
    }
}
