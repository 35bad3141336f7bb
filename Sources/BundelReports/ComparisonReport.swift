import BundelPlanner
import Foundation

/// `report.html` of `bundel compare --report DIR` and `bundel sweep --report DIR`: per metric a
/// bar chart of every run's baseline and bundled plan and a table of the figures (the same
/// rounded totals as `--json`, also in `data-` attributes), and each run's decision. It needs
/// only the runs' entries, so runs planned earlier (bundel-web's finished plans, from their JSON
/// summaries) get the same report.
public enum ComparisonReport {
    public static func render(_ runs: [ComparisonTable.Run], title: String) -> String {
        render(runs.map(ComparisonTable.Entry.init), title: title)
    }

    /// The same from the runs' entries.
    public static func render(_ runs: [ComparisonTable.Entry], title: String) -> String {
        var html =
            HTMLReport.pageStart(title: title) + """
                <h1>\(HTMLReport.escape(title))</h1>
                <p>Each run against its own direct baseline; orange bars baseline, green bars bundled plan.</p>

                """
        for metric in ComparisonTable.metrics where metric.shown {
            let rows = runs.map { run in
                (run, metric.value(run.baseline), metric.value(run.bundled))
            }
            guard rows.allSatisfy({ $0.1 != nil && $0.2 != nil }) else { continue }
            html += "<h2>\(HTMLReport.escape(metric.name)) per week</h2>\n"
            html += HTMLReport.barChart(
                rows.flatMap { run, before, after in
                    [("\(run.label) baseline", before!), ("\(run.label) bundled", after!)]
                }, decimals: metric.decimals)
            html +=
                "<table><tr><th></th><th class=\"n\">baseline</th><th class=\"n\">bundled</th><th class=\"n\">saved</th><th class=\"n\">saved %</th></tr>\n"
            for (index, row) in rows.enumerated() {
                let (run, before, after) = (row.0, row.1!, row.2!)
                html += "<tr><td>\(HTMLReport.escape(run.label))</td>"
                for (plan, value) in [("baseline", before), ("bundled", after)] {
                    html +=
                        "<td class=\"n\" data-run=\"\(index)\" data-plan=\"\(plan)\" data-metric=\"\(metric.key)\" data-value=\"\(value)\">\(NumberFormat.grouped(value, decimals: metric.decimals))</td>"
                }
                html +=
                    "<td class=\"n\">\(NumberFormat.grouped(before - after, decimals: metric.decimals))</td><td class=\"n\">\(NumberFormat.percent(before - after, of: before))</td></tr>\n"
            }
            html += "</table>\n"
        }
        html +=
            "<h2>Decisions</h2>\n<table><tr><th></th><th>scenario</th><th class=\"n\">flows via hub</th><th>hubs opened</th><th>model status</th></tr>\n"
        for run in runs {
            html +=
                "<tr><td>\(HTMLReport.escape(run.label))</td><td>\(HTMLReport.escape(run.scenario))</td><td class=\"n\">\(run.flowsViaHub) of \(run.flows)</td><td>\(HTMLReport.escape(run.hubsOpened.joined(separator: ", ")))</td><td>\(run.status)</td></tr>\n"
        }
        return html + "</table>\n</body></html>\n"
    }
}
