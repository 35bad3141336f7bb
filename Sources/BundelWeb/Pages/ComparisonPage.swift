import Foundation
import Hummingbird

/// The comparison of finished plan runs, from the runs' own JSON summaries (``RunComparison``).
enum ComparisonPage {
    static func page(_ ids: [Int64], _ services: WebServices) throws -> Response {
        let comparison = try RunComparison(ids, store: services.store)
        let labels = zip(comparison.runIds, comparison.runs).map { id, entry in HTML.link("/runs/\(id)", entry.label) }
        let links = comparison.runIds.map(String.init).joined(separator: ",")
        let body =
            ComparisonTables.html(
                comparison.runs, labels: labels, firstColumn: "run", text: comparison.text)
                + """
                <p>\(HTML.link("/api/comparison?runs=\(links)", "the comparison as JSON"))
                <span class="muted">(built from the runs' own summaries, nothing planned again; the charts of
                bundel compare's report need the plans themselves: compare the scenarios from the scenarios
                page for those)</span></p>
                """
        return HTML.page("Comparison of runs \(comparison.runIds.map(String.init).joined(separator: ", "))", body)
    }
}
