import BundelAnalysis

/// `report.html` of `bundel risk --report DIR`: per figure (the vehicle-km, cost and CO2e
/// savings, the hub margin) a tornado chart and the Monte Carlo samples with P10, P50 and
/// P90, then the figures as tables and how they were made. One self-contained page, as the other reports.
public enum RiskReport {
    public static func render(_ analysis: RiskAnalysis) -> String {
        let title = "bundel risk: \(analysis.scenario)"
        // The ends' labels (`+30 %`) read badly broken over two lines.
        var html =
            HTMLReport.pageStart(title: title)
            + "<style>table.tornado td { white-space: nowrap; }</style>\n<h1>\(HTMLReport.escape(title))</h1>\n"
        for warning in analysis.warnings { html += "<p class=\"warning\">\(HTMLReport.escape(warning))</p>\n" }
        html += "<p class=\"verdict\">\(HTMLReport.escape(analysis.pointSentence))</p>\n"
        html += "<p class=\"verdict\">\(HTMLReport.escape(analysis.probabilitySentence))</p>\n"
        html +=
            "<p class=\"legend\">The hub margin and the savings \(HTMLReport.escape(analysis.perYear)). Tornado: <span style=\"color:\(RiskCharts.lowColour)\">&#9632; input at its low end</span><span style=\"color:\(RiskCharts.highColour)\">&#9632; at its high end</span><span style=\"color:#c0392b\">- - point estimate</span>; a grey line marks zero where a figure falls to or below it.</p>\n"
        // The decision's margin first: where no hub opens, the savings are all 0 and it alone moves.
        for metric in [RiskMetric.hubMargin, .costEur, .co2eWtwKg, .vehicleKm] {
            // A hub margin is missing where no plan through a hub was routed: no chart then.
            guard let pointWeekly = metric.value(analysis.point),
                let percentiles = analysis.monteCarlo.percentiles(metric)
            else { continue }
            let weekly =
                [pointWeekly, percentiles.p10, percentiles.p90]
                + analysis.tornado.bars.flatMap { [$0.low.outcome, $0.high.outcome] }.compactMap(metric.value)
                + analysis.monteCarlo.samples.compactMap { metric.value($0.outcome) }
            let scale = RiskCharts.Scale(weekly.map { analysis.yearly($0, metric) })
            let point = analysis.yearly(pointWeekly, metric)
            html +=
                "<h2>\(HTMLReport.escape(analysis.metricName(metric))) \(HTMLReport.escape(analysis.perYear))</h2>\n"
            // Charts of one value say nothing a sentence does not.
            guard weekly.contains(where: { $0 != pointWeekly }) else {
                html +=
                    "<p data-metric=\"\(metric.rawValue)\">The same in every plan: \(analysis.yearlyText(pointWeekly, metric)).</p>\n"
                continue
            }
            if metric == .hubMargin { html += "<p>\(HTMLReport.escape(analysis.marginNote)).</p>\n" }
            html += RiskCharts.tornado(analysis, metric, point: point, scale: scale)
            html += RiskCharts.samples(analysis, metric, percentiles: percentiles, point: point, scale: scale)
        }
        html += percentileTable(analysis) + tornadoTable(analysis)
        html += "<p>\(HTMLReport.escape(analysis.method))</p>\n"
        return html + "</body></html>\n"
    }

    /// P10, P50, P90 and the point estimate of each figure, the values also in `data-` attributes.
    private static func percentileTable(_ analysis: RiskAnalysis) -> String {
        var html =
            "<h2>Monte Carlo</h2>\n<table class=\"percentiles\"><tr><th></th><th class=\"n\">P10</th><th class=\"n\">P50</th><th class=\"n\">P90</th><th class=\"n\">point</th></tr>\n"
        for metric in RiskMetric.allCases {
            let percentiles = analysis.monteCarlo.percentiles(metric)
            html +=
                "<tr data-metric=\"\(metric.rawValue)\"><td>\(HTMLReport.escape(analysis.metricName(metric)))</td>"
            for (name, weekly) in [
                ("p10", percentiles?.p10), ("p50", percentiles?.p50), ("p90", percentiles?.p90),
                ("point", metric.value(analysis.point)),
            ] {
                let data = weekly.map { " data-\(name)=\"\($0)\"" } ?? ""
                html += "<td class=\"n\"\(data)>\(analysis.yearlyText(weekly, metric))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// Each input's ends and the figures there, sorted by the swing in the hub margin, then cost.
    private static func tornadoTable(_ analysis: RiskAnalysis) -> String {
        var html =
            "<h2>Tornado</h2>\n<table class=\"tornado\"><tr><th>input</th><th class=\"n\">low</th><th class=\"n\">high</th>"
        for metric in RiskMetric.allCases {
            let name = HTMLReport.escape(analysis.metricName(metric))
            html += "<th class=\"n\">\(name) at low</th><th class=\"n\">at high</th>"
        }
        html += "<th>hub opened</th></tr>\n"
        for bar in analysis.tornado.sorted(by: .hubMargin, .costEur) {
            html +=
                "<tr data-input=\"\(bar.input)\"><td>\(HTMLReport.escape(RiskAnalysis.inputName(bar.input)))</td><td class=\"n\">\(HTMLReport.escape(analysis.endLabel(bar.low, input: bar.input)))</td><td class=\"n\">\(HTMLReport.escape(analysis.endLabel(bar.high, input: bar.input)))</td>"
            for metric in RiskMetric.allCases {
                for end in [bar.low, bar.high] {
                    html += "<td class=\"n\">\(analysis.yearlyText(metric.value(end.outcome), metric))</td>"
                }
            }
            html += "<td>\(RiskAnalysis.hubOpened(bar))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
