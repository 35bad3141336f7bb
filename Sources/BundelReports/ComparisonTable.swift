import BundelPlanner
import Foundation

/// Several plan runs side by side, for `bundel compare` (one run per scenario) and `bundel
/// sweep` (one run per value of a parameter): per metric, each run's baseline, bundled plan,
/// saving and saving in percent of its own baseline.
public enum ComparisonTable {
    /// One run and the label it is shown under.
    public struct Run: Sendable {
        public var label: String
        public var result: PlanResult

        public init(label: String, result: PlanResult) {
            self.label = label
            self.result = result
        }
    }

    /// A weekly figure of a plan's totals.
    struct Metric: Sendable {
        var name: String
        var key: String
        var decimals: Int
        /// In the text table and the HTML report; every metric is in the CSV and the JSON.
        var shown = true
        var value: @Sendable (PlanTotals) -> Double?
    }

    static let metrics: [Metric] = [
        Metric(name: "vehicle-km", key: "vehicleKm", decimals: 1) { $0.vehicleKm },
        // All routes, trunk legs included: kept for the CSV and JSON; the tables show it split.
        Metric(name: "trips", key: "trips", decimals: 0, shown: false) { Double($0.trips) },
        Metric(name: "last-mile trips", key: "lastMileTrips", decimals: 0) { Double($0.lastMileTrips) },
        Metric(name: "trunk legs to hubs", key: "trunkLegs", decimals: 0) { Double($0.trunkLegs) },
        Metric(name: "stops at sites", key: "stops", decimals: 0) { Double($0.stops) },
        Metric(name: "cost (EUR)", key: "costEur", decimals: 0) { $0.costEur },
        Metric(name: "CO2e well-to-wheel (kg)", key: "co2eWtwKg", decimals: 1) { $0.co2eWtwKg },
        Metric(name: "CO2e tank-to-wheel (kg)", key: "co2eTtwKg", decimals: 1) { $0.co2eTtwKg },
        Metric(name: "NOx (kg)", key: "noxKg", decimals: 2) { $0.noxKg },
        Metric(name: "PM10 (kg)", key: "pm10Kg", decimals: 3) { $0.pm10Kg },
    ]

    /// What the tables say of one run: its label, scenario, rounded totals and decision. The
    /// JSON is a list of these, so a run planned elsewhere (`bundel sweep --collect`) comes
    /// back as the same entry.
    public struct Entry: Sendable, Codable, Equatable {
        public var label: String
        public var scenario: String
        public var file: String
        public var baseline: PlanTotals
        public var bundled: PlanTotals
        public var savings: PlanTotals
        public var savingsPercent: [String: Double]
        public var flowsViaHub: Int
        /// The flows of the run's network, and the consolidation rounds it made.
        public var flows: Int
        public var rounds: Int
        public var hubsOpened: [String]
        public var status: String

        public init(_ run: Run) {
            let baseline = run.result.baseline.totals.rounded(), bundled = run.result.bundled.totals.rounded()
            let outcome = run.result.consolidation
            label = run.label
            scenario = run.result.scenario.name
            file = run.result.scenario.file
            self.baseline = baseline
            self.bundled = bundled
            savings = run.result.savings
            savingsPercent = Self.percent(baseline: baseline, bundled: bundled)
            flowsViaHub = outcome.flowsViaHub
            flows = run.result.scenario.network.flows.count
            rounds = outcome.rounds.count
            hubsOpened = outcome.hubs.filter(\.open).map(\.hub)
            status = outcome.status.description
        }

        /// Each metric's saving in percent of the baseline, where the baseline is not zero.
        static func percent(baseline: PlanTotals, bundled: PlanTotals) -> [String: Double] {
            var percent: [String: Double] = [:]
            for metric in ComparisonTable.metrics {
                if let before = metric.value(baseline), let after = metric.value(bundled), before != 0 {
                    percent[metric.key] = PlanTotals.rounded((before - after) / before * 100)
                }
            }
            return percent
        }
    }

    /// The JSON document: the runs' entries and the name of what labels them.
    public struct Document: Sendable, Codable, Equatable {
        public var labelKey: String
        public var runs: [Entry]

        public init(labelKey: String, runs: [Entry]) {
            self.labelKey = labelKey
            self.runs = runs
        }
    }

    /// A block per metric with a row per run; NOx and PM10 only when every run has them.
    public static func render(_ runs: [Run], title: String) -> String { render(runs.map(Entry.init), title: title) }

    /// The same from the runs' entries.
    public static func render(_ entries: [Entry], title: String) -> String {
        var lines = [title, ""]
        for metric in metrics where metric.shown {
            let rows = entries.map { entry in (entry, metric.value(entry.baseline), metric.value(entry.bundled)) }
            guard rows.allSatisfy({ $0.1 != nil && $0.2 != nil }) else { continue }
            let table = TextTable(
                header: [metric.name, "baseline", "bundled", "saved", "saved %"], rightAligned: [1, 2, 3, 4])
            for (entry, baseline, bundled) in rows {
                table.add([
                    "  " + entry.label, NumberFormat.grouped(baseline!, decimals: metric.decimals),
                    NumberFormat.grouped(bundled!, decimals: metric.decimals),
                    NumberFormat.grouped(baseline! - bundled!, decimals: metric.decimals),
                    NumberFormat.percent(baseline! - bundled!, of: baseline!),
                ])
            }
            lines += table.lines()
            lines.append("")
        }
        let decisions = TextTable(
            header: ["decision", "flows via hub", "hubs opened", "rounds", "model status"], rightAligned: [1, 3])
        for entry in entries {
            decisions.add([
                "  " + entry.label, "\(entry.flowsViaHub) of \(entry.flows)", entry.hubsOpened.joined(separator: ", "),
                String(entry.rounds), entry.status,
            ])
        }
        lines += decisions.lines()
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per run and metric: run, metric, baseline, bundled, saved, saved_percent.
    public static func csv(_ runs: [Run], labelColumn: String) -> String {
        csv(runs.map(Entry.init), labelColumn: labelColumn)
    }

    /// The same from the runs' entries.
    public static func csv(_ entries: [Entry], labelColumn: String) -> String {
        var writer = CSVWriter(header: [
            labelColumn, "scenario", "metric", "baseline", "bundled", "saved", "saved_percent",
        ])
        for entry in entries {
            for metric in metrics {
                guard let before = metric.value(entry.baseline), let after = metric.value(entry.bundled) else {
                    continue
                }
                writer.add([
                    entry.label, entry.file, metric.key, NumberFormat.fixed(before), NumberFormat.fixed(after),
                    NumberFormat.fixed(before - after),
                    before == 0 ? "" : NumberFormat.fixed((before - after) / before * 100),
                ])
            }
        }
        return writer.text
    }

    /// Each run's label, scenario, headline totals and decision as JSON.
    public static func json(_ runs: [Run], labelKey: String) throws -> String {
        try json(runs.map(Entry.init), labelKey: labelKey)
    }

    /// The same from the runs' entries.
    public static func json(_ entries: [Entry], labelKey: String) throws -> String {
        try JSONText.encode(Document(labelKey: labelKey, runs: entries), what: "the comparison")
    }
}
