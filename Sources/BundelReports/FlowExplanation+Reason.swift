import BundelPlanner
import Foundation

extension FlowExplanation {
    /// Why the flow is direct or bundled, in words, for decisions.csv and the JSON: what it
    /// saves or costs by the model's estimates, its parts, and what outweighs its own saving
    /// when the model decides against it. When all direct was reported, why comes first.
    public var reason: String {
        guard let allDirect else { return decision }
        return "direct: \(allDirect.reason(unit: objectiveKind.unit)); by the model's estimates: " + decision
    }

    /// The model's decision for this flow in words.
    private var decision: String {
        if let hub = viaHub, let saving, let parts {
            guard let counterweight else { return "via \(hub): saves \(amount(saving)) (\(describe(parts)))" }
            let why =
                switch counterweight {
                case .supplierForcedIn: "its supplier is forced in"
                case .productGroupForcedIn: "its product group is forced in"
                case .wholeSupplier: "its supplier joins with all its flows, which saves more in all"
                case .otherChoices: "the model's other choices make up for it"
                }
            return "via \(hub) although on its own it costs \(amount(-saving)) more: \(why) (\(describe(parts)))"
        }
        if let hub = bestHub, let saving, let parts {
            guard let counterweight else {
                return "direct: bundling via \(hub) would cost \(amount(-saving)) more (\(describe(parts)))"
            }
            let why =
                switch counterweight {
                case .wholeSupplier: "its supplier bundles all flows or none, and all together do not pay"
                case .supplierForcedIn, .productGroupForcedIn, .otherChoices:
                    "hub capacity or the model's other choices keep it direct"
                }
            return "direct although bundling via \(hub) alone would save \(amount(saving)): \(why) (\(describe(parts)))"
        }
        // Several hubs may refuse the flow for the same reason: each reason once, in a stable order.
        let why = Array(Set(ineligibility.map(\.reason))).sorted().joined(separator: "; ")
        return "direct: cannot be bundled: " + (why.isEmpty ? "no candidate hub" : why)
    }

    /// The saving's parts in the objective's unit, each as the flow's marginal cost or saving.
    private func describe(_ parts: SavingParts) -> String {
        let objective = objectiveKind
        var text =
            "marginal: direct delivery \(number(parts.directAvoided.value(objective))), hub stops \(number(-parts.hubStops.value(objective)))"
        text += ", trunk \(number(-parts.trunk.value(objective))), handling \(number(-parts.handling.value(objective)))"
        if parts.hubFixed != Metrics() { text += ", hub fixed cost \(number(-parts.hubFixed.value(objective)))" }
        return text
    }

    private func amount(_ value: Double) -> String { "\(number(value)) \(objectiveKind.unit)/week" }

    /// Two decimals, without grouping: a flow's amounts are small and read beside each other.
    private func number(_ value: Double) -> String { String(format: "%.2f", value) }
}
