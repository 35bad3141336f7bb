import BundelPlanner
import BundelReports
import BundelTestSupport
import Foundation
import Testing

@testable import bundel

/// `compare` and `sweep` report the same numbers as separate `plan` runs of each scenario.
@Suite("Compare and sweep")
struct CompareAndSweepTests {
    /// A copy of the small fixture's folder with `scenario.yaml` and a variant `km.yaml` that
    /// minimises vehicle-km.
    static func scenarios() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bundel-compare-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: CommandLineTests.smallScenario).deletingLastPathComponent(), to: folder)
        let text = try String(contentsOf: folder.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "objective: cost", with: "objective: km")
            .replacingOccurrences(of: "name: Small test scenario", with: "name: Small, minimise km")
            .write(to: folder.appendingPathComponent("km.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The `runs` array of a comparison's JSON.
    static func runs(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["runs"] as? [[String: Any]])
    }

    /// The totals a separate plan run reports in its JSON summary.
    static func planTotals(_ scenario: Scenario) throws -> [String: Any] {
        let json = try JSONSummary(try Planner.validatedPlan(scenario).result).encoded()
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func expectSameTotals(
        _ run: [String: Any], as plan: [String: Any], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for part in ["baseline", "bundled", "savings"] {
            let compared = run[part] as? [String: Any], planned = plan[part] as? [String: Any]
            for key in [
                "vehicleKm", "trips", "lastMileTrips", "trunkLegs", "stops", "costEur", "co2eWtwKg", "co2eTtwKg",
            ] {
                #expect(
                    (compared?[key] as? NSNumber) == (planned?[key] as? NSNumber), "\(part).\(key)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    @Test func compareEqualsSeparatePlans() throws {
        let folder = try Self.scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["scenario.yaml", "km.yaml"].map { folder.appendingPathComponent($0).path }
        let command = try CompareCommand.parse(paths + ["--json", "--quiet"])
        let runs = try Self.runs(try command.render())
        #expect(runs.map { $0["label"] as? String } == ["scenario.yaml", "km.yaml"])
        #expect(runs.map { $0["scenario"] as? String } == ["Small test scenario", "Small, minimise km"])
        for (run, path) in zip(runs, paths) {
            Self.expectSameTotals(run, as: try Self.planTotals(try ScenarioLoader.load(path: path)))
        }
        // The text table has a block per metric with a row per scenario.
        let table = try CompareCommand.parse(paths + ["--quiet"]).render()
        #expect(table.contains("vehicle-km") && table.contains("  km.yaml"))
        // Trips are shown split: last-mile trips, and trunk legs beside them.
        #expect(
            table.contains("last-mile trips") && table.contains("trunk legs to hubs") && !table.contains("\ntrips "))
    }

    /// The comparison's report.html carries exactly the figures of its JSON, and refuses to
    /// overwrite an earlier report without --force before planning anything.
    @Test func compareReportShowsTheJSONFigures() throws {
        let folder = try Self.scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["scenario.yaml", "km.yaml"].map { folder.appendingPathComponent($0).path }
        let report = folder.appendingPathComponent("report")
        let runs = try Self.runs(
            try CompareCommand.parse(paths + ["--json", "--quiet", "--report", report.path]).render())
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        let cell = try Regex(#"data-run="(\d+)" data-plan="(\w+)" data-metric="(\w+)" data-value="([-0-9.e+]+)""#)
        let cells = html.matches(of: cell)
        #expect(
            cells.count == 2 * 2 * 7,
            "two runs, two plans, seven metrics (no NOx/PM10 factors in the fixture; trips split into last-mile trips and trunk legs)"
        )
        for match in cells {
            let run = try #require(Int(String(match.output[1].substring!)))
            let plan = String(match.output[2].substring!), metric = String(match.output[3].substring!)
            let expected = try #require((runs[run][plan] as? [String: Any])?[metric] as? NSNumber)
            #expect(Double(String(match.output[4].substring!)) == expected.doubleValue, "run \(run) \(plan).\(metric)")
        }
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 7)
        #expect(throws: OutputError.self) {
            try CompareCommand.parse(paths + ["--quiet", "--report", report.path]).render()
        }
    }

    /// Scenarios whose names (and file names) share a long start, as variants of one study do,
    /// get bars that read differently in every chart of the report, each run labelled by its
    /// file and its scenario's name in the decisions.
    @Test func runsOfScenariosWithOneLongNameAreLabelledApart() throws {
        let folder = try Self.scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: folder.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        let stem = "utrecht-hospital-group-via-the-lage-weide-hub"
        var paths: [String] = []
        for variant in ["all-suppliers", "fresh-food-only"] {
            let path = folder.appendingPathComponent("\(stem)-\(variant).yaml").path
            try text.replacingOccurrences(
                of: "name: Small test scenario",
                with: "name: Utrecht hospital group via the Lage Weide hub (\(variant))"
            ).write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let report = folder.appendingPathComponent("report")
        let runs = try Self.runs(
            try CompareCommand.parse(paths + ["--json", "--quiet", "--report", report.path]).render())
        #expect(runs.map { $0["label"] as? String } == paths.map { ($0 as NSString).lastPathComponent })
        let html = try String(contentsOf: report.appendingPathComponent("report.html"), encoding: .utf8)
        let charts = html.matches(of: try Regex(#"<svg class="chart".*?</svg>"#)).map {
            String($0.output[0].substring!)
        }
        #expect(!charts.isEmpty)
        let label = try Regex(#"<text x="4" y="[0-9.]+" font-size="12">([^<]*)<title>"#)
        for chart in charts {
            let labels = chart.matches(of: label).map { String($0.output[1].substring!) }
            #expect(labels.count == 2 * paths.count)
            #expect(Set(labels).count == labels.count, "every bar reads differently: \(labels)")
        }
        for run in runs { #expect(html.contains("<td>\(try #require(run["scenario"] as? String))</td>")) }
    }

    /// Files of one name in different folders are told apart by their folders.
    @Test func scenarioFilesOfOneNameAreLabelledByTheirFolders() {
        let labels = ScenarioFileLabels.labels([
            "scenarios/cordaan/hub.yaml", "scenarios/campuses/hub.yaml", "scenarios/campuses/two-hubs.yaml",
            "scenarios/campuses/hub.yaml",
        ])
        #expect(labels == ["cordaan/hub.yaml", "campuses/hub.yaml", "two-hubs.yaml", "campuses/hub.yaml (2)"])
    }

    @Test func sweepOfTheDetourFactorEqualsSeparatePlans() throws {
        let folder = try Self.scenarios()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scenario.yaml").path
        let command = try SweepCommand.parse([
            path, "--param", "distances.detour_factor", "--values", "1.2", "1.5", "--json", "--quiet",
        ])
        let runs = try Self.runs(try command.render())
        #expect(runs.map { $0["label"] as? String } == ["distances.detour_factor=1.2", "distances.detour_factor=1.5"])
        for (run, factor) in zip(runs, ["1.2", "1.5"]) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let edited = folder.appendingPathComponent("detour-\(factor).yaml")
            try text.replacingOccurrences(of: "detour_factor: 1.3", with: "detour_factor: \(factor)").write(
                to: edited, atomically: true, encoding: .utf8)
            Self.expectSameTotals(run, as: try Self.planTotals(try ScenarioLoader.load(path: edited.path)))
        }
        let km = runs.compactMap { ($0["baseline"] as? [String: Any])?["vehicleKm"] as? Double }
        #expect(km.count == 2 && km[0] < km[1], "longer detours, longer baseline")
    }

    /// Participation share 0 keeps every supplier direct; 1 leaves the scenario as it is; one
    /// third lets the largest supplier by weight (`far`) join and keeps the others out.
    @Test func participationShareChoosesTheLargestSuppliersFirst() throws {
        let path = CommandLineTests.smallScenario
        let none = try SweepParameter.participationShare.scenario(path: path, value: "0")
        #expect(Set(none.network.suppliers.map { none.participation(ofSupplier: $0.id) }) == [.out])
        let third = try SweepParameter.participationShare.scenario(path: path, value: "0.34")
        #expect(
            third.participation(ofSupplier: "far") == .free && third.participation(ofSupplier: "near") == .out
                && third.participation(ofSupplier: "parcels") == .out)
        #expect(throws: InputError.self) { try SweepParameter.participationShare.scenario(path: path, value: "1.5") }
    }

    /// Electric share 1 gives every diesel supplier the network's electric van.
    @Test func electricShareReplacesVehiclesByElectricOnes() throws {
        let scenario = try SweepParameter.electricShare.scenario(path: CommandLineTests.smallScenario, value: "1")
        for supplier in scenario.network.suppliers {
            #expect(scenario.fleet(of: supplier).allSatisfy { $0.isElectric })
        }
    }

    /// "What hub fee can we afford?": a sweep of the hub's weekly fee, a network value, by its
    /// override path. The decision holds at both fees, so the bundled cost moves by exactly
    /// the fee difference and the baseline not at all.
    @Test func sweepOfAHubFee() throws {
        let command = try SweepCommand.parse([
            CommandLineTests.smallScenario, "--param", "hubs.hub.fixed_cost_per_week", "--values", "100", "200",
            "--json", "--quiet",
        ])
        let runs = try Self.runs(try command.render())
        #expect(
            runs.map { $0["label"] as? String } == [
                "hubs.hub.fixed_cost_per_week=100", "hubs.hub.fixed_cost_per_week=200",
            ])
        func figure(_ run: [String: Any], _ plan: String, _ metric: String) -> Double? {
            (run[plan] as? [String: Any])?[metric] as? Double
        }
        let bundled = runs.compactMap { figure($0, "bundled", "costEur") }
        let baseline = runs.compactMap { figure($0, "baseline", "costEur") }
        try #require(bundled.count == 2 && baseline.count == 2)
        #expect(figure(runs[0], "bundled", "vehicleKm") == figure(runs[1], "bundled", "vehicleKm"))
        #expect(abs(bundled[1] - bundled[0] - 100) < 0.01)
        #expect(baseline[0] == baseline[1])
    }

    /// A path that names no network value fails every value alike; the command says so once,
    /// with the valid ids, and exits 65 without planning.
    @Test(.enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)))
    func aBadSweepPathIsPrintedOnce() throws {
        let run = try ProcessRun.run(
            BuiltExecutable.bundel!,
            [
                "sweep", CommandLineTests.smallScenario, "--param", "hubs.0.fixed_cost_per_week", "--values", "100",
                "200", "300", "--quiet",
            ])
        #expect(run.status == 65)
        #expect(run.output.isEmpty)
        let message =
            "field 'overrides.hubs.0.fixed_cost_per_week': the network has no hub '0'; valid ids: hub (or * for every hub)"
        #expect(run.errors.components(separatedBy: message).count - 1 == 1, "\(run.errors)")
        #expect(run.errors.hasPrefix("1 problem in the input:"))
    }

    /// A value that breaks the scenario's rules is an input error naming the field, and no
    /// plan is run.
    @Test func aBadSweepValueIsAnInputError() throws {
        let command = try SweepCommand.parse([
            CommandLineTests.smallScenario, "--param", "distances.detour_factor", "--values", "9", "--quiet",
        ])
        #expect { try command.render() } throws: { error in
            let problems = (error as? InputError)?.problems.map(\.description) ?? []
            // The edited value has no line in the file, so the message names none.
            return problems.count == 1
                && problems[0].hasSuffix(
                    "small/scenario.yaml: field 'distances.detour_factor': must lie between 1 and 5 (road distance over straight line), got 9.0"
                )
        }
    }
}
