import BundelTestSupport
import Foundation
import Testing

/// `bundel plan --by-actor --break-even`: the per-actor table and the break-even prices in the
/// summary, and the same break-even prices in the JSON (absent without the flag).
@Suite("Business case on the command line")
struct BusinessCaseCommandTests {
    @Test(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
    func planPrintsTheActorsAndTheBreakEvenFee() throws {
        let text = try ProcessRun.run(
            BuiltExecutable.bundel!,
            ["plan", CommandLineTests.smallScenario, "--by-actor", "--break-even", "--no-bound", "--quiet"])
        #expect(text.status == 0, "\(text.errors)")
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  hub ") && $0.contains("hub operator") })
        #expect(lines.contains { $0.hasPrefix("  all actors") })
        let fee = try #require(lines.first { $0.hasPrefix("  break-even hub fee for hub: opens below ") })
        #expect(fee.contains("now 100 EUR/week"))
        #expect(lines.contains { $0.hasPrefix("  break-even handling price for hub: opens below ") })
        #expect(lines.contains { $0.hasPrefix("  found by re-solving: each a full plan with the scenario's seed") })

        let json = try ProcessRun.run(
            BuiltExecutable.bundel!, ["plan", CommandLineTests.smallScenario, "--json", "--break-even", "--no-bound"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let entries = try #require(object["breakEven"] as? [[String: Any]])
        #expect(entries.compactMap { $0["price"] as? String } == ["fixed_cost_per_week", "handling_cost"])
        let open = try #require(entries[0]["open"] as? Double), closed = try #require(entries[0]["closed"] as? Double)
        #expect(100 <= open && open < closed)
        #expect(fee.contains("open at \(Int(open.rounded())) EUR/week"))

        let plain = try ProcessRun.run(
            BuiltExecutable.bundel!, ["plan", CommandLineTests.smallScenario, "--json", "--no-bound"])
        #expect(!plain.output.contains("\"breakEven\""))
        #expect(plain.output.contains("\"actors\""))
    }
}
