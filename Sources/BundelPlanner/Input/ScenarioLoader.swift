import Foundation

/// Reads and checks a scenario file and everything it refers to (network, CSV tables, factor
/// set, matrix), resolving references relative to the file that names them.
public enum ScenarioLoader {
    /// The scenario, or an ``InputError`` listing every problem found in all files.
    ///
    /// - Parameters:
    ///   - edits: changes to the scenario's YAML made before it is read (`bundel sweep`);
    ///     problems in an edited value name the edit.
    ///   - matrixMayBeMissing: a `distances.matrix` that does not exist yet is no problem: that
    ///     is how `bundel matrix` finds a scenario whose matrix it is about to write.
    public static func load(
        path: String, edits: [ScenarioEdit] = [], matrixMayBeMissing: Bool = false
    ) throws(InputError) -> Scenario {
        try loadWithNotes(path: path, edits: edits, matrixMayBeMissing: matrixMayBeMissing).scenario
    }

    /// The scenario and notes on input that is valid but likely not meant (see ``InputNotes``),
    /// which `bundel validate` prints; problems throw as in ``load(path:edits:matrixMayBeMissing:)``.
    public static func loadWithNotes(
        path: String, edits: [ScenarioEdit] = [], matrixMayBeMissing: Bool = false
    )
        throws(InputError) -> (scenario: Scenario, notes: [InputProblem])
    {
        let log = ProblemLog()
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let display = DisplayPath.of(url)
        guard var yaml = YAMLMapping.load(url, displayPath: display, log: log) else { throw InputError(log.problems) }
        for edit in edits {
            switch edit.apply(to: yaml.node) {
            case .success(let node): yaml = YAMLMapping(file: yaml.file, path: yaml.path, node: node, log: log)
            case .failure(let failure):
                log.add(display, line: nil, field: edit.pathText, "cannot set \(edit.pathText): \(failure.message)")
            }
        }
        try log.throwIfAny()
        yaml.rejectUnknownKeys([
            "name", "description", "network", "networks", "coalition", "days", "hubs", "participation", "fleets",
            "zone",
            "distances", "emission_factors", "objective", "seed", "time_limit_seconds",
            "routing_iterations", "vehicle_types", "weeks_per_year", "consolidation_iterations", "day_patterns",
            "delivery_frequency", "supplier_consolidation",
            "baseline_days", "hub_fleet_cost", "overrides", "uncertainty", "emission_allocation",
        ])
        // Made in the network's files (and the scenario's own vehicle types) as they are read;
        // a problem with an overridden value is reported at the override.
        let overrides = NetworkOverrides(NetworkOverride.read(yaml), scenarioFile: display, log: log)
        log.relocation = overrides.relocate
        yaml = overrides.apply(toEntriesOf: .vehicleTypes, in: yaml)
        let folder = url.deletingLastPathComponent()

        var network: Network?
        var declaredHubs = DeclaredIds(valid: [], named: nil)
        var declaredTypes = DeclaredIds(valid: [], named: nil)
        var loadedNetwork: LoadedNetwork?
        var organisations: [Organisation] = []
        if yaml.has("networks") {
            if yaml.has("network") {
                yaml.problem("network", "give network (one organisation) or networks (several), not both")
            }
            if let read = readNetworks(yaml, folder: folder, overrides: overrides, log: log) {
                (network, declaredHubs, declaredTypes) = (read.loaded.network, read.loaded.hubIds, read.loaded.typeIds)
                loadedNetwork = read.loaded
                organisations = read.organisations
            }
        } else if let reference = yaml.string("network") {
            let networkURL = URL(fileURLWithPath: reference, relativeTo: folder).standardizedFileURL
            if FileManager.default.fileExists(atPath: networkURL.path) {
                if let loaded = NetworkLoader.load(
                    networkURL, displayPath: DisplayPath.of(networkURL), log: log, overrides: overrides)
                {
                    (network, declaredHubs, declaredTypes) = (loaded.network, loaded.hubIds, loaded.typeIds)
                    loadedNetwork = loaded
                }
            } else {
                yaml.problem(
                    "network", "no such file: \(DisplayPath.of(networkURL)) (paths are relative to the scenario file)")
            }
        }
        overrides.reportUnknownIds()
        let factors = EmissionFactorSet.load(
            scenarioField: yaml, relativeTo: folder,
            displayBase: (display as NSString).deletingLastPathComponent, log: log)
        guard var network else { throw InputError(log.problems) }

        // Extra vehicle types in the scenario add to (or replace) the network's.
        for entry in yaml.mappings("vehicle_types", required: false) ?? [] {
            guard
                let type = NetworkLoader.readVehicleType(
                    entry, dimensions: network.dimensions,
                    weightDimension: network.weightDimension)
            else { continue }
            network.vehicleTypes.removeAll { $0.id == type.id }
            network.vehicleTypes.append(type)
        }
        let typeIds = Set(network.vehicleTypes.map(\.id))
        // Types named in the network but rejected there count as known: their entry is the problem.
        let namedTypeIds = typeIds.union(declaredTypes.named ?? [])
        let supplierIds = Set(network.suppliers.map(\.id))

        let problemsBeforeDays = log.problems.count
        let days = readDays(yaml)
        // With a day rejected, the count of planning days is not what the author meant either.
        let daysAreValid = log.problems.count == problemsBeforeDays
        let dayPatterns = yaml.mapping("day_patterns", required: false).map { readDayPatterns($0, days: days) } ?? [:]
        let hubs = yaml.stringList("hubs", required: false) ?? []
        // A hub listed twice would enter the consolidation model twice (an internal error there).
        for (index, hub) in hubs.enumerated() where hubs[..<index].contains(hub) {
            yaml.problem("hubs", "hub '\(hub)' is listed twice; list each hub once")
        }
        for hub in hubs where network.hub(hub) == nil && declaredHubs.isUnknown(hub) {
            yaml.problem(
                "hubs",
                "unknown hub '\(hub)'; the network has: \((declaredHubs.named ?? []).sorted().joined(separator: ", "))")
        }

        var defaultParticipation = Participation.free
        var supplierParticipation: [String: Participation] = [:]
        var wholeSuppliers = false
        var productGroupParticipation: [String: Participation] = [:]
        if let participation = yaml.mapping("participation", required: false) {
            participation.rejectUnknownKeys(["default", "suppliers", "product_groups", "whole_suppliers"])
            if let text = participation.string("default", required: false) {
                if let value = Participation(rawValue: text) {
                    defaultParticipation = value
                } else {
                    participation.problem("default", "expected free, in or out, got '\(text)'")
                }
            }
            wholeSuppliers = participation.bool("whole_suppliers", required: false) ?? false
            if let suppliers = participation.mapping("suppliers", required: false) {
                for (id, text, line) in suppliers.entries() {
                    guard supplierIds.contains(id) else {
                        log.add(
                            suppliers.file, line: line, field: suppliers.fieldPath(id),
                            "unknown supplier '\(id)'; the suppliers are \(supplierIds.sorted().joined(separator: ", "))"
                        )
                        continue
                    }
                    guard let value = Participation(rawValue: text) else {
                        log.add(
                            suppliers.file, line: line, field: suppliers.fieldPath(id),
                            "expected free, in or out, got '\(text)'")
                        continue
                    }
                    supplierParticipation[id] = value
                }
            }
            productGroupParticipation = readProductGroupParticipation(participation, groups: network.productGroups)
        }

        var hubFleet: [String] = []
        var hubFleetCounts: [String: Int] = [:]
        var supplierFleets: [String: [String]] = [:]
        if let fleets = yaml.mapping("fleets", required: false) {
            fleets.rejectUnknownKeys(["hub", "suppliers"])
            (hubFleet, hubFleetCounts) = readHubFleet(fleets)
            let known = "the network and the scenario define \(namedTypeIds.sorted().joined(separator: ", "))"
            for type in hubFleet where !namedTypeIds.contains(type) {
                fleets.problem("hub", "unknown vehicle type '\(type)'; \(known)")
            }
            if let suppliers = fleets.mapping("suppliers", required: false) {
                for key in (suppliers.node.mapping?.keys.compactMap(\.string) ?? []) {
                    guard key == "all" || supplierIds.contains(key) else {
                        suppliers.problem(
                            key,
                            "unknown supplier '\(key)'; the suppliers are \(supplierIds.sorted().joined(separator: ", ")) (or use 'all')"
                        )
                        continue
                    }
                    guard let types = suppliers.stringList(key) else { continue }
                    for type in types where !namedTypeIds.contains(type) {
                        suppliers.problem(key, "unknown vehicle type '\(type)'; \(known)")
                    }
                    if key == "all" {
                        for id in supplierIds where supplierFleets[id] == nil { supplierFleets[id] = types }
                    } else {
                        supplierFleets[key] = types
                    }
                }
            }
        }
        if !hubs.isEmpty, hubFleet.isEmpty {
            yaml.problem("fleets", "give the hub fleet as fleets.hub: [vehicle type ids]")
        }
        var hubFleetCost = FleetCostBasis.vehicleDay
        if let text = yaml.string("hub_fleet_cost", required: false) {
            if let value = FleetCostBasis(rawValue: text) {
                hubFleetCost = value
            } else {
                yaml.problem(
                    "hub_fleet_cost",
                    "expected vehicle_day (whole vehicle-days, the default) or pro_rata (hours with the daily fixed cost spread over the shift), got '\(text)'"
                )
            }
        }

        var enforceZone = false
        if let zone = yaml.mapping("zone", required: false) {
            zone.rejectUnknownKeys(["enforce"])
            enforceZone = zone.bool("enforce", required: false) ?? false
        }

        var detour = 1.3
        var matrixFile: String?
        var durationsFile: String?
        if let distances = yaml.mapping("distances", required: false) {
            distances.rejectUnknownKeys(["detour_factor", "matrix", "durations"])
            if let factor = distances.double("detour_factor", required: false) {
                if factor < 1 || factor > 5 {
                    distances.problem(
                        "detour_factor", "must lie between 1 and 5 (road distance over straight line), got \(factor)")
                } else {
                    detour = factor
                }
            }
            for key in ["matrix", "durations"] {
                guard let path = distances.string(key, required: false) else { continue }
                let fileURL = URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
                guard FileManager.default.fileExists(atPath: fileURL.path) else {
                    if matrixMayBeMissing { continue }
                    distances.problem(
                        key, "no such file: \(DisplayPath.of(fileURL)) (paths are relative to the scenario file)")
                    continue
                }
                if key == "matrix" { matrixFile = fileURL.path } else { durationsFile = fileURL.path }
            }
            if durationsFile != nil, !distances.has("matrix") {
                distances.problem("durations", "durations go with a distance matrix: give distances.matrix too")
            }
        }

        let objective = readObjective(yaml)
        let consolidationIterations = yaml.int("consolidation_iterations", required: false, minimum: 1) ?? 5
        let seed = yaml.int("seed", required: false, minimum: 0) ?? 1
        let timeLimit = yaml.double("time_limit_seconds", required: false, greaterThanZero: true) ?? 60
        let iterations = yaml.int("routing_iterations", required: false, minimum: 0) ?? 2000
        var weeksPerYear = 52.0
        if let weeks = yaml.double("weeks_per_year", required: false, greaterThanZero: true) {
            if weeks > 53 {
                yaml.problem("weeks_per_year", "a year has at most 53 weeks, got \(NumberParsing.format(weeks))")
            } else {
                weeksPerYear = weeks
            }
        }

        if let factors {
            checkCarriers(network, factors: factors, yaml: yaml)
        }
        // The contracts change first; the policy of fewer deliveries then applies to them.
        let supplying = Set(network.flows.map(\.supplier))
        var flowRows = loadedNetwork?.flowRows ?? FlowRows()
        flowRows = applySupplierConsolidation(yaml, to: &network, flowRows: flowRows)
        if let frequency = yaml.mapping("delivery_frequency", required: false) {
            applyDeliveryFrequency(frequency, to: &network)
        }
        if daysAreValid { checkFlowsFitTheWeek(network, days: days, yaml: yaml) }
        let baselineDays = readBaselineDays(yaml)
        let allocation = readEmissionAllocation(yaml, dimensions: network.dimensions)
        if daysAreValid {
            checkGivenDays(
                network, days: days, scenario: display, flowRows: flowRows, loaded: loadedNetwork, log: log)
        }
        try log.throwIfAny()
        var scenario = Scenario(
            name: yaml.string("name") ?? url.deletingPathExtension().lastPathComponent,
            description: yaml.string("description", required: false) ?? "", file: display, network: network,
            days: days, hubs: hubs, defaultParticipation: defaultParticipation,
            supplierParticipation: supplierParticipation, wholeSuppliers: wholeSuppliers, hubFleet: hubFleet,
            supplierFleets: supplierFleets, enforceZone: enforceZone, detourFactor: detour, matrixFile: matrixFile,
            emissionFactors: factors!, weeksPerYear: weeksPerYear, objective: objective, seed: UInt64(seed),
            timeLimitSeconds: timeLimit,
            routingIterations: iterations)
        scenario.hubFleetCounts = hubFleetCounts
        scenario.productGroupParticipation = productGroupParticipation
        scenario.hubFleetCost = hubFleetCost
        scenario.durationsFile = durationsFile
        scenario.consolidationIterations = consolidationIterations
        scenario.dayPatterns = dayPatterns
        scenario.baselineDays = baselineDays
        scenario.emissionAllocation = allocation
        scenario.organisations = organisations
        if let members = readCoalition(yaml, organisations: organisations) { scenario = scenario.coalition(members) }
        scenario.networkOverrides = overrides.overrides.map { AppliedOverride(path: $0.key, value: $0.valueText) }
        // Read last: its ranges must hold the scenario's own values, read above.
        scenario.uncertainty = readUncertainty(
            yaml, scenario: scenario, folder: folder, displayBase: (display as NSString).deletingLastPathComponent)
        try log.throwIfAny()
        if baselineDays == .given {
            try checkEveryFlowHasDays(scenario, yaml: yaml, flowRows: flowRows)
        }
        let zoneLine = yaml.node["zone"]?.mapping?["enforce"]?.mark?.line
        let oversized = InputNotes.oversizedDeliveries(scenario, flowRows: flowRows)
        if !oversized.problems.isEmpty { throw InputError(oversized.problems) }
        return (
            scenario,
            oversized.notes + InputNotes.zoneWithoutVehicles(scenario, line: zoneLine)
                + emptiedSupplierNotes(scenario, supplyingBefore: supplying, yaml: yaml)
        )
    }

