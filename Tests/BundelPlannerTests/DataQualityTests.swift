import BundelReports
import BundelTestSupport
import Foundation
import Testing

@testable import BundelPlanner

/// The data-quality statement of ISO 14083: each input figure's kind of data and the share of
/// each plan's CO2e resting on default data, checked against the plans' own elements.
@Suite("Data quality")
struct DataQualityTests {
    /// The small network with `network.yaml` edited, planned.
    static func plan(network edits: [(String, String)]) throws -> PlanResult {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (old, new) in edits { try Fixture.edit(folder, "network.yaml", replacing: old, with: new) }
        return try Planner.plan(ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path))
    }

    /// The small network's vans have figures of its own (modelled) and its hub bundel's default
    /// handling energy: the baseline rests on modelled data only, the bundled plan on default
    /// data exactly as far as its hub operations go.
    @Test func sharesFollowTheElementsOwnFigures() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall()
        let statement = DataQualityStatement(result, accounts: PlanEmissionAccounts(result))
        #expect(statement.baseline.defaultKg == 0 && statement.baseline.primaryKg == 0)
        #expect(abs(statement.baseline.modelledKg - result.baseline.totals.co2eWtwKg) < 1e-9)
        let handling = result.bundled.hubOperations.map(\.co2eWtwKg).reduce(0, +)
        #expect(handling > 0)
        #expect(abs(statement.bundled.defaultKg - handling) < 1e-9)
        #expect(abs(statement.bundled.totalKg - result.bundled.totals.co2eWtwKg) < 1e-9)
        #expect(abs(statement.bundled.defaultShare - handling / result.bundled.totals.co2eWtwKg) < 1e-12)
        let kinds = Dictionary(statement.inputs.map { ($0.figure, $0.quality) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["distances"] == .modelled && kinds["flow quantities and frequencies"] == .modelled)
        #expect(kinds["consumption of vehicle type van"] == .modelled)
        #expect(kinds["handling energy of hub hub"] == .default && kinds["emission factors"] == .default)
        // The methodology prints the same figures.
        let methodology = Methodology.markdown(result)
        #expect(
            methodology.contains(
                "| handling energy of hub hub | default | bundel's default of 5.0 kWh per tonne handled |"))
        #expect(
            methodology.contains(
                "- bundled: default \(NumberFormat.grouped(handling, decimals: 1)) kg (\(NumberFormat.percent(handling, of: result.bundled.totals.co2eWtwKg)))"
            ))
    }

    /// Declared kinds win; a van built on the catalogue's diesel van keeps the catalogue's
    /// consumption, default data, so the baseline's van trips are default.
    @Test func declaredKindsAndTheCatalogue() throws {
        let declared = try Self.plan(network: [
            (
                "vehicle_types:",
                "data_quality: {flows: primary, vehicle_types: {van: primary}, hubs: {hub: modelled}}\nvehicle_types:"
            )
        ])
        let statement = DataQualityStatement(declared, accounts: PlanEmissionAccounts(declared))
        // Distances stay modelled, so no trip is better than modelled.
        #expect(statement.bundled.defaultKg == 0 && statement.bundled.primaryKg == 0)
        #expect(statement.inputs.first { $0.figure == "flow quantities and frequencies" }?.quality == .primary)

        let catalogue = try Self.plan(network: [
            ("  - id: van\n    name: Diesel van\n", "  - id: van\n    base: diesel-van\n    name: Diesel van\n"),
            ("    energy_per_km: 0.1\n    energy_carrier: diesel-b7\n", ""),
        ])
        let fromCatalogue = DataQualityStatement(catalogue, accounts: PlanEmissionAccounts(catalogue))
        #expect(fromCatalogue.inputs.first { $0.figure == "consumption of vehicle type van" }?.quality == .default)
        #expect(abs(fromCatalogue.baseline.defaultKg - catalogue.baseline.totals.co2eWtwKg) < 1e-9)
        #expect(fromCatalogue.baseline.defaultShare == 1)
    }

    /// The input error loading `path` gives, as printed; empty when it loads.
    static func inputError(loading path: String) -> String {
        do {
            _ = try ScenarioLoader.load(path: path)
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// A kind that does not exist and an id the network lacks are input errors with file,
    /// line and field.
    @Test func badDeclarationsAreNamed() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "network.yaml", replacing: "vehicle_types:",
            with: "data_quality:\n  flows: measured\n  vehicle_types: {lorry: primary}\nvehicle_types:")
        let text = Self.inputError(loading: folder.appendingPathComponent("scenario.yaml").path)
        #expect(text.contains("network.yaml:") && text.contains("data_quality.flows"))
        #expect(text.contains("expected one of default, modelled, primary, got 'measured'"))
        #expect(text.contains("data_quality.vehicle_types.lorry") && text.contains("no vehicle type 'lorry'"))
    }
}
