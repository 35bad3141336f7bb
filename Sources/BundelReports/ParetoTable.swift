import BundelPlanner
import Foundation

/// The cost–CO2e front `bundel pareto` prints: one row per distinct plan, its estimates and its
/// routes, then what was merged and what was left off.
public enum ParetoTable {
    /// A plain-text table, the baseline first.
    public static func render(_ result: ParetoFront.Result) -> String {
        var lines = [
            "bundel pareto: \(result.scenario.name)",
            "each plan the cheapest whose routed CO2e stays under its cap, from cheapest to cleanest; every plan routed, each shown once",
            "",
        ]
        let table = TextTable(
            header: [
                "plan", "traced for", "via hub", "model EUR", "model CO2e (kg)", "routed EUR", "routed CO2e (kg)",
                "routed km", "CO2e saved %",
            ], rightAligned: Set(2...8))
        let baseline = result.baseline
        table.add([
            "baseline (direct)", "", "0", "", "", NumberFormat.grouped(baseline.costEur),
            NumberFormat.grouped(baseline.co2eWtwKg, decimals: 1),
            NumberFormat.grouped(baseline.vehicleKm, decimals: 1), "",
        ])
        for point in result.points {
            table.add([
                String(point.number), point.roles.map(name).joined(separator: " = "), String(point.flowsViaHub),
                NumberFormat.grouped(point.estimate.costEur),
                NumberFormat.grouped(point.estimate.co2eWtwKg, decimals: 1),
                NumberFormat.grouped(point.routed.costEur), NumberFormat.grouped(point.routed.co2eWtwKg, decimals: 1),
                NumberFormat.grouped(point.routed.vehicleKm, decimals: 1),
                NumberFormat.percent(baseline.co2eWtwKg - point.routed.co2eWtwKg, of: baseline.co2eWtwKg),
            ])
        }
        lines += table.lines()
        var notes = mergeNotes(result.points) + adjustedNotes(result.points) + result.omitted.map(omittedNote)
        let traced = result.points.flatMap(\.roles) + result.omitted.map(\.role)
        if result.pointsAsked > 2, !traced.contains(where: { $0.kind == .cap }) {
            notes.append(
                "the cleanest plan's routes emit no less CO2e than the cheapest's, so no capped plans lie between them")
        }
        if !notes.isEmpty {
            lines.append("")
            lines += notes.map { "note: \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Sentences naming the traces that gave the same plan: "the cheapest plan is also the
    /// cleanest".
    static func mergeNotes(_ points: [ParetoFront.Point]) -> [String] {
        points.filter { $0.roles.count > 1 }.map { point in
            let names = point.roles.map { role in
                role.kind == .cap
                    ? "the cheapest under \(NumberFormat.grouped(role.co2eCapKg ?? 0, decimals: 1)) kg CO2e"
                    : "the \(role.kind.rawValue)"
            }
            return
                "plan \(point.number): \(names[0]) plan is also \(names.dropFirst().joined(separator: " and ")) (one plan, shown once)"
        }
    }

    /// Capped plans that met their cap only after the model's cap was lowered from their routes.
    static func adjustedNotes(_ points: [ParetoFront.Point]) -> [String] {
        points.compactMap { point in
            guard point.tries > 1, let cap = point.co2eCapKg, let modelCap = point.modelCapKg else { return nil }
            return
                "plan \(point.number) met its cap of \(NumberFormat.grouped(cap, decimals: 1)) kg on its routes after \(point.tries) solves, "
                + "the model's cap lowered to \(NumberFormat.grouped(modelCap, decimals: 1)) kg (the routes emit more than the estimates)"
        }
    }

    static func omittedNote(_ omitted: ParetoFront.Omitted) -> String {
        let role = name(omitted.role)
        switch omitted.reason {
        case .unreachable:
            let closest =
                omitted.routed.map { "closest routes: \(NumberFormat.grouped($0.co2eWtwKg, decimals: 1)) kg" }
                ?? "the model has no plan under it"
            let solves =
                omitted.tries == 1
                ? "1 solve" : "\(omitted.tries) solves, the model's cap lowered after each by the routes' excess,"
            return "\(role) is unreachable on the routes: \(solves) gave no plan within it (\(closest))"
        case .dominated:
            let by = omitted.dominatedBy.map { "plan \($0)" } ?? "another plan"
            return
                "\(role) left off the front: its plan is dominated by \(by) (routes that cost no more and emit no more)"
        }
    }

    private static func name(_ role: ParetoFront.Role) -> String {
        role.kind == .cap ? "cap \(NumberFormat.grouped(role.co2eCapKg ?? 0, decimals: 1)) kg" : role.kind.rawValue
    }

    /// The baseline, the front and the traces left off it, as JSON.
    public static func json(_ result: ParetoFront.Result) throws -> String {
        struct Document: Encodable {
            var scenario: String
            var baseline: PlanTotals
            var points: [ParetoFront.Point]
            var omitted: [ParetoFront.Omitted]
            var notes: [String]
        }
        return try JSONText.encode(
            Document(
                scenario: result.scenario.name, baseline: result.baseline, points: result.points,
                omitted: result.omitted, notes: mergeNotes(result.points)),
            what: "the Pareto front")
    }

    /// One CSV row per plan on the front, then one per trace left off it (no plan number).
    public static func csv(_ result: ParetoFront.Result) -> String {
        var writer = CSVWriter(header: [
            "plan", "traced_for", "co2e_cap_kg", "model_cap_kg", "tries", "status", "flows_via_hub",
            "model_cost_eur", "model_km", "model_co2e_wtw_kg", "routed_cost_eur", "routed_km", "routed_co2e_wtw_kg",
            "routed_co2e_ttw_kg", "routed_trips", "routed_stops", "dominated_by",
        ])
        func routed(_ totals: PlanTotals?) -> [String] {
            guard let totals else { return ["", "", "", "", "", ""] }
            return [
                NumberFormat.fixed(totals.costEur), NumberFormat.fixed(totals.vehicleKm),
                NumberFormat.fixed(totals.co2eWtwKg),
                NumberFormat.fixed(totals.co2eTtwKg), String(totals.trips), String(totals.stops),
            ]
        }
        writer.add(["baseline", "", "", "", "", "", "0", "", "", ""] + routed(result.baseline) + [""])
        for point in result.points {
            writer.add(
                [
                    String(point.number), point.roles.map(name).joined(separator: ";"),
                    point.co2eCapKg.map(NumberFormat.fixed) ?? "",
                    point.modelCapKg.map(NumberFormat.fixed) ?? "", String(point.tries), point.status,
                    String(point.flowsViaHub),
                    NumberFormat.fixed(point.estimate.costEur), NumberFormat.fixed(point.estimate.km),
                    NumberFormat.fixed(point.estimate.co2eWtwKg),
                ]
                    + routed(point.routed) + [""])
        }
        for omitted in result.omitted {
            writer.add(
                [
                    "", name(omitted.role), omitted.role.co2eCapKg.map(NumberFormat.fixed) ?? "", "",
                    String(omitted.tries),
                    omitted.reason.rawValue, "", "", "", "",
                ] + routed(omitted.routed) + [omitted.dominatedBy.map(String.init) ?? ""])
        }
        return writer.text
    }
}