    /// `participation.product_groups: {paper: in, catering: out}`: a tender clause that requires
    /// (or forbids) delivery via the hub for the flows of a product group; a supplier's own
    /// setting overrides it.
    private static func readProductGroupParticipation(
        _ participation: YAMLMapping, groups: Set<String>
    ) -> [String: Participation] {
        guard let entries = participation.mapping("product_groups", required: false) else { return [:] }
        var result: [String: Participation] = [:]
        for (group, text, line) in entries.entries() {
            guard groups.contains(group) else {
                entries.log.add(
                    entries.file, line: line, field: entries.fieldPath(group),
                    "unknown product group '\(group)'; the network has \(groups.sorted().joined(separator: ", "))")
                continue
            }
            guard let value = Participation(rawValue: text) else {
                entries.log.add(
                    entries.file, line: line, field: entries.fieldPath(group), "expected free, in or out, got '\(text)'"
                )
                continue
            }
            result[group] = value
        }
        return result
    }

    /// `delivery_frequency: {scale: 0.5, max_per_week: N, except_product_groups: [...]}`: a
    /// purchasing policy of fewer, larger deliveries. Every flow of the other product groups
    /// is delivered ceil(n x scale) times a week (at least once), and at most N times, its
    /// weekly quantity unchanged; the baseline follows the same policy, so the comparison shows
    /// what bundling adds to it.
    private static func applyDeliveryFrequency(_ frequency: YAMLMapping, to network: inout Network) {
        frequency.rejectUnknownKeys(["scale", "max_per_week", "except_product_groups"])
        let maximum = frequency.int("max_per_week", required: false, minimum: 1)
        var scale = frequency.double("scale", required: false, greaterThanZero: true)
        if let factor = scale, factor > 1 {
            frequency.problem(
                "scale", "must lie above 0 and at most 1 (fewer deliveries), got \(NumberParsing.format(factor))")
            scale = nil
        }
        if !frequency.has("max_per_week"), !frequency.has("scale") {
            frequency.problem(nil, "give max_per_week, scale or both")
        }
        let groups = network.productGroups
        let exempt = Set(frequency.stringList("except_product_groups", required: false) ?? [])
        for group in exempt.sorted() where !groups.contains(group) {
            frequency.problem(
                "except_product_groups",
                "unknown product group '\(group)'; the network has \(groups.sorted().joined(separator: ", "))")
        }
        for index in network.flows.indices where !exempt.contains(network.productGroup(of: network.flows[index])) {
            var deliveries = network.flows[index].deliveriesPerWeek
            // A small tolerance so that 4 x 0.5 stays 2 whatever the last bit of the product.
            if let scale { deliveries = max(1, Int((Double(deliveries) * scale - 1e-9).rounded(.up))) }
            if let maximum { deliveries = min(deliveries, maximum) }
            network.flows[index].deliveriesPerWeek = deliveries
        }
    }

