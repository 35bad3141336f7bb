import BundelPlanner

extension Verdict {
    /// The decision in one sentence with its yearly effect, for the first line of every output:
    /// "Verdict: open Logistics hub Duivendrecht for 513 of 863 flows: saves 82,840 EUR, ...".
    public var sentence: String {
        let weeks =
            "\(NumberFormat.grouped(weeksPerYear, decimals: weeksPerYear == weeksPerYear.rounded() ? 0 : 1)) weeks"
        guard !openHubs.isEmpty else {
            guard let behind = bestHubPlanBehindPerYear else {
                return "Verdict: deliver direct and open no hub: the model sends no flow through a hub."
            }
            return
                "Verdict: deliver direct and open no hub: no routed plan through a hub beats direct delivery (the best routed plan through a hub is \(NumberFormat.grouped(behind, decimals: 0)) \(objectiveKind.unit) a year behind, \(weeks))."
        }
        let hubs =
            openHubs.count == 1
            ? openHubs[0].name
            : Self.list(openHubs.map { "\($0.name) (\($0.flows) flows)" })
        return
            "Verdict: open \(hubs) for \(flowsViaHub) of \(flows) flows: \(effect) a year (\(weeks)); last-mile trips \(Self.change(lastMileTrips)), stops at sites \(Self.change(stops)) a year."
    }

    /// Lines that belong above every figure: deliveries the plans leave unserved.
    public var warnings: [String] {
        guard unservedBaseline + unservedBundled > 0 else { return [] }
        return [
            "WARNING: deliveries a week left unserved: \(unservedBundled) in the bundled plan, \(unservedBaseline) in the baseline; the figures leave them out (the list and reasons: --json)"
        ]
    }

    /// "saves 82,840 EUR, 12,345 vehicle-km and 4.1 t CO2e well-to-wheel", with what grows
    /// after "but adds".
    private var effect: String {
        let figures = [
            (costEur.saved, NumberFormat.grouped(abs(costEur.saved), decimals: 0) + " EUR"),
            (vehicleKm.saved, NumberFormat.grouped(abs(vehicleKm.saved), decimals: 0) + " vehicle-km"),
            (
                co2eWtwTonnes.saved,
                NumberFormat.grouped(abs(co2eWtwTonnes.saved), decimals: 1) + " t CO2e well-to-wheel"
            ),
        ]
        let saved = figures.filter { $0.0 > 0 }.map(\.1)
        let added = figures.filter { $0.0 < 0 }.map(\.1)
        switch (saved.isEmpty, added.isEmpty) {
        case (true, true): return "changes neither cost, vehicle-km nor CO2e"
        case (false, true): return "saves \(Self.list(saved))"
        case (true, false): return "adds \(Self.list(added))"
        case (false, false): return "saves \(Self.list(saved)) but adds \(Self.list(added))"
        }
    }

    /// "8,000 to 6,200 (-22.5 %)".
    private static func change(_ figure: Yearly) -> String {
        let percent = figure.baseline == 0 ? "" : " (\(NumberFormat.percent(-figure.saved, of: figure.baseline)))"
        return
            "\(NumberFormat.grouped(figure.baseline, decimals: 0)) to \(NumberFormat.grouped(figure.bundled, decimals: 0))\(percent)"
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
