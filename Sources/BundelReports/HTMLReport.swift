import BundelPlanner
import Foundation

/// `report.html` of `bundel plan --report DIR`: one self-contained page (inline CSS and SVG, no
/// script, nothing fetched) with the headline figures, maps of both plans, per-day charts, the
/// savings per product group, printable route sheets (one per vehicle and day) of the bundled
/// plan and the methodology.
/// Every figure comes from the same rounded totals as the JSON summary, and carries them in
/// `data-` attributes, so a test (or a reader's script) can check the page against it.
public enum HTMLReport {
    /// The page; `breakEven` (from `plan --break-even`) adds the break-even prices after the
    /// table per actor, and `streets` (from `plan --osm FILE`) the streets under the maps.
    public static func render(
        _ result: PlanResult, breakEven: [BreakEvenFee] = [], streets: StreetMap? = nil
    )
        -> String
    {
        let scenario = result.scenario
        let baseline = result.baseline.totals.rounded(), bundled = result.bundled.totals.rounded(),
            saved = result.savings
        var html =
            pageStart(title: "bundel: \(scenario.name)") + """
                <h1>\(escape(scenario.name))</h1>
                <p>\(escape(scenario.description)) Network \(escape(scenario.network.name)): \(scenario.network.sites.count) sites, \(scenario.network.suppliers.count) suppliers, \(scenario.network.flows.count) flows. Scenario file \(escape(scenario.file)), seed \(scenario.seed).</p>
                \(verdictBox(result))
                <h2>Per week</h2>
                <table><tr><th></th><th class="n">baseline</th><th class="n">bundled</th><th class="n">saved</th><th class="n">saved %</th></tr>

                """
        let rows: [(String, String, Double, Double, Double, Int)] = [
            ("vehicle-km", "vehicleKm", baseline.vehicleKm, bundled.vehicleKm, saved.vehicleKm, 1),
            (
                "last-mile trips", "lastMileTrips", Double(baseline.lastMileTrips), Double(bundled.lastMileTrips),
                Double(saved.lastMileTrips), 0
            ),
            (
                "trunk legs to hubs", "trunkLegs", Double(baseline.trunkLegs), Double(bundled.trunkLegs),
                Double(saved.trunkLegs), 0
            ),
            ("stops at sites", "stops", Double(baseline.stops), Double(bundled.stops), Double(saved.stops), 0),
            ("cost (EUR)", "costEur", baseline.costEur, bundled.costEur, saved.costEur, 0),
            ("CO2e well-to-wheel (kg)", "co2eWtwKg", baseline.co2eWtwKg, bundled.co2eWtwKg, saved.co2eWtwKg, 1),
            ("CO2e tank-to-wheel (kg)", "co2eTtwKg", baseline.co2eTtwKg, bundled.co2eTtwKg, saved.co2eTtwKg, 1),
        ]
        for (label, key, before, after, difference, decimals) in rows {
            html += "<tr><td>\(label)</td>"
            for (plan, value) in [("baseline", before), ("bundled", after), ("savings", difference)] {
                html +=
                    "<td class=\"n\" data-plan=\"\(plan)\" data-metric=\"\(key)\" data-value=\"\(value)\">\(NumberFormat.grouped(value, decimals: decimals))</td>"
            }
            html += "<td class=\"n\">\(NumberFormat.percent(difference, of: before))</td></tr>\n"
        }
        html += "</table>\n"
        html += "<p>\(escape(decisionLine(result)))</p>\n"
        if let bounds = result.bounds {
            // The summary's own sentences, so that the page and the terminal never differ.
            let lines = SummaryTable.boundLines(
                bounds, baseline: result.baseline.totals.rounded(), bundled: result.bundled.totals.rounded(),
                allDirect: result.consolidation.allDirectReported || result.consolidation.flowsViaHub == 0)
            html +=
                "<h2>Proven bounds</h2>\n<p>\(escape(lines[0]))</p>\n<ul class=\"bounds\" data-certified-km=\"\(bounds.certifiedSaving.vehicleKm)\" data-certified-eur=\"\(bounds.certifiedSaving.costEur)\">\n"
            for line in lines.dropFirst() { html += "<li>\(escape(line.trimmingCharacters(in: .whitespaces)))</li>\n" }
            html += "</ul>\n"
        }
        html += hubFleetTable(result)
        html += actorTable(result)
        html += operationCategoryTables(result)
        html += breakEvenList(breakEven, units: scenario.network.dimensions.map(\.unit))

        html += mapsSection(result, streets: streets)

        html +=
            "<h2>Per day</h2>\n" + dayChart(result, metric: "vehicle-km", decimals: 1) { Double($0.metres) / 1000 }
            + dayChart(result, metric: "stops at sites", decimals: 0) { $0.kind == .trunk ? 0 : Double($0.stops.count) }
        if !result.consolidation.productGroups.isEmpty {
            html +=
                "<h2>Saving per product group (the model's estimates, \(escape(result.consolidation.objectiveKind.unit))/week)</h2>\n"
            html += barChart(result.consolidation.productGroups.map { ($0.id, $0.saving) })
        }

        html += "<h2>Route sheets of the bundled plan</h2>\n"
        let sites = Dictionary(uniqueKeysWithValues: scenario.network.sites.map { ($0.id, $0) })
        // One sheet per vehicle and day, its trips in order: what a driver takes along.
        var sheets: [String: [PlannedRoute]] = [:]
        var order: [String] = []
        for route in result.bundled.routes {
            let key = "\(route.day.rawValue) · \(route.operatedBy) · \(route.vehicle ?? route.vehicleType)"
            if sheets[key] == nil { order.append(key) }
            sheets[key, default: []].append(route)
        }
        for key in order {
            let trips = sheets[key]!.sorted { $0.departureMinute < $1.departureMinute }
            html += "<section class=\"sheet\"><h3>\(escape(key))</h3>\n"
            for (number, route) in trips.enumerated() {
                html +=
                    "<p>trip \(number + 1) (\(escape(route.kind.rawValue)), \(escape(route.vehicleType))): departs \(ClockTime.text(minutes: route.departureMinute)) from \(escape(route.start)); \(NumberFormat.grouped(Double(route.metres) / 1000, decimals: 1)) km</p>\n"
                html +=
                    "<table><tr><th>#</th><th>stop</th><th>arrival</th><th>window</th><th class=\"n\">delivered</th></tr>\n"
                for (position, stop) in route.stops.enumerated() {
                    let site = sites[stop.location]
                    let window =
                        site.map {
                            "\(ClockTime.text(minutes: $0.windowStart))-\(ClockTime.text(minutes: $0.windowEnd))"
                        } ?? ""
                    let load = zip(scenario.network.dimensions, stop.quantity).map {
                        "\(NumberFormat.grouped($1, decimals: 1)) \($0.id)"
                    }.joined(separator: ", ")
                    html +=
                        "<tr><td>\(position + 1)</td><td>\(escape(site?.name ?? stop.location))</td><td>\(ClockTime.text(minutes: stop.serviceStartMinute))</td><td>\(window)</td><td class=\"n\">\(escape(load))</td></tr>\n"
                }
                html += "</table>\n"
            }
            html += "</section>\n"
        }
        html += "<h2>Methodology</h2>\n<pre>\(escape(Methodology.markdown(result)))</pre>\n</body></html>\n"
        return html
    }

