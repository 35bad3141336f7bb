import Foundation
import Testing

@testable import BundelPlanner

/// The purchasing levers (issue 20, part 5): a product group per flow, one contract per product
/// group (`supplier_consolidation`) and tender clauses by product group (`participation`).
///
/// The small fixture's flows, by supplier: far (paper) to s1 2x 400 kg 2 cages, s3 1x 150/1,
/// s5 1x 300/1.5; near (cleaning) to s2 1x 100/0.5, s4 2x 240/1, s6 1x 80/0.4; parcels
/// (parcels) to s1..s6 5x each. ``withFlowGroups`` makes parcels' s1 and s2 flows paper and
/// far's s5 flow cleaning, as order lines of a purchasing system would.
@Suite("Purchasing levers")
struct PurchasingLeverTests {
    /// The small fixture copied with flow-level product groups, and the edits to its scenario.
    static func folder(withFlowGroups: Bool = true, scenario edits: [(String, String)] = []) throws -> URL {
        let folder = try Fixture.copyOfSmall()
        if withFlowGroups {
            for (old, new) in [
                (
                    "supplier,site,deliveries_per_week,kg,cages",
                    "supplier,site,deliveries_per_week,kg,cages,product_group"
                ),
                ("parcels,s1,5,100,1.5", "parcels,s1,5,100,1.5,paper"),
                ("parcels,s2,5,75,1", "parcels,s2,5,75,1,paper"),
                ("far,s5,1,300,1.5", "far,s5,1,300,1.5,cleaning"),
            ] {
                try Fixture.edit(folder, "flows.csv", replacing: old, with: new)
            }
        }
        for (old, new) in edits { try Fixture.edit(folder, "scenario.yaml", replacing: old, with: new) }
        return folder
    }

    static func load(_ folder: URL) throws -> Scenario {
        try ScenarioLoader.load(path: folder.appendingPathComponent("scenario.yaml").path)
    }

