import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// ISO 14083 allocation of a shared trip (quantity × shortest feasible distance) and the
/// transport and hub operation categories, against hand-computed values.
@Suite("Emission allocation")
struct EmissionAllocationTests {
    static let byMass = EmissionAccount.Basis(distance: .shortestFeasible, dimension: 0)

    /// A diesel van from depot `far`: stop s1 (flow 0, 100 kg) after 10 km, 10 km from the depot
    /// as the crow drives; stop s3 (flows 1 and 2, 300 and 100 kg) after 15 km ridden but 12 km
    /// by the shortest route; 15 km back. 5.8 kg CO2e WTW, 2.9 kg TTW.
    static func twoStopTrip(reversed: Bool = false) -> PlannedRoute {
        let s1 = PlannedStop(
            location: "s1", serviceStartMinute: 0, deliveries: [FlowDelivery(flow: 0, quantity: [100, 1])],
            quantity: [100, 1], shortestMetres: 10_000)
        let s3 = PlannedStop(
            location: "s3", serviceStartMinute: 0,
            deliveries: [FlowDelivery(flow: 1, quantity: [300, 1]), FlowDelivery(flow: 2, quantity: [100, 1])],
            quantity: [400, 2], shortestMetres: 12_000)
        return PlannedRoute(
            kind: .direct, day: .mon, operatedBy: "far", vehicleType: "van", start: "far", end: "far",
            departureMinute: 360, stops: reversed ? [s3, s1] : [s1, s3],
            legMetres: reversed ? [12_000, 5_000, 10_000] : [10_000, 5_000, 15_000], durationSeconds: 0,
            costEur: 0, energy: 0, co2eWtwKg: 5.8, co2eTtwKg: 2.9)
    }

    static func account(_ routes: [PlannedRoute], basis: EmissionAccount.Basis = byMass) throws -> EmissionAccount {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let plan = WeeklyPlan(routes: routes, unserved: [], hubFixedCostEur: 0, hubHandlingCostEur: 0)
        return EmissionAccount(plan: plan, network: scenario.network, viaHub: [:], basis: basis)
    }

    /// Shortest feasible distance: 0.1 t × 10 km, 0.3 t × 12 km and 0.1 t × 12 km are 1, 3.6
    /// and 1.2 tonne-km of 5.8, so the trip's 5.8 kg go 1, 3.6 and 1.2 kg. Ridden distance
    /// charges s3 for the detour through s1: 1, 4.5 and 1.5 of 7 tonne-km.
    @Test func shortestDistanceAllocationOnATwoStopTrip() throws {
        let route = Self.twoStopTrip()
        let shortest = EmissionAccount.allocationShares(route, basis: Self.byMass)
        #expect(zip(shortest, [1, 3.6, 1.2]).allSatisfy { abs($0 * 5.8 - $1) < 1e-12 })
        let ridden = EmissionAccount.allocationShares(
            route, basis: EmissionAccount.Basis(distance: .ridden, dimension: 0))
        #expect(zip(ridden, [1, 4.5, 1.5]).allSatisfy { abs($0 * 7 - $1) < 1e-12 })
        #expect(abs(EmissionAccount.tonneKm(route, weightDimension: 0, distance: .shortestFeasible) - 5.8) < 1e-12)
        #expect(abs(EmissionAccount.tonneKm(route, weightDimension: 0, distance: .ridden) - 7) < 1e-12)

        let account = try Self.account([route])
        #expect(abs(account.perFlow[0].co2eWtwKg - 1) < 1e-12)
        #expect(abs(account.perFlow[1].co2eWtwKg - 3.6) < 1e-12)
        #expect(abs(account.perFlow[2].co2eTtwKg - 0.6) < 1e-12)
        #expect(abs(account.elements[0].tonneKm - 5.8) < 1e-12 && abs(account.elements[0].tonnes - 0.5) < 1e-12)
    }

