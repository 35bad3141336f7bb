import BundelTestSupport
import Foundation
import Testing

@testable import BundelPlanner

/// The built-in factor sets: every carrier says where it comes from, and nl-2026 reproduces the
/// 2026 list's figures.
@Suite("Factor sets")
struct FactorSetTests {
    static func builtIn(_ name: String) throws -> EmissionFactorSet {
        let log = ProblemLog()
        let set = EmissionFactorSet.load(name, relativeTo: URL(fileURLWithPath: "/"), displayBase: "", log: log)
        #expect(log.problems.isEmpty, "\(log.problems)")
        return try #require(set)
    }

    @Test func bothDutchSetsShip() {
        #expect(Set(["nl-2021", "nl-2026"]).isSubset(of: Set(EmissionFactorSet.builtInNames)))
    }

    /// Every carrier of every built-in set has a source, a year, and a note wherever its TTW is
    /// derived; the new set also its list label and the date of the list version.
    @Test func everyCarrierHasASourceAndYear() throws {
        for name in EmissionFactorSet.builtInNames {
            let set = try Self.builtIn(name)
            #expect(!set.carriers.isEmpty)
            for carrier in set.carriers {
                #expect(!carrier.source.isEmpty, "\(name) \(carrier.id)")
                #expect((1990...2100).contains(carrier.year), "\(name) \(carrier.id)")
                #expect(!carrier.ttwDerived || carrier.note != nil, "\(name) \(carrier.id)")
            }
        }
        let current = try Self.builtIn("nl-2026")
        #expect(current.published == "2026-08-20")
        for carrier in current.carriers {
            #expect(carrier.year == 2026 && carrier.label != nil, "\(carrier.id)")
            #expect(carrier.source.contains("Factoren 2026 (export dd 20-08-2026)"), "\(carrier.id)")
            #expect(carrier.source.contains("'\(carrier.label!)'"), "\(carrier.id)")
        }
    }

    /// The figures of the 2026 list's lines, and which TTW values are listed or derived.
    @Test func theNewSetsFigures() throws {
        let set = try Self.builtIn("nl-2026")
        func figures(_ id: String) throws -> (Double, Double, Bool) {
            let carrier = try #require(set.carrier(id))
            return (carrier.wellToWheelKg, carrier.tankToWheelKg, carrier.ttwDerived)
        }
        #expect(try figures("diesel-b7") == (3.251, 2.462, false))
        #expect(try figures("petrol-e10") == (2.794, 2.139, false))
        #expect(try figures("hvo100") == (0.468, 0.026, false))
        #expect(try figures("electricity-grid") == (0.244, 0, true))
        #expect(try figures("electricity-grey") == (0.483, 0, true))
        #expect(try figures("electricity-green") == (0, 0, true))
        // nl-2021 stays as it was, its derived diesel TTW now marked.
        let old = try Self.builtIn("nl-2021")
        #expect(old.carrier("diesel-b7")?.tankToWheelKg == 2.472 && old.carrier("diesel-b7")?.ttwDerived == true)
        #expect(old.carrier("electricity-grid")?.wellToWheelKg == 0.374 && old.published == nil)
    }

    /// A scenario plans with the new set; every vehicle of the small network has its carrier.
    @Test func aScenarioLoadsTheNewSet() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "emission_factors: nl-2021", with: "emission_factors: nl-2026")
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        #expect(scenario.emissionFactors.name == "nl-2026")
    }

    @Test func aBadPublishedDateAndADerivedTTWWithoutNote() throws {
        let folder = try Fixture.copyOfSmall()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        name: own
        published: 20-08-2026
        carriers:
          - {id: diesel-b7, unit: litre, wtw_kg_co2e: 3.2, ttw_kg_co2e: 2.4, source: test, year: 2026, ttw_derived: true}
          - {id: electricity-grid, unit: kWh, wtw_kg_co2e: 0.3, ttw_kg_co2e: 0, source: test, year: 2026}
        """.write(to: folder.appendingPathComponent("own.yaml"), atomically: true, encoding: .utf8)
        try Fixture.edit(
            folder, "scenario.yaml", replacing: "emission_factors: nl-2021", with: "emission_factors: own.yaml")
        let messages = Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map {
            $0.description.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "")
        }
        #expect(
            messages == [
                "own.yaml:2: field 'published': expected a date as YYYY-MM-DD, got '20-08-2026'",
                "own.yaml:4: field 'carriers[0].ttw_derived': say in 'note' how the tank-to-wheel value was derived",
            ])
    }
}
