/// Which planning days a delivery frequency uses: `k` deliveries spread as evenly as the week
/// allows (twice in five days: Mon+Thu, Tue+Fri, Wed+Mon, ...), chosen so that work is balanced.
enum DayPatterns {
    /// The day indices of the pattern with the given frequency and offset over `dayCount` days.
    static func days(frequency: Int, offset: Int, dayCount: Int) -> [Int] {
        let count = min(frequency, dayCount)
        return (0..<count).map { (offset + Int((Double($0) * Double(dayCount) / Double(count)).rounded())) % dayCount }.sorted()
    }

    /// Picks a pattern offset per item so that the per-day load (in `weights`) stays level.
    ///
    /// Items are placed largest-frequency first (they are the least flexible), each at the
    /// offset that keeps the busiest day lightest, ties broken by the sum of squared day loads
    /// and then the lowest offset, so the result is deterministic.
    static func balance(frequencies: [Int], weights: [Double], dayCount: Int) -> [[Int]] {
        var load = [Double](repeating: 0, count: dayCount)
        var chosen = [[Int]](repeating: [], count: frequencies.count)
        let order = frequencies.indices.sorted { (-frequencies[$0], -weights[$0], $0) < (-frequencies[$1], -weights[$1], $1) }
        for item in order {
            var best: (key: (Double, Double, Int), days: [Int])?
            for offset in 0..<dayCount {
                let days = self.days(frequency: frequencies[item], offset: offset, dayCount: dayCount)
                var trial = load
                for day in days { trial[day] += weights[item] }
                let key = (trial.max()!, trial.map { $0 * $0 }.reduce(0, +), offset)
                if best == nil || key < best!.key { best = (key, days) }
            }
            chosen[item] = best!.days
            for day in best!.days { load[day] += weights[item] }
        }
        return chosen
    }

    /// `count` of the given days, spread evenly (a weekly flow on a twice-weekly site uses one).
    static func subset(_ days: [Int], count: Int) -> [Int] {
        guard count < days.count else { return days }
        return (0..<count).map { days[Int((Double($0) * Double(days.count) / Double(count)).rounded()) % days.count] }
    }
}
