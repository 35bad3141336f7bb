import BundelPlanner

extension BreakEvenFee {
    /// One line a board can negotiate with: the price below which the plan opens the hub, with
    /// the prices that bracket it and how many plans found them. `units` names the capacity
    /// dimensions' units (the network's, such as `roll cage`) for handling prices.
    public func sentence(units dimensions: [String]) -> String {
        let what = price == .fixedCostPerWeek ? "hub fee" : "handling price"
        let head = "break-even \(what) for \(hub): "
        let now = "now \(text(current, dimensions: dimensions))"
        let body: String
        switch (open, closed) {
        case (let open?, let closed?):
            body =
                "opens below \(text((open + closed) / 2, dimensions: dimensions)) (open at \(text(open, dimensions: dimensions)), closed at \(text(closed, dimensions: dimensions)); \(now))"
        case (let open?, nil):
            body = "opens at every price tried, up to \(text(open, dimensions: dimensions)) (\(now))"
        case (nil, _):
            body =
                "stays closed even at \(text(0, dimensions: dimensions)) (\(now)): this price is not what keeps it closed"
        }
        return head + body + "; \(solves) plans"
    }

    /// How the figures were found, for the line under the sentences.
    public var method: String {
        "found by re-solving: each a full plan with the scenario's seed, a time limit of \(NumberFormat.grouped(timeLimitSeconds, decimals: timeLimitSeconds == timeLimitSeconds.rounded() ? 0 : 1)) s and \(routingIterations) routing iterations per day problem"
    }

    /// A fee in EUR a week, or a multiple of today's handling prices with the prices it gives.
    private func text(_ value: Double, dimensions: [String]) -> String {
        switch price {
        case .fixedCostPerWeek:
            return "\(NumberFormat.grouped(value, decimals: 0)) EUR/week"
        case .handlingCost:
            let prices = zip(dimensions, handlingPerUnit).filter { $0.1 > 0 }.map {
                "\(NumberFormat.grouped($0.1 * value, decimals: 2)) EUR per \($0.0)"
            }
            return "\(NumberFormat.grouped(value, decimals: 2)) x today's (\(prices.joined(separator: ", ")))"
        }
    }
}

extension [BreakEvenFee] {
    /// The summary's break-even block: a sentence per hub and price, then how they were found.
    public func lines(units: [String]) -> [String] {
        guard let first else { return [] }
        return ["break-even prices (where the decision about a hub changes):"]
            + map { "  " + $0.sentence(units: units) }
            + ["  \(first.method)"]
    }
}
