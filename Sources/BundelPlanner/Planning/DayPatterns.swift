/// Which planning days a delivery frequency uses: `k` deliveries spread as evenly as the week
/// allows (twice in five days: Mon+Thu, Tue+Fri, Wed+Mon, ...), or the scenario's own
/// `day_patterns`, chosen so that work is balanced.
enum DayPatterns {
    /// The day indices of the pattern with the given frequency and offset over `dayCount` days.
    static func days(frequency: Int, offset: Int, dayCount: Int) -> [Int] {
        let count = min(frequency, dayCount)
        return (0..<count).map { (offset + Int((Double($0) * Double(dayCount) / Double(count)).rounded())) % dayCount }
            .sorted()
    }

    /// Every evenly spread pattern of a frequency, one per offset in offset order, without
    /// repeats (five days a week at any offset is the same pattern).
    static func evenlySpread(frequency: Int, dayCount: Int) -> [[Int]] {
        var patterns: [[Int]] = []
        for offset in 0..<dayCount {
            let pattern = days(frequency: frequency, offset: offset, dayCount: dayCount)
            if !patterns.contains(pattern) { patterns.append(pattern) }
        }
        return patterns
    }

    /// The allowed patterns of every frequency from 1 to `dayCount`: the given ones where a
    /// frequency is listed, the evenly spread ones otherwise.
    static func allowed(_ given: [Int: [[Int]]], dayCount: Int) -> [Int: [[Int]]] {
        var table: [Int: [[Int]]] = [:]
        for frequency in 1...max(dayCount, 1) {
            table[frequency] = given[frequency] ?? evenlySpread(frequency: frequency, dayCount: dayCount)
        }
        return table
    }

    /// Picks an allowed pattern per item so that the per-day load (in `weights`) stays level.
    ///
    /// Items are placed largest-frequency first (they are the least flexible), each on the
    /// pattern that keeps the busiest day lightest, ties broken by the sum of squared day loads
    /// and then the earliest pattern in `patterns`, so the result is deterministic. With the
    /// evenly spread patterns this is the earliest offset, as before patterns could be given.
    static func balance(frequencies: [Int], weights: [Double], dayCount: Int, patterns: [Int: [[Int]]]) -> [[Int]] {
        var load = [Double](repeating: 0, count: dayCount)
        var chosen = [[Int]](repeating: [], count: frequencies.count)
        let order = frequencies.indices.sorted {
            (-frequencies[$0], -weights[$0], $0) < (-frequencies[$1], -weights[$1], $1)
        }
        for item in order {
            var best: (key: (Double, Double, Int), days: [Int])?
            for (position, days) in patterns[frequencies[item]]!.enumerated() {
                var trial = load
                for day in days { trial[day] += weights[item] }
                let key = (trial.max()!, trial.map { $0 * $0 }.reduce(0, +), position)
                if best == nil || key < best!.key { best = (key, days) }
            }
            chosen[item] = best!.days
            for day in best!.days { load[day] += weights[item] }
        }
        return chosen
    }

    /// The day sets a flow of frequency `count` may use of its site's `days`: the allowed
    /// patterns of its own frequency that lie within them, so that a bundled flow keeps to the
    /// patterns where it can; otherwise `count` of the days spread evenly, at each offset (a
    /// weekly flow on a twice-weekly site may use either day). All the days when `count`
    /// reaches their number.
    static func subsets(of days: [Int], count: Int, allowed: [[Int]]) -> [[Int]] {
        guard count < days.count else { return [days] }
        let within = allowed.filter { Set($0).isSubset(of: days) }
        if !within.isEmpty { return within }
        var spread: [[Int]] = []
        for offset in days.indices {
            let pattern = (0..<count).map {
                days[(offset + Int((Double($0) * Double(days.count) / Double(count)).rounded())) % days.count]
            }.sorted()
            if !spread.contains(pattern) { spread.append(pattern) }
        }
        return spread
    }
}
