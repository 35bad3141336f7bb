import BundelPlanner

extension HTMLReport {
    /// The business case per actor (the JSON's `actors`): who pays, drives and emits what in
    /// both plans, each figure in `data-` attributes for checks against the JSON.
    static func actorTable(_ result: PlanResult) -> String {
        var html =
            "<h2>Per actor, per week</h2>\n<p>\(escape(ActorTable.hubPayerNote)).</p>\n<table><tr><th>actor</th><th>role</th>"
        for group in ["cost (EUR)", "vehicle-km", "CO2e WTW (kg)"] {
            html += "<th class=\"n\">\(group) baseline</th><th class=\"n\">bundled</th><th class=\"n\">saved</th>"
        }
        html += "</tr>\n"
        let rows =
            result.actors.map {
                ($0.actor, ActorTable.label($0.role), $0.baseline.rounded(), $0.bundled.rounded(), $0.saving)
            }
            + [("all actors", "", result.baseline.totals.rounded(), result.bundled.totals.rounded(), result.savings)]
        for (actor, role, baseline, bundled, saved) in rows {
            html += "<tr><td>\(escape(actor))</td><td>\(escape(role))</td>"
            let metrics = [
                ("costEur", \PlanTotals.costEur, 0), ("vehicleKm", \PlanTotals.vehicleKm, 1),
                ("co2eWtwKg", \PlanTotals.co2eWtwKg, 1),
            ]
            for (metric, key, decimals) in metrics {
                for (plan, totals) in [("baseline", baseline), ("bundled", bundled), ("savings", saved)] {
                    let value = totals[keyPath: key]
                    html +=
                        "<td class=\"n\" data-actor=\"\(escape(actor))\" data-actor-plan=\"\(plan)\" data-actor-metric=\"\(metric)\" data-value=\"\(value)\">\(NumberFormat.grouped(value, decimals: decimals))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }
}
