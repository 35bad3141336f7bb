import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// A scenario's `overrides:` block changes the network's values (hub fees, handling costs,
/// vehicle figures, site and supplier columns) and so the plan's figures; a bad path or value
/// is one problem at the override's line, naming what is valid.
@Suite("Scenario overrides of network values")
final class ScenarioOverridesTests {
    /// The scratch copies a test made, removed when it ends.
    private var folders: [URL] = []

    deinit { for folder in folders { try? FileManager.default.removeItem(at: folder) } }

    /// The small fixture's scenario with `overrides` appended, in a scratch copy of its folder;
    /// returns the scenario's path and the line of the first override.
    func scenario(_ overrides: [String], extra: String = "") throws -> (path: String, firstLine: Int) {
        let folder = try Fixture.copyOfSmall()
        folders.append(folder)
        let url = folder.appendingPathComponent("scenario.yaml")
        let text = try String(contentsOf: url, encoding: .utf8) + extra
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let block = "overrides:\n" + overrides.map { "  \($0)\n" }.joined()
        try (text + (text.hasSuffix("\n") ? "" : "\n") + block).write(to: url, atomically: true, encoding: .utf8)
        // `overrides:` takes the text's last line when that is the empty one after a newline.
        return (url.path, (text.hasSuffix("\n") ? lines : lines + 1) + 1)
    }

    static func plan(_ path: String) throws -> PlanResult {
        try Planner.validatedPlan(try ScenarioLoader.load(path: path)).result
    }

    /// The flows each plan sends through a hub, to tell a changed decision from a changed price.
    static func decision(_ result: PlanResult) -> [Int: String] { result.consolidation.viaHub }

    /// A hub fee of 150 instead of the file's 100 changes no decision on the small network
    /// and so adds exactly 50 EUR a week to the bundled plan, nothing to the baseline.
    @Test func hubFeeMovesTheBundledCostByTheFeeDifference() throws {
        let base = try Self.plan(Fixture.smallScenario)
        let overridden = try scenario(["hubs.hub.fixed_cost_per_week: 150"])
        let loaded = try ScenarioLoader.load(path: overridden.path)
        #expect(loaded.network.hub("hub")?.fixedCostPerWeek == 150)
        #expect(loaded.networkOverrides == [AppliedOverride(path: "hubs.hub.fixed_cost_per_week", value: "150")])
        let dearer = try Self.plan(overridden.path)
        try #require(Self.decision(base) == Self.decision(dearer) && !Self.decision(base).isEmpty)
        #expect(abs(dearer.bundled.totals.costEur - base.bundled.totals.costEur - 50) < 1e-6)
        #expect(dearer.bundled.hubFixedCostEur == 150 && base.bundled.hubFixedCostEur == 100)
        #expect(dearer.baseline.totals.costEur == base.baseline.totals.costEur)
        #expect(dearer.bundled.totals.vehicleKm == base.bundled.totals.vehicleKm)
        // methodology.md names the value that replaced the network's.
        #expect(Methodology.markdown(dearer).contains("- `hubs.hub.fixed_cost_per_week`: 150"))
        #expect(!Methodology.markdown(base).contains("Network values set by the scenario"))
    }

    /// A key below a field: the hub's handling price per roll cage, 5 instead of 2, leaves
    /// the price per kg (0) alone and raises the handling cost 2.5 times.
    @Test func nestedHandlingCostOverride() throws {
        let base = try Self.plan(Fixture.smallScenario)
        let path = try scenario(["hubs.hub.handling_cost.cages: 5"]).path
        #expect(try ScenarioLoader.load(path: path).network.hub("hub")?.handlingCost == [0, 5])
        let dearer = try Self.plan(path)
        try #require(Self.decision(base) == Self.decision(dearer) && base.bundled.hubHandlingCostEur > 0)
        #expect(abs(dearer.bundled.hubHandlingCostEur - 2.5 * base.bundled.hubHandlingCostEur) < 1e-6)
        let added = dearer.bundled.hubHandlingCostEur - base.bundled.hubHandlingCostEur
        #expect(abs(dearer.bundled.totals.costEur - base.bundled.totals.costEur - added) < 1e-6)
    }

    /// `*` sets a column in every row; a later override of one id wins over it; a column the
    /// file lacks (the suppliers' `days`) is added for the rows named.
    @Test func wildcardAndTableOverrides() throws {
        let path = try scenario([
            "sites.*.service_minutes: 20", "sites.s5.service_minutes: 30", "suppliers.far.days: tue|fri",
        ]).path
        let network = try ScenarioLoader.load(path: path).network
        #expect(network.sites.map(\.serviceMinutes) == [20, 20, 20, 20, 30, 20])
        #expect(network.supplier("far")?.days == [.tue, .fri])
        #expect(network.supplier("near")?.days == nil)
        // Longer stops at every site (20 minutes and more, not 5 to 15) make the baseline's
        // routes longer in time, so dearer.
        let base = try Self.plan(Fixture.smallScenario), slower = try Self.plan(path)
        #expect(slower.baseline.totals.costEur > base.baseline.totals.costEur)
    }

