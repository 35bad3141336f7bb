import BundelReports
import Foundation
import Hummingbird

/// The comparison of finished plan runs, from the runs' own JSON summaries (``RunComparison``):
/// its tables, then the report `bundel compare --report` writes, charts included.
enum ComparisonPage {
    static func page(_ ids: [Int64], _ services: WebServices) throws -> Response {
        let comparison = try RunComparison(ids, store: services.store)
        let labels = zip(comparison.runIds, comparison.runs).map { id, entry in HTML.link("/runs/\(id)", entry.label) }
        let links = comparison.runIds.map(String.init).joined(separator: ",")
        let body =
            ComparisonTables.html(comparison.runs, labels: labels, firstColumn: "run", text: comparison.text)
                + """
                <p>\(HTML.link("/api/comparison?runs=\(links)", "the comparison as JSON"))
                <span class="muted">(built from the runs' own summaries, nothing planned again)</span></p>
                <h2>Report</h2>
                <iframe class="report" src="/compare/report?runs=\(links)" title="comparison report"></iframe>
                """
        return HTML.page("Comparison of runs \(comparison.runIds.map(String.init).joined(separator: ", "))", body)
    }

    /// The report `bundel compare --report` writes, from the same entries: its charts and tables.
    static func report(_ ids: [Int64], _ services: WebServices) throws -> Response {
        let comparison = try RunComparison(ids, store: services.store)
        let html = ComparisonReport.render(
            comparison.runs, title: "bundel-web: \(comparison.runs.count) finished runs compared")
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Data(html.utf8))))
    }
}
