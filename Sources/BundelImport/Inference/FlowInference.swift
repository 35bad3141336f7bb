import Foundation

/// From deliveries to weekly flows. The weeks are calendar weeks (Monday to Sunday) from the
/// first delivery's to the last's; a week without any delivery in the whole log is a holiday
/// week (the organisation closed), left out of every average and stated.
enum FlowInference {
    /// Share of a flow's deliveries that must fall on its most frequent weekdays (as many as
    /// its deliveries per week) for those to be written as its days.
    static let daysShare = 0.8
    /// Weekly counts varying more than this (standard deviation over mean) mark a flow whose
    /// frequency changes between weeks.
    static let variationThreshold = 0.5
    /// As many weeks in a row without a delivery also mark it.
    static let gapThreshold = 3

    /// One delivery: a supplier's goods for one site on one day, from one or more rows.
    struct Delivery {
        var supplier: String
        var site: String
        var date: LogDate
        var quantity: [Double]
        var productGroups: [String]
        var lines: [Int]
    }

    static func weeks(of deliveries: [Delivery]) -> (covered: [Int], active: [Int]) {
        guard let first = deliveries.map(\.date).min(), let last = deliveries.map(\.date).max() else { return ([], []) }
        let covered = Array(stride(from: first.weekStart, through: last.weekStart, by: 7))
        let withDeliveries = Set(deliveries.map(\.date.weekStart))
        return (covered, covered.filter { withDeliveries.contains($0) })
    }

    static func flows(_ deliveries: [Delivery], activeWeeks: [Int], dimensions: Int) -> [ImportedFlow] {
        let weeks = Double(max(activeWeeks.count, 1))
        let weekPosition = Dictionary(uniqueKeysWithValues: activeWeeks.enumerated().map { ($1, $0) })
        let groups = Dictionary(grouping: deliveries) { "\($0.supplier)\u{0}\($0.site)" }
        return groups.values.map { list -> ImportedFlow in
            let count = list.count
            let average = Double(count) / weeks
            let perWeek = max(1, Int(average.rounded()))
            var weekly = Array(repeating: 0.0, count: dimensions)
            for delivery in list { for d in 0..<dimensions { weekly[d] += delivery.quantity[d] } }
            weekly = weekly.map { $0 / weeks }
            var median: [Double] = [], p90: [Double] = []
            for d in 0..<dimensions {
                let values = list.map { $0.quantity[d] }.sorted()
                median.append(percentile(values, 0.5))
                p90.append(percentile(values, 0.9))
            }
            var perWeekday = Array(repeating: 0, count: 7)
            for delivery in list { perWeekday[delivery.date.weekday] += 1 }
            var counts = Array(repeating: 0, count: activeWeeks.count)
            for delivery in list { if let position = weekPosition[delivery.date.weekStart] { counts[position] += 1 } }
            let mean = Double(count) / Double(max(counts.count, 1))
            let spread =
                counts.isEmpty
                ? 0 : (counts.map { pow(Double($0) - mean, 2) }.reduce(0, +) / Double(counts.count)).squareRoot()
            var gap = 0, run = 0
            for weekCount in counts {
                run = weekCount == 0 ? run + 1 : 0
                gap = max(gap, run)
            }
            let (days, note, onDays) = inferDays(perWeekday: perWeekday, perWeek: perWeek)
            var groupCounts: [String: Int] = [:]
            for delivery in list { for group in Set(delivery.productGroups) { groupCounts[group, default: 0] += 1 } }
            let group = groupCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            return ImportedFlow(
                supplier: list[0].supplier, site: list[0].site, deliveries: count, deliveriesPerWeek: perWeek,
                averagePerWeek: average, weeklyQuantity: weekly, medianPerDelivery: median, p90PerDelivery: p90,
                days: days, daysNote: note, deliveriesOnDays: onDays, perWeekday: perWeekday, weeklyCounts: counts,
                variation: mean > 0 ? spread / mean : 0, longestGap: gap, productGroup: group,
                productGroups: groupCounts.count)
        }.sorted { ($0.supplier, $0.site) < ($1.supplier, $1.site) }
    }

    /// The `perWeek` most frequent weekdays when they hold at least ``daysShare`` of the
    /// deliveries, else `nil` with the reason.
    static func inferDays(perWeekday: [Int], perWeek: Int) -> (days: [String]?, note: String?, onDays: Int) {
        let total = perWeekday.reduce(0, +)
        let used = perWeekday.indices.filter { perWeekday[$0] > 0 }
        let spread = used.map { "\(LogDate.weekdayNames[$0]) \(perWeekday[$0])" }.joined(separator: ", ")
        guard perWeek <= 7, used.count >= perWeek else {
            return (nil, "delivered on fewer weekdays (\(spread)) than its \(perWeek) deliveries a week", 0)
        }
        // Most deliveries first; on a tie the earlier day.
        let chosen = perWeekday.indices.sorted { (perWeekday[$1], $0) < (perWeekday[$0], $1) }.prefix(perWeek).sorted()
        let onDays = chosen.reduce(0) { $0 + perWeekday[$1] }
        let share = Double(onDays) / Double(max(total, 1))
        guard share >= daysShare else {
            return (
                nil,
                "no fixed days: \(Int((share * 100).rounded()))% on its \(perWeek) most frequent weekday(s), below \(Int(daysShare * 100))% (\(spread))",
                0
            )
        }
        return (chosen.map { LogDate.weekdayNames[$0] }, nil, onDays)
    }

    /// The `q` quantile of sorted values, interpolated linearly between the nearest ranks.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
