import BundelPlanner

extension HTMLReport {
    /// The break-even prices (the summary's sentences), with the hub's bracket in `data-`
    /// attributes; nothing when the search was not asked for.
    static func breakEvenList(_ fees: [BreakEvenFee], units: [String]) -> String {
        guard let first = fees.first else { return "" }
        var html = "<h2>Break-even prices</h2>\n<ul class=\"break-even\">\n"
        for fee in fees {
            html +=
                "<li data-hub=\"\(escape(fee.hub))\" data-price=\"\(fee.price.rawValue)\" data-open=\"\(fee.open.map { String($0) } ?? "")\" data-closed=\"\(fee.closed.map { String($0) } ?? "")\">\(escape(fee.sentence(units: units)))</li>\n"
        }
        return html + "</ul>\n<p>\(escape(first.method)).</p>\n"
    }
}