    /// `objective`: a name (cost, km, co2e) or weights of a mix, `{cost: 1, co2e: 0.1}`.
    private static func readObjective(_ yaml: YAMLMapping) -> ObjectiveWeights {
        let names = ObjectiveWeights.named.map(\.name)
        guard let node = yaml.node["objective"], node.null == nil else { return .cost }
        if node.scalar != nil {
            let text = yaml.string("objective") ?? ""
            guard let named = ObjectiveWeights.named.first(where: { $0.name == text }) else {
                yaml.problem(
                    "objective",
                    "expected one of \(names.joined(separator: ", ")) or weights such as {cost: 1, co2e: 0.1}, got '\(text)'"
                )
                return .cost
            }
            return named.weights
        }
        guard let weights = yaml.mapping("objective") else { return .cost }
        weights.rejectUnknownKeys(Set(names))
        let objective = ObjectiveWeights(
            perEur: weights.double("cost", required: false, minimum: 0) ?? 0,
            perKm: weights.double("km", required: false, minimum: 0) ?? 0,
            perKgCO2e: weights.double("co2e", required: false, minimum: 0) ?? 0)
        if objective == ObjectiveWeights() {
            yaml.problem("objective", "give at least one weight greater than 0 (cost, km or co2e)")
        }
        return objective
    }