    /// The maps of both plans, a day each, with their legend; the streets once for all of them.
    private static func mapsSection(_ result: PlanResult, streets: StreetMap?) -> String {
        let scenario = result.scenario
        var html =
            "<h2>Maps</h2>\n<p class=\"legend\"><span style=\"color:#c0392b\">&#9632; hub</span><span style=\"color:#2c3e50\">&#9679; site (name on hover)</span><span style=\"color:#7f8c8d\">&#9650; supplier depot</span><span style=\"color:#e67e22\">&#8212; direct</span><span style=\"color:#8e44ad\">&#8212; trunk</span><span style=\"color:#27ae60\">&#8212; hub tour</span></p>\n"
        html +=
            "<p class=\"legend\">The maps show the sites and hubs; a depot beyond them is drawn at the edge, pointing its way, with its direction and great-circle distance from the map's centre\(streets.map { "; streets from \(escape(($0.file as NSString).lastPathComponent)) (OpenStreetMap contributors, ODbL)" } ?? "").</p>\n"
        if let streets { html += RouteMap.streetLayer(streets, scenario: scenario) }
        let map = RouteMap(scenario: scenario, streets: streets != nil)
        for (name, plan) in [("Bundled plan", result.bundled), ("Baseline (direct delivery)", result.baseline)] {
            for (index, day) in scenario.days.enumerated() {
                let routes = plan.routes.filter { $0.day == day }
                // On screen only the first day is open; the print style opens every day
                // (`details::details-content`), as the page has no script to do it.
                html +=
                    "<details\(index == 0 ? " open" : "")><summary>\(name), \(day.rawValue): \(routes.count) trips</summary>\n"
                html += map.svg(routes: routes) + "\n</details>\n"
            }
        }
        return html
    }

