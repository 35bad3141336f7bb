import BundelAnalysis
import BundelPlanner

/// `bundel coalition` for people and programs: the text summary (the grand coalition's
/// saving, per figure each organisation's saving alone, Shapley share, the simple rules and
/// marginal contribution, the core check and every coalition), a CSV row per organisation and
/// figure, and JSON. All figures are a week's, as the plans report them.
public enum CoalitionTable {
    /// What a coalition's value means, as every output states it.
    public static let definition =
        "v(S) = sum of S's members' own direct-delivery baselines (each alone) - the bundled plan of S together (its members' sites and flows, every shared hub candidate, shared suppliers combining deliveries); an organisation's saving alone is v({i}) with the hubs to itself"

    /// The figures' names and units, in ``CoalitionFigures/metrics`` order.
    static let figureNames = ["cost (EUR a week)", "vehicle-km a week", "CO2e well-to-wheel (kg a week)"]

    public static func render(_ analysis: CoalitionAnalysis) -> String {
        var lines = ["bundel coalition: \(analysis.scenario) (\(analysis.file))"]
        let count = analysis.members.count
        lines.append(
            "\(count) organisations (\(analysis.members.map(\.id).joined(separator: ", "))), \(analysis.plans.count) coalition plans, each validated; \(methodText(analysis.method))."
        )
        lines.append(headline(analysis))
        lines.append("")
        let sampled = analysis.members.first?.shapleyStandardError != nil
        for (index, metric) in CoalitionFigures.metrics.enumerated() {
            let decimals = index == 0 ? 0 : 1
            lines.append(figureNames[index].prefix(1).uppercased() + figureNames[index].dropFirst())
            let header =
                ["  organisation", "baseline alone", "saves alone", "Shapley share"] + (sampled ? ["± s.e."] : [])
                + ["gain by joining", "marginal", "by volume", "by stops", "equal"]
            let table = TextTable(header: header, rightAligned: Set(1..<header.count))
            for member in analysis.members {
                var row = [
                    "  " + member.id, number(member.standAloneBaseline[keyPath: metric], decimals),
                    number(member.alone[keyPath: metric], decimals), number(member.shapley[keyPath: metric], decimals),
                ]
                if let error = member.shapleyStandardError { row.append(number(error[keyPath: metric], decimals)) }
                row += [
                    number(member.gainFromJoining[keyPath: metric], decimals),
                    number(member.marginalContribution[keyPath: metric], decimals),
                    number(member.byVolume[keyPath: metric], decimals),
                    number(member.byStops[keyPath: metric], decimals),
                    number(member.equalShare[keyPath: metric], decimals),
                ]
                table.add(row)
            }
            lines += table.lines()
            lines.append("")
        }
        lines.append(coreSentence(analysis))
        lines.append("")
        lines.append("Coalitions (a week)")
        let coalitions = TextTable(
            header: [
                "  members", "baseline EUR", "bundled EUR", "saves EUR", "saves km", "saves kg CO2e", "hubs opened",
            ], rightAligned: [1, 2, 3, 4, 5])
        for plan in analysis.plans {
            let saving = analysis.saving(plan)
            coalitions.add([
                "  " + analysis.ids(plan.coalition).joined(separator: " + ")
                    + (plan.hitTimeLimit ? " (time limit)" : ""),
                number(plan.baseline.costEur, 0), number(plan.bundled.costEur, 0), number(saving.costEur, 0),
                number(saving.vehicleKm, 1), number(saving.co2eWtwKg, 1),
                plan.hubsOpened.isEmpty ? "-" : plan.hubsOpened.joined(separator: ", "),
            ])
        }
        lines += coalitions.lines()
        lines.append("")
        lines.append("Saving: \(definition).")
        lines.append(
            "Shapley share: the average of what an organisation adds when it joins, over all joining orders; the shares add up to the grand coalition's saving (checked). Gain by joining: Shapley share - saving alone. Marginal: what all save with it minus all without it. By volume (\(analysis.members.first?.volumeUnit ?? "")), by stops (baseline stops alone) and equal: the grand coalition's saving divided by those simple rules."
        )
        lines.append(
            "Each plan: time limit \(number(analysis.timeLimitSeconds, 0)) s, \(analysis.routingIterations) routing iterations per routing problem; \(analysis.plans.count(where: \.hitTimeLimit)) of \(analysis.plans.count) plans hit a time limit."
        )
        // The tables pad their last column; a line never ends in spaces.
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    /// What the grand coalition saves, and through which hubs.
    static func headline(_ analysis: CoalitionAnalysis) -> String {
        let grand = analysis.grandSaving
        let hubs = analysis.grandPlan?.hubsOpened ?? []
        return
            "All together they save \(money(grand.costEur)) EUR, \(number(grand.vehicleKm, 1)) vehicle-km and \(number(grand.co2eWtwKg, 1)) kg CO2e (well-to-wheel) a week against each delivering directly alone\(hubs.isEmpty ? ", opening no hub" : ", through \(hubs.joined(separator: ", "))")."
    }

    /// The core check in words.
    static func coreSentence(_ analysis: CoalitionAnalysis) -> String {
        let core = analysis.core
        let scope =
            analysis.method == .exact
            ? "all \(core.coalitionsChecked) smaller coalitions checked"
            : "checked against the \(core.coalitionsChecked) smaller coalitions planned, not all"
        guard let objecting = core.objecting, let excess = core.excess,
            let plan = analysis.plans.first(where: { $0.coalition == objecting })
        else {
            return
                "Core (cost): the Shapley shares are in the core: no group of organisations saves more on its own than its members' shares together (\(scope))."
        }
        let members = analysis.ids(objecting)
        return
            "Core (cost): the Shapley shares are NOT in the core: \(members.joined(separator: " + ")) save\(members.count == 1 ? "s" : "") \(money(analysis.saving(plan).costEur)) EUR a week on \(members.count == 1 ? "its" : "their") own, \(money(excess)) EUR more than \(members.count == 1 ? "its share" : "their shares together") (the largest excess; \(scope))."
    }

    static func methodText(_ method: CoalitionAnalysis.Method) -> String {
        switch method {
        case .exact: return "exact Shapley value from every coalition"
        case .sampled(let samples, let seed):
            return
                "Shapley value estimated from \(samples) sampled joining orders (seed \(seed)), with its standard error"
        }
    }

    /// A row per organisation and figure.
    public static func csv(_ analysis: CoalitionAnalysis) -> String {
        var writer = CSVWriter(header: [
            "organisation", "figure", "baseline_alone", "bundled_alone", "saves_alone", "shapley",
            "shapley_standard_error",
            "gain_by_joining", "marginal_contribution", "by_volume", "by_stops", "equal_share",
            "grand_coalition_saving",
            "in_core",
        ])
        let names = ["cost_eur", "vehicle_km", "co2e_wtw_kg"]
        for member in analysis.members {
            for (index, metric) in CoalitionFigures.metrics.enumerated() {
                writer.add(
                    [member.id, names[index]]
                        + [
                            member.standAloneBaseline, member.standAloneBundled, member.alone, member.shapley,
                        ].map { NumberFormat.fixed($0[keyPath: metric]) }
                        + [member.shapleyStandardError.map { NumberFormat.fixed($0[keyPath: metric]) } ?? ""]
                        + [
                            member.gainFromJoining, member.marginalContribution, member.byVolume, member.byStops,
                            member.equalShare, analysis.grandSaving,
                        ].map { NumberFormat.fixed($0[keyPath: metric]) }
                        + [String(analysis.core.inCore)])
            }
        }
        return writer.text
    }

    /// Everything as JSON; nothing in it depends on the clock or the cores, so the same input
    /// and seed give the same bytes.
    public static func json(_ analysis: CoalitionAnalysis) throws -> String {
        struct Rules: Encodable {
            var volume: CoalitionFigures
            var stops: CoalitionFigures
            var equal: CoalitionFigures
        }
        struct Member: Encodable {
            var id: String
            var file: String
            var weeklyVolume: Double
            var volumeUnit: String
            var baselineStops: Int
            var standAloneBaseline: CoalitionFigures
            var standAloneBundled: CoalitionFigures
            var alone: CoalitionFigures
            var shapley: CoalitionFigures
            var shapleyStandardError: CoalitionFigures?
            var gainFromJoining: CoalitionFigures
            var marginalContribution: CoalitionFigures
            var rules: Rules
        }
        struct Coalition: Encodable {
            var members: [String]
            var baseline: CoalitionFigures
            var bundled: CoalitionFigures
            var saving: CoalitionFigures
            var hubsOpened: [String]
            var hitTimeLimit: Bool
        }
        struct Objection: Encodable {
            var members: [String]
            var savingEur: Double
            var excessEur: Double
        }
        struct Core: Encodable {
            var game: String
            var inCore: Bool
            var coalitionsChecked: Int
            var objecting: Objection?
        }
        struct Document: Encodable {
            var scenario: String
            var file: String
            var method: String
            var samples: Int?
            var seed: UInt64?
            var definition: String
            var period: String
            var timeLimitSeconds: Double
            var routingIterations: Int
            var weeksPerYear: Double
            var organisations: [Member]
            var grandCoalition: Coalition
            var core: Core
            var coalitions: [Coalition]
        }
        func coalition(_ plan: CoalitionPlan) -> Coalition {
            Coalition(
                members: analysis.ids(plan.coalition), baseline: rounded(plan.baseline), bundled: rounded(plan.bundled),
                saving: rounded(analysis.saving(plan)), hubsOpened: plan.hubsOpened, hitTimeLimit: plan.hitTimeLimit)
        }
        guard let grandPlan = analysis.grandPlan else {
            throw JSONTextError(description: "the grand coalition was not planned")
        }
        var method = "exact", samples: Int?, seed: UInt64?
        if case .sampled(let count, let value) = analysis.method { (method, samples, seed) = ("sampled", count, value) }
        let core = analysis.core
        let document = Document(
            scenario: analysis.scenario, file: analysis.file, method: method, samples: samples, seed: seed,
            definition: definition, period: "week", timeLimitSeconds: analysis.timeLimitSeconds,
            routingIterations: analysis.routingIterations, weeksPerYear: analysis.weeksPerYear,
            organisations: analysis.members.map { member in
                Member(
                    id: member.id, file: member.file, weeklyVolume: NumberFormat.sixDecimals(member.weeklyVolume),
                    volumeUnit: member.volumeUnit, baselineStops: member.baselineStops,
                    standAloneBaseline: rounded(member.standAloneBaseline),
                    standAloneBundled: rounded(member.standAloneBundled), alone: rounded(member.alone),
                    shapley: rounded(member.shapley), shapleyStandardError: member.shapleyStandardError.map(rounded),
                    gainFromJoining: rounded(member.gainFromJoining),
                    marginalContribution: rounded(member.marginalContribution),
                    rules: Rules(
                        volume: rounded(member.byVolume), stops: rounded(member.byStops),
                        equal: rounded(member.equalShare)))
            },
            grandCoalition: coalition(grandPlan),
            core: Core(
                game: "costEur", inCore: core.inCore, coalitionsChecked: core.coalitionsChecked,
                objecting: core.objecting.flatMap { objecting in
                    analysis.plans.first { $0.coalition == objecting }.map { plan in
                        Objection(
                            members: analysis.ids(objecting),
                            savingEur: NumberFormat.sixDecimals(analysis.saving(plan).costEur),
                            excessEur: NumberFormat.sixDecimals(core.excess ?? 0))
                    }
                }),
            coalitions: analysis.plans.map(coalition))
        return try JSONText.encode(document, what: "the coalition analysis")
    }

    /// Figures to six decimals, so that float noise in sums never reaches the bytes.
    static func rounded(_ figures: CoalitionFigures) -> CoalitionFigures {
        CoalitionFigures.build { NumberFormat.sixDecimals(figures[keyPath: $0]) }
    }

    static func money(_ value: Double) -> String { NumberFormat.grouped(value) }
    static func number(_ value: Double, _ decimals: Int) -> String { NumberFormat.grouped(value, decimals: decimals) }
}
