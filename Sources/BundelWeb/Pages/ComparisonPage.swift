import Foundation
import Hummingbird

/// The comparison of finished plan runs: a table of the decisions and savings, then the
/// comparison as `bundel compare` prints it, both from the runs' own JSON summaries.
enum ComparisonPage {
    static func page(_ ids: [Int64], _ services: WebServices) throws -> Response {
        let comparison = try RunComparison(ids, store: services.store)
        let rows = zip(comparison.runIds, comparison.runs).map { id, entry -> [String] in
            [
                HTML.link("/runs/\(id)", entry.label), RunPages.format(entry.savings.costEur),
                entry.savingsPercent["costEur"].map { RunPages.format($0) + " %" } ?? "",
                RunPages.format(entry.savings.co2eWtwKg),
                entry.savingsPercent["co2eWtwKg"].map { RunPages.format($0) + " %" } ?? "",
                RunPages.format(entry.savings.vehicleKm), "\(entry.flowsViaHub) of \(entry.flows)",
                HTML.escape(entry.hubsOpened.joined(separator: ", ")),
            ]
        }
        let links = comparison.runIds.map(String.init).joined(separator: ",")
        let body =
            "<h2>Saved a week against each run's own direct baseline</h2>"
            + NetworkPages.rawTable(
                [
                    "run", "cost (EUR)", "cost %", "CO2e WTW (kg)", "CO2e %", "vehicle-km", "flows via hub",
                    "hubs opened",
                ], rows, numeric: [1, 2, 3, 4, 5])
                + """
                <h2>Every figure</h2>
                <pre class="yaml" id="comparison">\(HTML.escape(comparison.text))</pre>
                <p>\(HTML.link("/api/comparison?runs=\(links)", "the comparison as JSON"))
                <span class="muted">(built from the runs' own summaries, nothing planned again; the charts of
                bundel compare's report need the plans themselves: compare the scenarios from the scenarios
                page for those)</span></p>
                """
        return HTML.page("Comparison of runs \(comparison.runIds.map(String.init).joined(separator: ", "))", body)
    }
}
