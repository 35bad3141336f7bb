import BundelPlanner
import Foundation

/// The cost–CO2e front `bundel pareto` prints: one row per plan, its estimates and its routes.
public enum ParetoTable {
    /// A plain-text table, the baseline first.
    public static func render(_ result: ParetoFront.Result) -> String {
        var lines = ["bundel pareto: \(result.scenario.name)",
                     "each plan the cheapest whose estimated CO2e stays under its cap, from cheapest to cleanest; every plan routed", ""]
        let table = TextTable(header: ["plan", "CO2e cap (kg)", "via hub", "model EUR", "model CO2e (kg)", "routed EUR", "routed CO2e (kg)",
                                       "routed km", "CO2e saved %", "dominated by"], rightAligned: Set(1...9))
        let baseline = result.baseline
        table.add(["baseline (direct)", "", "0", "", "", NumberFormat.grouped(baseline.costEur), NumberFormat.grouped(baseline.co2eWtwKg, decimals: 1),
                   NumberFormat.grouped(baseline.vehicleKm, decimals: 1), "", ""])
        for point in result.points {
            let label = point.number == 1 ? "1 cheapest" : point.number == result.points.last?.number ? "\(point.number) cleanest" : String(point.number)
            table.add([label, point.co2eCapKg.map { NumberFormat.grouped($0, decimals: 1) } ?? "", String(point.flowsViaHub),
                       NumberFormat.grouped(point.estimate.costEur), NumberFormat.grouped(point.estimate.co2eWtwKg, decimals: 1),
                       NumberFormat.grouped(point.routed.costEur), NumberFormat.grouped(point.routed.co2eWtwKg, decimals: 1),
                       NumberFormat.grouped(point.routed.vehicleKm, decimals: 1),
                       NumberFormat.percent(baseline.co2eWtwKg - point.routed.co2eWtwKg, of: baseline.co2eWtwKg),
                       point.dominatedBy.map { "plan \($0)" } ?? ""])
        }
        lines += table.lines()
        let missed = result.points.filter { point in point.co2eCapKg.map { point.routed.co2eWtwKg > $0 } ?? false }.map { String($0.number) }
        if !missed.isEmpty {
            lines.append("")
            lines.append("note: the routes of plan(s) \(missed.joined(separator: ", ")) emit more than their cap, which binds the model's linear estimates; no round's routes met it, so the plan closest to it is shown")
        }
        if result.points.contains(where: { $0.dominatedBy != nil }) {
            lines.append("plans dominated by another (its routes cost no more and emit no more) are not worth choosing")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The baseline and the points as JSON.
    public static func json(_ result: ParetoFront.Result) throws -> String {
        struct Document: Encodable {
            var scenario: String
            var baseline: PlanTotals
            var points: [ParetoFront.Point]
        }
        return try JSONText.encode(Document(scenario: result.scenario.name, baseline: result.baseline, points: result.points),
                                   what: "the Pareto front")
    }

    /// One CSV row per plan.
    public static func csv(_ result: ParetoFront.Result) -> String {
        var writer = CSVWriter(header: ["plan", "co2e_cap_kg", "status", "flows_via_hub", "model_cost_eur", "model_km", "model_co2e_wtw_kg",
                                        "routed_cost_eur", "routed_km", "routed_co2e_wtw_kg", "routed_co2e_ttw_kg", "routed_trips", "routed_stops", "dominated_by"])
        let baseline = result.baseline
        writer.add(["baseline", "", "", "0", "", "", "", NumberFormat.fixed(baseline.costEur), NumberFormat.fixed(baseline.vehicleKm),
                    NumberFormat.fixed(baseline.co2eWtwKg), NumberFormat.fixed(baseline.co2eTtwKg), String(baseline.trips), String(baseline.stops), ""])
        for point in result.points {
            writer.add([String(point.number), point.co2eCapKg.map(NumberFormat.fixed) ?? "", point.status, String(point.flowsViaHub),
                        NumberFormat.fixed(point.estimate.costEur), NumberFormat.fixed(point.estimate.km), NumberFormat.fixed(point.estimate.co2eWtwKg),
                        NumberFormat.fixed(point.routed.costEur), NumberFormat.fixed(point.routed.vehicleKm), NumberFormat.fixed(point.routed.co2eWtwKg),
                        NumberFormat.fixed(point.routed.co2eTtwKg), String(point.routed.trips), String(point.routed.stops),
                        point.dominatedBy.map(String.init) ?? ""])
        }
        return writer.text
    }
}