    /// `fleets.hub`: a list of vehicle type ids, or of `{type: ID, count: N}` for a limited fleet.
    private static func readHubFleet(_ fleets: YAMLMapping) -> ([String], [String: Int]) {
        guard let node = fleets.node["hub"], node.null == nil else { return ([], [:]) }
        guard node.sequence != nil else { return (fleets.stringList("hub") ?? [], [:]) }
        var types: [String] = [], counts: [String: Int] = [:]
        for (index, item) in (node.sequence ?? []).enumerated() {
            if let scalar = item.scalar {
                types.append(scalar.string)
                continue
            }
            let entry = YAMLMapping(
                file: fleets.file, path: "\(fleets.fieldPath("hub"))[\(index)]", node: item, log: fleets.log)
            entry.rejectUnknownKeys(["type", "count"])
            guard let type = entry.string("type") else { continue }
            types.append(type)
            if let count = entry.int("count", required: false, minimum: 1) { counts[type] = count }
        }
        return (types, counts)
    }

    private static func readDays(_ yaml: YAMLMapping) -> [Weekday] {
        guard let names = yaml.stringList("days", required: false) else { return [.mon, .tue, .wed, .thu, .fri] }
        var days: [Weekday] = []
        for name in names {
            guard let day = Weekday(rawValue: name.lowercased().prefix(3).description) else {
                yaml.problem("days", "unknown day '\(name)'; use mon, tue, wed, thu, fri, sat, sun")
                continue
            }
            if days.contains(day) {
                yaml.problem("days", "'\(name)' is listed twice")
                continue
            }
            days.append(day)
        }
        if days.isEmpty { yaml.problem("days", "list at least one planning day") }
        return days.sorted()
    }

