import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// `bundel coalition` end to end on the two-organisation fixture: the JSON has what the
/// issue asks for and its shares add up; the same input gives the same bytes; too many
/// organisations for the exact value without --samples is refused before any plan.
@Suite("Coalition command")
struct CoalitionCommandTests {
    static var scenario: String { SmallNetwork.fixtures.appendingPathComponent("shared/scenario.yaml").path }

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func jsonHasTheSharesAndTheyAddUp() throws {
        let json = try CoalitionCommand.parse([Self.scenario, "--json", "--quiet"]).render()
        #expect(try CoalitionCommand.parse([Self.scenario, "--json", "--quiet"]).render() == json, "same bytes")
        let document = try Self.object(json)
        let organisations = try #require(document["organisations"] as? [[String: Any]])
        #expect(organisations.compactMap { $0["id"] as? String } == ["org-a", "org-b"])
        let grand = try #require(document["grandCoalition"] as? [String: Any])
        let saving = try #require(grand["saving"] as? [String: Double])
        for key in ["costEur", "vehicleKm", "co2eWtwKg"] {
            let shares = organisations.compactMap { ($0["shapley"] as? [String: Double])?[key] }
            #expect(shares.count == 2)
            #expect(abs(shares.reduce(0, +) - (saving[key] ?? .nan)) < 1e-5, "\(key)")
            #expect(organisations.allSatisfy { ($0["alone"] as? [String: Double])?[key] != nil })
        }
        let core = try #require(document["core"] as? [String: Any])
        #expect(core["inCore"] as? Bool != nil)
        #expect((document["coalitions"] as? [Any])?.count == 3)

        let csv = try CoalitionCommand.parse([Self.scenario, "--csv", "--quiet"]).render()
        #expect(csv.split(separator: "\n").count == 1 + 2 * 3)
        let text = try CoalitionCommand.parse([Self.scenario, "--quiet"]).render()
        #expect(text.contains("Core (cost):"))
    }

    /// `--report DIR`: a section per organisation with one panel per figure, each bar's value
    /// the JSON's figure for that division; an existing report is refused before any plan.
    @Test func reportHasAChartPerOrganisation() throws {
        let folder = try scratchFolder("bundel-coalition-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try CoalitionCommand.parse([Self.scenario, "--json", "--quiet", "--report", folder.path]).render()
        let organisations = try #require(try Self.object(json)["organisations"] as? [[String: Any]])
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        let sections = html.components(separatedBy: "<section data-organisation=\"").dropFirst()
        #expect(sections.count == organisations.count)
        for (section, organisation) in zip(sections, organisations) {
            #expect(section.hasPrefix("\(organisation["id"] as? String ?? "?")\""))
            #expect(section.components(separatedBy: "<svg class=\"coalition-chart\"").count == 1 + 3)
            for (rule, key) in [("alone", "alone"), ("shapley", "shapley"), ("marginal", "marginalContribution")] {
                let expected = try #require((organisation[key] as? [String: Double])?["costEur"])
                let marker = "data-rule=\"\(rule)\" data-value=\""
                let value = try #require(
                    section.components(separatedBy: marker).dropFirst().first?.prefix { $0 != "\"" })
                #expect(abs((Double(value) ?? .nan) - expected) < 1e-6, "\(rule)")
            }
        }
        #expect(html.contains("Core (cost):"))
        #expect(throws: (any Error).self) {
            _ = try CoalitionCommand.parse([Self.scenario, "--quiet", "--report", folder.path]).render()
        }
        _ = try CoalitionCommand.parse([Self.scenario, "--quiet", "--report", folder.path, "--force"]).render()
    }

    /// Nine organisations (copies of organisation B under other names and site ids): the
    /// exact value would take 511 plans, so without --samples the command stops with a
    /// clear error naming the scenario's networks field.
    @Test func moreThanEightOrganisationsNeedSamples() throws {
        let folder = try scratchFolder("bundel-coalition")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = SmallNetwork.fixtures.appendingPathComponent("shared/org-b")
        var networks: [String] = []
        for index in 1...9 {
            let target = folder.appendingPathComponent("org-\(index)")
            try FileManager.default.copyItem(at: source, to: target)
            try SmallNetwork.edit(target, "network.yaml", replacing: "name: org-b", with: "name: org-\(index)")
            for file in ["sites.csv", "flows.csv"] {
                for site in ["b1", "b2", "b3"] {
                    try SmallNetwork.edit(target, file, replacing: "\(site),", with: "\(site)x\(index),")
                }
            }
            networks.append("org-\(index)/network.yaml")
        }
        let original = try String(contentsOfFile: Self.scenario, encoding: .utf8)
        try original.replacingOccurrences(
            of: "networks: [org-a/network.yaml, org-b/network.yaml]",
            with: "networks: [\(networks.joined(separator: ", "))]"
        ).replacingOccurrences(of: "hubs: [hub]\n", with: "").replacingOccurrences(
            of: "fleets:\n  hub: [e-van]\n", with: ""
        )
        .write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("scenario.yaml").path
        #expect {
            _ = try CoalitionCommand.parse([path, "--quiet"]).render()
        } throws: { error in
            "\(error)".contains(
                "field 'networks': 9 organisations: the exact Shapley value needs all 511 coalition plans")
                && "\(error)".contains("give --samples K")
        }
    }
}

/// `--emit-jobs` and `--collect` round trip through GNU parallel (Debian package `parallel`):
/// the jobs run as any batch engine would run them, each line of jobs.txt from the folder with
/// the built `bundel` on the PATH, and the collected analysis is the in-process one, byte for
/// byte.
@Suite("Coalition jobs")
struct CoalitionJobsTests {
    @Test(
        .enabled(if: GNUParallel.installed, Comment(rawValue: GNUParallel.missing)),
        .enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
    func emitRunWithGNUParallelAndCollectGivesTheInProcessShares() throws {
        let folder = try scratchFolder("bundel-coalition-jobs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = folder.appendingPathComponent("jobs")
        let scenario = CoalitionCommandTests.scenario
        for extra in [[String](), ["--samples", "2", "--seed", "3"]] {
            try? FileManager.default.removeItem(at: jobs)
            let emitted = try CoalitionCommand.parse([scenario, "--emit-jobs", jobs.path] + extra).render()
            #expect(emitted.contains("wrote 3 coalition scenarios"))
            let lines = try String(contentsOf: jobs.appendingPathComponent("jobs.txt"), encoding: .utf8)
                .split(separator: "\n")
            #expect(lines.count == 3)
            // Before the jobs ran, collecting names what is missing.
            #expect(throws: (any Error).self) { _ = try CoalitionCommand.parse(["--collect", jobs.path]).render() }

            let run = try GNUParallel.runJobs(in: jobs)
            #expect(run.status == 0, "\(run.errors)")

            let collected = try CoalitionCommand.parse(["--collect", jobs.path, "--json"]).render()
            let inProcess = try CoalitionCommand.parse([scenario, "--json", "--quiet"] + extra).render()
            #expect(collected == inProcess)
        }
    }
}
