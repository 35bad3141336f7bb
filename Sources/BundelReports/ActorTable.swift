import BundelPlanner

/// The business case per actor (`plan --by-actor`): each supplier's and each hub operator's
/// weekly cost, vehicle-km and CO2e (WTW) in the baseline and the bundled plan, and what each
/// saves; a last row adds them up to the plan's totals.
public enum ActorTable {
    /// The table's lines, headed by what it shows and followed by who pays the hub.
    public static func lines(_ result: PlanResult) -> [String] {
        let actors = result.actors
        let table = TextTable(
            header: [
                "actor", "role", "cost base", "bundled", "saved", "km base", "bundled", "saved", "CO2e kg base",
                "bundled", "saved",
            ],
            rightAligned: Set(2...10))
        for actor in actors {
            table.add(
                [actor.actor, label(actor.role)]
                    + cells(baseline: actor.baseline.rounded(), bundled: actor.bundled.rounded(), saved: actor.saving))
        }
        table.add(
            ["all actors", ""]
                + cells(
                    baseline: result.baseline.totals.rounded(), bundled: result.bundled.totals.rounded(),
                    saved: result.savings))
        var lines = ["per actor, per week (cost EUR, vehicle-km, CO2e well-to-wheel kg; saved = baseline - bundled):"]
        lines += table.lines().map { "  " + $0 }
        lines.append("  \(hubPayerNote)")
        return lines
    }

    /// Who pays the hub operator is not in the data; the summary and the report both say so.
    public static let hubPayerNote =
        "a hub operator's line is its fee, handling, storage, hub tours and handling energy; who pays it (the receiving organisation, the suppliers through a handling price) is a contract question: the receiving organisation pays nothing else in the plan"

    /// The words for a role in tables.
    public static func label(_ role: ActorRole) -> String {
        switch role {
        case .supplier: "supplier"
        case .hubOperator: "hub operator"
        }
    }

    private static func cells(baseline: PlanTotals, bundled: PlanTotals, saved: PlanTotals) -> [String] {
        [
            NumberFormat.grouped(baseline.costEur, decimals: 0), NumberFormat.grouped(bundled.costEur, decimals: 0),
            NumberFormat.grouped(saved.costEur, decimals: 0),
            NumberFormat.grouped(baseline.vehicleKm, decimals: 1), NumberFormat.grouped(bundled.vehicleKm, decimals: 1),
            NumberFormat.grouped(saved.vehicleKm, decimals: 1),
            NumberFormat.grouped(baseline.co2eWtwKg, decimals: 1), NumberFormat.grouped(bundled.co2eWtwKg, decimals: 1),
            NumberFormat.grouped(saved.co2eWtwKg, decimals: 1),
        ]
    }
}