    /// A vehicle type field, in the network and in a scenario's own type that starts from the
    /// catalogue, where a key below `capacity` keeps the catalogue's other dimensions.
    @Test func vehicleTypeOverrides() throws {
        let path = try scenario(
            ["vehicle_types.e-van.speed_kmh: 20", "vehicle_types.cat-van.capacity.kg: 800"],
            extra: "vehicle_types:\n  - {id: cat-van, base: e-van}\n"
        ).path
        let network = try ScenarioLoader.load(path: path).network
        #expect(network.vehicleType("e-van")?.speedKmh == 20)
        #expect(network.vehicleType("van")?.speedKmh == 35)
        #expect(network.vehicleType("cat-van")?.capacity == [800, 6])
    }

    /// The problems a scenario raises, as printed.
    static func problems(_ path: String) -> [String] {
        Fixture.problems(loading: path).map(\.description)
    }

    /// A field a hub does not have: one problem at the override's line, listing the hub's fields.
    @Test func unknownFieldNamesTheValidKeys() throws {
        let (path, line) = try scenario(["hubs.hub.fixed_cost_per_week: 150", "hubs.hub.fee: 3"])
        let problems = Self.problems(path)
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasSuffix(
                "scenario.yaml:\(line + 1): field 'overrides.hubs.hub.fee': hub 'hub' has no field 'fee'; valid: capacity_per_week, cross_dock, cut_off, fixed_cost_per_week, handling_cost, handling_energy, handling_energy_carrier, lat, lon, name, storage, unload_minutes, unload_minutes_per_unit"
            ) == true, "\(problems)")
        let part = Self.problems(try scenario(["hubz.hub.fee: 3"]).path)
        #expect(
            part.count == 1
                && part.first?.contains("valid: hubs, vehicle_types, sites, suppliers, service_time") == true)
    }

    /// An id the network lacks: one problem with the closest id and the valid ones.
    @Test func unknownIdNamesTheValidIds() throws {
        let (path, line) = try scenario(["hubs.hubb.fixed_cost_per_week: 150"])
        #expect(
            Self.problems(path) == [
                "\(DisplayPath.of(URL(fileURLWithPath: path))):\(line): field 'overrides.hubs.hubb.fixed_cost_per_week': the network has no hub 'hubb'; did you mean 'hub'?; valid ids: hub (or * for every hub)"
            ])
        let sites = Self.problems(try scenario(["sites.s9.service_minutes: 8"]).path)
        #expect(
            sites.count == 1
                && sites.first?.hasSuffix("valid ids: s1, s2, s3, s4, s5, s6 (or * for every site)") == true)
    }

    /// A bad value gets the network's own check, reported once at the override (not once per
    /// row it set, nor at the network file), and nested keys are checked as in the file.
    @Test func badValueIsReportedOnceAtTheOverride() throws {
        let (path, line) = try scenario(["sites.*.service_minutes: -1", "hubs.hub.handling_cost.pallets: 1"])
        let problems = Self.problems(path)
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems.contains {
                $0.hasSuffix(":\(line): field 'overrides.sites.*.service_minutes': must be at least 0, got -1")
            })
        #expect(
            problems.contains {
                $0.hasSuffix(
                    ":\(line + 1): field 'overrides.hubs.hub.handling_cost.pallets': unknown dimension; the network's dimensions are kg, cages"
                )
            })
    }

    /// `sweep --param` takes the override paths, bare or under `overrides.`; each value is
    /// planned with its fee, and the costs differ by the fees' difference.
    @Test func sweepParameterOverHubFees() throws {
        #expect(SweepParameter("hubs.hub.fixed_cost_per_week") == .networkField("hubs.hub.fixed_cost_per_week"))
        #expect(SweepParameter("hubs") == .field("hubs"))
        let parameter = SweepParameter("hubs.hub.fixed_cost_per_week")
        let results = try ["100", "180"].map {
            try Planner.validatedPlan(try parameter.scenario(path: Fixture.smallScenario, value: $0)).result
        }
        try #require(Self.decision(results[0]) == Self.decision(results[1]))
        #expect(abs(results[1].bundled.totals.costEur - results[0].bundled.totals.costEur - 80) < 1e-6)
        // The sweep's value replaces the scenario's own override of the same path.
        let overridden = try scenario(["hubs.hub.fixed_cost_per_week: 150"]).path
        let swept = try SweepParameter("overrides.hubs.hub.fixed_cost_per_week").scenario(path: overridden, value: "60")
        #expect(swept.network.hub("hub")?.fixedCostPerWeek == 60)
    }
}
