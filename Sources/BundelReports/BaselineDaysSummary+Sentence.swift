import BundelPlanner

extension BaselineDaysSummary {
    /// The summary in one sentence, for the text summary, the report and the methodology.
    public var sentence: String {
        var text = "baseline days: \(policy.rawValue) (\(policy.explanation))"
        if flowsWithOwnDays + flowsWithSupplierDays == 0 {
            text += "; no flow has given days"
        } else {
            text +=
                "; given days kept: \(flowsWithOwnDays) flow(s) with days of their own, \(flowsWithSupplierDays) within their supplier's days"
        }
        guard policy == .cheapest else { return text }
        text +=
            "; \(suppliersOnCheapestDays) of \(suppliersWithChoice) supplier(s) with a choice deliver on days cheaper than the balanced ones"
        if suppliersKeptBalanced > 0 {
            text += ", \(suppliersKeptBalanced) keep the balanced days (their estimated cheapest days routed dearer)"
        }
        if let balanced = balancedTotals?.rounded() {
            text +=
                "; on balanced days the baseline would drive \(NumberFormat.grouped(balanced.vehicleKm, decimals: 1)) km for \(NumberFormat.grouped(balanced.costEur, decimals: 0)) EUR and \(NumberFormat.grouped(balanced.co2eWtwKg, decimals: 1)) kg CO2e WTW"
        }
        return text
    }
}
