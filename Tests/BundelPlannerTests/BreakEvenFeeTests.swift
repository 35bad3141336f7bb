import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// The break-even hub price: found by re-solving, it flips the plan's decision about the hub.
@Suite("Break-even hub fee")
struct BreakEvenFeeTests {
    /// Whether the validated plan at `value` opens the hub.
    static func opens(_ base: Scenario, price: HubPrice = .fixedCostPerWeek, _ value: Double) throws -> Bool {
        try Planner.validatedPlan(try #require(base.settingPrice(price, of: "hub", to: value))).result.verdict.openHubs
            .contains {
                $0.id == "hub"
            }
    }

    /// A constructed case: the hub opens at a fee of 100 EUR a week and stays closed at 1,000.
    /// The break-even lies between, within the tolerance, and planning again just below it
    /// opens the hub while just above it keeps it closed.
    @Test func theFeeFlipsTheDecision() throws {
        let (base, _) = try PlannerEndToEndTests.planSmall()
        try #require(try Self.opens(base, 100))
        try #require(try !Self.opens(base, 1000))
        let fee = try Planner.breakEven(base, hub: "hub", price: .fixedCostPerWeek)
        #expect(fee.current == 100 && fee.openAtCurrent)
        let open = try #require(fee.open), closed = try #require(fee.closed)
        let breakEven = try #require(fee.breakEven)
        #expect(100 <= open && open < breakEven && breakEven < closed && closed <= 1000)
        #expect(closed - open <= BreakEvenSettings().feeTolerance)
        #expect(fee.solves <= BreakEvenSettings().maxSolves)
        #expect(try Self.opens(base, open), "just below the break-even the hub opens")
        #expect(try !Self.opens(base, closed), "just above it the hub stays closed")
        let sentence = fee.sentence(units: base.network.dimensions.map(\.unit))
        #expect(
            sentence.hasPrefix(
                "break-even hub fee for hub: opens below \(NumberFormat.grouped(breakEven, decimals: 0)) EUR/week"))
        #expect(sentence.contains("now 100 EUR/week"))
        let (_, result) = try PlannerEndToEndTests.planSmall()
        let page = HTMLReport.render(result, breakEven: [fee])
        #expect(page.contains("data-open=\"\(open)\" data-closed=\"\(closed)\">\(HTMLReport.escape(sentence))</li>"))
        #expect(!HTMLReport.render(result).contains("Break-even prices"))
    }

    /// From a fee at which the hub stays closed the search goes down and finds the same kind
    /// of bracket: open below, closed above.
    @Test func aClosedHubsFeeIsSearchedDownwards() throws {
        let (small, _) = try PlannerEndToEndTests.planSmall()
        let base = try #require(small.settingPrice(.fixedCostPerWeek, of: "hub", to: 1000))
        let fee = try Planner.breakEven(base, hub: "hub", price: .fixedCostPerWeek)
        #expect(!fee.openAtCurrent)
        let open = try #require(fee.open), closed = try #require(fee.closed)
        #expect(open < closed && closed < 1000)
        #expect(try Self.opens(base, open) && !Self.opens(base, closed))
    }

    /// Handling prices scaled together: the multiple at which the hub closes is found the same
    /// way, and told in EUR per unit.
    @Test func theHandlingPriceFlipsTheDecision() throws {
        let (base, _) = try PlannerEndToEndTests.planSmall()
        var settings = BreakEvenSettings()
        settings.handlingTolerance = 0.05
        let fee = try Planner.breakEven(base, hub: "hub", price: .handlingCost, settings: settings)
        #expect(fee.current == 1 && fee.openAtCurrent)
        let open = try #require(fee.open), closed = try #require(fee.closed)
        #expect(1 <= open && open < closed && closed - open <= 0.05)
        #expect(try Self.opens(base, price: .handlingCost, open))
        #expect(try !Self.opens(base, price: .handlingCost, closed))
        #expect(fee.sentence(units: base.network.dimensions.map(\.unit)).contains("EUR per roll cage"))
    }

    /// A hub that is not a candidate of the scenario is one clear error.
    @Test func anUnknownHubIsRefused() throws {
        let (base, _) = try PlannerEndToEndTests.planSmall()
        #expect(throws: InputError.self) { try Planner.breakEven(base, hub: "nowhere", price: .fixedCostPerWeek) }
    }
}