    /// `day_patterns`: per delivery frequency, the allowed patterns, each a list of weekday
    /// names (`2: [[mon, thu], [tue, fri]]`); a plain name counts as a pattern of one day
    /// (`1: [mon, thu]`), but for higher frequencies a list of plain names is refused. Every
    /// pattern must have as many distinct planning days as its frequency, and no pattern may be
    /// listed twice. Returns the valid patterns as sorted day indices into `days`.
    private static func readDayPatterns(_ mapping: YAMLMapping, days: [Weekday]) -> [Int: [[Int]]] {
        let planning = days.map(\.rawValue).joined(separator: ", ")
        var patterns: [Int: [[Int]]] = [:]
        for (key, value) in mapping.node.mapping ?? [:] {
            let text = key.string ?? "?"
            let field = mapping.fieldPath(text)
            let line = key.mark?.line
            guard let frequency = Int(text), (1...max(1, days.count)).contains(frequency) else {
                mapping.log.add(
                    mapping.file, line: line, field: field,
                    "expected a delivery frequency (deliveries a week) from 1 to \(days.count), the number of planning days"
                )
                continue
            }
            guard let items = value.sequence, !items.isEmpty else {
                mapping.log.add(
                    mapping.file, line: value.mark?.line ?? line, field: field,
                    "expected a list of patterns, each a list of days, such as [[mon, thu], [tue, fri]]")
                continue
            }
            // `3: [mon, wed, fri]` is one pattern written without its brackets, not three.
            if frequency > 1, items.allSatisfy({ $0.scalar != nil }) {
                let names = items.map { $0.scalar!.string }.joined(separator: ", ")
                mapping.log.add(
                    mapping.file, line: value.mark?.line ?? line, field: field,
                    "expected a list of patterns, each a list of days; write [[\(names)]] for the one pattern \(names)")
                continue
            }
            var valid: [[Int]] = []
            for (index, item) in items.enumerated() {
                let report = { (message: String) in
                    mapping.log.add(mapping.file, line: item.mark?.line ?? line, field: "\(field)[\(index)]", message)
                }
                let names: [String]
                if let scalar = item.scalar {
                    names = [scalar.string]
                } else if let list = item.sequence, list.allSatisfy({ $0.scalar != nil }) {
                    names = list.map { $0.scalar!.string }
                } else {
                    report("expected a list of days, such as [mon, thu]")
                    continue
                }
                var pattern: [Int] = []
                var fine = true
                for name in names {
                    guard let day = Weekday(rawValue: name.lowercased().prefix(3).description) else {
                        report("unknown day '\(name)'; use mon, tue, wed, thu, fri, sat, sun")
                        fine = false
                        continue
                    }
                    guard let position = days.firstIndex(of: day) else {
                        report("'\(name)' is not a planning day (days: \(planning))")
                        fine = false
                        continue
                    }
                    if pattern.contains(position) {
                        report("'\(name)' is listed twice in the pattern")
                        fine = false
                        continue
                    }
                    pattern.append(position)
                }
                guard fine else { continue }
                if pattern.count != frequency {
                    report(
                        "the pattern [\(names.joined(separator: ", "))] has \(pattern.count) day(s); frequency \(frequency) needs \(frequency) distinct days"
                    )
                    continue
                }
                pattern.sort()
                if valid.contains(pattern) {
                    report("the pattern [\(names.joined(separator: ", "))] is listed twice")
                    continue
                }
                valid.append(pattern)
            }
            patterns[frequency] = valid
        }
        return patterns
    }

