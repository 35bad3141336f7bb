import BundelPlanner
import Foundation
import Hummingbird

/// The networks page (list and upload) and one network's page (tables and map).
enum NetworkPages {
    static func list(_ services: WebServices) throws -> Response {
        let networks = try services.store.networks()
        let rows = networks.map { network in
            [
                HTML.link("/networks/\(network.id ?? 0)", network.name), HTML.escape(network.description),
                String(network.sites), String(network.suppliers), String(network.flows),
                HTML.link("/scenarios/new?network=\(network.id ?? 0)", "new scenario"),
            ]
        }
        let table =
            rows.isEmpty
            ? "<p class=\"muted\">No network yet: upload one below.</p>"
            : rawTable(["network", "description", "sites", "suppliers", "flows", ""], rows, numeric: [2, 3, 4])
        let builtIn = BuiltInNetworks.list(services.examples)
        let examples =
            builtIn.isEmpty
            ? ""
            : "<h2>Networks that come with bundel</h2>"
                + rawTable(
                    ["network", "description", ""],
                    builtIn.map {
                        [
                            HTML.escape($0.name), HTML.escape($0.description),
                            "<button type=\"button\" data-builtin=\"\(HTML.escape($0.id))\">Add to my networks</button>",
                        ]
                    })
        let limit = services.limits.bodyBytes / 1024 / 1024
        let hubRows = (1...3).map { row in
            """
            <tr><td><input name="hubId" aria-label="hub \(row) id"\(row == 1 ? " required" : "")></td>
            <td><input name="hubName" aria-label="hub \(row) name"></td>
            <td><input name="hubLat" type="number" step="any" aria-label="hub \(row) latitude"></td>
            <td><input name="hubLon" type="number" step="any" aria-label="hub \(row) longitude"></td>
            <td><input name="hubFixed" type="number" step="any" min="0" aria-label="hub \(row) EUR a week"></td>
            <td><input name="hubHandling" type="number" step="any" min="0" aria-label="hub \(row) EUR per roll cage"></td>
            <td><input name="hubCages" type="number" step="any" min="0" aria-label="hub \(row) roll cages a week"></td>
            <td><input name="hubKg" type="number" step="any" min="0" aria-label="hub \(row) kg a week"></td>
            <td><select name="hubCrossDock" aria-label="hub \(row) cross-dock"><option value="">default</option>
            <option value="next_day">next day</option><option value="same_day">same day</option></select></td>
            <td><input name="hubCutOff" type="time" aria-label="hub \(row) cut-off"></td></tr>
            """
        }.joined(separator: "\n")
        let types = NetworkForm.catalogue.map {
            "<label><input type=\"checkbox\" name=\"vehicleTypes\" value=\"\($0)\"> \($0)</label>"
        }.joined(separator: "\n")
        let csvForm = """
            <form id="network-form" class="panel">
            <h2>Or make a network from its three tables</h2>
            <p>sites.csv, suppliers.csv and flows.csv with the columns of <code>docs/format.md</code>;
            quantities in kg and roll cages (flows.csv's columns <code>kg</code> and <code>cages</code>); the
            suppliers' <code>vehicle_type</code> one of the types chosen below.</p>
            <p><label>Name <input name="name" required></label> <label>Description <input name="description"></label></p>
            <p><label>sites.csv <input type="file" name="sites" accept=".csv,text/csv" required></label>
            <label>suppliers.csv <input type="file" name="suppliers" accept=".csv,text/csv" required></label>
            <label>flows.csv <input type="file" name="flows" accept=".csv,text/csv" required></label></p>
            <table><thead><tr><th>hub id</th><th>name</th><th>lat</th><th>lon</th><th>EUR a week</th><th>EUR per roll cage</th><th>roll cages a week</th><th>kg a week</th><th>cross-dock</th><th>cut-off</th></tr></thead>
            <tbody>\(hubRows)</tbody></table>
            <p class="muted">Capacities left empty are unlimited; cross-dock by default next day; the cut-off (default 18:00) is when goods must be
            unloaded to go out the next planning day; same day: tours leave after that day's trunk legs are unloaded.</p>
            <p><label>Minutes a delivery adds at a stop <input name="perDeliveryMinutes" type="number" step="any" min="0"></label>
            <span class="muted">(delivery note, check, signature; empty: none beyond each site's own minutes)</span></p>
            <fieldset><legend>Vehicle types (bundel's catalogue)</legend>\(types)</fieldset>
            <button type="submit">Make and check</button>
            <div id="form-problems" class="problems"></div>
            </form>
            """
        return HTML.page(
            "Networks",
            """
            \(table)
            <form id="upload" class="panel">
            <h2>Upload a network</h2>
            <p>A ZIP of the network folder: <code>network.yaml</code> with the CSV tables it names
            (sites, suppliers, flows), as <code>bundel validate</code> reads them. At most \(limit) MB.</p>
            <input type="file" name="zip" accept=".zip,application/zip" required>
            <button type="submit">Upload and check</button>
            <div id="problems" class="problems"></div>
            </form>
            \(csvForm)
            \(examples)
            """)
    }

