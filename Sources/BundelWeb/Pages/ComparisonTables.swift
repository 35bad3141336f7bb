import BundelReports
import Foundation

/// Runs side by side as a page shows them: a table of what each saved a week and the decision
/// it made, then every figure as `bundel compare` prints it. The comparison of finished runs,
/// a compare run and a sweep (a row per value) share it.
enum ComparisonTables {
    /// `labels` are the first column's cells as HTML (a link to the run, or the value); `text`
    /// is the comparison as `bundel compare` prints it.
    static func html(
        _ entries: [ComparisonTable.Entry], labels: [String], firstColumn: String, text: String
    )
        -> String
    {
        let rows = zip(labels, entries).map { label, entry -> [String] in
            [
                label, RunPages.format(entry.savings.costEur), percent(entry, "costEur"),
                RunPages.format(entry.savings.co2eWtwKg), percent(entry, "co2eWtwKg"),
                RunPages.format(entry.savings.vehicleKm), "\(entry.flowsViaHub) of \(entry.flows)",
                HTML.escape(entry.hubsOpened.joined(separator: ", ")),
            ]
        }
        return "<h2>Saved a week against each run's own direct baseline</h2>"
            + NetworkPages.rawTable(
                [
                    firstColumn, "cost (EUR)", "cost %", "CO2e WTW (kg)", "CO2e %", "vehicle-km", "flows via hub",
                    "hubs opened",
                ], rows, numeric: [1, 2, 3, 4, 5])
                + """
                <h2>Every figure</h2>
                <pre class="yaml" id="comparison">\(HTML.escape(text))</pre>
                """
    }

    private static func percent(_ entry: ComparisonTable.Entry, _ key: String) -> String {
        entry.savingsPercent[key].map { RunPages.format($0) + " %" } ?? ""
    }

    /// The tables of a compare or sweep run from the JSON it printed (`--json`), labelled as
    /// the command labelled them (by file, or by value); empty when there is none to read.
    static func ofRun(_ summary: URL, title: String) -> String {
        guard let data = try? Data(contentsOf: summary),
            let document = try? JSONDecoder().decode(ComparisonTable.Document.self, from: data),
            !document.runs.isEmpty
        else { return "" }
        // A sweep labels its runs `PARAM=VALUE` under the column PARAM: the cell shows the value.
        let prefix = document.labelKey + "="
        let labels = document.runs.map {
            HTML.escape($0.label.hasPrefix(prefix) ? String($0.label.dropFirst(prefix.count)) : $0.label)
        }
        return html(
            document.runs, labels: labels, firstColumn: document.labelKey,
            text: ComparisonTable.render(document.runs, title: title))
    }
}
