import BundelAnalysis
import BundelPlanner

extension RiskAnalysis {
    /// What an input (or `emission_factors`) is called in tables and charts.
    static func inputName(_ key: String) -> String {
        switch UncertainInput(rawValue: key) {
        case .demand: return "demand"
        case .stopTime: return "stop times"
        case .speed: return "vehicle speed"
        case .detourFactor: return "detour factor"
        case .hubHandlingEnergy: return "hub energy per tonne"
        case .hubFixedCost: return "hub fee"
        case .hubHandlingCost: return "hub handling prices"
        case nil: return key == "emission_factors" ? "emission factors" : key
        }
    }

    /// One end of a tornado bar as shown: `-10 %`, `1.45`, `10 kWh/t` or the factor set's name.
    func endLabel(_ end: Tornado.End, input: String) -> String {
        guard let value = end.value else { return end.factorSet ?? "" }
        return valueLabel(value, input: input)
    }

    /// Whether each end's plan opens a hub: `yes / no`.
    static func hubOpened(_ bar: Tornado.Bar) -> String {
        [bar.low, bar.high].map { $0.outcome.hubsOpened.isEmpty ? "no" : "yes" }.joined(separator: " / ")
    }

    /// An input's value as shown: a change in percent with its sign, or the figure with its unit.
    func valueLabel(_ value: Double, input: String) -> String {
        switch UncertainInput(rawValue: input) {
        case .detourFactor?: return NumberFormat.grouped(value, decimals: 2)
        case .hubHandlingEnergy?: return "\(Self.short(value)) \(hubEnergyUnit)/t"
        default: return (value > 0 ? "+" : "") + "\(Self.short(value)) %"
        }
    }

    /// A weekly figure in `metric` as a yearly one in the unit tables show: km, EUR, t CO2e,
    /// or the objective's unit for the hub margin.
    func yearly(_ weekly: Double, _ metric: RiskMetric) -> Double {
        let year = weekly * weeksPerYear
        return metric == .co2eWtwKg ? year / 1000 : year
    }

    /// The yearly figure as text, `12,345` or `12.3` (t CO2e); `-` where there is none.
    func yearlyText(_ weekly: Double?, _ metric: RiskMetric) -> String {
        guard let weekly else { return "-" }
        return NumberFormat.grouped(yearly(weekly, metric), decimals: metric == .co2eWtwKg ? 1 : 0)
    }

    /// A metric's name with its yearly unit.
    func metricName(_ metric: RiskMetric) -> String {
        switch metric {
        case .vehicleKm: return "vehicle-km saved"
        case .costEur: return "EUR saved"
        case .co2eWtwKg: return "t CO2e saved (WTW)"
        case .hubMargin: return "hub margin (\(objectiveUnit))"
        }
    }

    /// What the hub margin is, for the line under the tables.
    var marginNote: String {
        "hub margin: where the plan opens a hub, by how much it beats direct delivery in the objective (\(objectiveUnit)); where it opens none, minus the amount by which the best routed plan through a hub fell behind: below 0 the hub stays closed"
    }

    /// "a year (40 weeks)".
    var perYear: String {
        "a year (\(NumberFormat.grouped(weeksPerYear, decimals: weeksPerYear == weeksPerYear.rounded() ? 0 : 1)) weeks)"
    }

    /// The point estimate in one sentence.
    var pointSentence: String {
        var hubs = "opens \(point.hubsOpened.joined(separator: ", ")) for \(point.flowsViaHub) flows"
        if point.hubsOpened.isEmpty {
            hubs = "opens no hub"
            if let margin = point.hubMargin {
                hubs +=
                    ": the best routed plan through a hub is \(yearlyText(-margin, .hubMargin)) \(objectiveUnit) \(perYear) behind"
            }
        }
        return
            "Point estimate (the scenario's own values): saves \(yearlyText(point.savedKm, .vehicleKm)) vehicle-km, \(yearlyText(point.savedCostEur, .costEur)) EUR and \(yearlyText(point.savedCo2eWtwKg, .co2eWtwKg)) t CO2e well-to-wheel \(perYear); \(hubs)."
    }

    /// How sure the conclusion is, in one sentence from the samples.
    var probabilitySentence: String {
        let count = monteCarlo.samples.count
        func share(_ part: Int) -> String {
            "\(part) of \(count) samples (\(NumberFormat.percent(Double(part), of: Double(count))))"
        }
        return
            "The plan saves cost in \(share(monteCarlo.positive(.costEur))) and CO2e in \(share(monteCarlo.positive(.co2eWtwKg))); it opens a hub in \(share(monteCarlo.hubOpened))."
    }

    /// Lines that belong above the figures: plans a clock cut short, samples that drop deliveries.
    var warnings: [String] {
        var lines: [String] = []
        if plansHitTimeLimit > 0 {
            lines.append(
                "WARNING: \(plansHitTimeLimit) of \(plans) plans hit their time limit; their searches were cut short, so a rerun may give other figures (raise --time-limit)"
            )
        }
        if monteCarlo.withUnserved > 0 {
            lines.append(
                "WARNING: in \(monteCarlo.withUnserved) samples the bundled plan leaves deliveries unserved; their savings leave those deliveries out"
            )
        }
        return lines
    }

    /// How the plans were made, for the line under the figures.
    var method: String {
        let distribution =
            ranges.distribution == .triangular
            ? "triangular between each range's ends with the scenario's value as the likeliest"
            : "uniform between each range's ends"
        let sets =
            factorSets.count > 1
            ? "; the factor set drawn from \(factorSets.joined(separator: ", ")), each as likely" : ""
        return
            "\(plans) validated plans, each planned afresh (the decision may change): the point estimate, each input alone at its low and high end (the tornado), and \(monteCarlo.samples.count) samples of all inputs at once (seed \(settings.seed); each input drawn \(distribution)\(sets)); each plan with the scenario's routing seed, a time limit of \(NumberFormat.grouped(timeLimitSeconds, decimals: 0)) s and \(routingIterations) routing iterations per day problem. Savings are the baseline (direct delivery) minus the bundled plan; P10, P50 and P90 by nearest rank."
    }

    /// A number with up to two decimals and no trailing zeros: `10`, `1.5`, `-7.25`.
    private static func short(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
