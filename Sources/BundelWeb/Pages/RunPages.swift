import Foundation
import Hummingbird

/// The runs page and one run's page: live progress while it runs, then the verdict, the
/// headline figures, every file to download and the HTML report inline.
enum RunPages {
    static func list(_ services: WebServices) throws -> Response {
        let rows = try services.store.runs().map { run in
            let view = RunView(run, store: services.store)
            let pick =
                view.kind == .plan && view.status == .finished
                ? "<input type=\"checkbox\" name=\"compareRun\" value=\"\(view.id)\" aria-label=\"compare run \(view.id)\">"
                : ""
            return [
                pick, HTML.link("/runs/\(view.id)", "run \(view.id)"), view.kind.rawValue + Self.optionsText(view),
                view.scenarioIds.map { HTML.link("/scenarios/\($0)", "scenario \($0)") }.joined(separator: ", "),
                "<span class=\"status \(view.status.rawValue)\">\(view.status.rawValue)</span>",
                view.elapsedSeconds.map { String(format: "%.1f s", $0) } ?? "",
            ]
        }
        return HTML.page(
            "Runs",
            rows.isEmpty
                ? "<p class=\"muted\">No run yet: open a scenario and plan it.</p>"
                : NetworkPages.rawTable(
                    ["compare", "run", "kind", "scenarios", "status", "elapsed"], rows, numeric: [5])
                        + """
                        <p><button type="button" id="compare-selected">Compare the selected runs</button>
                        <span class="muted">(two or more finished plans, side by side from their own results;
                        nothing is planned again)</span></p>
                        <div id="problems" class="problems"></div>
                        """)
    }

    /// ` of PARAM = V1, V2` for a sweep, ` with N points` for a front.
    static func optionsText(_ view: RunView) -> String {
        if let parameter = view.parameter {
            return " of " + HTML.escape(parameter) + " = " + HTML.escape((view.values ?? []).joined(separator: ", "))
        }
        return view.points.map { " with \($0) points" } ?? ""
    }

    static func detail(_ id: Int64, _ services: WebServices) throws -> Response {
        guard let run = try services.store.run(id) else { throw APIError.notFound("run \(id)") }
        let view = RunView(run, store: services.store)
        let scenarios = view.scenarioIds.map { HTML.link("/scenarios/\($0)", "scenario \($0)") }
            .joined(separator: ", ")
        let elapsed = view.elapsedSeconds.map { String(format: "%.1f s", $0) } ?? "not started"
        var body = """
            <p>\(view.kind.rawValue)\(Self.optionsText(view)) of \(scenarios): <span id="status" class="status \(view.status.rawValue)">\(view.status.rawValue)</span>,
            <span id="elapsed">\(elapsed)</span></p>
            """
        if let message = view.message { body += "<p class=\"muted\">\(HTML.escape(message))</p>" }
        if !run.status.isFinal {
            body += """
                <div id="live" data-run="\(id)">
                <button type="button" id="cancel" class="secondary" data-run="\(id)">Cancel</button>
                <pre id="log" class="log"></pre>
                </div>
                """
            return HTML.page("Run \(id)", body)
        }
        if let verdict = view.verdict { body += "<p class=\"verdict\">\(HTML.escape(verdict))</p>" }
        body += headline(services.store.runFolder(id).appendingPathComponent(RunFiles.summary))
        if run.kind == .plan {
            body += PlanMap.html(services.store.runFolder(id).appendingPathComponent("out/plan.geojson"))
        }
        if run.kind == .pareto { body += front(services.store.runFolder(id).appendingPathComponent(RunFiles.summary)) }
        if run.kind == .sweep || run.kind == .compare, run.status == .finished {
            let title =
                run.kind == .sweep
                ? "bundel sweep of \(view.parameter ?? "a parameter") over \(view.values?.count ?? 0) values"
                : "bundel compare: \(view.scenarioIds.count) scenarios, each against its own direct baseline"
            body += ComparisonTables.ofRun(
                services.store.runFolder(id).appendingPathComponent(RunFiles.summary), title: title)
        }
        body += "<h2>Downloads</h2><ul class=\"files\">"
        for file in view.files {
            body += "<li>\(HTML.link(file.url, file.name)) <span class=\"muted\">\(file.bytes) bytes</span></li>"
        }
        body += "</ul>"
        if view.files.contains(where: { $0.name == "report.html" }) {
            body += """
                <h2>Report</h2>
                <iframe class="report" src="/runs/\(id)/report" title="report of run \(id)"></iframe>
                """
        }
        if run.status != .finished,
            let log = try? String(
                contentsOf: services.store.runFolder(id).appendingPathComponent(RunFiles.log), encoding: .utf8)
        {
            body += "<h2>Log</h2><pre class=\"log\">\(HTML.escape(log))</pre>"
        }
        return HTML.page("Run \(id)", body)
    }

    /// The run's report.html as a page of its own (for the frame), as bundel wrote it.
    static func report(_ id: Int64, _ services: WebServices) throws -> Response {
        guard try services.store.run(id) != nil else { throw APIError.notFound("run \(id)") }
        let url = services.store.runFolder(id).appendingPathComponent("report/report.html")
        guard let data = try? Data(contentsOf: url) else { throw APIError.notFound("report of run \(id)") }
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The headline table of a plan's JSON summary: baseline, bundled and saved a year.
    static func headline(_ summary: URL) -> String {
        guard let data = try? Data(contentsOf: summary),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let verdict = object["verdict"] as? [String: Any]
        else { return "" }
        let metrics: [(String, String)] = [
            ("costEur", "cost (EUR)"), ("vehicleKm", "vehicle-km"), ("co2eWtwTonnes", "CO2e WTW (t)"),
            ("lastMileTrips", "last-mile trips"), ("stops", "stops at sites"),
        ]
        let rows = metrics.compactMap { key, label -> [String]? in
            guard let values = verdict[key] as? [String: Any] else { return nil }
            let cell = { (name: String) in (values[name] as? Double).map { format($0) } ?? "" }
            return [label, cell("baseline"), cell("bundled"), cell("saved")]
        }
        guard !rows.isEmpty else { return "" }
        let weeks = (verdict["weeksPerYear"] as? Int).map { " (\($0) weeks)" } ?? ""
        return "<h2>A year\(weeks)</h2>"
            + HTML.table(["", "baseline", "bundled", "saved"], rows, numeric: [1, 2, 3])
    }

    /// The plans of a Pareto front as `bundel pareto --json` gives them: a week's routed figures.
    static func front(_ summary: URL) -> String {
        guard let data = try? Data(contentsOf: summary),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let points = object["points"] as? [[String: Any]], !points.isEmpty
        else { return "" }
        let rows = points.map { point -> [String] in
            let routed = point["routed"] as? [String: Any] ?? [:]
            let roles = (point["roles"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            let value = { (key: String) in (routed[key] as? Double).map { format($0) } ?? "" }
            return [
                (point["number"] as? Int).map(String.init) ?? "", roles.joined(separator: ", "),
                (point["flowsViaHub"] as? Int).map(String.init) ?? "", value("costEur"), value("co2eWtwKg"),
                value("vehicleKm"),
            ]
        }
        return "<h2>The front, a week</h2>"
            + HTML.table(
                ["plan", "role", "flows via hub", "cost (EUR)", "CO2e WTW (kg)", "vehicle-km"], rows,
                numeric: [0, 2, 3, 4, 5])
    }

    /// Thousands separated, at most one decimal.
    static func format(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = abs(value) < 100 ? 2 : 0
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
