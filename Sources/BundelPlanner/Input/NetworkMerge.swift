/// Several organisations' networks as one network, for a scenario that names several
/// (`networks: [..]`). What the networks share must agree, and a disagreement is an input
/// problem at the later network's file, line and field:
///
/// - capacity dimensions (ids and units, in order), the weight dimension and the stop times;
/// - a vehicle type with the same id: the same in every field;
/// - a supplier with the same id: one company, whose depot, vehicle type, product group, hub
///   trips and delivery days must agree (its name may differ); its flows from every network
///   combine, in the baseline and in the bundled plan;
/// - a hub with the same id that the scenario lists as a candidate: one shared hub, the same
///   in every field (an unlisted one is kept as the first network gives it, and never planned);
/// - sites belong to one organisation: a site id in two networks, or an id that names a site
///   in one network and a supplier or hub in another, is refused.
enum NetworkMerge {
    /// The merged network and its rows; `nil` when `parts` is empty.
    static func merge(
        _ parts: [LoadedNetwork], candidateHubs: Set<String>, log: ProblemLog
    ) -> LoadedNetwork? {
        guard var merged = parts.first else { return nil }
        merged.supplierFiles = Dictionary(
            merged.network.suppliers.map { ($0.id, merged.suppliersFile) }, uniquingKeysWith: { first, _ in first })
        let firstFile = merged.network.file
        var siteOwner = Dictionary(
            merged.network.sites.map { ($0.id, firstFile) }, uniquingKeysWith: { first, _ in first })
        for part in parts.dropFirst() {
            let network = part.network, file = network.file
            let compatible = checkCompatible(part, with: merged.network, log: log)
            for type in network.vehicleTypes {
                guard let existing = merged.network.vehicleType(type.id) else {
                    merged.network.vehicleTypes.append(type)
                    continue
                }
                if existing != type {
                    log.add(
                        file, line: part.typeLines[type.id], field: "vehicle_types",
                        "vehicle type '\(type.id)' differs from the one of the same id in \(merged.network.file); a vehicle type shared by the networks must be the same in every field: make them equal or rename one"
                    )
                }
            }
            for hub in network.hubs {
                guard let existing = merged.network.hub(hub.id) else {
                    merged.network.hubs.append(hub)
                    continue
                }
                if candidateHubs.contains(hub.id), existing != hub {
                    log.add(
                        file, line: part.hubLines[hub.id], field: "hubs",
                        "hub '\(hub.id)' is a shared candidate of the scenario but differs from the hub of the same id in \(merged.network.file) (\(hubDifference(existing, hub))); a shared hub must be the same in every network: make them equal or rename one"
                    )
                }
            }
            var newSuppliers: [Supplier] = []
            for supplier in network.suppliers {
                guard let existing = merged.network.supplier(supplier.id) else {
                    newSuppliers.append(supplier)
                    merged.supplierFiles[supplier.id] = part.suppliersFile
                    merged.supplierLines[supplier.id] = part.supplierLines[supplier.id]
                    continue
                }
                if let field = supplierConflict(existing, supplier) {
                    let otherFile = merged.suppliersFile(of: supplier.id)
                    let otherLine = merged.supplierLines[supplier.id].map { ":\($0)" } ?? ""
                    log.add(
                        part.suppliersFile, line: part.supplierLines[supplier.id], field: field,
                        "supplier '\(supplier.id)' is also in \(otherFile)\(otherLine) with another \(field); the same id in several networks is one company, so its depot, vehicle type, product group, hub trips and days must agree: make them equal or rename one"
                    )
                }
            }
            let knownKinds = kinds(of: merged.network)
            for site in network.sites {
                if let owner = siteOwner[site.id] {
                    log.add(
                        part.sitesFile, line: part.siteLines[site.id], field: "id",
                        "site '\(site.id)' is also a site of \(owner); a site belongs to one organisation: rename one")
                } else if let kind = knownKinds[site.id], kind != "site" {
                    log.add(
                        part.sitesFile, line: part.siteLines[site.id], field: "id",
                        "the id '\(site.id)' already names a \(kind) of another network; ids must be unique across hubs, sites and suppliers: rename one"
                    )
                }
                siteOwner[site.id] = siteOwner[site.id] ?? file
            }
            for supplier in newSuppliers where knownKinds[supplier.id] == "site" {
                log.add(
                    part.suppliersFile, line: part.supplierLines[supplier.id], field: "id",
                    "the id '\(supplier.id)' already names a site of another network; ids must be unique across hubs, sites and suppliers: rename one"
                )
            }
            guard compatible else { continue }
            let offset = merged.network.flows.count
            merged.network.flows += network.flows.map { flow in
                var moved = flow
                moved.index += offset
                return moved
            }
            merged.flowRows = merged.flowRows.appending(part.flowRows)
            // A site id already taken was logged above, and a merge with problems is not used.
            merged.network.sites += network.sites
            merged.network.suppliers += newSuppliers
            merged.network.outlyingLocations += network.outlyingLocations
            merged.siteLines.merge(part.siteLines) { first, _ in first }
        }
        merged.network.name = parts.map(\.network.name).joined(separator: " + ")
        merged.network.description = "Organisations sharing hubs: " + parts.map(\.network.name).joined(separator: ", ")
        merged.network.area = GeoArea(
            minLatitude: parts.map(\.network.area.minLatitude).min()!,
            maxLatitude: parts.map(\.network.area.maxLatitude).max()!,
            minLongitude: parts.map(\.network.area.minLongitude).min()!,
            maxLongitude: parts.map(\.network.area.maxLongitude).max()!)
        // No one folder holds the merged network's matrices: `distances.matrix` names a file.
        merged.network.folder = nil
        return merged
    }