    /// Every vehicle type and hub must use energy the factor set knows.
    static func checkCarriers(_ network: Network, factors: EmissionFactorSet, yaml: YAMLMapping) {
        let users =
            network.vehicleTypes.map { ("vehicle type '\($0.id)'", $0.energyCarrier) }
            + network.hubs.map { ("hub '\($0.id)'", $0.handlingEnergyCarrier) }
        for (user, carrier) in users where factors.carrier(carrier) == nil {
            yaml.problem(
                "emission_factors",
                "\(user) uses energy carrier '\(carrier)', which factor set '\(factors.name)' lacks; it has \(factors.carriers.map(\.id).joined(separator: ", "))"
            )
        }
    }

    /// `emission_allocation`: `shortest-distance` (the default, ISO 14083) or `ridden-distance`,
    /// or `{distance: ..., quantity: DIMENSION}` to count the quantity in a named capacity
    /// dimension instead of the one that fills the vehicles first.
    private static func readEmissionAllocation(
        _ yaml: YAMLMapping, dimensions: [CapacityDimension]
    ) -> EmissionAllocation {
        guard let node = yaml.node["emission_allocation"], node.null == nil else { return EmissionAllocation() }
        let methods = EmissionAllocation.Distance.allCases.map(\.rawValue).joined(separator: " or ")
        func distance(_ text: String, in mapping: YAMLMapping, key: String) -> EmissionAllocation.Distance {
            guard let distance = EmissionAllocation.Distance(rawValue: text) else {
                mapping.problem(key, "expected \(methods), got '\(text)'")
                return .shortestFeasible
            }
            return distance
        }
        if node.scalar != nil {
            return EmissionAllocation(
                distance: distance(yaml.string("emission_allocation") ?? "", in: yaml, key: "emission_allocation"))
        }
        guard let fields = yaml.mapping("emission_allocation") else { return EmissionAllocation() }
        fields.rejectUnknownKeys(["distance", "quantity"])
        var allocation = EmissionAllocation()
        if let text = fields.string("distance", required: false) {
            allocation.distance = distance(text, in: fields, key: "distance")
        }
        if let quantity = fields.string("quantity", required: false) {
            if dimensions.contains(where: { $0.id == quantity }) {
                allocation.quantity = quantity
            } else {
                fields.problem(
                    "quantity",
                    "'\(quantity)' is not a capacity dimension of the network; it has \(dimensions.map(\.id).joined(separator: ", "))"
                )
            }
        }
        return allocation
    }

