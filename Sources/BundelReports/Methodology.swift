import BundelPlanner
import Foundation

/// The methodology section of a run, in Markdown, for a report: the method, every emission
/// factor and vehicle energy figure actually used with its source and year, and the assumptions.
public enum Methodology {
    public static func markdown(_ result: PlanResult) -> String {
        let scenario = result.scenario
        let network = scenario.network
        let plans = [result.baseline, result.bundled]
        let vehicleIds = Set(plans.flatMap { $0.routes.map(\.vehicleType) })
        let vehicles = network.vehicleTypes.filter { vehicleIds.contains($0.id) }.sorted { $0.id < $1.id }
        let hubIds = Set(result.bundled.hubOperations.map(\.hub))
        let hubs = network.hubs.filter { hubIds.contains($0.id) }
        var carrierIds = Set(vehicles.map(\.energyCarrier) + hubs.map(\.handlingEnergyCarrier))
        // The grid mix is the factor of the location-based electricity figure below, even where
        // every kWh is bought under a contract.
        if carrierIds.contains(where: { $0.hasPrefix("electricity") }) {
            carrierIds.insert(ElectricityBasis.gridCarrier)
        }
        let carriers = scenario.emissionFactors.carriers.filter { carrierIds.contains($0.id) }.sorted { $0.id < $1.id }
        var lines: [String] = []

        lines.append("## Methodology: greenhouse-gas emissions")
        lines.append("")
        lines.append(
            "Emissions follow ISO 14083:2023 (the method of the GLEC Framework v3). The transport chain is split into elements: every vehicle trip (direct routes of suppliers, trunk legs from suppliers to the hub, hub tours to the sites) and the operations of each hub per day. Each element's emissions are energy-based: energy = kilometres × the vehicle's consumption per km (per leg, by the load on board when the vehicle type gives empty and full consumption), plus charging losses for electric vehicles; CO2e = energy × the energy carrier's factor. Well-to-wheel (WTW, the footprint) and tank-to-wheel (TTW, the tailpipe) are reported separately; electric vehicles have zero TTW."
        )
        lines.append("")
        let accounts = PlanEmissionAccounts(result)
        lines.append(allocationParagraph(accounts.basis, scenario: scenario))
        lines.append("")
        lines.append("### Emission factors used (set \(scenario.emissionFactors.name))")
        lines.append("")
        if let published = scenario.emissionFactors.published {
            lines.append("\(scenario.emissionFactors.description); list version of \(published).")
            lines.append("")
        }
        lines.append("| energy carrier | unit | WTW kg CO2e | TTW kg CO2e | WTT kg CO2e | source | year |")
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        for carrier in carriers {
            let wtt = carrier.wellToWheelKg - carrier.tankToWheelKg
            // A TTW the list does not give is marked, as ISO 14083 asks which inputs are worked out.
            let ttw = format(carrier.tankToWheelKg) + (carrier.ttwDerived ? " (derived)" : "")
            let label = carrier.label.map { " [\($0)]" } ?? ""
            lines.append(
                "| \(carrier.id)\(label) | \(carrier.unit) | \(format(carrier.wellToWheelKg)) | \(ttw) | \(format(wtt)) | \(carrier.source)\(carrier.note.map { " (\($0))" } ?? "") | \(carrier.year) |"
            )
        }
        lines.append("")
        lines.append("### Vehicles")
        lines.append("")
        lines.append("| vehicle type | energy | consumption per km | charging losses | NOx / PM10 g per km | source |")
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for vehicle in vehicles {
            let unit = scenario.emissionFactors.carrier(vehicle.energyCarrier)?.unit ?? ""
            let consumption =
                vehicle.loadDependentEnergy.map { "\(format($0.empty)) empty to \(format($0.full)) full \(unit)" }
                ?? "\(format(vehicle.energyPerKilometre)) \(unit)"
            let air = [vehicle.noxGramsPerKilometre, vehicle.pm10GramsPerKilometre].map { $0.map(format) ?? "n/a" }
                .joined(separator: " / ")
            lines.append(
                "| \(vehicle.id) (\(vehicle.euroClass ?? "class not given")) | \(vehicle.energyCarrier) | \(consumption) | \(format(vehicle.chargingLossFraction * 100)) % | \(air) | \(vehicle.source ?? "network file") |"
            )
        }
        lines += refrigeration(result, vehicles: vehicles)
        if !hubs.isEmpty {
            lines.append("")
            lines.append("### Hub operations")
            lines.append("")
            for hub in hubs {
                let energyUnit = scenario.emissionFactors.carrier(hub.handlingEnergyCarrier)?.unit ?? ""
                let perUnit = zip(network.dimensions, hub.handlingEnergyPerUnit).filter { $0.1 > 0 }
                    .map { "\(format($0.1)) \(energyUnit) per \($0.0.unit)" }.joined(separator: ", ")
                let isDefault = hub.handlesAtDefaultEnergy(weightDimension: network.weightDimension)
                let overridden = scenario.networkOverrides.contains { override in
                    ["hubs.\(hub.id).handling_energy", "hubs.*.handling_energy"].contains {
                        override.path == $0 || override.path.hasPrefix($0 + ".")
                    }
                }
                let origin =
                    overridden
                    ? "as set by the scenario's overrides"
                    : isDefault
                        ? "bundel's default of \(format(Hub.defaultHandlingKilowattHoursPerTonne)) kWh per tonne handled, an assumption for a small cross-dock (forklifts, lighting, heating; measured sites range from about 1 to 10 kWh/t)"
                        : "as given in the network file"
                lines.append(
                    "- \(hub.name): \(perUnit.isEmpty ? "no handling energy" : perUnit) of \(hub.handlingEnergyCarrier), \(origin)."
                )
            }
        }
        lines += electricity(result)
        if !scenario.networkOverrides.isEmpty {
            lines.append("")
            lines.append("### Network values set by the scenario")
            lines.append("")
            lines.append(
                "The scenario's `overrides:` replace these values of the network's files; the plan and every figure above use them:"
            )
            lines.append("")
            for override in scenario.networkOverrides { lines.append("- `\(override.path)`: \(override.value)") }
        }
        lines += dataQualitySection(DataQualityStatement(result, accounts: accounts))
        lines.append("")
        lines.append("### Assumptions")
        lines.append("")
        if let matrix = scenario.matrixFile {
            if let durations = scenario.durationsFile {
                lines.append("- Distances come from the matrix file \(matrix), travel times from \(durations).")
            } else {
                lines.append(
                    "- Distances and travel times come from the matrix file \(matrix) (travel times from each vehicle type's average speed where the file has none)."
                )
            }
        } else {
            lines.append(
                "- Road distance is the great-circle distance × \(format(scenario.detourFactor)) (detour factor); travel time is distance over each vehicle type's average speed."
            )
        }
        lines.append(
            "- The baseline lets every supplier route its own deliveries per day from its depot, multi-drop; the bundled plan routes trunk legs, hub tours and the flows that stay direct the same way."
        )
        lines.append(
            "- The baseline's \(result.baselineDays.sentence.dropFirst("baseline ".count)). Flows that stay direct keep their baseline days in the bundled plan."
        )
        lines.append("- Annual figures are weekly figures × \(format(scenario.weeksPerYear)) weeks.")
        let airKnown = vehicles.allSatisfy { $0.noxGramsPerKilometre != nil && $0.pm10GramsPerKilometre != nil }
        lines.append(
            airKnown
                ? "- NOx and PM10 are distance-based, from the vehicle types' per-km factors."
                : "- NOx and PM10 are not reported: not every vehicle type used has per-km factors for them.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The data-quality statement: each input figure's kind of data, and the share of each
    /// plan's CO2e resting on default data.
    static func dataQualitySection(_ statement: DataQualityStatement) -> [String] {
        var lines = [
            "", "### Data quality", "",
            "Each figure the emissions rest on, as primary (measured for this operation), modelled (calculated from the operation's own characteristics) or default (a generic value); a network declares its own in `data_quality:`.",
            "", "| figure | data | basis |", "| --- | --- | --- |",
        ]
        for input in statement.inputs {
            lines.append("| \(input.figure) | \(input.quality.rawValue) | \(input.basis) |")
        }
        lines.append("")
        lines.append(
            "Each element is classed by the weakest of its energy figures (distance and consumption for a trip, handling energy for a hub); the emission factors are default data for every element alike. CO2e well-to-wheel per week by that class:"
        )
        lines.append("")
        for (plan, shares) in [("baseline", statement.baseline), ("bundled", statement.bundled)] {
            let parts = [("default", shares.defaultKg), ("modelled", shares.modelledKg), ("primary", shares.primaryKg)]
                .map {
                    "\($0.0) \(NumberFormat.grouped($0.1, decimals: 1)) kg (\(NumberFormat.percent($0.1, of: shares.totalKg)))"
                }
            lines.append("- \(plan): \(parts.joined(separator: ", ")).")
        }
        return lines
    }

    /// The refrigerated vehicles' units: their figures, how leakage is spread over trips, and
    /// what they add to each plan's week; nothing when no vehicle used has a unit.
    private static func refrigeration(_ result: PlanResult, vehicles: [VehicleType]) -> [String] {
        let refrigerated = vehicles.filter { $0.reefer != nil }
        guard !refrigerated.isEmpty else { return [] }
        let factors = result.scenario.emissionFactors
        var lines = ["", "### Refrigerated vehicles", ""]
        lines.append(
            "A refrigeration unit's energy (per hour from departure to return, stops included, and per km driven, in the vehicle's own energy carrier, with its charging losses) is added to the trip's energy, so it counts in WTW and TTW at the carrier's factors. Refrigerant leakage is a direct emission and counts in both WTW and TTW: the year's leakage (kg × GWP100) is spread over the unit's yearly operating hours, each trip carrying its hours' share."
        )
        lines.append("")
        for vehicle in refrigerated {
            let reefer = vehicle.reefer!
            let unit = factors.carrier(vehicle.energyCarrier)?.unit ?? ""
            let energy = [(reefer.energyPerHour, "hour"), (reefer.energyPerKilometre, "km")].filter { $0.0 > 0 }
                .map { "\(format($0.0)) \(unit) per \($0.1)" }
            var parts = [energy.isEmpty ? "no energy of its own given" : energy.joined(separator: " and ")]
            if let hours = reefer.operatingHoursPerYear {
                parts.append(
                    "\(reefer.refrigerant ?? "refrigerant") leakage \(format(reefer.refrigerantLeakageKgPerYear)) kg a year × GWP \(format(reefer.refrigerantGWP)) = \(format(reefer.leakageCo2eKgPerYear)) kg CO2e a year over \(format(hours)) operating hours = \(format(reefer.leakageCo2eKg(seconds: 3600))) kg CO2e per hour of a trip"
                )
            } else {
                parts.append("no refrigerant leakage given")
            }
            lines.append("- \(vehicle.id): \(parts.joined(separator: "; ")) (\(vehicle.source ?? "network file")).")
        }
        for (name, plan) in [("Baseline", result.baseline), ("Bundled plan", result.bundled)] {
            var energy: [String: Double] = [:]
            var leakage = 0.0
            for route in plan.routes {
                guard let type = result.scenario.vehicleType(route.vehicleType, for: route.kind),
                    let reefer = type.reefer
                else { continue }
                energy[type.energyCarrier, default: 0] +=
                    reefer.energy(metres: route.metres, seconds: route.durationSeconds)
                    / (1 - type.chargingLossFraction)
                leakage += reefer.leakageCo2eKg(seconds: route.durationSeconds)
            }
            let energyText = energy.keys.sorted().map { carrier in
                "\(format(energy[carrier]!)) \(factors.carrier(carrier)?.unit ?? "") of \(carrier)"
            }
            lines.append(
                "- \(name): refrigeration units \(energyText.isEmpty ? "not used" : energyText.joined(separator: ", ")), refrigerant leakage \(format(leakage)) kg CO2e a week."
            )
        }
        return lines
    }

    /// How a trip's emissions were shared among its deliveries, and which unit and distance
    /// that took, as ISO 14083 asks a report to state.
    static func allocationParagraph(_ basis: EmissionAccount.Basis, scenario: Scenario) -> String {
        let network = scenario.network
        let unit = basis.dimension.map { index in
            let dimension = network.dimensions[index]
            let why =
                scenario.emissionAllocation.quantity != nil
                ? "as the scenario's emission_allocation names it"
                : "the unit that fills the vehicles first in these plans (summed load over capacity of every trip)"
            return "\(dimension.name) (\(dimension.unit)), \(why)"
        }
        let distance =
            basis.distance == .shortestFeasible
            ? "the shortest feasible distance from the trip's start to the delivery's stop (the travel matrix's distance, as ISO 14083 and the GLEC Framework allocate), so a delivery's share does not depend on its place in the tour"
            : "the distance the delivery rides on the tour from the trip's start (emission_allocation: ridden-distance, kept for comparison; ISO 14083 asks for the shortest feasible distance)"
        return
            "A trip's emissions are allocated to the deliveries on it in proportion to their transport activity, quantity × distance: the quantity counted in \(unit ?? "none (no capacity dimension)"), the same for every trip of both plans; the distance \(distance). Empty running is carried by the loads the trip served. A hub's emissions go to each delivery by the energy of handling it. Allocation moves emissions between flows and never adds or removes any: totals per flow, supplier, site, hub and day are sums of these shares and add up to the elements. Tonne-km in the transport operation categories (tocs.csv) use the same distance; intensities are g CO2e per tonne-km, and kg CO2e per tonne handled for the hubs (hocs.csv)."
    }

    /// Each plan's electricity location-based (grid mix) and market-based (the carriers stated),
    /// and which one the figures above use; nothing when neither plan uses electricity.
    private static func electricity(_ result: PlanResult) -> [String] {
        let bases = [
            ("Baseline", ElectricityBasis(plan: result.baseline, scenario: result.scenario)),
            ("Bundled plan", ElectricityBasis(plan: result.bundled, scenario: result.scenario)),
        ]
        guard bases.contains(where: { $0.1.kWh > 0 }) else { return [] }
        var lines = ["", "### Electricity: location-based and market-based", ""]
        for (name, basis) in bases {
            guard basis.kWh > 0 else {
                lines.append("- \(name): no electricity.")
                continue
            }
            let location =
                basis.locationBasedWtwKg.map { "\(format($0)) kg" }
                ?? "not available (no \(ElectricityBasis.gridCarrier) in the set)"
            let same = basis.differ || basis.locationBasedWtwKg == nil ? "" : " (the same)"
            lines.append(
                "- \(name), \(format(basis.kWh)) kWh. Electricity: location-based \(location), market-based \(format(basis.marketBasedWtwKg)) kg CO2e WTW\(same)."
            )
        }
        lines.append(
            "- Location-based counts every kWh at the grid mix (\(ElectricityBasis.gridCarrier)); market-based at the carrier each vehicle type or hub states (its contract). The plans' CO2e figures use the market-based one, the carriers as stated."
        )
        return lines
    }

    private static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
