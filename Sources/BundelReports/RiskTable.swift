import BundelAnalysis
import BundelPlanner

/// `bundel risk` for people and programs: the text summary (tornado sorted by swing, then the
/// Monte Carlo's percentiles and probabilities), a CSV row per plan, and JSON. The text gives
/// yearly figures; CSV and JSON give the weekly savings every other output gives.
public enum RiskTable {
    /// The tornado sorted by the swing in the hub margin (then cost), then the Monte Carlo,
    /// as yearly figures.
    public static func render(_ analysis: RiskAnalysis) -> String {
        var lines = analysis.warnings
        lines += [
            "bundel risk: \(analysis.scenario) (\(analysis.file))",
            analysis.pointSentence,
            "",
            "Tornado: each input alone at its low and its high end, the others at the scenario's values; figures \(analysis.perYear), sorted by the swing in the hub margin (vehicle-km: --json, --csv, --report)",
        ]
        let shown: [(metric: RiskMetric, name: String)] = [
            (.hubMargin, "margin"), (.costEur, "EUR saved"), (.co2eWtwKg, "t CO2e saved"),
        ]
        let tornado = TextTable(
            header: ["input", "low", "high"] + shown.flatMap { ["\($0.name) low", "high"] } + ["hub opened"],
            rightAligned: Set(1...8))
        for bar in analysis.tornado.sorted(by: .hubMargin, .costEur) {
            var row = [
                "  " + RiskAnalysis.inputName(bar.input), analysis.endLabel(bar.low, input: bar.input),
                analysis.endLabel(bar.high, input: bar.input),
            ]
            for (metric, _) in shown {
                row += [bar.low, bar.high].map { analysis.yearlyText(metric.value($0.outcome), metric) }
            }
            row.append(RiskAnalysis.hubOpened(bar))
            tornado.add(row)
        }
        lines += tornado.lines()
        lines += [
            "",
            "Monte Carlo: \(analysis.monteCarlo.samples.count) samples of all inputs at once (seed \(analysis.settings.seed), \(analysis.ranges.distribution.rawValue)); figures \(analysis.perYear)",
        ]
        let spread = TextTable(header: ["figure", "P10", "P50", "P90", "point"], rightAligned: [1, 2, 3, 4])
        for metric in RiskMetric.allCases {
            let percentiles = analysis.monteCarlo.percentiles(metric)
            spread.add(
                ["  " + analysis.metricName(metric)]
                    + [percentiles?.p10, percentiles?.p50, percentiles?.p90, metric.value(analysis.point)].map {
                        analysis.yearlyText($0, metric)
                    })
        }
        lines += spread.lines()
        lines += [analysis.probabilitySentence, "", analysis.marginNote + ".", analysis.method]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A row per plan (the point estimate, each tornado end, each sample) with every input's
    /// value in it and the weekly savings.
    public static func csv(_ analysis: RiskAnalysis) -> String {
        let inputs = analysis.ranges.ranges
        var writer = CSVWriter(
            header: ["plan", "sample", "input", "end"] + inputs.map(\.input.rawValue) + [
                "factor_set", "saved_vehicle_km", "saved_cost_eur", "saved_co2e_wtw_kg", "hub_margin", "hubs_opened",
                "flows_via_hub", "unserved_deliveries", "hit_time_limit",
            ])
        func add(
            _ plan: String, sample: String, input: String, end: String, draw: UncertainDraw, _ outcome: RiskOutcome
        ) {
            writer.add(
                [plan, sample, input, end]
                    + inputs.map { NumberFormat.fixed(draw.values[$0.input.rawValue] ?? $0.point) } + [
                        draw.factorSet, NumberFormat.fixed(outcome.savedKm), NumberFormat.fixed(outcome.savedCostEur),
                        NumberFormat.fixed(outcome.savedCo2eWtwKg), outcome.hubMargin.map(NumberFormat.fixed) ?? "",
                        outcome.hubsOpened.joined(separator: "|"),
                        String(outcome.flowsViaHub), String(outcome.unservedDeliveries), String(outcome.hitTimeLimit),
                    ])
        }
        let own = analysis.factorSets[0]
        add("point", sample: "", input: "", end: "", draw: UncertainDraw(values: [:], factorSet: own), analysis.point)
        for bar in analysis.tornado.bars {
            for (name, end) in [("low", bar.low), ("high", bar.high)] {
                let values = end.value.map { [bar.input: $0] } ?? [:]
                add(
                    "tornado", sample: "", input: bar.input, end: name,
                    draw: UncertainDraw(values: values, factorSet: end.factorSet ?? own), end.outcome)
            }
        }
        for sample in analysis.monteCarlo.samples {
            add("sample", sample: String(sample.index), input: "", end: "", draw: sample.draw, sample.outcome)
        }
        return writer.text
    }

    /// Everything as JSON: settings, ranges, the point estimate, the tornado (in input order,
    /// with each bar's swings), the percentiles and probabilities, and every sample. Nothing
    /// in it depends on the clock or the cores, so a seed gives the same bytes.
    public static func json(_ analysis: RiskAnalysis) throws -> String {
        struct Bar: Encodable {
            var input: String
            var low: Tornado.End
            var high: Tornado.End
            var swing: [String: Double]
        }
        struct Spread: Encodable {
            var percentiles: [String: MonteCarlo.Percentiles]
            var samplesSavingCost: Int
            var samplesSavingCo2e: Int
            var samplesWhereAHubPays: Int
            var samplesOpeningAHub: Int
            var samplesWithUnserved: Int
            var probabilitySavesCost: Double
            var probabilitySavesCo2e: Double
            var samples: [MonteCarlo.Sample]
        }
        struct Document: Encodable {
            var scenario: String
            var file: String
            var seed: UInt64
            var samples: Int
            var distribution: String
            var timeLimitSeconds: Double
            var routingIterations: Int
            var weeksPerYear: Double
            var plans: Int
            var plansHitTimeLimit: Int
            var ranges: [UncertainRange]
            var hubEnergyUnit: String
            var objectiveUnit: String
            var factorSets: [String]
            var point: RiskOutcome
            var tornado: [Bar]
            var monteCarlo: Spread
        }
        let monteCarlo = analysis.monteCarlo
        let count = Double(max(monteCarlo.samples.count, 1))
        let document = Document(
            scenario: analysis.scenario, file: analysis.file, seed: analysis.settings.seed,
            samples: monteCarlo.samples.count, distribution: analysis.ranges.distribution.rawValue,
            timeLimitSeconds: analysis.timeLimitSeconds, routingIterations: analysis.routingIterations,
            weeksPerYear: analysis.weeksPerYear, plans: analysis.plans, plansHitTimeLimit: analysis.plansHitTimeLimit,
            ranges: analysis.ranges.ranges, hubEnergyUnit: analysis.hubEnergyUnit,
            objectiveUnit: analysis.objectiveUnit, factorSets: analysis.factorSets,
            point: analysis.point,
            tornado: analysis.tornado.bars.map { bar in
                Bar(
                    input: bar.input, low: bar.low, high: bar.high,
                    swing: Dictionary(
                        uniqueKeysWithValues: RiskMetric.allCases.compactMap { metric in
                            bar.swing(metric).map { (metric.rawValue, NumberFormat.sixDecimals($0)) }
                        }))
            },
            monteCarlo: Spread(
                percentiles: Dictionary(
                    uniqueKeysWithValues: RiskMetric.allCases.compactMap { metric in
                        monteCarlo.percentiles(metric).map { (metric.rawValue, $0) }
                    }),
                samplesSavingCost: monteCarlo.positive(.costEur), samplesSavingCo2e: monteCarlo.positive(.co2eWtwKg),
                samplesWhereAHubPays: monteCarlo.positive(.hubMargin),
                samplesOpeningAHub: monteCarlo.hubOpened, samplesWithUnserved: monteCarlo.withUnserved,
                probabilitySavesCost: NumberFormat.sixDecimals(Double(monteCarlo.positive(.costEur)) / count),
                probabilitySavesCo2e: NumberFormat.sixDecimals(Double(monteCarlo.positive(.co2eWtwKg)) / count),
                samples: monteCarlo.samples))
        return try JSONText.encode(document, what: "the risk analysis")
    }
}