    /// `baseline_days`: given, cheapest (the default) or balanced.
    private static func readBaselineDays(_ yaml: YAMLMapping) -> BaselineDaysPolicy {
        guard let text = yaml.string("baseline_days", required: false) else { return .cheapest }
        guard let policy = BaselineDaysPolicy(rawValue: text) else {
            yaml.problem("baseline_days", "expected given, cheapest or balanced, got '\(text)'")
            return .cheapest
        }
        return policy
    }

    /// Days given in flows.csv and suppliers.csv must be planning days of the scenario.
    private static func checkGivenDays(
        _ network: Network, days: [Weekday], scenario: String, flowRows: FlowRows, loaded: LoadedNetwork?,
        log: ProblemLog
    ) {
        let planning = days.map(\.rawValue).joined(separator: ", ")
        func outside(_ given: [Weekday]) -> String? {
            let names = given.filter { !days.contains($0) }.map(\.rawValue)
            return names.isEmpty ? nil : names.joined(separator: "|")
        }
        for supplier in network.suppliers {
            guard let given = supplier.days, let names = outside(given) else { continue }
            log.add(
                loaded?.suppliersFile(of: supplier.id) ?? "", line: loaded?.supplierLines[supplier.id], field: "days",
                "\(names) is not a planning day of scenario \(scenario) (days: \(planning)); plan those days too, or give the supplier planning days"
            )
        }
        for flow in network.flows {
            guard let given = flow.days, let names = outside(given) else { continue }
            log.add(
                flowRows.file(flow.index), line: flowRows.line(flow.index), field: "days",
                "\(names) is not a planning day of scenario \(scenario) (days: \(planning)); plan those days too, or give the flow planning days"
            )
        }
    }

    /// With `baseline_days: given`, every flow's days must be known: its own, or its supplier's
    /// when they are as many as its deliveries (a flow delivered on every planning day needs none).
    private static func checkEveryFlowHasDays(
        _ scenario: Scenario, yaml: YAMLMapping, flowRows: FlowRows
    ) throws(InputError) {
        let open = scenario.network.flows.filter { scenario.baselineDayCandidates(of: $0).count > 1 }
        guard let first = open.first else { return }
        let line = flowRows.line(first.index).map { ":\($0)" } ?? ""
        let flowsFile = flowRows.file(first.index)
        let why: String
        switch scenario.givenDays(of: first) {
        case .own(let days):
            why =
                "its \(days.count) days are more than the \(first.deliveriesPerWeek) delivery(ies) a week that delivery_frequency leaves"
        case .supplier(let days):
            why = "its supplier's \(days.count) days leave a choice for \(first.deliveriesPerWeek) delivery(ies) a week"
        case .none: why = "no days given"
        }
        yaml.problem(
            "baseline_days",
            "given needs the delivery days of every flow, but \(open.count) flow(s) have none that fix them (first: \(first.supplier) -> \(first.site), \(flowsFile)\(line): \(why)); give a days column in flows.csv or the supplier's days in suppliers.csv, or use cheapest or balanced"
        )
        try yaml.log.throwIfAny()
    }

    private static func checkFlowsFitTheWeek(_ network: Network, days: [Weekday], yaml: YAMLMapping) {
        let tooFrequent = network.flows.filter { $0.deliveriesPerWeek > days.count }
        if let first = tooFrequent.first {
            yaml.problem(
                "days",
                "\(tooFrequent.count) flow(s) need more deliveries per week than the \(days.count) planning days allow (first: \(first.supplier) -> \(first.site), \(first.deliveriesPerWeek) a week)"
            )
        }
    }
}
