import BundelAnalysis
import Foundation

/// `report.html` of `bundel coalition --report DIR`: per organisation a chart of what it saves
/// under each way of dividing the grand coalition's saving (alone, Shapley share, marginal
/// contribution, by volume, by stops, equal shares), one panel per figure (cost, vehicle-km,
/// CO2e), then the command's text summary with every table. One self-contained page, as the
/// other reports; each bar carries its value in `data-` attributes.
public enum CoalitionReport {
    /// The divisions a chart shows, in order, with their `data-rule` names and labels.
    static var rules: [(name: String, label: String, value: (CoalitionMember) -> CoalitionFigures)] {
        [
            ("alone", "saves alone", \.alone),
            ("shapley", "Shapley share", \.shapley),
            ("marginal", "marginal contribution", \.marginalContribution),
            ("volume", "by volume", \.byVolume),
            ("stops", "by stops", \.byStops),
            ("equal", "equal shares", \.equalShare),
        ]
    }

    /// The panels, in ``CoalitionFigures/metrics`` order: `data-metric` name, title, decimals.
    static let panels = [
        ("costEur", "cost (EUR a week)", 0), ("vehicleKm", "vehicle-km a week", 1),
        ("co2eWtwKg", "CO2e well-to-wheel (kg a week)", 1),
    ]

    public static func render(_ analysis: CoalitionAnalysis) -> String {
        let title = "bundel coalition: \(analysis.scenario)"
        var html = HTMLReport.pageStart(title: title) + "<h1>\(HTMLReport.escape(title))</h1>\n"
        html += "<p class=\"verdict\">\(HTMLReport.escape(CoalitionTable.headline(analysis)))</p>\n"
        html += "<p class=\"verdict\">\(HTMLReport.escape(CoalitionTable.coreSentence(analysis)))</p>\n"
        html += "<p class=\"legend\">\(HTMLReport.escape(CoalitionTable.definition)).</p>\n"
        // One scale per figure across the organisations, so that their charts compare.
        let scales = CoalitionFigures.metrics.map { metric in
            Scale(
                analysis.members.flatMap { member in rules.map { $0.value(member)[keyPath: metric] } })
        }
        for member in analysis.members {
            html += "<section data-organisation=\"\(HTMLReport.escape(member.id))\">\n"
            html += "<h2>\(HTMLReport.escape(member.id))</h2>\n"
            for (index, metric) in CoalitionFigures.metrics.enumerated() {
                html += chart(member, metric: metric, panel: panels[index], scale: scales[index])
            }
            html += "</section>\n"
        }
        html += "<h2>All figures</h2>\n<pre>\(HTMLReport.escape(CoalitionTable.render(analysis)))</pre>\n"
        return html + "</body></html>\n"
    }

    /// One panel: a horizontal bar per division of `member`'s saving in one figure, from zero.
    private static func chart(
        _ member: CoalitionMember, metric: WritableKeyPath<CoalitionFigures, Double>,
        panel: (name: String, title: String, decimals: Int), scale: Scale
    ) -> String {
        let rowHeight = 22.0, top = 24.0
        let height = top + rowHeight * Double(rules.count) + 8
        var svg =
            "<svg class=\"coalition-chart\" data-metric=\"\(panel.name)\" width=\"\(Int(Scale.width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(Scale.width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLReport.escape(member.id)): \(HTMLReport.escape(panel.title))\">\n"
        svg += "<text x=\"0\" y=\"14\" font-weight=\"bold\">\(HTMLReport.escape(panel.title))</text>\n"
        let zero = scale.x(0)
        svg +=
            "<line x1=\"\(format(zero))\" y1=\"\(format(top - 4))\" x2=\"\(format(zero))\" y2=\"\(format(height - 4))\" stroke=\"#888\"/>\n"
        for (row, rule) in rules.enumerated() {
            let value = rule.value(member)[keyPath: metric]
            let y = top + rowHeight * Double(row)
            let end = scale.x(value)
            // Shapley's bar stands out: it is the division the analysis proposes.
            let colour = rule.name == "shapley" ? "#27ae60" : value < 0 ? "#c0392b" : "#2980b9"
            svg += "<text x=\"0\" y=\"\(format(y + 15))\">\(HTMLReport.escape(rule.label))</text>\n"
            svg +=
                "<rect data-rule=\"\(rule.name)\" data-value=\"\(value)\" x=\"\(format(min(zero, end)))\" y=\"\(format(y + 3))\" width=\"\(format(abs(end - zero)))\" height=\"\(format(rowHeight - 6))\" fill=\"\(colour)\"/>\n"
            svg +=
                "<text x=\"\(format(max(zero, end) + 4))\" y=\"\(format(y + 15))\">\(NumberFormat.grouped(value, decimals: panel.decimals))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Where a value stands on a panel: labels on the left, bars from zero to the value over
    /// the rest, with room for the value's label at the right.
    struct Scale {
        static let width = 720.0
        static let labelWidth = 180.0
        static let valueRoom = 90.0
        let low: Double
        let high: Double

        init(_ values: [Double]) {
            low = min(0, values.min() ?? 0)
            let top = max(0, values.max() ?? 0)
            high = top > low ? top : low + 1
        }

        func x(_ value: Double) -> Double {
            Self.labelWidth + (value - low) / (high - low) * (Self.width - Self.labelWidth - Self.valueRoom)
        }
    }
}
