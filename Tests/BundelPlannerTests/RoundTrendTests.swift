import Testing

@testable import BundelPlanner

/// When the consolidation rounds stop because their routes drift (``RoundTrend``).
@Suite("Round trend")
struct RoundTrendTests {
    /// The routed keys of a run's rounds: whether the trend says stop after each.
    static func stops(_ objectives: [Double], unserved: [Int]? = nil, allDirect: Double? = nil) -> [Bool] {
        var trend = RoundTrend(limit: Planner.risingRoundsLimit, startingFrom: allDirect.map { (0, 0, $0) })
        return objectives.indices.map { trend.record((unserved?[$0] ?? 0, 0, objectives[$0])) }
    }

    /// The generated 1,400-site network: every round routed worse than the one before, so the
    /// rounds stop after the third; counted from all direct (307,468 EUR a week), whose routes
    /// the first round already lost to, after the second.
    @Test func routesRisingTwiceInARowStop() {
        #expect(Self.stops([325_423, 330_534, 333_978]) == [false, false, true])
        #expect(Self.stops([325_423, 330_534], allDirect: 307_468) == [false, true])
    }

    /// From all direct: a first round routed better than all direct starts no count; the
    /// two-hub scenarios of the campuses and Cordaan (all direct 33,128 and 32,274 EUR a week)
    /// stop after their second round, which the rounds that fell again later never brought
    /// below all direct (the campus rounds 3-5: 42,360 to 39,988); a first round above all
    /// direct followed by a better one goes on (Cordaan's zone rounds from a made-up 45,000).
    @Test func theFirstRoundIsComparedWithAllDirect() {
        #expect(Self.stops([90, 95, 99], allDirect: 100) == [false, false, true])
        #expect(Self.stops([43_742, 47_042], allDirect: 33_128) == [false, true])
        #expect(Self.stops([48_821, 51_611], allDirect: 32_274) == [false, true])
        #expect(!Self.stops([50_476, 45_246, 45_274, 44_075, 45_078], allDirect: 45_000).contains(true))
    }

    /// The bundled scenarios' rounds: routes that rise once and fall again go on (Cordaan's
    /// zone scenario, the campus purchasing levers and two hubs).
    @Test func routesThatFallAgainGoOn() {
        #expect(!Self.stops([50_476, 45_246, 45_274, 44_075, 45_078]).contains(true))
        #expect(!Self.stops([40_394, 36_460, 37_534, 36_400, 36_617]).contains(true))
        #expect(!Self.stops([43_742, 47_042, 42_360, 41_472, 39_988]).contains(true))
        // A rise, a fall, then two rises: the count starts again after the fall.
        #expect(Self.stops([10, 11, 9, 10, 12]) == [false, false, false, false, true])
    }

    /// Fewer unserved deliveries come first: a round that serves more is better whatever its cost.
    @Test func unservedDeliveriesComeFirst() {
        #expect(Self.stops([100, 200, 300], unserved: [3, 2, 1]) == [false, false, false])
        #expect(Self.stops([300, 200, 100], unserved: [1, 2, 3]) == [false, false, true])
    }
}