    /// A stop's share does not depend on its place in the tour under the shortest distance; it
    /// does under the ridden distance (flow 0 rides 27 km when s1 comes last).
    @Test func theOrderOfStopsMovesOnlyTheRiddenShares() throws {
        let forward = Self.twoStopTrip(), backward = Self.twoStopTrip(reversed: true)
        let flowsBackward = [1, 2, 0] // the deliveries' flows in the reversed trip's order
        let shortestForward = EmissionAccount.allocationShares(forward, basis: Self.byMass)
        let shortestBackward = EmissionAccount.allocationShares(backward, basis: Self.byMass)
        for (position, flow) in flowsBackward.enumerated() {
            #expect(abs(shortestBackward[position] - shortestForward[flow]) < 1e-12)
        }
        let ridden = EmissionAccount.Basis(distance: .ridden, dimension: 0)
        let riddenBackward = EmissionAccount.allocationShares(backward, basis: ridden)
        // Backward: 0.3 × 12 + 0.1 × 12 + 0.1 × 17 = 6.5 tonne-km; flow 0 has 1.7 of them.
        #expect(abs(riddenBackward[2] - 1.7 / 6.5) < 1e-12)
        #expect(abs(EmissionAccount.allocationShares(forward, basis: ridden)[0] - 1.0 / 7) < 1e-12)
    }

    /// Roll cages as the allocation unit: 1, 1 and 1 cage × 10, 12 and 12 km = 34 cage-km.
    @Test func quantityInLoadingUnits() {
        let cages = EmissionAccount.allocationShares(
            Self.twoStopTrip(), basis: EmissionAccount.Basis(distance: .shortestFeasible, dimension: 1))
        #expect(zip(cages, [10.0 / 34, 12.0 / 34, 12.0 / 34]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    /// The unit that fills the vans first: the trip fills 500 of 1,000 kg and 3 of 6 cages, a
    /// tie that goes to weight; a second trip with 4 cages of 50 kg tips it to cages.
    @Test func theLimitingDimensionIsChosenOverAllTrips() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        let network = scenario.network
        let trip = Self.twoStopTrip()
        let plan = WeeklyPlan(routes: [trip], unserved: [], hubFixedCostEur: 0, hubHandlingCostEur: 0)
        #expect(EmissionAccount.limitingDimension(of: [plan], network: network) == 0)
        var bulky = trip
        bulky.stops = [
            PlannedStop(
                location: "s1", serviceStartMinute: 0, deliveries: [FlowDelivery(flow: 0, quantity: [50, 4])],
                quantity: [50, 4], shortestMetres: 10_000)
        ]
        let other = WeeklyPlan(routes: [bulky], unserved: [], hubFixedCostEur: 0, hubHandlingCostEur: 0)
        #expect(EmissionAccount.limitingDimension(of: [plan, other], network: network) == 1)
        // A named dimension wins over the choice.
        let named = EmissionAccount.Basis.of(
            EmissionAllocation(distance: .ridden, quantity: "kg"), plans: [plan, other], network: network)
        #expect(named == EmissionAccount.Basis(distance: .ridden, dimension: 0))
    }

    /// Categories of a small plan: two diesel direct trips (5.8 tonne-km and 5.8 kg CO2e WTW
    /// each, 2.9 TTW) are one category of 11.6 tonne-km and 1,000 g CO2e WTW per tonne-km; a
    /// hub handling 2 t on one day for 3.74 kg is 1.87 kg CO2e per tonne.
    @Test func operationCategoryIntensities() throws {
        let scenario = try ScenarioLoader.load(path: Fixture.smallScenario)
        var trunk = Self.twoStopTrip()
        trunk.kind = .trunk
        trunk.stops = [
            PlannedStop(
                location: "hub", serviceStartMinute: 400,
                deliveries: [FlowDelivery(flow: 0, quantity: [1500, 2]), FlowDelivery(flow: 1, quantity: [500, 1])],
                quantity: [2000, 3], shortestMetres: 20_000)
        ]
        trunk.legMetres = [20_000, 20_000]
        trunk.co2eWtwKg = 8
        trunk.co2eTtwKg = 6
        let operations = HubOperations.fromTrunkLegs(
            [trunk], network: scenario.network, factors: scenario.emissionFactors)
        let plan = WeeklyPlan(
            routes: [Self.twoStopTrip(), Self.twoStopTrip(reversed: true), trunk], unserved: [], hubFixedCostEur: 0,
            hubHandlingCostEur: 0, hubOperations: operations)
        let account = EmissionAccount(
            plan: plan, network: scenario.network, viaHub: [0: "hub", 1: "hub"], basis: Self.byMass)
        let categories = account.transportCategories
        #expect(categories.map(\.kind) == [.direct, .trunk])
        let direct = categories[0]
        #expect(direct.trips == 2 && direct.vehicleType == "van" && direct.energyCarrier == "diesel-b7")
        #expect(abs(direct.tonneKm - 11.6) < 1e-12 && abs(direct.tonnes - 1) < 1e-12)
        #expect(abs(direct.wtwGramsPerTonneKm! - 1000) < 1e-9)
        #expect(abs(direct.ttwGramsPerTonneKm! - 500) < 1e-9)
        // The trunk leg: 2 t × 20 km = 40 tonne-km for 8 kg: 200 g per tonne-km.
        #expect(abs(categories[1].wtwGramsPerTonneKm! - 200) < 1e-9)
        let hubs = account.hubCategories
        #expect(hubs.count == 1 && hubs[0].hub == "hub" && hubs[0].days == 1)
        #expect(abs(hubs[0].tonnesHandled - 2) < 1e-12)
        #expect(abs(hubs[0].wtwKgPerTonne! - 1.87) < 1e-12)
        #expect(hubs[0].ttwKgPerTonne == 0)
        let summed = categories.map(\.co2eWtwKg).reduce(0, +) + hubs.map(\.co2eWtwKg).reduce(0, +)
        #expect(abs(summed - account.total.co2eWtwKg) < 1e-12)
    }