    /// The vehicles each hub uses per day (the JSON summary's `hubFleet`), and how they are paid.
    private static func hubFleetTable(_ result: PlanResult) -> String {
        let scenario = result.scenario
        let uses = HubFleetUse.of(result.bundled, scenario: scenario)
        guard !uses.isEmpty else { return "" }
        let basis =
            scenario.hubFleetCost == .vehicleDay
            ? "paid by whole vehicle-days: each vehicle used on a day costs its fixed cost per day and a driver paid for the whole shift, however many trips it makes, plus km"
            : "paid pro rata: each trip pays its hours with the daily fixed cost spread over the shift, plus km"
        var html =
            "<h2>Hub fleet: vehicles per day</h2>\n<p>Hub vehicles \(escape(basis)) (hub_fleet_cost: \(scenario.hubFleetCost.rawValue)).</p>\n"
        html +=
            "<table><tr><th>hub</th><th>vehicle type</th>"
            + scenario.days.map { "<th class=\"n\">\($0.rawValue)</th>" }.joined()
            + "<th class=\"n\">available a day</th><th class=\"n\">vehicle-days</th><th class=\"n\">trips</th><th class=\"n\">cost (EUR)</th></tr>\n"
        for use in uses {
            html += "<tr><td>\(escape(use.hub))</td><td>\(escape(use.vehicleType))</td>"
            html += use.days.map {
                "<td class=\"n\" data-hub=\"\(escape(use.hub))\" data-vehicle-type=\"\(escape(use.vehicleType))\" data-day=\"\($0.day.rawValue)\" data-vehicles=\"\($0.vehicles)\">\($0.vehicles)</td>"
            }.joined()
            html +=
                "<td class=\"n\">\(use.available.map(String.init) ?? "unlimited")</td><td class=\"n\">\(use.vehicleDays)</td><td class=\"n\">\(use.trips)</td>"
            html += "<td class=\"n\">\(NumberFormat.grouped(use.costEur, decimals: 0))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private static func decisionLine(_ result: PlanResult) -> String {
        let outcome = result.consolidation
        let hubs = outcome.hubs.map { "\($0.hub): \($0.reason)" }.joined(separator: "; ")
        return
            "Consolidation (GLPK): \(outcome.status), \(outcome.flowsViaHub) of \(result.scenario.network.flows.count) flows via hub, \(outcome.rounds.count) rounds. \(hubs)"
    }

    /// Bars per day, baseline against bundled.
    private static func dayChart(
        _ result: PlanResult, metric: String, decimals: Int, value: (PlannedRoute) -> Double
    ) -> String {
        var rows: [(String, Double)] = []
        for day in result.scenario.days {
            rows.append(
                ("\(day.rawValue) baseline", result.baseline.routes.filter { $0.day == day }.map(value).reduce(0, +)))
            rows.append(
                ("\(day.rawValue) bundled", result.bundled.routes.filter { $0.day == day }.map(value).reduce(0, +)))
        }
        return "<h3>\(metric)</h3>\n" + barChart(rows, decimals: decimals)
    }

    /// The start of a report page up to the opened body: title and the one stylesheet of all
    /// reports (print: route sheets one per page, every day's map open).
    /// The verdict, any warning that belongs above the figures, and the assumptions box; the
    /// verdict's facts ride in `data-` attributes, as the table's figures do.
    static func verdictBox(_ result: PlanResult) -> String {
        let verdict = result.verdict
        var html =
            "<p class=\"verdict\" data-decision=\"\(verdict.openHubs.isEmpty ? "direct" : "open")\" data-flows-via-hub=\"\(verdict.flowsViaHub)\" data-saved-eur-per-year=\"\(PlanTotalsRounding.round(verdict.costEur.saved))\"><strong>\(escape(verdict.sentence))</strong></p>\n"
        let outlying = result.scenario.network.outlyingLocations.map { "WARNING: \($0.warning)" }
        for warning in outlying + verdict.warnings { html += "<p class=\"warning\">\(escape(warning))</p>\n" }
        let lines = Assumptions.lines(result)
        html += "<div class=\"assumptions\"><strong>Assumptions</strong><ul>\n"
        for (index, line) in lines.enumerated() {
            // The first line is the baseline's day policy: its key rides along for scripts.
            let key = index == 0 ? " data-baseline-days=\"\(result.baselineDays.policy.rawValue)\"" : ""
            html += "<li\(key)>\(escape(line))</li>\n"
        }
        return html + "</ul></div>"
    }

    static func pageStart(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; } td, th { border-bottom: 1px solid #ccc; padding: 2px 8px; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        svg { border: 1px solid #ccc; background: #fafafa; } .legend span { margin-right: 1.5em; }
        svg.streets { position: absolute; border: 0; }
        .map text.label { font-size: 11px; fill: #333; paint-order: stroke; stroke: #fafafa; stroke-width: 3px; stroke-linejoin: round; }
        .map text.hub { font-weight: bold; fill: #922b21; }
        section.sheet { page-break-before: always; } pre { white-space: pre-wrap; }
        p.verdict { font-size: 16px; } p.warning { color: #a00; font-weight: bold; }
        div.assumptions { border: 1px solid #ccc; background: #f6f6f6; padding: 0.5em 1em; margin: 1em 0; }
        @media print { body { margin: 0; } details::details-content { content-visibility: visible; display: block; } }
        </style></head><body>

        """
    }

    /// A horizontal bar chart in SVG, negative values to the left of the axis; labels longer
    /// than the label column are shortened from the middle so that no two bars read the same,
    /// with the whole label as the bar's tooltip.
    static func barChart(_ rows: [(label: String, value: Double)], decimals: Int = 0) -> String {
        let width = 720.0, labelWidth = 300.0, rowHeight = 18.0, labelCharacters = 46
        let largest = max(rows.map { abs($0.value) }.max() ?? 1, 1e-9)
        let hasNegative = rows.contains { $0.value < 0 }
        let zero = labelWidth + (hasNegative ? (width - labelWidth) / 2 : 0)
        let scale = (width - labelWidth - 70) / largest / (hasNegative ? 2 : 1)
        var svg =
            "<svg class=\"chart\" width=\"\(Int(width))\" height=\"\(Int(Double(rows.count) * rowHeight + 10))\" xmlns=\"http://www.w3.org/2000/svg\">"
        let labels = ChartLabels.shortened(rows.map(\.label), limit: labelCharacters)
        for (index, (row, label)) in zip(rows, labels).enumerated() {
            let y = 5 + Double(index) * rowHeight
            let length = abs(row.value) * scale
            let x = row.value < 0 ? zero - length : zero
            svg +=
                "<text x=\"4\" y=\"\(y + 13)\" font-size=\"12\">\(escape(label))<title>\(escape(row.label))</title></text>"
            svg +=
                "<rect x=\"\(format(x))\" y=\"\(y + 2)\" width=\"\(format(length))\" height=\"\(rowHeight - 4)\" fill=\"\(row.label.hasSuffix("baseline") ? "#e67e22" : "#27ae60")\"><title>\(escape(row.label))</title></rect>"
            svg +=
                "<text x=\"\(format((row.value < 0 ? zero : x + length) + 4))\" y=\"\(y + 13)\" font-size=\"11\">\(NumberFormat.grouped(row.value, decimals: decimals))</text>"
        }
        return svg + "</svg>\n"
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Text made safe for HTML.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