    /// Whether `part` counts in the same dimensions, units and stop times as `network`; logs
    /// each difference at `part`'s file.
    private static func checkCompatible(_ part: LoadedNetwork, with network: Network, log: ProblemLog) -> Bool {
        let other = part.network
        let describe = { (network: Network) in
            network.dimensions.map { "\($0.id) (\($0.unit))" }.joined(separator: ", ")
        }
        guard other.dimensions == network.dimensions, other.weightDimension == network.weightDimension else {
            log.add(
                other.file, line: part.dimensionsLine, field: "dimensions",
                "the networks of one scenario must count in the same capacity dimensions and units: this network has \(describe(other)), \(network.file) has \(describe(network))"
            )
            return false
        }
        guard other.serviceTime == network.serviceTime else {
            log.add(
                other.file, line: part.serviceTimeLine ?? part.dimensionsLine, field: "service_time",
                "the networks of one scenario share their stop times, but this network's service_time differs from \(network.file)'s: make them equal"
            )
            return false
        }
        return true
    }

    /// The first field in which two definitions of one supplier disagree (as suppliers.csv
    /// names it), `nil` when they agree.
    static func supplierConflict(_ first: Supplier, _ second: Supplier) -> String? {
        if first.depot != second.depot { return "lat" }
        if first.vehicleType != second.vehicleType { return "vehicle_type" }
        if first.productGroup != second.productGroup { return "product_group" }
        if first.minHubTripsPerWeek != second.minHubTripsPerWeek { return "min_hub_trips_per_week" }
        if first.days != second.days { return "days" }
        return nil
    }

    /// The fields in which two hubs of one id differ, for the message.
    private static func hubDifference(_ first: Hub, _ second: Hub) -> String {
        var fields: [String] = []
        if first.location != second.location { fields.append("location") }
        if first.fixedCostPerWeek != second.fixedCostPerWeek { fields.append("fixed_cost_per_week") }
        if first.handlingCost != second.handlingCost { fields.append("handling_cost") }
        if first.capacityPerWeek != second.capacityPerWeek { fields.append("capacity_per_week") }
        if fields.isEmpty { fields.append("other fields") }
        return "differs in " + fields.joined(separator: ", ")
    }

    /// What each id of a network names: hub, site or supplier.
    private static func kinds(of network: Network) -> [String: String] {
        var kinds: [String: String] = [:]
        for hub in network.hubs { kinds[hub.id] = "hub" }
        for site in network.sites { kinds[site.id] = "site" }
        for supplier in network.suppliers { kinds[supplier.id] = "supplier" }
        return kinds
    }
}
