import Foundation

/// Reads a network: `network.yaml` with hubs, dimensions and vehicle types, and the CSV
/// tables of sites, suppliers and flows it names. Every problem is logged with its location.
enum NetworkLoader {
    /// The fields of a hub entry in `hubs:`; any other is a typo.
    static let hubFields: Set<String> = [
        "id", "name", "lat", "lon", "fixed_cost_per_week", "handling_cost", "capacity_per_week", "unload_minutes",
        "unload_minutes_per_unit", "handling_energy", "handling_energy_carrier", "cross_dock", "cut_off", "storage",
    ]

    /// The fields of a vehicle type entry, in the network or a scenario.
    static let vehicleTypeFields: Set<String> = Set([
        "id", "name", "base", "capacity", "fixed_cost_per_day", "cost_per_km", "cost_per_hour", "speed_kmh",
        "energy_per_km", "energy_per_km_empty", "energy_per_km_full", "charging_loss", "energy_carrier",
        "may_enter_zone", "shift", "nox_g_per_km", "pm10_g_per_km", "euro_class", "source",
        "max_trips_per_shift", "reload_minutes",
    ]).union(reeferFields)

    /// The fields of `service_time:`.
    static let serviceTimeFields: Set<String> = ["per_delivery_minutes", "per_unit_minutes"]

    /// The columns of `sites.csv`.
    static let siteColumns = (
        required: ["id", "name", "lat", "lon", "window_start", "window_end", "service_minutes"],
        optional: ["campus", "group", "in_zone", "coordinate_source", "address"]
    )

    /// The columns of `suppliers.csv`.
    static let supplierColumns = (
        required: ["id", "name", "lat", "lon", "vehicle_type"],
        optional: ["product_group", "depot_area", "min_hub_trips_per_week", "days"]
    )

    /// The network, with the hub and vehicle type ids its file names (valid or not) so that the
    /// scenario's references to them are checked without repeating the network's problems.
    /// A scenario's `overrides` are made in the files' contents before anything is checked.
    static func load(
        _ url: URL, displayPath: String, log: ProblemLog, overrides: NetworkOverrides? = nil
    ) -> LoadedNetwork? {
        guard var yaml = YAMLMapping.load(url, displayPath: displayPath, log: log) else { return nil }
        if let overrides { yaml = overrides.apply(toNetwork: yaml) }
        yaml.rejectUnknownKeys([
            "name", "description", "area", "dimensions", "weight_dimension", "sites", "suppliers", "flows", "hubs",
            "vehicle_types", "service_time", "data_quality",
        ])
        let folder = url.deletingLastPathComponent()
        let displayFolder = (displayPath as NSString).deletingLastPathComponent

        let area = readArea(yaml)
        let dimensions = readDimensions(yaml)
        guard !dimensions.isEmpty else { return nil }
        let weight = readWeightDimension(yaml, dimensions: dimensions)
        let serviceTime = readServiceTime(yaml, dimensions: dimensions)
        let typeEntries = yaml.mappings("vehicle_types") ?? []
        let vehicleTypes = typeEntries.compactMap {
            readVehicleType($0, dimensions: dimensions, weightDimension: weight)
        }
        let typeIds = DeclaredIds(
            valid: Set(vehicleTypes.map(\.id)), named: Set(typeEntries.compactMap { $0.node["id"]?.string }))
        rejectDuplicates(typeEntries, what: "vehicle type")
        let hubEntries = yaml.mappings("hubs", required: false) ?? []
        let hubs = hubEntries.compactMap { readHub($0, dimensions: dimensions, weightDimension: weight, area: area) }
        let hubIds = DeclaredIds(
            valid: Set(hubs.map(\.id)), named: Set(hubEntries.compactMap { $0.node["id"]?.string }))
        rejectDuplicates(hubEntries, what: "hub")

        func table(
            _ key: String, required: [String], optional: [String] = [], overridden: NetworkOverride.Target? = nil
        ) -> CSVTable? {
            guard let name = yaml.string(key) else { return nil }
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) else {
                yaml.problem(key, "no such file: \(name) (paths are relative to the network file)")
                return nil
            }
            var table = CSVTable.load(
                folder.appendingPathComponent(name),
                displayPath: (displayFolder as NSString).appendingPathComponent(name),
                required: required, optional: optional, log: log)
            if let loaded = table, let overrides, let overridden {
                table = overrides.apply(toTable: loaded, of: overridden)
            }
            // A header alone would plan an empty network and report nothing to compare.
            if let table, table.rows.isEmpty {
                log.add(
                    table.file, line: 2, field: nil,
                    "the table has a header but no rows; add a row per entry below the header")
            }
            return table
        }
        let siteTable = table(
            "sites", required: siteColumns.required, optional: siteColumns.optional, overridden: .sites)
        let sites = siteTable.map { readSites($0, area: area) } ?? []
        let siteIds = DeclaredIds(valid: Set(sites.map(\.id)), named: siteTable.map(Self.namedIds))
        let supplierTable = table(
            "suppliers", required: supplierColumns.required, optional: supplierColumns.optional,
            overridden: .suppliers)
        let suppliers = supplierTable.map { readSuppliers($0, area: area, vehicleTypes: typeIds) } ?? []
        let supplierIds = DeclaredIds(valid: Set(suppliers.map(\.id)), named: supplierTable.map(Self.namedIds))
        let dimensionColumns = dimensions.map(\.id)
        let flowTable = table(
            "flows", required: ["supplier", "site", "deliveries_per_week"] + dimensionColumns,
            optional: ["days", "product_group"])
        let supplierLines = lines(of: supplierTable)
        let supplierDays = SupplierDays(suppliers: suppliers, file: supplierTable?.file ?? "", lines: supplierLines)
        let (flows, flowLines) =
            flowTable.map {
                readFlows(
                    $0, dimensions: dimensions, sites: siteIds, suppliers: supplierIds,
                    supplierDays: supplierDays)
            } ?? ([], [])

