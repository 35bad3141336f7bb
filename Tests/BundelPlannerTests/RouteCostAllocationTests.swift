import Testing

@testable import BundelPlanner

/// A route's cost shared among its stops by line-haul and local tour (issue 14: a heavy
/// delivery takes more of the line-haul), computed by hand.
@Suite("Route cost allocation")
struct RouteCostAllocationTests {
    /// Depot d, a stop a 1 km away and a stop b 9 km away; a to b 8.5 km.
    static let matrix = TravelMatrix(
        ids: ["d", "a", "b"],
        metres: [
            0, 1000, 9000,
            1000, 0, 8500,
            9000, 8500, 0,
        ], seconds: nil)

    static func route(a: [Double], b: [Double]) -> PlannedRoute {
        PlannedRoute(
            kind: .direct, day: .mon, operatedBy: "s", vehicleType: "van", start: "d", end: "d", departureMinute: 480,
            stops: [
                PlannedStop(
                    location: "a", serviceStartMinute: 490, deliveries: [FlowDelivery(flow: 0, quantity: a)],
                    quantity: a, shortestMetres: 1000),
                PlannedStop(
                    location: "b", serviceStartMinute: 520, deliveries: [FlowDelivery(flow: 1, quantity: b)],
                    quantity: b, shortestMetres: 9000),
            ],
            legMetres: [1000, 8500, 9000], durationSeconds: 3600, costEur: 100, energy: 5, co2eWtwKg: 10, co2eTtwKg: 8)
    }

    /// a carries 300 kg and 3 cages, b 100 kg and 1 cage: a's load share is 3/4 in both.
    /// Reach (mean distance from the ends, +1 m): a 1,001, b 9,001. Line-haul: 2 x 9,001 over
    /// the 18,500 m route. Line-haul shares by load x reach: a 750.75 / 3,001; local shares by
    /// reach: a 1,001 / 10,002.
    @Test func aHeavyNearStopTakesItsLoadsShareOfTheLineHaul() {
        let fractions = RouteCostAllocation.fractions(of: Self.route(a: [300, 3], b: [100, 1]), matrix: Self.matrix)
        let lineHaul = 18_002.0 / 18_500
        let a = lineHaul * (750.75 / 3_001) + (1 - lineHaul) * (1_001.0 / 10_002)
        #expect(abs(fractions[0] - a) < 1e-12)
        #expect(abs(fractions[0] + fractions[1] - 1) < 1e-12)
        // About 24.6 % for a, where distance alone gave it 10.0 %.
        #expect(abs(fractions[0] - 0.2461) < 1e-4)
        let shares = RouteCostAllocation.shares(of: Self.route(a: [300, 3], b: [100, 1]), matrix: Self.matrix)
        #expect(abs(shares[0].costEur + shares[1].costEur - 100) < 1e-9)
        #expect(abs(shares[0].km + shares[1].km - 18.5) < 1e-9)
    }

    /// Equal loads: the line-haul goes by reach alone, as the local tour does.
    @Test func equalLoadsShareByDistance() {
        let fractions = RouteCostAllocation.fractions(of: Self.route(a: [100, 1], b: [100, 1]), matrix: Self.matrix)
        #expect(abs(fractions[0] - 1_001.0 / 10_002) < 1e-12)
    }

    /// A route that carries nothing in one dimension counts only the others; one that carries
    /// nothing at all shares the line-haul equally.
    @Test func emptyDimensionsAreLeftOut() {
        let cagesOnly = RouteCostAllocation.loads(of: Self.route(a: [0, 3], b: [0, 1]))
        #expect(cagesOnly == [0.75, 0.25])
        let nothing = RouteCostAllocation.loads(of: Self.route(a: [0, 0], b: [0, 0]))
        #expect(nothing == [1, 1])
    }
}