    static func detail(_ id: Int64, _ services: WebServices) throws -> Response {
        guard let record = try services.store.network(id) else { throw APIError.notFound("network \(id)") }
        let detail = try NetworkDetail.read(record, store: services.store)
        let clock = { (minutes: Int) in String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        let points =
            detail.sites.map { NetworkMap.Point(lat: $0.lat, lon: $0.lon, kind: "site", label: $0.name) }
            + detail.suppliers.map {
                NetworkMap.Point(lat: $0.lat, lon: $0.lon, kind: "supplier", label: "\($0.name) (depot)")
            } + detail.hubs.map { NetworkMap.Point(lat: $0.lat, lon: $0.lon, kind: "hub", label: $0.name) }
        let quantity = { (values: [Double]) in
            zip(detail.dimensions, values).map { "\(number($1)) \($0)" }.joined(separator: ", ")
        }
        let hubRows = detail.hubs.map { hub in
            [
                hub.id, hub.name, number(hub.lat), number(hub.lon), RunPages.format(hub.fixedCostPerWeek),
                capacity(hub.capacityPerWeek, dimensions: detail.dimensions),
                hub.crossDock.replacingOccurrences(of: "_", with: " "), hub.cutOff,
            ]
        }
        let hubTable = HTML.table(
            ["id", "name", "lat", "lon", "EUR a week", "capacity a week", "cross-dock", "cut-off"], hubRows,
            numeric: [2, 3, 4])
        return HTML.page(
            "Network \(record.name)",
            """
            <p>\(HTML.escape(record.description))</p>
            <p><a class="button" href="/scenarios/new?network=\(id)">New scenario for this network</a></p>
            \(NetworkMap.svg(points))
            <h2>Sites (\(detail.sites.count))</h2>
            \(HTML.table(
                ["id", "name", "group", "lat", "lon", "window", "service min", "in zone"],
                detail.sites.map {
                    [$0.id, $0.name, $0.group, number($0.lat), number($0.lon),
                     "\(clock($0.windowStart))-\(clock($0.windowEnd))", String($0.serviceMinutes), $0.inZone ? "yes" : "no"]
                }, numeric: [3, 4, 6]))
            <h2>Suppliers (\(detail.suppliers.count))</h2>
            \(HTML.table(
                ["id", "name", "product group", "vehicle type", "lat", "lon"],
                detail.suppliers.map { [$0.id, $0.name, $0.productGroup, $0.vehicleType, number($0.lat), number($0.lon)] },
                numeric: [4, 5]))
            <h2>Flows (\(detail.flows.count))</h2>
            \(HTML.table(
                ["supplier", "site", "deliveries a week", "a week"],
                detail.flows.map { [$0.supplier, $0.site, String($0.deliveriesPerWeek), quantity($0.weeklyQuantity)] },
                numeric: [2]))
            <h2>Hubs (\(detail.hubs.count))</h2>
            \(hubTable)
            """)
    }

    /// A number as people read it: no trailing `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A table whose cells are HTML already (links), escaped by the caller.
    static func rawTable(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        let head = header.map { "<th>\(HTML.escape($0))</th>" }.joined()
        let body = rows.map { row in
            "<tr>"
                + row.enumerated().map { index, cell in
                    numeric.contains(index) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
                }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    /// `200 cages, 20,000 kg`, leaving out what is unlimited; `unlimited` when all are.
    static func capacity(_ values: [Double?], dimensions: [String]) -> String {
        let parts = zip(values, dimensions).compactMap { value, dimension in
            value.map { RunPages.format($0) + " " + dimension }
        }
        return parts.isEmpty ? "unlimited" : parts.joined(separator: ", ")
    }
}
