import BundelPlanner
import Foundation

/// The per-element emission detail `bundel plan --out DIR` writes: chain elements, per-flow
/// allocation, totals per supplier, site, hub and day, the transport and hub operation
/// categories of ISO 14083 with their intensities, and the methodology section.
public enum EmissionReport {
    /// File name → content, rendered completely before anything is written.
    public static func files(_ result: PlanResult) -> [(name: String, content: String)] {
        let network = result.scenario.network
        let accounts = PlanEmissionAccounts(result)
        let baseline = accounts.baseline, bundled = accounts.bundled

        var elements = CSVWriter(header: [
            "plan", "element", "day", "operated_by", "vehicle_type", "km", "tonne_km", "energy",
            "energy_carrier", "co2e_wtw_kg", "co2e_ttw_kg", "nox_kg", "pm10_kg", "shipments",
        ])
        for (plan, account) in accounts.labelled {
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
        for (plan, account) in accounts.labelled {
            let sections: [(String, [(String, EmissionShare)])] = [
                ("supplier", account.bySupplier.sorted { $0.key < $1.key }),
                ("site", account.bySite.sorted { $0.key < $1.key }),
                ("hub", account.byHub.sorted { $0.key < $1.key }),
                ("day", account.byDay.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) }),
                // The receiving organisation's scope 3 upstream transport: every flow is its.
                ("organisation", [(network.name, account.total)]),
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
            ("tocs.csv", transportCategories(accounts)), ("hocs.csv", hubCategories(accounts)),
            ("methodology.md", Methodology.markdown(result)),
        ]
    }

    /// One row per plan and transport operation category: activity, emissions, intensity.
    static func transportCategories(_ accounts: PlanEmissionAccounts) -> String {
        var table = CSVWriter(header: [
            "plan", "category", "vehicle_type", "energy_carrier", "trips", "km", "tonnes", "tonne_km", "energy",
            "co2e_wtw_kg", "co2e_ttw_kg", "g_co2e_wtw_per_tonne_km", "g_co2e_ttw_per_tonne_km",
        ])
        for (plan, account) in accounts.labelled {
            for category in account.transportCategories {
                table.add([
                    plan, category.kind.rawValue, category.vehicleType, category.energyCarrier, String(category.trips),
                    number(category.km), number(category.tonnes), number(category.tonneKm), number(category.energy),
                    number(category.co2eWtwKg), number(category.co2eTtwKg),
                    category.wtwGramsPerTonneKm.map(number) ?? "", category.ttwGramsPerTonneKm.map(number) ?? "",
                ])
            }
        }
        return table.text
    }

    /// One row per plan and hub operation category: tonnes handled, emissions, intensity.
    static func hubCategories(_ accounts: PlanEmissionAccounts) -> String {
        var table = CSVWriter(header: [
            "plan", "hub", "energy_carrier", "days", "tonnes_handled", "energy", "co2e_wtw_kg", "co2e_ttw_kg",
            "kg_co2e_wtw_per_tonne", "kg_co2e_ttw_per_tonne",
        ])
        for (plan, account) in accounts.labelled {
            for category in account.hubCategories {
                table.add([
                    plan, category.hub, category.energyCarrier, String(category.days), number(category.tonnesHandled),
                    number(category.energy), number(category.co2eWtwKg), number(category.co2eTtwKg),
                    category.wtwKgPerTonne.map(number) ?? "", category.ttwKgPerTonne.map(number) ?? "",
                ])
            }
        }
        return table.text
    }

    /// The shared fixed-decimal format under a short name, to keep the rows above readable.
    private static func number(_ value: Double) -> String { NumberFormat.fixed(value) }
}