    /// Allocation moves emissions between flows and never adds or removes any: every plan's
    /// flows add up to its totals under both distances. Returns whether the distances moved
    /// some emissions between flows.
    @discardableResult
    static func expectAllocationKeepsTotals(_ result: PlanResult) -> Bool {
        let network = result.scenario.network
        var moved = false
        for (plan, viaHub) in [(result.baseline, [Int: String]()), (result.bundled, result.consolidation.viaHub)] {
            let accounts = EmissionAllocation.Distance.allCases.map { distance in
                EmissionAccount(
                    plan: plan, network: network, viaHub: viaHub,
                    basis: EmissionAccount.Basis.of(
                        EmissionAllocation(distance: distance), plans: [result.baseline, result.bundled],
                        network: network))
            }
            for account in accounts {
                let tolerance = 1e-9 * max(1, plan.totals.co2eWtwKg)
                #expect(abs(account.perFlow.map(\.co2eWtwKg).reduce(0, +) - plan.totals.co2eWtwKg) < tolerance)
                #expect(abs(account.perFlow.map(\.co2eTtwKg).reduce(0, +) - plan.totals.co2eTtwKg) < tolerance)
            }
            moved =
                moved
                || zip(accounts[0].perFlow, accounts[1].perFlow).contains { abs($0.co2eWtwKg - $1.co2eWtwKg) > 1e-6 }
        }
        return moved
    }

