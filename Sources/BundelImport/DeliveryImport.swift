/// A delivery log imported for a network: the flows, the new suppliers and sites, and the
/// summary of what was inferred. ``run(_:mapping:network:locations:)`` does the whole import.
public struct DeliveryImport: Sendable {
    public var network: ImportNetwork
    public var flows: [ImportedFlow]
    public var summary: ImportSummary
    var newSuppliers: [PlaceResolver.NewSupplier]
    var newSites: [PlaceResolver.NewSite]

    /// Reads `table` with `mapping` for `network`; throws when the columns cannot be mapped,
    /// when no row is usable, or when the usable rows cover less than a working week.
    public static func run(
        _ table: LogTable, mapping: ColumnMapping, network: ImportNetwork, locations: LocationTable?
    ) throws(ImportError) -> DeliveryImport {
        let columns = try LogColumns.resolve(table, mapping: mapping, dimensions: network.dimensions)
        let (records, skipped) = LogRowReader.read(table, columns: columns, dimensions: network.dimensions)
        guard !records.isEmpty else {
            throw ImportError(
                skipped
                    + [
                        ImportProblem(
                            file: table.file, line: nil, field: nil,
                            message: "no usable row: \(table.rows.count) row(s) read, \(skipped.count) left out")
                    ])
        }
        var resolver = PlaceResolver(network: network, locations: locations)
        var merged: [String: FlowInference.Delivery] = [:]
        var order: [String] = []
        for record in records {
            let supplier = resolver.supplier(record.supplier, line: record.line)
            let site = resolver.site(of: record)
            let key = "\(supplier)\u{0}\(site)\u{0}\(record.date.day)"
            if merged[key] == nil {
                merged[key] = FlowInference.Delivery(
                    supplier: supplier, site: site, date: record.date, quantity: record.quantity, productGroups: [],
                    lines: [])
                order.append(key)
            } else {
                for d in record.quantity.indices { merged[key]!.quantity[d] += record.quantity[d] }
            }
            merged[key]!.lines.append(record.line)
            if let group = record.productGroup { merged[key]!.productGroups.append(group) }
        }
        let deliveries = order.map { merged[$0]! }
        let first = deliveries.map(\.date).min()!, last = deliveries.map(\.date).max()!
        // Monday to Friday is a working week: less cannot show a weekly pattern.
        if last.day - first.day + 1 < 5 {
            throw ImportError(
                skipped
                    + [
                        ImportProblem(
                            file: table.file, line: nil, field: nil,
                            message:
                                "the usable rows cover only \(last.day - first.day + 1) day(s), \(first) to \(last); a log must cover at least a week (5 days) to show weekly flows"
                        )
                    ])
        }
        let (covered, active) = FlowInference.weeks(of: deliveries)
        var flows = FlowInference.flows(deliveries, activeWeeks: active, dimensions: network.dimensions.count)
        // A flow's days must lie within its supplier's fixed days, or the network is refused:
        // such days are a conflict for the user to settle, not a fact to write.
        let supplierDays = Dictionary(
            network.suppliers.compactMap { supplier in supplier.days.map { (supplier.id, Set($0)) } }
        ) { a, _ in a }
        for index in flows.indices {
            guard let days = flows[index].days, let allowed = supplierDays[flows[index].supplier],
                !Set(days).isSubset(of: allowed)
            else { continue }
            flows[index].daysNote =
                "delivered on \(days.joined(separator: "|")), outside the supplier's days \(LogDate.weekdayNames.filter(allowed.contains).joined(separator: "|")) in suppliers.csv; settle which is right"
            flows[index].days = nil
            flows[index].deliveriesOnDays = 0
        }
        var months: [String: Int] = [:]
        for delivery in deliveries { months[delivery.date.month, default: 0] += 1 }
        let onDays = flows.reduce(0) { $0 + $1.deliveriesOnDays }
        let usedSuppliers = Set(flows.map(\.supplier)), usedSites = Set(flows.map(\.site))
        let newSupplierIds = Set(resolver.newSuppliers.map(\.id)), newSiteIds = Set(resolver.newSites.map(\.id))
        let suppliers =
            network.suppliers.filter { usedSuppliers.contains($0.id) && !newSupplierIds.contains($0.id) }.map {
                ImportSummary.Place(id: $0.id, name: $0.name, status: "known")
            }
            + resolver.newSuppliers.map { ImportSummary.Place(id: $0.id, name: $0.name, status: "new") }
        let sites =
            network.sites.filter { usedSites.contains($0.id) && !newSiteIds.contains($0.id) }.map {
                ImportSummary.Place(id: $0.id, name: $0.name, status: "known")
            }
            + resolver.newSites.map { site in
                ImportSummary.Place(
                    id: site.id, name: site.name,
                    status: site.matched.map { $0.how.rawValue } ?? (locations == nil ? "no-table" : "unmatched"),
                    matchedText: site.matched?.key, lat: site.coordinates?.lat, lon: site.coordinates?.lon)
            }
        let given = Set(columns.quantities.map(\.dimension))
        let summary = ImportSummary(
            log: table.file, firstDate: first.description, lastDate: last.description, weeksCovered: covered.count,
            weeksWithDeliveries: active.count,
            holidayWeeks: covered.filter { !active.contains($0) }.map { LogDate(day: $0).description },
            rows: table.rows.count, rowsUsed: records.count, skipped: skipped, deliveries: deliveries.count,
            deliveriesPerMonth: months.sorted { $0.key < $1.key }.map { .init(month: $0.key, deliveries: $0.value) },
            suppliers: suppliers, sites: sites, flows: flows.count,
            flowsWithDays: flows.filter { $0.days != nil }.count,
            flowsWithoutDays: flows.compactMap { flow in
                flow.daysNote.map { .init(supplier: flow.supplier, site: flow.site, reason: $0) }
            },
            shareOnInferredDays: Double(onDays) / Double(deliveries.count), daysShareThreshold: FlowInference.daysShare,
            variationThreshold: FlowInference.variationThreshold, gapThreshold: FlowInference.gapThreshold,
            variableFlows: flows.filter {
                $0.variation > FlowInference.variationThreshold || $0.longestGap >= FlowInference.gapThreshold
            }.map {
                .init(
                    supplier: $0.supplier, site: $0.site, variation: $0.variation, longestGap: $0.longestGap,
                    weeklyCounts: $0.weeklyCounts)
            },
            dimensions: network.dimensions.map(\.id),
            dimensionsWithoutColumn: columns.quantityWithUnit == nil
                ? network.dimensions.indices.filter { !given.contains($0) }.map { network.dimensions[$0].id } : [],
            ignoredColumns: columns.ignored, hasProductGroups: columns.productGroup != nil)
        return DeliveryImport(
            network: network, flows: flows, summary: summary, newSuppliers: resolver.newSuppliers,
            newSites: resolver.newSites)
    }
}