        // Reported at the later entry's own row, where the rename is likely to happen.
        func report(_ id: String, _ kind: String, _ other: String) {
            let message =
                "the id '\(id)' already names a \(other); ids must be unique across hubs, sites and suppliers (they name the travel matrix's rows): rename one"
            let table = kind == "site" ? siteTable : supplierTable
            if let row = table?.rows.first(where: { $0.text("id") == id }) {
                row.problem("id", message)
            } else {
                yaml.problem(nil, message)
            }
        }
        var owners: [String: String] = [:]
        for (kind, ids) in [("hub", hubs.map(\.id)), ("site", sites.map(\.id)), ("supplier", suppliers.map(\.id))] {
            for id in ids {
                if let other = owners[id], other != kind { report(id, kind, other) }
                owners[id] = kind
            }
        }
        var network = Network(
            name: yaml.string("name") ?? url.deletingPathExtension().lastPathComponent,
            description: yaml.string("description", required: false) ?? "",
            area: area, dimensions: dimensions, weightDimension: weight, sites: sites, hubs: hubs, suppliers: suppliers,
            flows: flows, vehicleTypes: vehicleTypes, serviceTime: serviceTime ?? .none(dimensions: dimensions.count),
            folder: url.deletingLastPathComponent().path)
        network.file = displayPath
        network.dataQuality = readDataQuality(yaml, vehicleTypes: typeIds, hubs: hubIds)
        network.outlyingLocations = OutlyingLocation.find(
            locations(
                hubs: hubs, entries: hubEntries, sites: sites, siteTable: siteTable, suppliers: suppliers,
                supplierTable: supplierTable))
        var loaded = LoadedNetwork(
            network: network, hubIds: hubIds, typeIds: typeIds,
            flowRows: FlowRows(file: flowTable?.file ?? "", lines: flowLines),
            suppliersFile: supplierTable?.file ?? "", supplierLines: supplierLines)
        loaded.sitesFile = siteTable?.file ?? ""
        loaded.siteLines = lines(of: siteTable)
        loaded.hubLines = Dictionary(
            hubEntries.compactMap { entry in entry.node["id"]?.string.map { ($0, entry.line ?? 0) } },
            uniquingKeysWith: { first, _ in first })
        loaded.typeLines = Dictionary(
            typeEntries.compactMap { entry in entry.node["id"]?.string.map { ($0, entry.line ?? 0) } },
            uniquingKeysWith: { first, _ in first })
        loaded.dimensionsLine = yaml.node["dimensions"]?.mark?.line
        loaded.serviceTimeLine = yaml.node["service_time"]?.mark?.line
        loaded.siteColumns = siteTable?.header ?? []
        loaded.supplierColumns = supplierTable?.header ?? []
        for row in siteTable?.rows ?? [] {
            if let id = row.text("id"), let address = row.text("address") { loaded.siteAddresses[id] = address }
        }
        return loaded
    }

    /// Every hub, site and supplier depot read, with the file, line and field of its `lat`,
    /// for the check of outlying coordinates.
    private static func locations(
        hubs: [Hub], entries: [YAMLMapping], sites: [Site], siteTable: CSVTable?, suppliers: [Supplier],
        supplierTable: CSVTable?
    ) -> [OutlyingLocation.Candidate] {
        let hubEntries = Dictionary(
            entries.compactMap { entry in entry.node["id"]?.string.map { ($0, entry) } },
            uniquingKeysWith: { first, _ in first })
        let siteLines = lines(of: siteTable), supplierLines = lines(of: supplierTable)
        return hubs.map { hub in
            let entry = hubEntries[hub.id]
            return OutlyingLocation.Candidate(
                kind: "hub", id: hub.id, location: hub.location, file: entry?.file ?? "",
                line: entry?.node["lat"]?.mark?.line ?? entry?.line, field: entry?.fieldPath("lat") ?? "lat")
        }
            + sites.map { site in
                OutlyingLocation.Candidate(
                    kind: "site", id: site.id, location: site.location, file: siteTable?.file ?? "",
                    line: siteLines[site.id], field: "lat")
            }
            + suppliers.map { supplier in
                OutlyingLocation.Candidate(
                    kind: "supplier", id: supplier.id, location: supplier.depot, file: supplierTable?.file ?? "",
                    line: supplierLines[supplier.id], field: "lat")
            }
    }

    /// `data_quality: {flows: modelled, vehicle_types: {van: primary}, hubs: {hub: modelled}}`:
    /// the kind of data (primary, modelled or default) the network's own figures are, for the
    /// data-quality statement of ISO 14083.
    private static func readDataQuality(
        _ yaml: YAMLMapping, vehicleTypes: DeclaredIds, hubs: DeclaredIds
    ) -> DeclaredDataQuality {
        guard let block = yaml.mapping("data_quality", required: false) else { return DeclaredDataQuality() }
        block.rejectUnknownKeys(["flows", "vehicle_types", "hubs"])
        let kinds = DataQuality.allCases.map(\.rawValue).joined(separator: ", ")
        func quality(_ text: String, in mapping: YAMLMapping, key: String) -> DataQuality? {
            guard let quality = DataQuality(rawValue: text) else {
                mapping.problem(key, "expected one of \(kinds), got '\(text)'")
                return nil
            }
            return quality
        }
        var declared = DeclaredDataQuality()
        if let text = block.string("flows", required: false) {
            declared.flows = quality(text, in: block, key: "flows")
        }
        for (key, ids, what) in [("vehicle_types", vehicleTypes, "vehicle type"), ("hubs", hubs, "hub")] {
            guard let entries = block.mapping(key, required: false) else { continue }
            var byId: [String: DataQuality] = [:]
            for entry in entries.entries() {
                guard !ids.isUnknown(entry.key) else {
                    entries.problem(
                        entry.key,
                        "no \(what) '\(entry.key)' in this network; it has \(ids.valid.sorted().joined(separator: ", "))"
                    )
                    continue
                }
                byId[entry.key] = quality(entry.value, in: entries, key: entry.key)
            }
            if key == "hubs" { declared.hubs = byId } else { declared.vehicleTypes = byId }
        }
        return declared
    }

    private static func readArea(_ yaml: YAMLMapping) -> GeoArea {
        guard let area = yaml.mapping("area", required: false) else { return .world }
        area.rejectUnknownKeys(["min_lat", "max_lat", "min_lon", "max_lon"])
        guard let minLat = area.double("min_lat"), let maxLat = area.double("max_lat"),
            let minLon = area.double("min_lon"), let maxLon = area.double("max_lon")
        else { return .world }
        guard minLat < maxLat, minLon < maxLon, (-90...90).contains(minLat), (-90...90).contains(maxLat),
            (-180...180).contains(minLon), (-180...180).contains(maxLon)
        else {
            yaml.problem("area", "needs -90 <= min_lat < max_lat <= 90 and -180 <= min_lon < max_lon <= 180")
            return .world
        }
        return GeoArea(minLatitude: minLat, maxLatitude: maxLat, minLongitude: minLon, maxLongitude: maxLon)
    }

    private static func readDimensions(_ yaml: YAMLMapping) -> [CapacityDimension] {
        let dimensions: [CapacityDimension] = (yaml.mappings("dimensions") ?? []).compactMap { entry in
            entry.rejectUnknownKeys(["id", "name", "unit"])
            guard let id = entry.string("id") else { return nil }
            guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                entry.problem("id", "'\(id)' must be letters, digits or _ (it becomes a CSV column name)")
                return nil
            }
            return CapacityDimension(
                id: id.lowercased(), name: entry.string("name", required: false) ?? id,
                unit: entry.string("unit", required: false) ?? id)
        }
        if yaml.has("dimensions"), dimensions.isEmpty {
            yaml.problem("dimensions", "list at least one capacity dimension, such as kg")
        }
        rejectDuplicates(dimensions.map(\.id), what: "dimension", in: yaml, key: "dimensions")
        return dimensions
    }

    /// The most minutes a stop's part per delivery or per unit may take: a whole day. More is a
    /// typo (hours for minutes), and would only make every delivery unservable.
    static let maximumServiceMinutes = 24.0 * 60

    /// `service_time`: minutes per supplier delivery and per unit delivered, on top of each
    /// site's fixed `service_minutes`; nil (a problem logged) when a value is wrong.
    private static func readServiceTime(_ yaml: YAMLMapping, dimensions: [CapacityDimension]) -> ServiceTime? {
        guard let entry = yaml.mapping("service_time", required: false) else { return nil }
        entry.rejectUnknownKeys(serviceTimeFields)
        let perDelivery =
            entry.double("per_delivery_minutes", required: false, minimum: 0)
            ?? (entry.has("per_delivery_minutes") ? nil : 0)
        let perUnit = readQuantities(entry, "per_unit_minutes", dimensions: dimensions, fallback: 0, required: false)
        if let perDelivery, perDelivery > maximumServiceMinutes {
            entry.problem(
                "per_delivery_minutes",
                "at most \(NumberParsing.format(maximumServiceMinutes)) minutes (a day), got \(NumberParsing.format(perDelivery))"
            )
            return nil
        }
        if let perUnit, let index = perUnit.firstIndex(where: { $0 > maximumServiceMinutes }) {
            entry.problem(
                "per_unit_minutes",
                "at most \(NumberParsing.format(maximumServiceMinutes)) minutes per \(dimensions[index].id), got \(NumberParsing.format(perUnit[index]))"
            )
            return nil
        }
        guard let perDelivery, let perUnit else { return nil }
        return ServiceTime(perDeliveryMinutes: perDelivery, perUnitMinutes: perUnit)
    }

    /// A per-dimension mapping such as `{kg: 1000, cages: 6}`; missing dimensions get `fallback`
    /// or, without one, are a problem.
    static func readQuantities(
        _ entry: YAMLMapping, _ key: String, dimensions: [CapacityDimension],
        fallback: Double?, required: Bool = true
    ) -> [Double]? {
        guard let map = entry.mapping(key, required: required) else {
            return required ? nil : fallback.map { value in dimensions.map { _ in value } }
        }
        var values: [Double?] = dimensions.map { _ in fallback }
        // A dimension whose value was wrong is reported once, not again as missing.
        var reported = Set<Int>()
        for (name, text, line) in map.entries() {
            guard let index = dimensions.firstIndex(where: { $0.id == name }) else {
                map.log.add(
                    map.file, line: line, field: map.fieldPath(name),
                    "unknown dimension; the network's dimensions are \(dimensions.map(\.id).joined(separator: ", "))")
                continue
            }
            guard let value = NumberParsing.double(text) else {
                map.log.add(map.file, line: line, field: map.fieldPath(name), NumberParsing.explain(text))
                reported.insert(index)
                continue
            }
            guard value >= 0 else {
                map.log.add(map.file, line: line, field: map.fieldPath(name), "must be at least 0, got \(text)")
                reported.insert(index)
                continue
            }
            values[index] = value
        }
        if !reported.isEmpty { return nil }
        let missing = dimensions.indices.filter { values[$0] == nil }
        if !missing.isEmpty {
            entry.problem(
                key,
                "give a value for every dimension; missing: \(missing.map { dimensions[$0].id }.joined(separator: ", "))"
            )
            return nil
        }
        return values.map { $0! }
    }

    /// The dimension that counts kilograms: `weight_dimension`, or else one with unit or id `kg`.
    private static func readWeightDimension(_ yaml: YAMLMapping, dimensions: [CapacityDimension]) -> Int? {
        if let id = yaml.string("weight_dimension", required: false) {
            guard let index = dimensions.firstIndex(where: { $0.id == id }) else {
                yaml.problem(
                    "weight_dimension",
                    "'\(id)' is not one of the dimensions (\(dimensions.map(\.id).joined(separator: ", ")))")
                return nil
            }
            return index
        }
        return dimensions.firstIndex { $0.unit.lowercased() == "kg" || $0.id == "kg" }
    }

    /// A vehicle type, optionally starting from a built-in one (`base: e-van`).
    static func readVehicleType(
        _ given: YAMLMapping, dimensions: [CapacityDimension], weightDimension: Int?
    ) -> VehicleType? {
        guard let entry = VehicleCatalogue.resolve(given) else { return nil }
        entry.rejectUnknownKeys(vehicleTypeFields)
        let id = entry.string("id")
        let capacity = readQuantities(entry, "capacity", dimensions: dimensions, fallback: nil)
        if let capacity, capacity.allSatisfy({ $0 == 0 }) {
            entry.problem("capacity", "a vehicle must carry something")
        }
        let fixed = entry.double("fixed_cost_per_day", minimum: 0)
        let perKm = entry.double("cost_per_km", minimum: 0)
        let perHour = entry.double("cost_per_hour", minimum: 0)
        let speed = entry.double("speed_kmh", greaterThanZero: true)
        let energy = entry.double("energy_per_km", minimum: 0)
        let carrier = entry.string("energy_carrier")
        let mayEnter = entry.bool("may_enter_zone")
        let chargingLoss = entry.double("charging_loss", required: false, minimum: 0) ?? 0
        if chargingLoss >= 1 {
            entry.problem("charging_loss", "is the share of grid energy lost (0.1 = 10 %) and must be below 1")
        }
        var loadDependent: LoadDependentEnergy?
        let empty = entry.double("energy_per_km_empty", required: false, minimum: 0)
        let full = entry.double("energy_per_km_full", required: false, minimum: 0)
        switch (empty, full) {
        case let (empty?, full?):
            if weightDimension == nil {
                entry.problem(
                    "energy_per_km_full",
                    "load-dependent consumption needs a weight dimension (weight_dimension in network.yaml)")
            }
            loadDependent = LoadDependentEnergy(empty: empty, full: full)
        case (nil, nil): break
        default:
            entry.problem(
                empty == nil ? "energy_per_km_full" : "energy_per_km_empty",
                "give energy_per_km_empty and energy_per_km_full together")
        }
        let shift = readShift(entry)
        let reefer = readReefer(entry)
        guard let id, let capacity, let fixed, let perKm, let perHour, let speed, let energy, let carrier, let mayEnter,
            chargingLoss < 1, case .success(let reeferUnit) = reefer
        else { return nil }
        var type = VehicleType(
            id: id, name: entry.string("name", required: false) ?? id, capacity: capacity, fixedCostPerDay: fixed,
            costPerKilometre: perKm, costPerHour: perHour, speedKmh: speed, energyPerKilometre: energy,
            energyCarrier: carrier, mayEnterZone: mayEnter, shiftStart: shift.start, shiftEnd: shift.end)
        type.loadDependentEnergy = loadDependent
        type.chargingLossFraction = chargingLoss
        type.reefer = reeferUnit
        type.noxGramsPerKilometre = entry.double("nox_g_per_km", required: false, minimum: 0)
        type.pm10GramsPerKilometre = entry.double("pm10_g_per_km", required: false, minimum: 0)
        type.euroClass = entry.string("euro_class", required: false)
        type.source = entry.string("source", required: false)
        type.maxTripsPerShift = entry.int("max_trips_per_shift", required: false, minimum: 1) ?? 1
        type.maxTripsPerShiftGiven = entry.has("max_trips_per_shift")
        type.reloadMinutes = entry.int("reload_minutes", required: false, minimum: 0) ?? 0
        return type
    }

    /// `shift: {start: "06:00", end: "18:00"}`, 06:00-18:00 when absent.
    private static func readShift(_ entry: YAMLMapping) -> (start: Int, end: Int) {
        guard let shift = entry.mapping("shift", required: false) else { return (6 * 60, 18 * 60) }
        shift.rejectUnknownKeys(["start", "end"])
        guard let start = shift.string("start"), let end = shift.string("end") else { return (6 * 60, 18 * 60) }
        guard let startMinutes = NumberParsing.minutesOfDay(start), let endMinutes = NumberParsing.minutesOfDay(end)
        else {
            shift.problem(
                NumberParsing.minutesOfDay(start) == nil ? "start" : "end", "expected a time of day as \"HH:MM\"")
            return (6 * 60, 18 * 60)
        }
        if endMinutes <= startMinutes { shift.problem("end", "the shift ends (\(end)) before it starts (\(start))") }
        return (startMinutes, endMinutes)
    }

    private static func readHub(
        _ entry: YAMLMapping, dimensions: [CapacityDimension], weightDimension: Int?, area: GeoArea
    ) -> Hub? {
        entry.rejectUnknownKeys(hubFields)
        let id = entry.string("id")
        let latitude = entry.double("lat"), longitude = entry.double("lon")
        let fixed = entry.double("fixed_cost_per_week", minimum: 0)
        let handling = readQuantities(entry, "handling_cost", dimensions: dimensions, fallback: 0, required: false)
        let capacity = readQuantities(
            entry, "capacity_per_week", dimensions: dimensions, fallback: .infinity, required: false)
        let unload = entry.int("unload_minutes", required: false, minimum: 0) ?? 15
        let unloadPerUnit = readQuantities(
            entry, "unload_minutes_per_unit", dimensions: dimensions, fallback: 0, required: false)
        if let unloadPerUnit, let index = unloadPerUnit.firstIndex(where: { $0 > maximumServiceMinutes }) {
            entry.problem(
                "unload_minutes_per_unit",
                "at most \(NumberParsing.format(maximumServiceMinutes)) minutes per \(dimensions[index].id), got \(NumberParsing.format(unloadPerUnit[index]))"
            )
            return nil
        }
        var energyDefault = dimensions.map { _ in 0.0 }
        if let weightDimension { energyDefault[weightDimension] = Hub.defaultHandlingKilowattHoursPerTonne / 1000 }
        let energy =
            entry.has("handling_energy")
            ? readQuantities(entry, "handling_energy", dimensions: dimensions, fallback: 0) : energyDefault
        if weightDimension == nil, !entry.has("handling_energy") {
            entry.problem(
                "handling_energy",
                "give the hub's energy per unit handled (kWh per unit of a dimension); the default of \(NumberParsing.format(Hub.defaultHandlingKilowattHoursPerTonne)) kWh/t needs a weight dimension"
            )
        }
        let carrier = entry.string("handling_energy_carrier", required: false) ?? "electricity-grid"
        var crossDock = CrossDock.nextDay
        if let text = entry.string("cross_dock", required: false) {
            guard let value = CrossDock(rawValue: text) else {
                entry.problem("cross_dock", "expected next_day or same_day, got '\(text)'")
                return nil
            }
            crossDock = value
        }
        var cutOff = 18 * 60
        if let text = entry.string("cut_off", required: false) {
            guard let minute = NumberParsing.minutesOfDay(text) else {
                entry.problem("cut_off", "expected a time of day as \"HH:MM\"")
                return nil
            }
            cutOff = minute
        }
        let storage = entry.has("storage") ? readStorage(entry, dimensions: dimensions) : nil
        if entry.has("storage"), storage == nil { return nil }
        guard let id, let latitude, let longitude, let fixed, let handling, let capacity, let energy, let unloadPerUnit
        else { return nil }
        let point = GeoPoint(latitude: latitude, longitude: longitude)
        guard area.contains(point) else {
            entry.problem("lat", "(\(latitude), \(longitude)) lies outside the network's area")
            return nil
        }
        return Hub(
            id: id, name: entry.string("name", required: false) ?? id, location: point, fixedCostPerWeek: fixed,
            handlingCost: handling, capacityPerWeek: capacity, unloadMinutes: unload,
            unloadMinutesPerUnit: unloadPerUnit,
            handlingEnergyPerUnit: energy,
            handlingEnergyCarrier: carrier, crossDock: crossDock, cutOffMinute: cutOff, storage: storage)
    }

    /// A hub's `storage`: days goods may wait, and both the capacity and the cost per unit-day,
    /// since storage that costs nothing and holds anything would make every trunk leg weekly.
    private static func readStorage(_ hub: YAMLMapping, dimensions: [CapacityDimension]) -> HubStorage? {
        guard let entry = hub.mapping("storage") else { return nil }
        entry.rejectUnknownKeys(["days", "capacity", "cost_per_unit_day"])
        let days = entry.int("days", minimum: 1)
        if let days, days > 6 {
            entry.problem("days", "at most 6 (goods wait less than a week), got \(days)")
            return nil
        }
        let capacity = readQuantities(entry, "capacity", dimensions: dimensions, fallback: .infinity)
        let cost = readQuantities(entry, "cost_per_unit_day", dimensions: dimensions, fallback: 0)
        guard let days, let capacity, let cost else { return nil }
        if cost.allSatisfy({ $0 == 0 }) {
            entry.problem(
                "cost_per_unit_day",
                "storage must cost something per unit-day (rent, handling); give the hub's price for at least one dimension"
            )
            return nil
        }
        return HubStorage(days: days, capacity: capacity, costPerUnitDay: cost)
    }

    /// A point from `lat`/`lon` columns, checked against the plausible area.
    private static func point(_ row: CSVTable.Row, area: GeoArea) -> GeoPoint? {
        guard let latitude = row.double("lat"), let longitude = row.double("lon") else { return nil }
        let point = GeoPoint(latitude: latitude, longitude: longitude)
        guard area.contains(point) else {
            let swapped = area.contains(GeoPoint(latitude: longitude, longitude: latitude))
            row.problem(
                "lat",
                "(\(latitude), \(longitude)) lies outside the network's area\(swapped ? "; are lat and lon swapped?" : "")"
            )
            return nil
        }
        return point
    }

    /// The line of each id in a table's `id` column (its first row when repeated).
    private static func lines(of table: CSVTable?) -> [String: Int] {
        Dictionary(
            table?.rows.compactMap { row in row.text("id").map { ($0, row.line) } } ?? [],
            uniquingKeysWith: { first, _ in first })
    }

    /// The ids in a table's `id` column, whether or not their rows are valid.
    private static func namedIds(_ table: CSVTable) -> Set<String> { Set(table.rows.compactMap { $0.text("id") }) }

    private static func readSites(_ table: CSVTable, area: GeoArea) -> [Site] {
        var seen: [String: Int] = [:]
        return table.rows.compactMap { row in
            let id = row.string("id"), name = row.string("name"), location = point(row, area: area)
            let start = row.minutesOfDay("window_start"), end = row.minutesOfDay("window_end")
            let service = row.int("service_minutes", minimum: 0)
            let inZone = row.bool("in_zone", default: false)
            if let start, let end, end < start {
                row.problem(
                    "window_end",
                    "the delivery window ends (\(row.text("window_end")!)) before it starts (\(row.text("window_start")!))"
                )
                return nil
            }
            guard let id, let name, let location, let start, let end, let service, let inZone else { return nil }
            if let first = seen[id] {
                row.problem("id", "duplicate site id '\(id)' (first on line \(first))")
                return nil
            }
            seen[id] = row.line
            return Site(
                id: id, name: name, group: row.text("campus") ?? row.text("group") ?? "", location: location,
                windowStart: start, windowEnd: end, serviceMinutes: service, inZone: inZone,
                coordinateSource: row.text("coordinate_source") ?? "unknown")
        }
    }

    private static func readSuppliers(_ table: CSVTable, area: GeoArea, vehicleTypes: DeclaredIds) -> [Supplier] {
        var seen: [String: Int] = [:]
        return table.rows.compactMap { row in
            let id = row.string("id"), name = row.string("name"), depot = point(row, area: area)
            let type = row.string("vehicle_type")
            if let type, vehicleTypes.isUnknown(type) {
                row.problem(
                    "vehicle_type",
                    "unknown vehicle type '\(type)'; network.yaml defines \((vehicleTypes.named ?? []).sorted().joined(separator: ", "))"
                )
                return nil
            }
            // A type whose own entry is invalid is reported there; the supplier waits for its fix.
            if let type, !vehicleTypes.valid.contains(type) { return nil }
            let minTrips = row.text("min_hub_trips_per_week") == nil ? 1 : row.int("min_hub_trips_per_week", minimum: 1)
            let days = readWeekdays(row, "days")
            guard let id, let name, let depot, let type, let minTrips, let days else { return nil }
            if let first = seen[id] {
                row.problem("id", "duplicate supplier id '\(id)' (first on line \(first))")
                return nil
            }
            seen[id] = row.line
            return Supplier(
                id: id, name: name, productGroup: row.text("product_group") ?? "", depot: depot,
                vehicleType: type, minHubTripsPerWeek: minTrips, days: days.given)
        }
    }

    /// The suppliers' fixed delivery days, and where they are written, for the flows' checks.
    private struct SupplierDays {
        let days: [String: [Weekday]]
        let file: String
        let lines: [String: Int]

        init(suppliers: [Supplier], file: String, lines: [String: Int]) {
            days = Dictionary(
                uniqueKeysWithValues: suppliers.compactMap { supplier in supplier.days.map { (supplier.id, $0) } })
            self.file = file
            self.lines = lines
        }

        func describe(_ supplier: String) -> String {
            "\(days[supplier]!.map(\.rawValue).joined(separator: "|")) (\(file)\(lines[supplier].map { ":\($0)" } ?? ""), field 'days')"
        }
    }

    /// A `days` cell that is valid: its days in week order, `nil` when the cell is empty.
    private struct DaysCell {
        var given: [Weekday]?
    }

    /// Delivery days such as `mon|thu` (day names as in a scenario's `days`, separated by `|`);
    /// `nil` when a day is unknown or repeated (logged).
    private static func readWeekdays(_ row: CSVTable.Row, _ column: String) -> DaysCell? {
        guard let text = row.text(column) else { return DaysCell(given: nil) }
        var days: [Weekday] = []
        var fine = true
        for name in text.split(separator: "|", omittingEmptySubsequences: false).map({
            $0.trimmingCharacters(in: .whitespaces)
        }) {
            guard let day = Weekday(rawValue: name.lowercased().prefix(3).description) else {
                row.problem(
                    column,
                    "unknown day '\(name)' in '\(text)'; write the days as mon|thu (mon, tue, wed, thu, fri, sat, sun)")
                fine = false
                continue
            }
            if days.contains(day) {
                row.problem(column, "'\(name)' is listed twice in '\(text)'")
                fine = false
                continue
            }
            days.append(day)
        }
        return fine ? DaysCell(given: days.sorted()) : nil
    }

    private static func readFlows(
        _ table: CSVTable, dimensions: [CapacityDimension], sites: DeclaredIds, suppliers: DeclaredIds,
        supplierDays: SupplierDays
    ) -> (flows: [Flow], lines: [Int]) {
        var seen: [String: Int] = [:]
        var flows: [Flow] = []
        var lines: [Int] = []
        for row in table.rows {
            let supplier = row.string("supplier"), site = row.string("site")
            let deliveries = row.int("deliveries_per_week", minimum: 1)
            let quantities = dimensions.map { row.double($0.id, minimum: 0) }
            let days = readWeekdays(row, "days")
            if let supplier, suppliers.isUnknown(supplier) {
                row.problem(
                    "supplier",
                    "unknown supplier '\(supplier)' (not in the suppliers file\(suppliers.didYouMean(supplier)))")
            }
            if let site, sites.isUnknown(site) {
                row.problem("site", "unknown site '\(site)' (not in the sites file\(sites.didYouMean(site)))")
            }
            guard let supplier, let site, let deliveries, suppliers.valid.contains(supplier),
                sites.valid.contains(site),
                quantities.allSatisfy({ $0 != nil }), let days
            else { continue }
            if let given = days.given {
                guard given.count == deliveries else {
                    row.problem(
                        "days",
                        "\(given.count) day(s) (\(given.map(\.rawValue).joined(separator: "|"))) for \(deliveries) deliveries a week; give one day per delivery, or leave the cell empty"
                    )
                    continue
                }
                if let fixed = supplierDays.days[supplier], !Set(given).isSubset(of: fixed) {
                    let outside = given.filter { !fixed.contains($0) }.map(\.rawValue).joined(separator: "|")
                    row.problem(
                        "days",
                        "\(outside) is not among the delivery days of supplier \(supplier), \(supplierDays.describe(supplier)); give days of the supplier, or add them to its days"
                    )
                    continue
                }
            } else if let fixed = supplierDays.days[supplier], deliveries > fixed.count {
                row.problem(
                    "deliveries_per_week",
                    "\(deliveries) deliveries a week, but supplier \(supplier) delivers only on \(supplierDays.describe(supplier)); lower the deliveries or give the supplier more days"
                )
                continue
            }
            let key = "\(supplier) -> \(site)"
            if let first = seen[key] {
                row.problem(nil, "flow \(key) is listed twice (first on line \(first)); merge the rows")
                continue
            }
            seen[key] = row.line
            flows.append(
                Flow(
                    index: flows.count, supplier: supplier, site: site, deliveriesPerWeek: deliveries,
                    weeklyQuantity: quantities.map { $0! }, days: days.given, productGroup: row.text("product_group")))
            lines.append(row.line)
        }
        return (flows, lines)
    }

    /// Entries of a list (hubs, vehicle types) that repeat an earlier entry's id, each named at its own line.
    private static func rejectDuplicates(_ entries: [YAMLMapping], what: String) {
        var first: [String: Int?] = [:]
        for entry in entries {
            guard let id = entry.node["id"]?.string else { continue }
            guard let line = first[id] else {
                first[id] = entry.line
                continue
            }
            entry.problem(
                "id",
                "\(what) id '\(id)' is defined twice\(line.map { " (first on line \($0))" } ?? ""); give each \(what) its own id"
            )
        }
    }

    private static func rejectDuplicates(_ ids: [String], what: String, in yaml: YAMLMapping, key: String) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted { yaml.problem(key, "\(what) id '\(id)' is defined twice") }
    }
}
