import Foundation
import Hummingbird

/// The scenario form, the list of scenarios and one scenario with its YAML and run buttons.
enum ScenarioPages {
    static func list(_ services: WebServices) throws -> Response {
        let networks = Dictionary(
            uniqueKeysWithValues: try services.store.networks().map { ($0.id ?? 0, $0.name) })
        let scenarios = try services.store.scenarios()
        let rows = scenarios.map { scenario in
            [
                HTML.link("/scenarios/\(scenario.id ?? 0)", scenario.name),
                HTML.link("/networks/\(scenario.networkId)", networks[scenario.networkId] ?? "?"),
                HTML.escape(scenario.createdAt),
            ]
        }
        let ids = scenarios.compactMap(\.id).map(String.init).joined(separator: ",")
        let compare =
            scenarios.count >= 2
            ? "<p><button type=\"button\" data-run=\"\(ids)\" data-kind=\"compare\">Compare all \(scenarios.count) scenarios</button></p><div id=\"problems\" class=\"problems\"></div>"
            : ""
        return HTML.page(
            "Scenarios",
            rows.isEmpty
                ? "<p class=\"muted\">No scenario yet: open a network and make one.</p>"
                : NetworkPages.rawTable(["scenario", "network", "made"], rows) + compare)
    }

    static func form(_ networkId: Int64, _ services: WebServices) throws -> Response {
        guard let record = try services.store.network(networkId) else {
            throw APIError.notFound("network \(networkId)")
        }
        let detail = try NetworkDetail.read(record, store: services.store)
        let boxes = { (name: String, values: [(String, String)], checked: Bool) in
            values.map { value, label in
                "<label><input type=\"checkbox\" name=\"\(name)\" value=\"\(HTML.escape(value))\"\(checked ? " checked" : "")> \(HTML.escape(label))</label>"
            }.joined(separator: "\n")
        }
        // One supplier's own fleet over the suppliers' fleet above (`fleets.suppliers.ID`);
        // folded away, since most scenarios leave every supplier alike.
        let typeOptions = detail.vehicleTypes.map {
            "<option value=\"\(HTML.escape($0.id))\">\(HTML.escape($0.name))</option>"
        }.joined()
        let supplierRows = detail.suppliers.map { supplier in
            "<tr><td>\(HTML.escape(supplier.id))</td><td>\(HTML.escape(supplier.name))</td><td><select name=\"supplierFleetOf\" data-supplier=\"\(HTML.escape(supplier.id))\" aria-label=\"fleet of \(HTML.escape(supplier.id))\"><option value=\"\">as above</option>\(typeOptions)</select></td></tr>"
        }.joined(separator: "\n")
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { ($0, $0) }
        let weekdays = boxes("days", Array(days.prefix(5)), true) + boxes("days", Array(days.suffix(2)), false)
        return HTML.page(
            "New scenario for \(record.name)",
            """
            <form id="scenario" class="panel">
            <input type="hidden" name="networkId" value="\(networkId)">
            <p><label>Name <input name="name" required value="\(HTML.escape(record.name)) via a hub"></label></p>
            <fieldset><legend>Candidate hubs</legend>\(boxes("hubs", detail.hubs.map { ($0.id, $0.name) }, true))</fieldset>
            <fieldset><legend>Hub fleet</legend>\(boxes("hubFleet", detail.vehicleTypes.map { ($0.id, $0.name) }, false))</fieldset>
            <fieldset><legend>Suppliers' fleet (none ticked: each supplier's own vehicle type)</legend>\(boxes("supplierFleet", detail.vehicleTypes.map { ($0.id, $0.name) }, false))</fieldset>
            <details id="supplier-fleets"><summary>Single suppliers' fleets (\(detail.suppliers.count) suppliers)</summary>
            <table><thead><tr><th>supplier</th><th>name</th><th>fleet</th></tr></thead><tbody>
            \(supplierRows)
            </tbody></table></details>
            <fieldset><legend>Planning days</legend>\(weekdays)</fieldset>
            <p><label>Participation <select name="participation">
              <option value="free">free: the planner decides for each flow</option>
              <option value="in">in: every supplier's flows via a hub</option>
              <option value="out">out: every supplier delivers directly</option></select></label></p>
            <p><label>Objective <select name="objective">
              <option value="cost">cost</option><option value="km">vehicle-km</option><option value="co2e">CO2e</option>
              </select></label></p>
            <p><label>Baseline days <select name="baselineDays">
              <option value="cheapest">cheapest: each supplier's cheapest days</option>
              <option value="balanced">balanced: spread evenly over the week</option></select></label></p>
            <p><label>Time limit (seconds) <input name="timeLimitSeconds" type="number" min="1" max="86400" value="60"></label></p>
            <button type="submit">Save scenario</button>
            <div id="problems" class="problems"></div>
            </form>
            """)
    }

    static func detail(_ id: Int64, _ services: WebServices) throws -> Response {
        guard let record = try services.store.scenario(id) else { throw APIError.notFound("scenario \(id)") }
        let yaml = (try? String(contentsOf: services.store.scenarioFile(id), encoding: .utf8)) ?? ""
        return HTML.page(
            "Scenario \(record.name)",
            """
            <p><button type="button" data-run="\(id)" data-kind="plan">Plan this scenario</button>
            <a class="button" href="/api/scenarios/\(id)/yaml">Download the scenario file</a></p>
            <form id="sweep" class="panel" data-scenario="\(id)">
            <p><button type="button" data-run="\(id)" data-kind="pareto">Pareto front of cost and CO2e</button></p>
            <label>Sweep the parameter <input name="parameter" placeholder="distances.detour_factor" required></label>
            <label>over the values <input name="values" placeholder="1.2 1.3 1.4" required></label>
            <button type="submit">Sweep</button>
            </form>
            <div id="problems" class="problems"></div>
            <p class="muted">The downloaded file names its network by full path, so that
            <code>bundel plan scenario-\(id).yaml</code> plans it on this machine.</p>
            <pre class="yaml">\(HTML.escape(yaml))</pre>
            """)
    }
}
