import BundelPlanner
import Foundation

/// The per-element emission detail `bundel plan --out DIR` writes: chain elements, per-flow
/// allocation, totals per supplier, site, hub and day, and the methodology section.
public enum EmissionReport {
    /// File name → content, rendered completely before anything is written.
    public static func files(_ result: PlanResult) -> [(name: String, content: String)] {
        let network = result.scenario.network
        let factors = result.scenario.emissionFactors
        let baseline = EmissionAccount(plan: result.baseline, network: network, viaHub: [:], factors: factors)
        let bundled = EmissionAccount(
            plan: result.bundled, network: network, viaHub: result.consolidation.viaHub, factors: factors)

        var elements = CSVWriter(header: [
            "plan", "element", "day", "operated_by", "vehicle_type", "km", "tonne_km", "energy",
            "energy_carrier", "co2e_wtw_kg", "co2e_ttw_kg", "nox_kg", "pm10_kg", "shipments",
        ])
        for (plan, account) in [("baseline", baseline), ("bundled", bundled)] {
            for element in account.elements {
                elements.add([
                    plan, element.kind.rawValue, element.day.rawValue, element.operatedBy, element.vehicleType,
                    number(element.km), number(element.tonneKm), number(element.energy), element.energyCarrier,
                    number(element.co2eWtwKg), number(element.co2eTtwKg), element.noxKg.map(number) ?? "",
                    element.pm10Kg.map(number) ?? "", String(element.shipments),
                ])
            }
        }

        var flows = CSVWriter(header: [
            "flow", "supplier", "site", "route", "hub", "baseline_co2e_wtw_kg", "baseline_co2e_ttw_kg",
            "bundled_co2e_wtw_kg", "bundled_co2e_ttw_kg", "saved_co2e_wtw_kg",
        ])
        for flow in network.flows {
            let before = baseline.perFlow[flow.index], after = bundled.perFlow[flow.index]
            let hub = result.consolidation.viaHub[flow.index]
            flows.add([
                String(flow.index), flow.supplier, flow.site, hub == nil ? "direct" : "hub", hub ?? "",
                number(before.co2eWtwKg), number(before.co2eTtwKg), number(after.co2eWtwKg), number(after.co2eTtwKg),
                number(before.co2eWtwKg - after.co2eWtwKg),
            ])
        }

        var groups = CSVWriter(header: ["plan", "group", "id", "co2e_wtw_kg", "co2e_ttw_kg"])
        for (plan, account) in [("baseline", baseline), ("bundled", bundled)] {
            let sections: [(String, [(String, EmissionShare)])] = [
                ("supplier", account.bySupplier.sorted { $0.key < $1.key }),
                ("site", account.bySite.sorted { $0.key < $1.key }),
                ("hub", account.byHub.sorted { $0.key < $1.key }),
                ("day", account.byDay.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) }),
                ("week", [("total", account.total)]),
            ]
            for (group, rows) in sections {
                for (id, share) in rows {
                    groups.add([plan, group, id, number(share.co2eWtwKg), number(share.co2eTtwKg)])
                }
            }
        }
        return [
            ("elements.csv", elements.text), ("flows.csv", flows.text), ("groups.csv", groups.text),
            ("methodology.md", Methodology.markdown(result)),
        ]
    }

    /// The shared fixed-decimal format under a short name, to keep the rows above readable.
    private static func number(_ value: Double) -> String { NumberFormat.fixed(value) }
}