    /// The problems a scenario raises, with the temporary folder's path cut off.
    static func problems(_ folder: URL) -> [String] {
        Fixture.problems(loading: folder.appendingPathComponent("scenario.yaml").path).map {
            $0.description.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "")
        }
    }

    /// A flow by supplier and site.
    static func flow(_ scenario: Scenario, _ supplier: String, _ site: String) -> Flow? {
        scenario.network.flows.first { $0.supplier == supplier && $0.site == site }
    }

    @Test func aFlowHasItsOwnProductGroupElseItsSuppliers() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.load(folder)
        let network = scenario.network
        let group = { (supplier: String, site: String) in Self.flow(scenario, supplier, site).map(network.productGroup)
        }
        #expect(group("parcels", "s1") == "paper")
        #expect(group("parcels", "s3") == "parcels")
        #expect(group("far", "s5") == "cleaning")
        #expect(group("far", "s1") == "paper")
        #expect(Self.flow(scenario, "far", "s1")?.productGroup == nil)
        #expect(network.productGroups == ["paper", "cleaning", "parcels"])
    }

    @Test func deliveryFrequencyExemptsByTheFlowsGroup() throws {
        let folder = try Self.folder(scenario: [
            (
                "objective: cost",
                "objective: cost\ndelivery_frequency: {max_per_week: 1, except_product_groups: [paper]}"
            )
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.load(folder)
        // Paper flows keep their frequency whoever delivers them; the rest is capped at 1.
        #expect(Self.flow(scenario, "parcels", "s1")?.deliveriesPerWeek == 5)
        #expect(Self.flow(scenario, "parcels", "s2")?.deliveriesPerWeek == 5)
        #expect(Self.flow(scenario, "parcels", "s3")?.deliveriesPerWeek == 1)
        #expect(Self.flow(scenario, "far", "s1")?.deliveriesPerWeek == 2)
        #expect(Self.flow(scenario, "far", "s5")?.deliveriesPerWeek == 1)
        #expect(Self.flow(scenario, "near", "s4")?.deliveriesPerWeek == 1)
    }

    /// Paper to far: parcels' paper to s1 merges with far's own s1 flow (quantities added,
    /// the more frequent five deliveries a week), parcels' paper to s2 becomes far's flow;
    /// far's cleaning flow to s5 and everything else stay.
    @Test func paperToANamedSupplierMovesAndMergesItsFlows() throws {
        let folder = try Self.folder(scenario: [
            ("objective: cost", "objective: cost\nsupplier_consolidation: {paper: far}")
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.load(folder)
        let flows = scenario.network.flows
        #expect(flows.count == 11)
        #expect(flows.map(\.index) == Array(0..<11))
        let s1 = try #require(Self.flow(scenario, "far", "s1"))
        #expect(s1.weeklyQuantity == [500, 3.5])
        #expect(s1.deliveriesPerWeek == 5)
        #expect(s1.index == 0)
        let s2 = try #require(Self.flow(scenario, "far", "s2"))
        #expect(s2.weeklyQuantity == [75, 1])
        #expect(s2.deliveriesPerWeek == 5)
        #expect(scenario.network.productGroup(of: s2) == "paper")
        #expect(Self.flow(scenario, "parcels", "s1") == nil && Self.flow(scenario, "parcels", "s2") == nil)
        #expect(Self.flow(scenario, "far", "s5")?.weeklyQuantity == [300, 1.5])
        #expect(Self.flow(scenario, "near", "s2")?.weeklyQuantity == [100, 0.5])
        #expect(flows.filter { $0.supplier == "parcels" }.count == 4)
        // Nothing lost: the week's kilograms are those of the fixture.
        #expect(flows.map { $0.weeklyQuantity[0] }.reduce(0, +) == 1685)
    }

    /// Cleaning: near delivers 420 kg a week of it, far 300 kg (its s5 flow): `largest` picks
    /// near although far comes first by id; `all: largest` also leaves paper with far (550 kg
    /// against parcels' 175 kg) and parcels with parcels.
    @Test func largestIsTheSupplierWithTheMostWeightInTheGroup() throws {
        let folder = try Self.folder(scenario: [
            ("objective: cost", "objective: cost\nsupplier_consolidation: {cleaning: largest}")
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.load(folder)
        let unchanged = try Self.folder()
        defer { try? FileManager.default.removeItem(at: unchanged) }
        let before = try Self.load(unchanged).network
        #expect(ScenarioLoader.largestSupplier(of: "cleaning", in: before) == "near")
        #expect(ScenarioLoader.largestSupplier(of: "paper", in: before) == "far")
        let moved = try #require(Self.flow(scenario, "near", "s5"))
        #expect(moved.weeklyQuantity == [300, 1.5] && moved.deliveriesPerWeek == 1)
        #expect(Self.flow(scenario, "far", "s5") == nil)
        #expect(scenario.network.flows.count == 12)

        try Fixture.edit(folder, "scenario.yaml", replacing: "{cleaning: largest}", with: "{all: largest}")
        let all = try Self.load(folder)
        #expect(all.network.flows.filter { $0.supplier == "far" }.map(\.site) == ["s1", "s3", "s2"])
        #expect(Self.flow(all, "far", "s1")?.weeklyQuantity == [500, 3.5])
        #expect(all.network.flows.filter { $0.supplier == "near" }.map(\.site).sorted() == ["s2", "s4", "s5", "s6"])
        #expect(all.network.flows.filter { $0.supplier == "parcels" }.count == 4)
    }

    /// A moved flow takes the receiving supplier's fixed days: its own days outside them are
    /// dropped; a flow delivered more often than the supplier has days cannot be taken over.
    @Test func movedFlowsTakeTheReceivingSuppliersDays() throws {
        let folder = try Self.folder(
            withFlowGroups: false,
            scenario: [("objective: cost", "objective: cost\nsupplier_consolidation: {paper: near}")])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.edit(
            folder, "suppliers.csv", replacing: "min_hub_trips_per_week", with: "min_hub_trips_per_week,days")
        try Fixture.edit(
            folder, "suppliers.csv", replacing: "diemen,52.3410,4.9630,van,1",
            with: "diemen,52.3410,4.9630,van,1,mon|tue|thu")
        try Fixture.edit(folder, "flows.csv", replacing: "cages", with: "cages,days")
        try Fixture.edit(folder, "flows.csv", replacing: "far,s3,1,150,1", with: "far,s3,1,150,1,fri")
        try Fixture.edit(folder, "flows.csv", replacing: "far,s5,1,300,1.5", with: "far,s5,1,300,1.5,tue")
        try Fixture.edit(folder, "flows.csv", replacing: "near,s4,2,240,1", with: "near,s4,2,240,1,mon|thu")
        let scenario = try Self.load(folder)
        #expect(Self.flow(scenario, "near", "s3")?.days == nil)
        #expect(Self.flow(scenario, "near", "s5")?.days == [.tue])
        #expect(scenario.network.flows.allSatisfy { $0.supplier != "far" })

        try Fixture.edit(folder, "flows.csv", replacing: "far,s1,2,400,2", with: "far,s1,4,400,2")
        #expect(
            Self.problems(folder) == [
                "scenario.yaml:13: field 'supplier_consolidation.paper': supplier near delivers only on mon|tue|thu, but the flow far -> s1 it would take over has 4 deliveries a week; choose another supplier or give near more days"
            ])
        // Several such flows: one problem, naming the first.
        try Fixture.edit(folder, "flows.csv", replacing: "far,s5,1,300,1.5,tue", with: "far,s5,4,300,1.5,")
        #expect(
            Self.problems(folder) == [
                "scenario.yaml:13: field 'supplier_consolidation.paper': supplier near delivers only on mon|tue|thu, but the flow far -> s1 (and 1 more flow(s)) it would take over has 4 deliveries a week; choose another supplier or give near more days"
            ])
    }

    /// Merged days are those of the most frequent flow; on a tie the receiving supplier's own.
    @Test func mergedFlowsTakeTheDaysOfTheMostFrequent() throws {
        let folder = try Self.folder(
            withFlowGroups: false,
            scenario: [("objective: cost", "objective: cost\nsupplier_consolidation: {paper: near}")])
        defer { try? FileManager.default.removeItem(at: folder) }
        // Swap the groups' flows onto the same sites: near's s4 (2x) meets far's s1 (2x).
        try Fixture.edit(folder, "flows.csv", replacing: "cages", with: "cages,days")
        try Fixture.edit(folder, "flows.csv", replacing: "far,s1,2,400,2", with: "far,s4,2,400,2,tue|fri")
        try Fixture.edit(folder, "flows.csv", replacing: "near,s4,2,240,1", with: "near,s4,2,240,1,mon|thu")
        let paper = try Self.load(folder)
        let merged = try #require(Self.flow(paper, "near", "s4"))
        #expect(merged.weeklyQuantity == [640, 3])
        #expect(merged.deliveriesPerWeek == 2)
        #expect(merged.days == [.mon, .thu])
        #expect(paper.network.productGroup(of: merged) == "cleaning")
    }

    @Test func participationByProductGroupWithPrecedence() throws {
        let folder = try Self.folder(scenario: [
            (
                "  default: free",
                "  default: out\n  product_groups: {paper: in, cleaning: free}\n  suppliers: {far: out}"
            )
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.load(folder)
        let participation = { (supplier: String, site: String) in
            Self.flow(scenario, supplier, site).map(scenario.participation(of:))
        }
        #expect(participation("parcels", "s1") == .in) // paper by tender clause
        #expect(participation("parcels", "s3") == .out) // parcels: the default
        #expect(participation("near", "s2") == .free) // cleaning
        #expect(participation("far", "s1") == .out) // the supplier's own setting overrides paper: in
        #expect(participation("far", "s5") == .out)
        #expect(scenario.participation(ofSupplier: "parcels") == nil)
        #expect(scenario.participation(ofSupplier: "near") == .free)
        #expect(scenario.participation(ofSupplier: "far") == .out)
        #expect(!scenario.mayBundle(supplier: "far") && scenario.mayBundle(supplier: "parcels"))
    }

    @Test func badLeversNameFileLineAndField() throws {
        let folder = try Self.folder(scenario: [
            (
                "  default: free",
                "  default: free\n  product_groups: {bread: in, paper: maybe}"
            ),
            (
                "objective: cost",
                "objective: cost\nsupplier_consolidation:\n  bread: largest\n  paper: nobody\n  all: far"
            ),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            Self.problems(folder) == [
                "scenario.yaml:7: field 'participation.product_groups.bread': unknown product group 'bread'; the network has cleaning, paper, parcels",
                "scenario.yaml:7: field 'participation.product_groups.paper': expected free, in or out, got 'maybe'",
                "scenario.yaml:15: field 'supplier_consolidation.bread': unknown product group 'bread'; the network has cleaning, paper, parcels",
                "scenario.yaml:16: field 'supplier_consolidation.paper': unknown supplier 'nobody'; name a supplier (far, near, parcels) or largest",
                "scenario.yaml:17: field 'supplier_consolidation.all': all takes only largest (each product group to its own largest supplier), got 'far'",
            ])
    }

    /// The sweep's edit of the field: an empty mapping is no lever; a value names no line.
    @Test func supplierConsolidationIsSweepable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scenario.yaml").path
        let parameter = SweepParameter("supplier_consolidation")
        #expect(try parameter.scenario(path: path, value: "{}").network.flows.count == 12)
        #expect(try parameter.scenario(path: path, value: "{paper: far}").network.flows.count == 11)
        let message: String
        do {
            _ = try parameter.scenario(path: path, value: "{paper: nobody}")
            message = ""
        } catch { message = Self.describe(error) }
        #expect(
            message.hasSuffix(
                "scenario.yaml: field 'supplier_consolidation.paper': unknown supplier 'nobody'; name a supplier (far, near, parcels) or largest"
            ))
    }

    static func describe(_ error: any Error) -> String { "\(error)" }

    /// A whole plan with the levers, checked by the independent validator: far's paper goes to
    /// near (far is left without flows, its `out` affects nothing), parcels must use the hub.
    @Test func planWithLeversPassesTheValidator() throws {
        let folder = try Self.folder(
            withFlowGroups: false,
            scenario: [
                ("objective: cost", "objective: cost\nsupplier_consolidation: {paper: near}"),
                (
                    "  default: free",
                    "  default: free\n  suppliers: {far: out}\n  product_groups: {parcels: in, cleaning: out}"
                ),
            ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (scenario, notes) = try ScenarioLoader.loadWithNotes(
            path: folder.appendingPathComponent("scenario.yaml").path)
        #expect(scenario.network.flows.allSatisfy { $0.supplier != "far" })
        #expect(
            notes.map { $0.description.replacingOccurrences(of: folder.standardizedFileURL.path + "/", with: "") } == [
                "scenario.yaml:7: field 'participation.suppliers.far': supplier far has no flows left after supplier_consolidation, so its participation affects nothing; the flows it delivered follow the participation of the supplier they moved to"
            ])
        let result = try Planner.validatedPlan(scenario).result
        #expect(result.baseline.unserved.isEmpty && result.bundled.unserved.isEmpty)
        // Every delivery of the consolidated flows is made: 38 a week on the fixture, none merged.
        #expect(result.baseline.totals.stops == 38)
        let parcels = scenario.network.flows.filter { $0.supplier == "parcels" }
        #expect(parcels.count == 6)
        #expect(parcels.allSatisfy { result.consolidation.viaHub[$0.index] != nil })
        #expect(result.baseline.routes.allSatisfy { $0.operatedBy != "far" })
        // Near's cleaning stays direct by the clause; the paper it took over from far may bundle.
        for explanation in result.consolidation.flows where explanation.supplier == "near" {
            let flow = scenario.network.flows[explanation.flow]
            if scenario.network.productGroup(of: flow) == "cleaning" {
                #expect(explanation.viaHub == nil)
                #expect(explanation.ineligibility == [.productGroupOut(group: "cleaning")])
            } else {
                #expect(explanation.ineligibility.isEmpty)
            }
        }
        #expect(result.consolidation.productGroups.map(\.id).sorted() == ["paper", "parcels"])
    }
}
