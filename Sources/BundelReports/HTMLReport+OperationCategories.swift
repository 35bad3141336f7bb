import BundelPlanner

extension HTMLReport {
    /// The ISO 14083 results per transport and hub operation category of both plans (the
    /// JSON's `emissions`, tocs.csv and hocs.csv), with the allocation they follow.
    static func operationCategoryTables(_ result: PlanResult) -> String {
        let accounts = PlanEmissionAccounts(result)
        let unit = accounts.basis.dimension.map { result.scenario.network.dimensions[$0].unit } ?? "none"
        var html =
            "<h2>Emissions per operation category (ISO 14083), per week</h2>\n<p>Trips are allocated to deliveries by \(escape(unit)) × \(escape(accounts.basis.distance == .shortestFeasible ? "shortest feasible distance" : "ridden distance")); intensities per tonne-km of that distance, and per tonne handled at the hubs.</p>\n"
        html +=
            "<table class=\"tocs\"><tr><th>plan</th><th>transport operation category</th><th>vehicle type</th><th class=\"n\">trips</th><th class=\"n\">km</th><th class=\"n\">tonne-km</th><th class=\"n\">CO2e WTW (kg)</th><th class=\"n\">CO2e TTW (kg)</th><th class=\"n\">g CO2e WTW / tkm</th><th class=\"n\">g CO2e TTW / tkm</th></tr>\n"
        for (plan, account) in accounts.labelled {
            for category in account.transportCategories {
                html +=
                    "<tr data-toc-plan=\"\(plan)\" data-toc=\"\(category.kind.rawValue)\" data-vehicle-type=\"\(escape(category.vehicleType))\" data-co2e-wtw-kg=\"\(category.co2eWtwKg)\"><td>\(plan)</td><td>\(escape(label(category.kind)))</td><td>\(escape(category.vehicleType))</td>"
                    + cells([
                        (Double(category.trips), 0), (category.km, 1), (category.tonneKm, 1), (category.co2eWtwKg, 1),
                        (category.co2eTtwKg, 1),
                    ]) + intensityCells([category.wtwGramsPerTonneKm, category.ttwGramsPerTonneKm], decimals: 0)
                    + "</tr>\n"
            }
        }
        html += "</table>\n"
        let quality = DataQualityStatement(result, accounts: accounts)
        html +=
            "<p class=\"data-quality\" data-default-share-bundled=\"\(quality.bundled.defaultShare)\">Data quality: \(NumberFormat.percent(quality.baseline.defaultKg, of: quality.baseline.totalKg)) of the baseline's and \(NumberFormat.percent(quality.bundled.defaultKg, of: quality.bundled.totalKg)) of the bundled plan's CO2e WTW rest on default energy figures (the vehicle catalogue's consumption, bundel's hub handling energy), the rest on modelled or primary ones; every figure's kind is in the methodology below.</p>\n"
        let hubs = accounts.labelled.flatMap { plan, account in account.hubCategories.map { (plan, $0) } }
        guard !hubs.isEmpty else { return html }
        html +=
            "<table class=\"hocs\"><tr><th>plan</th><th>hub operation category</th><th class=\"n\">days</th><th class=\"n\">tonnes handled</th><th class=\"n\">CO2e WTW (kg)</th><th class=\"n\">CO2e TTW (kg)</th><th class=\"n\">kg CO2e WTW / t</th><th class=\"n\">kg CO2e TTW / t</th></tr>\n"
        for (plan, category) in hubs {
            html +=
                "<tr data-hoc-plan=\"\(plan)\" data-hoc=\"\(escape(category.hub))\" data-co2e-wtw-kg=\"\(category.co2eWtwKg)\"><td>\(plan)</td><td>transhipment at \(escape(category.hub))</td>"
                + cells([
                    (Double(category.days), 0), (category.tonnesHandled, 2), (category.co2eWtwKg, 1),
                    (category.co2eTtwKg, 1),
                ]) + intensityCells([category.wtwKgPerTonne, category.ttwKgPerTonne], decimals: 2) + "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// A transport operation category in words.
    static func label(_ kind: ChainElement.Kind) -> String {
        switch kind {
        case .direct: "supplier delivers direct"
        case .trunk: "trunk leg to a hub"
        case .hubTour: "hub tour to sites"
        case .hubOperation: "hub operation"
        }
    }

    private static func cells(_ values: [(Double, Int)]) -> String {
        values.map { "<td class=\"n\">\(NumberFormat.grouped($0.0, decimals: $0.1))</td>" }.joined()
    }

    private static func intensityCells(_ values: [Double?], decimals: Int) -> String {
        values.map { value in
            "<td class=\"n\">\(value.map { NumberFormat.grouped($0, decimals: decimals) } ?? "n/a")</td>"
        }.joined()
    }
}
