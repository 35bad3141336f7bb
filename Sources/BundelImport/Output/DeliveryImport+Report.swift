import Foundation

/// The summary in words (Markdown, readable as plain text): printed and written as
/// import-summary.md.
extension DeliveryImport {
    public var report: String {
        let s = summary
        var out: [String] = ["# Import of \(s.log)", ""]
        func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
        out.append(
            "- Period: \(s.firstDate) to \(s.lastDate), \(s.weeksCovered) calendar week(s); \(s.weeksWithDeliveries) with deliveries, the weeks every average is over."
        )
        if !s.holidayWeeks.isEmpty {
            out.append(
                "- Weeks without any delivery (holidays, left out of the averages): \(s.holidayWeeks.map { "week of \($0)" }.joined(separator: ", "))."
            )
        }
        out.append(
            "- Rows: \(s.rows) read, \(s.rowsUsed) used, \(s.skipped.count) left out; \(s.deliveries) deliveries (rows of one supplier to one site on one day are one delivery)."
        )
        out.append(
            "- Flows: \(s.flows); \(s.flowsWithDays) with delivery days inferred; \(percent(s.shareOnInferredDays)) of the deliveries fall on their flow's inferred days."
        )
        let knownSuppliers = s.suppliers.filter { $0.status == "known" }.count
        let knownSites = s.sites.filter { $0.status == "known" }.count
        out.append(
            "- Suppliers: \(s.suppliers.count) (\(knownSuppliers) in the network, \(s.suppliers.count - knownSuppliers) new); sites: \(s.sites.count) (\(knownSites) in the network, \(s.sites.count - knownSites) new)."
        )
        if !s.dimensionsWithoutColumn.isEmpty {
            out.append(
                "- No column for dimension(s) \(s.dimensionsWithoutColumn.joined(separator: ", ")): left empty in flows.csv; fill them in."
            )
        }
        if !s.ignoredColumns.isEmpty { out.append("- Columns not used: \(s.ignoredColumns.joined(separator: ", ")).") }
        out += ["", "## Deliveries per month", "", "| month | deliveries |", "| --- | ---: |"]
        out += s.deliveriesPerMonth.map { "| \($0.month) | \($0.deliveries) |" }
        if !s.skipped.isEmpty {
            out += ["", "## Rows left out", ""]
            out += s.skipped.map { "- \($0)" }
        }
        let newSuppliers = s.suppliers.filter { $0.status != "known" }
        if !newSuppliers.isEmpty {
            out += [
                "", "## New suppliers (new-suppliers.csv)", "",
                "Not in the network; complete the cells marked \(Self.todo) and add the rows to suppliers.csv.", "",
            ]
            out += newSuppliers.map { "- \($0.id): \($0.name)" }
        }
        let newSites = s.sites.filter { $0.status != "known" }
        if !newSites.isEmpty {
            out += [
                "", "## New sites (new-sites.csv)", "",
                "Not in the network; complete the cells marked \(Self.todo) and add the rows to sites.csv.", "",
            ]
            for site in newSites {
                switch site.status {
                case "exact", "normalised":
                    out.append(
                        "- \(site.id): \(site.name); coordinates \(site.lat!), \(site.lon!) from the locations table (\(site.status) match of '\(site.matchedText ?? "")')"
                    )
                case "unmatched": out.append("- \(site.id): \(site.name); not in the locations table, no coordinates")
                default: out.append("- \(site.id): \(site.name); no coordinates (no --locations table given)")
                }
            }
        }
        if !s.variableFlows.isEmpty {
            out += [
                "", "## Flows whose frequency varies",
                "",
                "Weekly counts with a coefficient of variation above \(Self.number(s.variationThreshold)), or \(s.gapThreshold) or more weeks in a row without a delivery:",
                "",
            ]
            out += s.variableFlows.map {
                "- \($0.supplier) → \($0.site): variation \(Self.number($0.variation)), longest gap \($0.longestGap) week(s); per week \($0.weeklyCounts.map(String.init).joined(separator: " "))"
            }
        }
        if !s.flowsWithoutDays.isEmpty {
            out += [
                "", "## Flows without delivery days",
                "",
                "Days are written when the flow's most frequent weekdays, as many as its deliveries a week, hold at least \(percent(s.daysShareThreshold)) of its deliveries:",
                "",
            ]
            out += s.flowsWithoutDays.map { "- \($0.supplier) → \($0.site): \($0.reason)" }
        }
        // Per delivery: the median and, after a slash, the 90th percentile.
        let perDelivery = network.dimensions.map { "\($0.id) per delivery (median / P90)" }
        out += [
            "", "## Flows", "",
            "| supplier | site | deliveries | per week | "
                + (network.dimensions.map { "\($0.id) per week" } + perDelivery).joined(separator: " | ") + " | days |",
            "| --- | --- | ---: | ---: | "
                + Array(repeating: "---:", count: 2 * network.dimensions.count).joined(separator: " | ")
                + " | --- |",
        ]
        // Days apart by spaces here: the `|` of flows.csv would split the table's cell.
        for flow in flows {
            let quantiles = network.dimensions.indices.map {
                "\(Self.number(flow.medianPerDelivery[$0])) / \(Self.number(flow.p90PerDelivery[$0]))"
            }
            out.append(
                "| \(flow.supplier) | \(flow.site) | \(flow.deliveries) | \(flow.deliveriesPerWeek) | "
                    + (flow.weeklyQuantity.map { Self.number($0) } + quantiles).joined(separator: " | ")
                    + " | \(flow.days?.joined(separator: " ") ?? "") |")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
