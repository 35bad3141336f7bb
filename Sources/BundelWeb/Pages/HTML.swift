import BundelReports
import Hummingbird

/// Server-rendered HTML: text escaped once here, every page in one layout with the app's own
/// stylesheet and script (nothing is fetched from elsewhere).
enum HTML {
    /// Text made safe inside an element or a quoted attribute: the reports' escaping, and the
    /// apostrophe too, since a page's attributes may be single-quoted.
    static func escape(_ text: String) -> String {
        HTMLReport.escape(text).replacingOccurrences(of: "'", with: "&#39;")
    }

    /// A whole page: the navigation, a heading and `body` (already HTML).
    static func page(_ title: String, _ body: String) -> Response {
        let html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · bundel</title>
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/app.js" defer></script>
            </head>
            <body>
            <header><a class="brand" href="/">bundel</a>
            <nav><a href="/networks">Networks</a> <a href="/scenarios">Scenarios</a> <a href="/runs">Runs</a></nav></header>
            <main>
            <h1>\(escape(title))</h1>
            \(body)
            </main>
            </body>
            </html>
            """
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; frame-src 'self'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A table with a header row; cells are escaped.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        let head = header.map { "<th>\(escape($0))</th>" }.joined()
        let body = rows.map { row in
            "<tr>"
                + row.enumerated().map { index, cell in
                    numeric.contains(index) ? "<td class=\"num\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
                }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    /// A link whose text is escaped (the address is the server's own).
    static func link(_ href: String, _ text: String) -> String { "<a href=\"\(href)\">\(escape(text))</a>" }
}
