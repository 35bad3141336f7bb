import Foundation
import Testing

@testable import BundelPlanner

/// A stop's time depends on what is delivered: a fixed part per stop, a part per supplier
/// delivery and a part per unit; a trunk arrival's unloading depends on its load.
@Suite("Stop times")
struct StopTimeTests {
    static let serviceTime = ServiceTime(perDeliveryMinutes: 2, perUnitMinutes: [0.01, 2])

    /// A hub stop with three suppliers' deliveries, 250 kg and 1.5 roll cages at a site with a
    /// fixed 8 minutes: 8 + 3 x 2 + 250 x 0.01 + 1.5 x 2 = 19.5 minutes = 1,170 s.
    @Test func mixedStopAddsEachPart() {
        #expect(Self.serviceTime.seconds(fixedMinutes: 8, deliveries: 3, quantity: [250, 1.5]) == 1_170)
        // One supplier's 60 kg without cages at the same site: 8 + 2 + 0.6 = 10.6 minutes.
        #expect(Self.serviceTime.seconds(fixedMinutes: 8, deliveries: 1, quantity: [60, 0]) == 636)
        // Parts of a second round up, never down: 8 + 2 + 0.001 x 0.01 minutes.
        #expect(Self.serviceTime.seconds(fixedMinutes: 8, deliveries: 1, quantity: [0.001, 0]) == 601)
        #expect(ServiceTime.none(dimensions: 2).seconds(fixedMinutes: 8, deliveries: 5, quantity: [900, 6]) == 480)
    }

    /// Absurd quantities cannot push a stop past what the routing engine can hold.
    @Test func absurdStopsAreCappedAtAWeek() {
        #expect(
            Self.serviceTime.seconds(fixedMinutes: 8, deliveries: 1, quantity: [1e300, 0]) == ServiceTime.maximumSeconds
        )
    }

    /// 20 minutes docking plus 1.5 per cage and 0.005 per kg: 6 cages and 800 kg take
    /// 20 + 9 + 4 = 33 minutes.
    @Test func trunkUnloadingGrowsWithTheLoad() throws {
        var hub = try #require(try ScenarioLoader.load(path: Fixture.smallScenario).network.hub("hub"))
        hub.unloadMinutesPerUnit = [0.005, 1.5]
        #expect(hub.unloadSeconds([800, 6]) == 33 * 60)
        #expect(hub.unloadSeconds([0, 0]) == 20 * 60)
    }

    static let withServiceTime: [(file: String, old: String, new: String)] = [
        (
            "network.yaml", "hubs:\n",
            "service_time:\n  per_delivery_minutes: 2\n  per_unit_minutes: {kg: 0.01, cages: 2}\nhubs:\n"
        ),
        (
            "network.yaml", "    unload_minutes: 20\n",
            "    unload_minutes: 20\n    unload_minutes_per_unit: {kg: 0.005, cages: 1.5}\n"
        ),
    ]

    static func load(_ edits: [(file: String, old: String, new: String)]) throws -> Scenario {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        for edit in edits { try Fixture.edit(folder, edit.file, replacing: edit.old, with: edit.new) }
        return try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
    }

    /// The plan's schedules use the stop-dependent times: the independent validator accepts
    /// both plans, and rejects the same routes checked as if every stop took its fixed minutes
    /// only (so the times are really in the routes, not only in the check).
    @Test func plansScheduleTheLongerStops() throws {
        let scenario = try Self.load(Self.withServiceTime)
        #expect(scenario.network.serviceTime == Self.serviceTime)
        #expect(scenario.network.hub("hub")?.unloadMinutesPerUnit == [0.005, 1.5])
        let result = try Planner.plan(scenario)
        let matrix = try TravelMatrix.forScenario(scenario)
        let viaHub = result.consolidation.viaHub
        #expect(
            WeeklyPlanValidator.violations(of: result.baseline, scenario: scenario, matrix: matrix, viaHub: [:]) == [])
        #expect(
            WeeklyPlanValidator.violations(of: result.bundled, scenario: scenario, matrix: matrix, viaHub: viaHub) == []
        )

        var fixedOnly = scenario
        fixedOnly.network.serviceTime = .none(dimensions: 2)
        fixedOnly.network.hubs = fixedOnly.network.hubs.map {
            var hub = $0
            hub.unloadMinutesPerUnit = [0, 0]
            return hub
        }
        let problems = WeeklyPlanValidator.violations(
            of: result.bundled, scenario: fixedOnly, matrix: matrix, viaHub: viaHub)
        #expect(problems.contains { $0.contains("the schedule takes") })
        let hubStops = result.bundled.routes.filter { $0.kind == .hubTour }.flatMap(\.stops)
        #expect(hubStops.contains { $0.deliveries.count > 1 })
    }

    @Test func badServiceTimesAreReportedWithTheirField() throws {
        // The loader's messages with the scratch folder cut off, as the input-error tests read them.
        let messages = InputErrorTests().problems
        #expect(
            try messages([("network.yaml", "hubs:\n", "service_time:\n  per_delivery_minutes: -1\nhubs:\n")]) == [
                "network.yaml:12: field 'service_time.per_delivery_minutes': must be at least 0, got -1"
            ])
        #expect(
            try messages([("network.yaml", "hubs:\n", "service_time:\n  per_unit_minutes: {pallets: 3}\nhubs:\n")]) == [
                "network.yaml:12: field 'service_time.per_unit_minutes.pallets': unknown dimension; the network's dimensions are kg, cages"
            ])
        #expect(
            try messages([("network.yaml", "hubs:\n", "service_time:\n  per_unit_minutes: {cages: 2000}\nhubs:\n")])
                == [
                    "network.yaml:12: field 'service_time.per_unit_minutes': at most 1440 minutes per cages, got 2000"
                ])
        #expect(
            try messages([
                (
                    "network.yaml", "    unload_minutes: 20\n",
                    "    unload_minutes: 20\n    unload_minutes_per_unit: {cages: -2}\n"
                )
            ]) == [
                "network.yaml:20: field 'hubs[0].unload_minutes_per_unit.cages': must be at least 0, got -2"
            ])
    }
}
