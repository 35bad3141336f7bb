import BundelAnalysis

/// The risk page's two charts in inline SVG (no external assets): a tornado of one figure
/// and the Monte Carlo samples of it on one axis with their P10, P50 and P90.
enum RiskCharts {
    static let width = 760.0
    static let labelWidth = 290.0
    static let lowColour = "#2980b9"
    static let highColour = "#e67e22"

    /// The horizontal scale shared by a metric's two charts: from the smallest to the largest
    /// value shown. Zero is in it only when some value is at or below it, where the sign is
    /// the news; otherwise it would squeeze every bar into a corner.
    struct Scale {
        let low: Double
        let high: Double

        init(_ values: [Double]) {
            var low = values.min() ?? 0, high = values.max() ?? 0
            if low <= 0 { high = max(high, 0) }
            if high - low < 1e-9 { (low, high) = (low - 1, high + 1) }
            let margin = (high - low) * 0.05
            (self.low, self.high) = (low - margin, high + margin)
        }

        /// The x coordinate of `value` in the plotting area right of the labels.
        func x(_ value: Double) -> Double {
            RiskCharts.labelWidth + (value - low) / (high - low) * (RiskCharts.width - RiskCharts.labelWidth - 10)
        }
    }

    /// A bar per input, largest swing on top: from the point estimate to the figure at the
    /// input's low end (blue) and at its high end (orange); the dashed line is the point
    /// estimate, the grey one zero.
    static func tornado(_ analysis: RiskAnalysis, _ metric: RiskMetric, point: Double, scale: Scale) -> String {
        let bars = analysis.tornado.sorted(by: metric)
        let rowHeight = 22.0
        let height = Double(bars.count) * rowHeight + 30
        var svg =
            "<svg class=\"tornado\" data-metric=\"\(metric.rawValue)\" width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, bar) in bars.enumerated() {
            let y = 5 + Double(index) * rowHeight
            let label =
                "\(RiskAnalysis.inputName(bar.input)) (\(analysis.endLabel(bar.low, input: bar.input)) / \(analysis.endLabel(bar.high, input: bar.input)))"
            svg += "<text x=\"4\" y=\"\(y + 14)\" font-size=\"11\">\(HTMLReport.escape(label))</text>"
            for (end, colour, name) in [(bar.low, lowColour, "low"), (bar.high, highColour, "high")] {
                guard let weekly = metric.value(end.outcome) else { continue }
                let value = analysis.yearly(weekly, metric)
                let (from, to) = (scale.x(min(point, value)), scale.x(max(point, value)))
                let text = analysis.yearlyText(weekly, metric)
                svg +=
                    "<rect data-input=\"\(bar.input)\" data-end=\"\(name)\" data-value=\"\(value)\" x=\"\(HTMLReport.format(from))\" y=\"\(y + 3)\" width=\"\(HTMLReport.format(max(to - from, 1)))\" height=\"\(rowHeight - 6)\" fill=\"\(colour)\" fill-opacity=\"0.8\"><title>\(HTMLReport.escape("\(name) end \(analysis.endLabel(end, input: bar.input)): \(text)"))</title></rect>"
            }
        }
        svg += axis(scale, point: point, top: 0, bottom: height - 22, metric: metric, analysis: analysis)
        return svg + "</svg>\n"
    }

    /// Every sample as a dot (rows spread so that equal savings stay visible), the band from
    /// P10 to P90, a thick line at P50 and the point estimate dashed.
    static func samples(
        _ analysis: RiskAnalysis, _ metric: RiskMetric, percentiles: MonteCarlo.Percentiles, point: Double,
        scale: Scale
    ) -> String {
        let height = 100.0
        let (p10, p50, p90) = (
            analysis.yearly(percentiles.p10, metric), analysis.yearly(percentiles.p50, metric),
            analysis.yearly(percentiles.p90, metric)
        )
        var svg =
            "<svg class=\"samples\" data-metric=\"\(metric.rawValue)\" data-p10=\"\(p10)\" data-p50=\"\(p50)\" data-p90=\"\(p90)\" width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<text x=\"4\" y=\"20\" font-size=\"12\">\(analysis.monteCarlo.samples.count) samples</text>"
        svg += "<text x=\"4\" y=\"36\" font-size=\"11\">band P10 to P90, line P50</text>"
        svg +=
            "<rect x=\"\(HTMLReport.format(scale.x(p10)))\" y=\"8\" width=\"\(HTMLReport.format(max(scale.x(p90) - scale.x(p10), 1)))\" height=\"56\" fill=\"#27ae60\" fill-opacity=\"0.15\"/>"
        svg +=
            "<line x1=\"\(HTMLReport.format(scale.x(p50)))\" x2=\"\(HTMLReport.format(scale.x(p50)))\" y1=\"8\" y2=\"64\" stroke=\"#27ae60\" stroke-width=\"3\"/>"
        for sample in analysis.monteCarlo.samples {
            guard let weekly = metric.value(sample.outcome) else { continue }
            let y = 14 + Double(sample.index % 9) * 6
            svg +=
                "<circle data-sample=\"\(sample.index)\" cx=\"\(HTMLReport.format(scale.x(analysis.yearly(weekly, metric))))\" cy=\"\(y)\" r=\"3\" fill=\"#222\" fill-opacity=\"0.6\"><title>sample \(sample.index): \(analysis.yearlyText(weekly, metric))</title></circle>"
        }
        svg += axis(scale, point: point, top: 0, bottom: height - 22, metric: metric, analysis: analysis)
        return svg + "</svg>\n"
    }

    /// Zero and the point estimate as vertical lines, and the axis's ends labelled.
    private static func axis(
        _ scale: Scale, point: Double, top: Double, bottom: Double, metric: RiskMetric, analysis: RiskAnalysis
    ) -> String {
        let at = HTMLReport.format(scale.x(point))
        var svg = ""
        if scale.low < 0 {
            let zero = HTMLReport.format(scale.x(0))
            svg += "<line x1=\"\(zero)\" x2=\"\(zero)\" y1=\"\(top)\" y2=\"\(bottom)\" stroke=\"#999\"/>"
        }
        svg +=
            "<line x1=\"\(at)\" x2=\"\(at)\" y1=\"\(top)\" y2=\"\(bottom)\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>"
        svg += "<line x1=\"\(labelWidth)\" x2=\"\(width - 10)\" y1=\"\(bottom)\" y2=\"\(bottom)\" stroke=\"#999\"/>"
        let decimals = metric == .co2eWtwKg ? 1 : 0
        // The ends and the point estimate; zero too where it is in the chart and clear of them.
        var labels = [(scale.low, "start"), (point, "middle"), (scale.high, "end")]
        let room = (scale.high - scale.low) * 0.12
        if scale.low < 0, labels.allSatisfy({ abs($0.0) > room }) { labels.append((0, "middle")) }
        if abs(point - scale.low) < room || abs(scale.high - point) < room { labels.remove(at: 1) }
        for (value, anchor) in labels {
            svg +=
                "<text x=\"\(HTMLReport.format(scale.x(value)))\" y=\"\(bottom + 15)\" font-size=\"11\" text-anchor=\"\(anchor)\">\(NumberFormat.grouped(value, decimals: decimals))</text>"
        }
        return svg
    }
}
