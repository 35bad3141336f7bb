import Foundation
import Testing

@testable import BundelPlanner

/// A bundled flow's days are chosen among its site's days so that the hub's week is level.
@Suite("Hub week")
struct HubWeekTests {
    static let everyDay = DayPatterns.allowed([:], dayCount: 5)

    static func flow(_ index: Int, site: String, perWeek: Int, kg: Double) -> Flow {
        Flow(index: index, supplier: "s\(index)", site: site, deliveriesPerWeek: perWeek, weeklyQuantity: [kg, 0])
    }

    /// Five weekly flows of 400, 300, 200, 200 and 100 kg at a site served daily, next to a
    /// daily flow of 100 kg a delivery: the daily flow loads every day alike, and the weekly
    /// ones land one per day, heaviest first, so that the days carry 500, 400, 300, 300 and
    /// 200 kg. First-pattern-first put all five on Monday (1,300 kg against 100).
    @Test func weeklyFlowsOfADailySiteSpreadOverTheWeek() {
        let flows =
            [Self.flow(0, site: "a", perWeek: 5, kg: 500)]
            + zip(1...5, [400.0, 300, 200, 200, 100]).map { Self.flow($0, site: "a", perWeek: 1, kg: $1) }
        let days = DeliverySchedule.balancedFlowDays(
            flows, siteDays: ["a": [0, 1, 2, 3, 4]], dayCount: 5,
            patterns: Self.everyDay)
        #expect(days[0] == [0, 1, 2, 3, 4])
        var load = [Double](repeating: 0, count: 5)
        for flow in flows { for day in days[flow.index]! { load[day] += flow.quantityPerDelivery[0] } }
        #expect(load.sorted() == [200, 300, 300, 400, 500])
        #expect(Set((1...5).map { days[$0]!.count }) == [1])
        #expect(Set((1...5).map { days[$0]![0] }).count == 5)
    }

    /// Two weekly flows of one size at a site delivered Mon+Thu: one each day, never both on
    /// Monday; a twice-weekly flow there uses both days.
    @Test func weeklyFlowsOfATwiceWeeklySiteTakeOneDayEach() {
        let flows = [
            Self.flow(0, site: "b", perWeek: 2, kg: 200), Self.flow(1, site: "b", perWeek: 1, kg: 150),
            Self.flow(2, site: "b", perWeek: 1, kg: 150),
        ]
        let days = DeliverySchedule.balancedFlowDays(
            flows, siteDays: ["b": [0, 3]], dayCount: 5,
            patterns: Self.everyDay)
        #expect(days[0] == [0, 3])
        #expect(Set([days[1]!, days[2]!]) == [[0], [3]])
    }

    /// The scenario's patterns still bind: with weekly deliveries allowed on Tuesday or Thursday
    /// only, weekly flows at a daily site use just those two days, alternately.
    @Test func allowedPatternsBindTheChoice() {
        var patterns = Self.everyDay
        patterns[1] = [[1], [3]]
        let flows = (0..<4).map { Self.flow($0, site: "c", perWeek: 1, kg: 100) }
        let days = DeliverySchedule.balancedFlowDays(
            flows, siteDays: ["c": [0, 1, 2, 3, 4]], dayCount: 5,
            patterns: patterns)
        #expect(flows.map { days[$0.index]! }.filter { $0 == [1] }.count == 2)
        #expect(flows.map { days[$0.index]! }.filter { $0 == [3] }.count == 2)
    }

    /// The hub's week in the summary adds up to its tours, day by day.
    @Test func hubWeekAddsUpToTheTours() throws {
        let (scenario, result) = try PlannerEndToEndTests.planSmall()
        let weeks = HubWeek.weeks(of: result.bundled, scenario: scenario)
        let tours = result.bundled.routes.filter { $0.kind == .hubTour }
        try #require(weeks.count == 1 && !tours.isEmpty)
        #expect(weeks[0].days.map(\.tours).reduce(0, +) == tours.count)
        #expect(weeks[0].days.map(\.stops).reduce(0, +) == tours.map(\.stops.count).reduce(0, +))
        let kg = tours.flatMap(\.stops).map { $0.quantity[0] }.reduce(0, +)
        #expect(abs(weeks[0].days.map { $0.quantity[0] }.reduce(0, +) - kg) < 1e-9)
        let busiest = weeks[0].days.map { $0.quantity[0] }.max()!
        #expect(abs(weeks[0].busiestToMean! - busiest / (kg / 5)) < 1e-12)
    }
}

extension HubWeekTests {
    /// Two suppliers with three weekly flows of 20 kg each at sites the hub serves daily (100 kg
    /// a day each from a third supplier): each
    /// supplier's flows share one day (one trunk leg a week instead of three), on different
    /// days, so the hub's week stays as level as whole suppliers allow.
    @Test func aSuppliersWeeklyFlowsShareItsDays() {
        let sites = ["a", "b", "c"]
        let flows =
            (0..<6).map { index in
                Flow(
                    index: index, supplier: index < 3 ? "x" : "y", site: sites[index % 3], deliveriesPerWeek: 1,
                    weeklyQuantity: [20, 0])
            }
            + sites.enumerated().map { offset, site in
                Flow(index: 6 + offset, supplier: "daily", site: site, deliveriesPerWeek: 5, weeklyQuantity: [500, 0])
            }
        let days = DeliverySchedule.balancedFlowDays(
            flows, siteDays: Dictionary(uniqueKeysWithValues: sites.map { ($0, [0, 1, 2, 3, 4]) }),
            dayCount: 5, patterns: Self.everyDay)
        let xDays = Set((0..<3).map { days[$0]! }), yDays = Set((3..<6).map { days[$0]! })
        #expect(xDays.count == 1 && yDays.count == 1, "\(days.sorted { $0.key < $1.key })")
        #expect(xDays != yDays)
    }
}
