import Foundation
import Testing

@testable import BundelPlanner

/// Scenarios of several organisations (`networks: [..]`, the fixture `Fixtures/shared`): a
/// supplier in both networks is one company whose deliveries combine; what the networks
/// share must agree, and what does not is reported at file, line and field.
@Suite("Organisations")
struct OrganisationsTests {
    static let fixture = Fixture.folder.appendingPathComponent("shared")

    /// A scratch copy of the fixture with `edits` made; the caller removes it.
    func copy(_ edits: [(file: String, old: String, new: String)] = []) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-shared-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: target)
        for edit in edits { try Fixture.edit(target, edit.file, replacing: edit.old, with: edit.new) }
        return target
    }

    /// The problems of the edited fixture, with the scratch folder's path cut off.
    func problems(_ edits: [(file: String, old: String, new: String)]) throws -> [String] {
        let folder = try copy(edits)
        defer { try? FileManager.default.removeItem(at: folder) }
        return Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map {
            $0.description.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "")
        }
    }

    @Test func theNetworksMergeWithTheirOrganisations() throws {
        let scenario = try ScenarioLoader.load(path: Self.fixture.appendingPathComponent("scenario.yaml").path)
        #expect(scenario.organisations.map(\.id) == ["org-a", "org-b"])
        #expect(scenario.organisations.map(\.sites) == [["a1", "a2", "a3"], ["b1", "b2", "b3"]])
        // The parcel carrier is one supplier; the hub of organisation A is a candidate of all.
        #expect(scenario.network.suppliers.map(\.id) == ["far", "parcels", "near"])
        #expect(scenario.network.flows.count == 12)
        #expect(scenario.network.flows.map(\.index) == Array(0..<12))
        let alone = scenario.coalition([1])
        #expect(alone.network.sites.map(\.id) == ["b1", "b2", "b3"])
        #expect(alone.network.suppliers.map(\.id) == ["parcels", "near"])
        #expect(alone.network.flows.map(\.index) == Array(0..<6))
        #expect(alone.network.hubs.map(\.id) == ["hub"])
    }

    /// The parcel carrier delivers to both organisations' sites every day: together, one route
    /// a day serves both (its van has the room), so its baseline drives fewer trips and fewer
    /// kilometres than the two organisations' baselines apart.
    @Test func aSharedSupplierCombinesDeliveriesInTheBaseline() throws {
        let scenario = try ScenarioLoader.load(path: Self.fixture.appendingPathComponent("scenario.yaml").path)
        func parcelRoutes(_ members: [Int]) throws -> [PlannedRoute] {
            try Planner.validatedPlan(scenario.coalition(members)).result.baseline.routes.filter {
                $0.operatedBy == "parcels"
            }
        }
        let together = try parcelRoutes([0, 1])
        let apart = try parcelRoutes([0]) + parcelRoutes([1])
        #expect(together.count == 5)
        #expect(apart.count == 10)
        // Some route together stops at both organisations' sites.
        #expect(
            together.contains { route in
                let sites = Set(route.stops.map(\.location))
                return !sites.isDisjoint(with: ["a1", "a2", "a3"]) && !sites.isDisjoint(with: ["b1", "b2", "b3"])
            })
        let km = { (routes: [PlannedRoute]) in routes.reduce(0) { $0 + $1.metres } }
        #expect(km(together) < km(apart))
    }

    @Test func anOrganisationListedTwice() throws {
        #expect(
            try problems([
                (
                    "scenario.yaml", "networks: [org-a/network.yaml, org-b/network.yaml]",
                    "networks: [org-a/network.yaml, org-b/network.yaml, org-a/network.yaml]"
                )
            ]) == [
                "scenario.yaml:3: field 'networks[2]': network org-a/network.yaml is listed twice (first as networks[0]); list each organisation once"
            ])
    }

    @Test func twoNetworksOfTheSameName() throws {
        #expect(
            try problems([("org-b/network.yaml", "name: org-b", "name: org-a")]) == [
                "scenario.yaml:3: field 'networks[1]': organisation 'org-a' is listed twice: networks[0] has the same name; list each organisation once, or give the networks distinct names"
            ])
    }

    @Test func aSharedSupplierWithAnotherDepot() throws {
        #expect(
            try problems([
                ("org-b/suppliers.csv", "parcels,westpoort,52.3990,4.8180", "parcels,westpoort,52.3995,4.8180")
            ]) == [
                "org-b/suppliers.csv:3: field 'lat': supplier 'parcels' is also in org-a/suppliers.csv:3 with another lat; the same id in several networks is one company, so its depot, vehicle type, product group, hub trips and days must agree: make them equal or rename one"
            ])
    }

    @Test func networksWithOtherDimensions() throws {
        let messages = try problems([
            (
                "org-b/network.yaml", "{id: cages, name: roll cages, unit: roll cage}",
                "{id: cages, name: roll cages, unit: pallet}"
            )
        ])
        #expect(
            messages == [
                "org-b/network.yaml:7: field 'dimensions': the networks of one scenario must count in the same capacity dimensions and units: this network has kg (kg), cages (pallet), org-a/network.yaml has kg (kg), cages (roll cage)"
            ])
    }

    @Test func aSiteInTwoOrganisations() throws {
        #expect(
            try problems([
                ("org-b/sites.csv", "b3,Site B three", "a3,Site B three"),
                ("org-b/flows.csv", "parcels,b3", "parcels,a3"), ("org-b/flows.csv", "near,b3", "near,a3"),
            ]) == [
                "org-b/sites.csv:4: field 'id': site 'a3' is also a site of org-a/network.yaml; a site belongs to one organisation: rename one"
            ])
    }

    /// `coalition:` plans a subset of the organisations, as the jobs of `--emit-jobs` do.
    @Test func aCoalitionFieldKeepsItsMembers() throws {
        let folder = try copy([("scenario.yaml", "hubs: [hub]", "hubs: [hub]\ncoalition: [org-b]")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
        #expect(scenario.organisations.map(\.id) == ["org-b"])
        #expect(scenario.network.sites.map(\.id) == ["b1", "b2", "b3"])
        #expect(scenario.network.hubs.map(\.id) == ["hub"])
        #expect(
            try problems([("scenario.yaml", "hubs: [hub]", "hubs: [hub]\ncoalition: [org-c]")]) == [
                "scenario.yaml:6: field 'coalition': unknown organisation 'org-c'; the networks name org-a, org-b"
            ])
    }
}
