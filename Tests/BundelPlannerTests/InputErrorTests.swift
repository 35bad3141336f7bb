import Foundation
import Testing

@testable import BundelPlanner

/// Bad input is reported with file, line and field, all problems at once.
@Suite("Input errors")
struct InputErrorTests {
    /// Edits the small fixture, loads it, and returns the problem texts with the temporary
    /// folder's path cut off, so that they can be compared exactly.
    func problems(_ edits: [(file: String, old: String, new: String)]) throws -> [String] {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        for edit in edits { try Fixture.edit(folder, edit.file, replacing: edit.old, with: edit.new) }
        return Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map {
            $0.description.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "")
        }
    }

    @Test func theFixtureItselfIsValid() throws {
        #expect(try problems([]) == [])
    }

    @Test func unknownSupplierAndSiteInFlows() throws {
        #expect(
            try problems([("flows.csv", "near,s6,1,80,0.4", "nearby,s7,1,80,0.4")]) == [
                "flows.csv:7: field 'supplier': unknown supplier 'nearby' (not in the suppliers file; did you mean 'near'?)",
                "flows.csv:7: field 'site': unknown site 's7' (not in the sites file)",
            ])
    }

    @Test func decimalCommaInASemicolonFile() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "supplier;site;deliveries_per_week;kg;cages\nfar;s1;2;400;2,5\n".write(
            to: folder.appendingPathComponent("flows.csv"), atomically: true, encoding: .utf8)
        let messages = Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map(\.description)
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                "flows.csv:2: field 'cages': '2,5' uses a decimal comma; write 2.5 (decimal point)") == true)
    }

    @Test func windowThatEndsBeforeItStarts() throws {
        #expect(
            try problems([("sites.csv", "52.3546,4.9556,07:00,16:00", "52.3546,4.9556,16:00,07:00")]) == [
                // Flows to the dropped site are not reported again: its row is the one to fix.
                "sites.csv:4: field 'window_end': the delivery window ends (07:00) before it starts (16:00)"
            ])
    }

    @Test func coordinatesOutsideTheAreaAndSwapped() throws {
        #expect(
            try problems([("suppliers.csv", "52.3410,4.9630", "4.9630,52.3410")]).first
                == "suppliers.csv:3: field 'lat': (4.963, 52.341) lies outside the network's area; are lat and lon swapped?"
        )
    }

    @Test func unknownFieldsAndValuesInTheScenario() throws {
        #expect(
            try problems([("scenario.yaml", "objective: cost", "objective: speed\ndetour: 2")]) == [
                "scenario.yaml:13: field 'detour': unknown field; expected one of: baseline_days, coalition, consolidation_iterations, day_patterns, days, delivery_frequency, description, distances, emission_allocation, emission_factors, fleets, hub_fleet_cost, hubs, name, network, networks, objective, overrides, participation, routing_iterations, seed, supplier_consolidation, time_limit_seconds, uncertainty, vehicle_types, weeks_per_year, zone",
                "scenario.yaml:12: field 'objective': expected one of cost, km, co2e or weights such as {cost: 1, co2e: 0.1}, got 'speed'",
            ])
    }

    @Test func deliveryFrequencyCapsFlowsExceptTheExemptGroups() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "objective: cost",
            with: "objective: cost\ndelivery_frequency: {max_per_week: 1, except_product_groups: [parcels]}")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        let original = try ScenarioLoader.load(path: Fixture.smallScenario)
        for (capped, flow) in zip(scenario.network.flows, original.network.flows) {
            #expect(capped.deliveriesPerWeek == (flow.supplier == "parcels" ? flow.deliveriesPerWeek : 1))
            #expect(capped.weeklyQuantity == flow.weeklyQuantity)
        }
        // Halving: 5 -> 3, 2 -> 1, 1 -> 1.
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "{max_per_week: 1, except_product_groups: [parcels]}",
            with: "{scale: 0.5}")
        let halved = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        #expect(
            zip(halved.network.flows, original.network.flows).allSatisfy {
                $0.deliveriesPerWeek == ($1.deliveriesPerWeek + 1) / 2
            })
        #expect(
            try problems([
                (
                    "scenario.yaml", "objective: cost",
                    "objective: cost\ndelivery_frequency: {max_per_week: 0, scale: 1.5, except_product_groups: [bread]}"
                )
            ]) == [
                "scenario.yaml:13: field 'delivery_frequency.max_per_week': must be at least 1, got 0",
                "scenario.yaml:13: field 'delivery_frequency.scale': must lie above 0 and at most 1 (fewer deliveries), got 1.5",
                "scenario.yaml:13: field 'delivery_frequency.except_product_groups': unknown product group 'bread'; the network has cleaning, paper, parcels",
            ])
    }

    @Test func objectiveWeightsAreCheckedPerField() throws {
        #expect(
            try problems([("scenario.yaml", "objective: cost", "objective: {cost: 1, co2: 0.1, km: -2}")]) == [
                "scenario.yaml:12: field 'objective.co2': unknown field; expected one of: co2e, cost, km",
                "scenario.yaml:12: field 'objective.km': must be at least 0, got -2",
            ])
        #expect(
            try problems([("scenario.yaml", "objective: cost", "objective: {}")]) == [
                "scenario.yaml:12: field 'objective': give at least one weight greater than 0 (cost, km or co2e)"
            ])
    }

    @Test func missingNetworkFile() throws {
        let messages = try problems([("scenario.yaml", "network: network.yaml", "network: nowhere.yaml")])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("scenario.yaml:2: field 'network': no such file: ") == true)
    }

    @Test func invalidYAMLNamesTheLine() throws {
        let messages = try problems([("network.yaml", "    fixed_cost_per_week: 100", "    fixed_cost_per_week: [100")])
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasPrefix("network.yaml:") == true && messages.first?.contains("not valid YAML") == true)
    }

    @Test func unknownVehicleTypeAndCarrier() throws {
        let messages = try problems([
            (
                "suppliers.csv", "far,Far supplier,paper,utrecht,52.1000,5.0700,van",
                "far,Far supplier,paper,utrecht,52.1000,5.0700,truck"
            ),
            ("network.yaml", "energy_carrier: electricity-grid", "energy_carrier: hydrogen"),
        ])
        #expect(
            messages.contains(
                "suppliers.csv:2: field 'vehicle_type': unknown vehicle type 'truck'; network.yaml defines e-van, van"))
        #expect(
            messages.contains {
                $0.contains("vehicle type 'e-van' uses energy carrier 'hydrogen', which factor set 'nl-2021' lacks")
            })
    }

    @Test func allProblemsAreReportedTogether() throws {
        let messages = try problems([
            ("flows.csv", "far,s3,1,150,1", "far,s3,-1,150,abc"),
            (
                "sites.csv", "s6,Site six,west,52.3648,4.8034,07:00,16:00,5",
                "s6,Site six,west,52.3648,4.8034,7h,16:00,5"
            ),
        ])
        #expect(messages.contains("flows.csv:3: field 'deliveries_per_week': must be at least 1, got -1"))
        #expect(messages.contains("flows.csv:3: field 'cages': expected a number, got 'abc'"))
        #expect(messages.contains("sites.csv:7: field 'window_start': expected a time of day as HH:MM, got '7h'"))
    }
}
