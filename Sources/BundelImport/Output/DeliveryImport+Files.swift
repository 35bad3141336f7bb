import Foundation

/// The files an import writes, as text: flows.csv, flow-statistics.csv, new-suppliers.csv,
/// new-sites.csv, import-summary.md and the JSON summary.
extension DeliveryImport {
    /// The marker in a skeleton row's cells that the user must fill in: the network loader
    /// refuses it, so that an unfinished row cannot pass unnoticed.
    public static let todo = "TODO"

    /// File name and content of every file, in writing order.
    public var files: [(name: String, content: String)] {
        var files = [
            ("flows.csv", flowsCSV), ("flow-statistics.csv", statisticsCSV), ("import-summary.md", report),
        ]
        if !newSuppliers.isEmpty { files.append(("new-suppliers.csv", newSuppliersCSV)) }
        if !newSites.isEmpty { files.append(("new-sites.csv", newSitesCSV)) }
        return files
    }

    /// `supplier,site,deliveries_per_week,<dimensions>,days[,product_group]`.
    public var flowsCSV: String {
        var header = ["supplier", "site", "deliveries_per_week"] + network.dimensions.map(\.id) + ["days"]
        if summary.hasProductGroups { header.append("product_group") }
        let missing = Set(summary.dimensionsWithoutColumn)
        var lines = [Self.csvLine(header)]
        for flow in flows {
            var fields = [flow.supplier, flow.site, String(flow.deliveriesPerWeek)]
            for (d, dimension) in network.dimensions.enumerated() {
                fields.append(missing.contains(dimension.id) ? "" : Self.number(flow.weeklyQuantity[d]))
            }
            fields.append(flow.days?.joined(separator: "|") ?? "")
            if summary.hasProductGroups { fields.append(flow.productGroup ?? "") }
            lines.append(Self.csvLine(fields))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Per flow the deliveries, the average per week and each dimension's quantity per
    /// delivery (median, 90th percentile), the weekly counts' variation and the weekdays.
    public var statisticsCSV: String {
        var header = ["supplier", "site", "deliveries", "weeks", "average_per_week", "deliveries_per_week"]
        for dimension in network.dimensions { header += ["\(dimension.id)_median", "\(dimension.id)_p90"] }
        header += ["weekly_variation", "longest_gap_weeks"] + LogDate.weekdayNames + ["days", "days_note"]
        var lines = [Self.csvLine(header)]
        for flow in flows {
            var fields = [
                flow.supplier, flow.site, String(flow.deliveries), String(summary.weeksWithDeliveries),
                Self.number(flow.averagePerWeek), String(flow.deliveriesPerWeek),
            ]
            for d in network.dimensions.indices {
                fields += [Self.number(flow.medianPerDelivery[d]), Self.number(flow.p90PerDelivery[d])]
            }
            fields += [Self.number(flow.variation), String(flow.longestGap)] + flow.perWeekday.map(String.init)
            fields += [flow.days?.joined(separator: "|") ?? "", flow.daysNote ?? ""]
            lines.append(Self.csvLine(fields))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows for suppliers.csv with the network's columns: id and name from the log, the
    /// product group when the log gives one, required values it cannot know marked TODO.
    public var newSuppliersCSV: String {
        let header =
            network.supplierColumns.isEmpty
            ? ["id", "name", "product_group", "depot_area", "lat", "lon", "vehicle_type", "min_hub_trips_per_week"]
            : network.supplierColumns
        let groups = Dictionary(flows.compactMap { flow in flow.productGroup.map { (flow.supplier, $0) } }) { a, _ in a
        }
        var lines = [Self.csvLine(header)]
        for supplier in newSuppliers {
            lines.append(
                Self.csvLine(
                    header.map { column in
                        switch column {
                        case "id": return supplier.id
                        case "name": return supplier.name
                        case "product_group": return groups[supplier.id] ?? ""
                        case "lat", "lon", "vehicle_type": return Self.todo
                        default: return ""
                        }
                    }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows for sites.csv with the network's columns: coordinates from the locations table
    /// when the site's address or postcode was found there, TODO where a required value is
    /// not known.
    public var newSitesCSV: String {
        let header =
            network.siteColumns.isEmpty
            ? [
                "id", "name", "campus", "lat", "lon", "window_start", "window_end", "service_minutes", "in_zone",
                "coordinate_source",
            ] : network.siteColumns
        var lines = [Self.csvLine(header)]
        for site in newSites {
            lines.append(
                Self.csvLine(
                    header.map { column in
                        switch column {
                        case "id": return site.id
                        case "name": return site.name
                        case "address": return site.address ?? ""
                        case "lat": return site.coordinates.map { String(format: "%.6f", $0.lat) } ?? Self.todo
                        case "lon": return site.coordinates.map { String(format: "%.6f", $0.lon) } ?? Self.todo
                        case "coordinate_source":
                            return site.matched.map { "locations-table \($0.how.rawValue): \($0.key)" } ?? ""
                        case "window_start", "window_end", "service_minutes": return Self.todo
                        default: return ""
                        }
                    }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary and flows for programs.
    public var json: String {
        struct Output: Encodable {
            var summary: ImportSummary
            var flows: [ImportedFlow]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(Output(summary: summary, flows: flows))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A number as a CSV cell: at most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}
