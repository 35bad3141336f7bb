import Foundation

extension ScenarioLoader {
    /// The scenario's `uncertainty:` block: a range `[low, high]` per uncertain input, the
    /// distribution to draw from, and factor sets that may hold instead of the scenario's. Read
    /// with the rest of the scenario, so that `bundel validate` reports a bad range at its line
    /// like any other field; problems go to the block's log.
    static func readUncertainty(
        _ yaml: YAMLMapping, scenario: Scenario, folder: URL, displayBase: String
    ) -> UncertaintyRanges? {
        guard let block = yaml.mapping("uncertainty", required: false) else { return nil }
        let inputKeys = UncertainInput.allCases.map(\.rawValue)
        block.rejectUnknownKeys(Set(inputKeys + ["distribution", "emission_factors"]))
        var distribution = UncertaintyRanges.Distribution.triangular
        if let text = block.string("distribution", required: false) {
            if let value = UncertaintyRanges.Distribution(rawValue: text) {
                distribution = value
            } else {
                block.problem("distribution", "expected triangular (the default) or uniform, got '\(text)'")
            }
        }
        let ranges = UncertainInput.allCases.compactMap { input -> UncertainRange? in
            guard block.has(input.rawValue) else { return nil }
            return readRange(input, in: block, scenario: scenario)
        }
        var factorSets: [EmissionFactorSet] = []
        for reference in block.stringList("emission_factors", required: false) ?? [] {
            guard
                let set = EmissionFactorSet.load(
                    reference, relativeTo: folder, displayBase: displayBase, log: block.log)
            else { continue }
            // Samples and outputs name a set by its name, so each choice needs its own.
            if set.name == scenario.emissionFactors.name || factorSets.contains(where: { $0.name == set.name }) {
                block.problem(
                    "emission_factors",
                    "a factor set named '\(set.name)' (\(reference)) is already a choice (the scenario's own set always is); give each alternative its own name"
                )
                continue
            }
            checkCarriers(scenario.network, factors: set, yaml: block)
            factorSets.append(set)
        }
        // A misspelt key is already reported as unknown: this is for a block with no ranges at all.
        if block.node.mapping?.keys.allSatisfy({ $0.string == "distribution" }) ?? true {
            block.problem(
                nil, "give a range for at least one input (\(inputKeys.joined(separator: ", "))) or emission_factors")
        }
        return UncertaintyRanges(distribution: distribution, ranges: ranges, factorSets: factorSets)
    }

    /// One input's `[low, high]`, checked against what the input can be and required to hold
    /// the scenario's own value; nil (logged) when it cannot be used.
    private static func readRange(
        _ input: UncertainInput, in block: YAMLMapping, scenario: Scenario
    )
        -> UncertainRange?
    {
        let key = input.rawValue
        let example = input.isPercent ? "[-10, 10]" : input == .detourFactor ? "[1.2, 1.45]" : "[1, 10]"
        guard let items = block.node[key]?.sequence, items.count == 2,
            let lowText = items[0].scalar?.string, let highText = items[1].scalar?.string
        else {
            block.problem(key, "expected a range [low, high] of two numbers, such as \(example)")
            return nil
        }
        guard let low = NumberParsing.double(lowText), let high = NumberParsing.double(highText) else {
            let bad = NumberParsing.double(lowText) == nil ? lowText : highText
            block.problem(key, NumberParsing.explain(bad))
            return nil
        }
        let range = "[\(NumberParsing.format(low)), \(NumberParsing.format(high))]"
        guard low < high else {
            block.problem(key, "the low end must lie below the high end, got \(range)")
            return nil
        }
        let point: Double
        switch input {
        case .demand, .speed:
            guard low > -100 else {
                block.problem(key, "a change above -100 % is needed (at -100 % nothing is left), got \(range)")
                return nil
            }
            point = 0
        case .stopTime, .hubFixedCost, .hubHandlingCost:
            if input != .stopTime, scenario.hubs.isEmpty {
                block.problem(key, "the scenario lists no candidate hubs (hubs:) whose prices could vary")
                return nil
            }
            guard low >= -100 else {
                block.problem(key, "a change of at least -100 % is needed, got \(range)")
                return nil
            }
            point = 0
        case .detourFactor:
            guard scenario.matrixFile == nil else {
                block.problem(
                    key,
                    "the scenario's distances come from a matrix (distances.matrix), which no detour factor changes")
                return nil
            }
            guard low >= 1, high <= 5 else {
                block.problem(key, "a detour factor lies between 1 and 5, got \(range)")
                return nil
            }
            point = scenario.detourFactor
        case .hubHandlingEnergy:
            guard low >= 0 else {
                block.problem(key, "energy cannot be negative, got \(range)")
                return nil
            }
            guard let energy = hubEnergyPoint(scenario, key: key, in: block) else { return nil }
            point = energy
        }
        guard point >= low, point <= high else {
            let what = input.isPercent ? "0 (no change)" : "the scenario's value \(NumberParsing.format(point))"
            block.problem(
                key, "the range \(range) must hold \(what): the scenario's values are the point estimates")
            return nil
        }
        return UncertainRange(input: input, low: low, high: high, point: point)
    }

    /// The candidate hubs' one handling energy per tonne, the point of its range; nil (logged)
    /// when there is no weight, no candidate hub, or the candidates differ.
    private static func hubEnergyPoint(_ scenario: Scenario, key: String, in block: YAMLMapping) -> Double? {
        guard scenario.network.weightDimension != nil else {
            block.problem(key, "the network counts no weight (a dimension with unit kg), so no energy per tonne")
            return nil
        }
        let figures = scenario.candidateHubEnergyPerTonne
        guard let first = figures.first else {
            block.problem(key, "the scenario lists no candidate hubs (hubs:) whose energy could vary")
            return nil
        }
        // One range is drawn for every hub: it must centre on one figure.
        guard figures.allSatisfy({ abs($0.perTonne - first.perTonne) < 1e-9 }) else {
            let listed = figures.map { "\($0.hub) \(NumberParsing.format($0.perTonne))" }.joined(separator: ", ")
            block.problem(
                key,
                "the candidate hubs use different energies per tonne (\(listed)); one range applies to all of them, so give them one figure"
            )
            return nil
        }
        return first.perTonne
    }
}