    /// On the small network the shortest distance moves some emissions between flows, and
    /// neither distance changes a total (the shipped networks' default scenarios are checked
    /// the same way in ConsolidationRoundsTests).
    @Test func allocationNeverChangesTheTotals() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall()
        #expect(
            Self.expectAllocationKeepsTotals(result),
            "the shortest distance should move some emissions between flows on the small network")
    }

    /// The worked example of docs/emissions.md, flow 1 (far -> s3) of the small network through
    /// the hub: every figure the page quotes, recomputed from the plan.
    @Test func theWorkedExampleHolds() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall()
        let accounts = PlanEmissionAccounts(result)
        #expect(accounts.basis == EmissionAccount.Basis(distance: .shortestFeasible, dimension: 1))
        let carriesFlow1 = { (route: PlannedRoute) in route.stops.contains { $0.deliveries.contains { $0.flow == 1 } } }
        let trunk = try #require(result.bundled.routes.first { $0.kind == .trunk && carriesFlow1($0) })
        #expect(trunk.day == .mon && trunk.metres == 70_214 && trunk.stops[0].shortestMetres == 35_107)
        #expect(abs(trunk.co2eWtwKg - 22.9038) < 5e-5 && abs(trunk.co2eTtwKg - 17.3569) < 5e-5)
        #expect(trunk.stops[0].quantity[1] == 4.5)
        let tour = try #require(result.bundled.routes.first { $0.kind == .hubTour && carriesFlow1($0) })
        #expect(tour.day == .tue && tour.metres == 40_334 && abs(tour.co2eWtwKg - 3.6204) < 5e-5)
        #expect(tour.stops.map(\.location) == ["s5", "s4", "s6", "s1", "s2", "s3"])
        #expect(tour.stops.map(\.shortestMetres) == [5_332, 6_580, 12_964, 7_135, 5_518, 4_014])
        let position = try #require(tour.stops.flatMap(\.deliveries).firstIndex { $0.flow == 1 })
        let shortest = EmissionAccount.allocationShares(tour, basis: accounts.basis)[position]
        #expect(abs(shortest - 4.014 / 11.7896) < 1e-5 && abs(shortest * tour.co2eWtwKg - 1.2326) < 5e-5)
        let ridden = EmissionAccount.allocationShares(
            tour, basis: EmissionAccount.Basis(distance: .ridden, dimension: 1))[position]
        #expect(abs(ridden - 36.32 / 65.93) < 1e-4 && abs(ridden * tour.co2eWtwKg - 1.9944) < 5e-4)
        let handling = try #require(result.bundled.hubOperations.first { $0.day == .mon })
        #expect(handling.deliveries.contains { $0.flow == 1 && $0.quantity[0] == 150 })
        let flow = accounts.bundled.perFlow[1]
        #expect(abs(flow.co2eWtwKg - (5.0897 + 0.2805 + 1.2326)) < 2e-4 && abs(flow.co2eWtwKg - 6.602862) < 1e-6)
        #expect(abs(flow.co2eTtwKg - 3.8571) < 5e-5)
    }

    /// The JSON's `emissions` and the report's tables carry the same categories as the account,
    /// and the organisation's scope 3 figure is the plan's total.
    @Test func theJSONAndTheReportCarryTheCategories() throws {
        let (_, result) = try PlannerEndToEndTests.planSmall()
        let accounts = PlanEmissionAccounts(result)
        let entry = JSONSummary(result).emissions
        #expect(entry.allocationDistance == "shortest-distance" && entry.allocationQuantity == "cages")
        let categories = accounts.bundled.transportCategories
        #expect(entry.bundled.transportOperationCategories.map(\.category) == categories.map(\.kind.rawValue))
        for (json, category) in zip(entry.bundled.transportOperationCategories, categories) {
            #expect(abs(json.co2eWtwKg - category.co2eWtwKg) <= 0.005 && abs(json.tonneKm - category.tonneKm) <= 0.005)
            #expect(json.gramsCo2eWtwPerTonneKm.map { abs($0 - category.wtwGramsPerTonneKm!) <= 0.005 } == true)
        }
        #expect(entry.bundled.hubOperationCategories.map(\.hub) == ["hub"])
        #expect(entry.baseline.hubOperationCategories.isEmpty)
        #expect(abs(entry.bundled.organisationCo2eWtwKg - result.bundled.totals.co2eWtwKg) <= 0.005)
        let statement = DataQualityStatement(result, accounts: accounts)
        #expect(abs(entry.dataQuality.bundled.defaultShare - statement.bundled.defaultShare) < 1e-6)
        let html = HTMLReport.render(result)
        for category in categories {
            #expect(html.contains("data-toc-plan=\"bundled\" data-toc=\"\(category.kind.rawValue)\""))
        }
        #expect(html.contains("data-hoc-plan=\"bundled\" data-hoc=\"hub\""))
        #expect(html.contains("data-default-share-bundled=\"\(statement.bundled.defaultShare)\""))
    }

    /// The scenario field: a scalar method, a mapping with a dimension, and a bad value named.
    @Test func theScenarioFieldIsReadAndChecked() throws {
        let ridden = try StopTimeTests.load([
            ("scenario.yaml", "seed: 7", "seed: 7\nemission_allocation: ridden-distance")
        ])
        #expect(ridden.emissionAllocation == EmissionAllocation(distance: .ridden))
        let cages = try StopTimeTests.load([
            ("scenario.yaml", "seed: 7", "seed: 7\nemission_allocation: {distance: shortest-distance, quantity: cages}")
        ])
        #expect(cages.emissionAllocation == EmissionAllocation(distance: .shortestFeasible, quantity: "cages"))
        #expect(throws: InputError.self) {
            try StopTimeTests.load([("scenario.yaml", "seed: 7", "seed: 7\nemission_allocation: {quantity: pallets}")])
        }
        do {
            _ = try StopTimeTests.load([("scenario.yaml", "seed: 7", "seed: 7\nemission_allocation: along-the-tour")])
            Issue.record("a bad method should be refused")
        } catch let error as InputError {
            let text = "\(error)"
            #expect(text.contains("emission_allocation") && text.contains("shortest-distance or ridden-distance"))
        }
    }
}
