import Foundation

/// A hub price the break-even search moves.
public enum HubPrice: String, Sendable, Codable, CaseIterable {
    /// The weekly fixed cost, EUR a week.
    case fixedCostPerWeek = "fixed_cost_per_week"
    /// Every handling price per unit at once, as a multiple of today's (1 = today's prices).
    case handlingCost = "handling_cost"
}

/// The price of a hub at which the plan's decision about it changes: below it the plan opens
/// the hub, above it the hub stays closed. Found by planning the scenario again with the price
/// changed, because the decision the tool reports comes from routed plans, not from the
/// consolidation model's estimates: a re-solve is the only honest answer to "would it still
/// open at this fee?".
public struct BreakEvenFee: Sendable, Equatable, Codable {
    public var hub: String
    public var price: HubPrice
    /// The scenario's price: EUR a week, or 1 for today's handling prices.
    public var current: Double
    /// Today's handling price per unit in each capacity dimension (empty for the fixed cost),
    /// so that a multiple can be told as prices.
    public var handlingPerUnit: [Double]
    /// Whether the re-solved plan at the scenario's price opens the hub.
    public var openAtCurrent: Bool
    /// The highest price tried at which the hub opened, and the lowest above it at which it
    /// stayed closed: the break-even lies between. Nil where no such price was found (the hub
    /// opened at every price tried, or stayed closed even at 0).
    public var open: Double?
    public var closed: Double?
    /// Plans made for the search, and the time limit and routing iterations of each.
    public var solves: Int
    public var timeLimitSeconds: Double
    public var routingIterations: Int

    /// Halfway between the last price that opened the hub and the first that closed it.
    public var breakEven: Double? {
        guard let open, let closed else { return nil }
        return (open + closed) / 2
    }
}

/// How hard the break-even search works: each step is a whole plan of the scenario.
public struct BreakEvenSettings: Sendable, Equatable {
    /// Each re-solve's time limit, at most the scenario's own: the searches then stop at their
    /// iteration count as the reported plan's do, unless the scenario is large.
    public var timeLimitSeconds: Double = 20
    /// Most plans per hub and price, the first (at today's price) included.
    public var maxSolves: Int = 12
    /// The search stops when the open and closed prices are this close: EUR a week for the
    /// fixed cost, a multiple of today's prices for handling.
    public var feeTolerance: Double = 1
    public var handlingTolerance: Double = 0.01

    public init() {}
}

extension Planner {
    /// The price of `hub` at which the plan's decision about it changes, by bisection over
    /// validated plans of `scenario` with only that price changed (same seed, so each plan is
    /// the one `bundel plan` would make at that price under the same limits). The bracket starts
    /// at today's price and widens from the saving of the plan at that price (raising the
    /// price by what the hub saves closes it, roughly) until the hub closes, or goes down to 0.
    public static func breakEven(
        _ scenario: Scenario, hub: String, price: HubPrice, settings: BreakEvenSettings = BreakEvenSettings(),
        progress: PlanProgress = .silent
    ) throws -> BreakEvenFee {
        var base = scenario
        base.timeLimitSeconds = min(scenario.timeLimitSeconds, settings.timeLimitSeconds)
        guard let index = base.network.hubs.firstIndex(where: { $0.id == hub }), base.hubs.contains(hub) else {
            throw InputError([
                InputProblem(
                    file: scenario.file, line: nil, field: "hubs",
                    message:
                        "no candidate hub \(hub) in the scenario (candidates: \(scenario.hubs.joined(separator: ", ")))"
                )
            ])
        }
        let today = base.network.hubs[index]
        let current = price == .fixedCostPerWeek ? today.fixedCostPerWeek : 1
        var outcome = BreakEvenFee(
            hub: hub, price: price, current: current,
            handlingPerUnit: price == .handlingCost ? today.handlingCost : [], openAtCurrent: false,
            solves: 0, timeLimitSeconds: base.timeLimitSeconds, routingIterations: base.routingIterations)
        // Plans at `value` and says whether the hub opens; keeps the bracket.
        func opens(_ value: Double) throws -> (open: Bool, result: PlanResult) {
            let result = try validatedPlan(base.settingPrice(price, of: hub, to: value)!).result
            outcome.solves += 1
            let open = result.verdict.openHubs.contains { $0.id == hub }
            progress(
                "break-even \(hub) \(price.rawValue) \(String(format: "%.2f", value)): \(open ? "open" : "closed")")
            return (open, result)
        }
        let first = try opens(current)
        outcome.openAtCurrent = first.open
        if first.open {
            outcome.open = current
            let handlingToday = first.result.bundled.hubCosts.first { $0.hub == hub }?.handlingCostEur ?? 0
            let saving = max(first.result.savings.costEur, 1)
            var step =
                price == .fixedCostPerWeek
                ? max(saving, settings.feeTolerance) : max(handlingToday > 0 ? saving / handlingToday : 1, 0.1)
            while outcome.closed == nil, outcome.solves < settings.maxSolves {
                let value = outcome.open! + step
                if try opens(value).open { outcome.open = value } else { outcome.closed = value }
                step *= 2
            }
        } else {
            outcome.closed = current
            if current > 0 {
                if try opens(0).open { outcome.open = 0 }
            }
        }
        let tolerance = price == .fixedCostPerWeek ? settings.feeTolerance : settings.handlingTolerance
        while let low = outcome.open, let high = outcome.closed, high - low > tolerance,
            outcome.solves < settings.maxSolves
        {
            let middle = (low + high) / 2
            if try opens(middle).open { outcome.open = middle } else { outcome.closed = middle }
        }
        return outcome
    }
}
