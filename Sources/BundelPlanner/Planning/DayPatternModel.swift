import BundelLP
import Foundation

/// The mixed-integer program that gives each site of one hub its delivery days: one allowed
/// day pattern per site, chosen so that the busiest day is as light as possible and each day's
/// sites lie in few sectors around the hub, which keeps a day's tours compact.
///
/// Sets: sites i (frequency n_i, weight w_i, sector g(i)), allowed patterns Q(n) per frequency,
/// days d, sectors g. Variables: `p[i,q]` (binary) site i is delivered on the days of pattern
/// q ∈ Q(n_i); `M` the busiest day's load; `s[g,d]` (binary) some site of sector g is delivered
/// on day d. Minimise M + λ Σ s[g,d] subject to Σ_q p[i,q] = 1; Σ_i Σ_{q ∋ d} w_i p[i,q] ≤ M
/// for every day; Σ_{q ∋ d} p[i,q] ≤ s[g(i),d] for every site and day; Σ_d s[g,d] ≥ max n_i
/// over the sector's sites; and M no higher than the greedy balance's busiest day.
/// docs/model.md ("Delivery days") has the formulation and the reasons for λ and the limits.
struct DayPatternModel {
    /// One site to give days to.
    struct Site {
        var id: String
        var location: GeoPoint
        /// Delivery days a week: the most frequent of the site's bundled flows.
        var frequency: Int
        /// What one delivery adds to its day's load: 1 for the stop plus the share of the
        /// largest hub vehicle that the delivery fills.
        var weight: Double
    }

    /// The chosen days and where they come from.
    struct Decision {
        /// Day indices per site, in the order of the model's sites.
        var days: [[Int]]
        /// GLPK's status (`nil` when GLPK did not run: no sites, or the solver refused).
        var status: SolveStatus?
        /// Whether the days are the model's solution; otherwise they are the greedy ones, which
        /// the model did not beat.
        var fromModel: Bool
        /// The busiest day's load and the (sector, day) pairs in use under these days.
        var score: Score
    }

    /// The two parts of the objective for one assignment of days, computed outside GLPK so that
    /// the model's and the greedy's days are compared on the same terms.
    struct Score {
        var maxLoad: Double
        var sectorDays: Int
        var value: Double
    }

    /// The time limit when the caller gives none. It is a safety net: the node limit or the gap
    /// normally ends the search well before it (campus network: under a second).
    static let defaultTimeLimitSeconds = 10.0
    /// Branch and cut stops once the incumbent is within this fraction of the bound.
    static let relativeGap = 0.01
    /// Branch-and-bound nodes after which the search stops with its incumbent. A node limit,
    /// unlike the clock, stops GLPK at the same point on every machine, which keeps plans
    /// reproducible; 1,000 nodes took 0.6 to 0.9 s on the campus network with every supplier
    /// but the daily ones bundled (80 sites, 446 variables), the hardest instance measured,
    /// leaving the time limit as a safety net with room to spare.
    static let nodeLimit = 1_000
    /// How much heavier than the greedy's busiest day the model's busiest day may be: one
    /// stop of the lightest kind.
    static let balanceSlack = 1.0
    /// λ, the weight of one (sector, day) pair against one unit of load on the busiest day.
    ///
    /// A quarter of the lightest site (weight 1): one site never moves onto the busiest day to
    /// save fewer than four sector-days, so balance comes first. It cannot be much smaller: the
    /// 1 % gap of a campus-sized day load (about 50) is half a unit, and at λ = 0.011 the
    /// greedy days with all 45 sector-days in use were already within the gap, so GLPK stopped
    /// at once, although 23 to 25 sector-days were possible at nearly the same balance.
    static let compactnessWeight = 0.25

    let sites: [Site]
    let dayCount: Int
    /// The allowed patterns of each site's frequency, in the scenario's order.
    let patterns: [[[Int]]]
    /// The sector of each site.
    let sectors: [Int]
    let sectorCount: Int
    /// The days `DayPatterns.balance` chose: the model's starting bound and its fallback.
    let greedy: [[Int]]
    private(set) var model = LinearModel(sense: .minimize)
    /// `choice[i][q]` is p[i,q].
    private var choice: [[LinearModel.Variable]] = []
    /// `sectorDay[g][d]` is s[g,d], where some site of sector g may be delivered on day d.
    private var sectorDay: [[LinearModel.Variable?]] = []
    /// M, the busiest day's load.
    private let maxLoad: LinearModel.Variable

    /// Builds the model. `patterns` holds the allowed patterns of every frequency in use, with
    /// days in `0..<dayCount`; `greedy` holds one of them per site.
    init(sites: [Site], hub: GeoPoint, patterns: [Int: [[Int]]], dayCount: Int, greedy: [[Int]]) throws(LPError) {
        self.sites = sites
        self.dayCount = dayCount
        self.patterns = sites.map { patterns[$0.frequency] ?? [] }
        self.greedy = greedy
        precondition(
            self.patterns.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.allSatisfy((0..<dayCount).contains) } },
            "every site needs allowed patterns within the planning days")
        precondition(
            greedy.count == sites.count && zip(greedy, self.patterns).allSatisfy { $1.contains($0) },
            "the greedy days must give every site one of its allowed patterns")
        sectors = Self.sectors(sites.map(\.location), around: hub)
        sectorCount = (sectors.max() ?? -1) + 1

        let name = LinearModel.sanitizedName
        // Start from the greedy: the busiest day may not exceed the greedy's by more than one
        // light stop (weight 1), so compactness never costs balance beyond that. Without any
        // slack the bound made branch and cut barely find better solutions (none within 1,000
        // nodes on the campus network); with one stop it found 25 sector-days instead of 45.
        let greedyMax = Self.score(greedy, sites: sites, sectors: sectors, dayCount: dayCount).maxLoad
        let maxLoad = try model.addVariable(name: "max_load", upperBound: greedyMax + Self.balanceSlack, objective: 1)
        self.maxLoad = maxLoad
        var dayLoad: [[(LinearModel.Variable, Double)]] = Array(repeating: [], count: dayCount)
        sectorDay = Array(repeating: Array(repeating: nil, count: dayCount), count: sectorCount)
        for (i, site) in sites.enumerated() {
            let tag = name(site.id)
            var options: [LinearModel.Variable] = []
            for q in self.patterns[i].indices {
                options.append(try model.addVariable(name: "pattern(\(tag).\(q))", kind: .binary))
            }
            choice.append(options)
            try model.addConstraint(name: "one_pattern(\(tag))", options.map { ($0, 1.0) }, .equalTo(1))
            for day in 0..<dayCount {
                let covering = self.patterns[i].indices.filter { self.patterns[i][$0].contains(day) }.map {
                    (options[$0], 1.0)
                }
                guard !covering.isEmpty else { continue }
                dayLoad[day] += covering.map { ($0.0, site.weight) }
                let sector = sectors[i]
                let used: LinearModel.Variable
                if let existing = sectorDay[sector][day] {
                    used = existing
                } else {
                    // Binary, although at an integer p the objective alone would push a
                    // continuous s to 0 or 1: with binaries GLPK closed the gap on the campus
                    // network in about a second, with continuous ones it ran into its time limit.
                    used = try model.addVariable(
                        name: "sector_day(\(sector).\(day))", kind: .binary, objective: Self.compactnessWeight)
                    sectorDay[sector][day] = used
                }
                // Summed over the site's patterns that contain the day: the same integer
                // solutions as p[i,q] ≤ s[g,d] per pattern, with fewer rows and a tighter
                // relaxation (a site spread over its patterns still counts in full).
                try model.addConstraint(name: "sector_used(\(tag).\(day))", covering + [(used, -1)], .atMost(0))
            }
        }
        // A sector is busy on at least as many days as its most frequent site needs. Implied by
        // the integer solutions, but the relaxation misses it; with it the relaxation's bound on
        // the compactness term was the true minimum on the campus network (23 sector-days).
        for sector in 0..<sectorCount {
            let need = sites.indices.filter { sectors[$0] == sector }.map { sites[$0].frequency }.max() ?? 0
            try model.addConstraint(
                name: "sector_days(\(sector))", sectorDay[sector].compactMap { $0 }.map { ($0, 1.0) },
                .atLeast(Double(need)))
        }
        for (day, terms) in dayLoad.enumerated() where !terms.isEmpty {
            try model.addConstraint(name: "day_load(\(day))", terms + [(maxLoad, -1)], .atMost(0))
        }
    }

    /// The objective's parts for an assignment of days (one pattern per site).
    func score(_ days: [[Int]]) -> Score {
        Self.score(days, sites: sites, sectors: sectors, dayCount: dayCount)
    }

    private static func score(_ days: [[Int]], sites: [Site], sectors: [Int], dayCount: Int) -> Score {
        var load = [Double](repeating: 0, count: dayCount)
        var used = Set<Int>()
        for (i, siteDays) in days.enumerated() {
            for day in siteDays {
                load[day] += sites[i].weight
                used.insert(sectors[i] * dayCount + day)
            }
        }
        let maxLoad = load.max() ?? 0
        return Score(maxLoad: maxLoad, sectorDays: used.count, value: maxLoad + compactnessWeight * Double(used.count))
    }

    /// The greedy days as values of the model's variables, GLPK's first incumbent.
    private func greedySolution() -> [Double] {
        var values = [Double](repeating: 0, count: model.variableCount)
        values[maxLoad.index] = score(greedy).maxLoad
        for (i, days) in greedy.enumerated() {
            values[choice[i][patterns[i].firstIndex(of: days)!].index] = 1
            for day in days { values[sectorDay[sectors[i]][day]!.index] = 1 }
        }
        return values
    }

    /// Solves the model and returns its days when they score better than the greedy ones;
    /// otherwise, also when GLPK finds nothing within its limits, the greedy days, so planning
    /// never fails here.
    ///
    /// GLPK is deterministic and the gap or the node limit normally ends the search, so the
    /// same input gives the same days; the time limit is a safety net for much larger or much
    /// slower runs, like the routing deadline.
    func solve(timeLimitSeconds: Double = defaultTimeLimitSeconds) -> Decision {
        let fallback = Decision(days: greedy, status: nil, fromModel: false, score: score(greedy))
        guard !sites.isEmpty else { return fallback }
        let options = SolveOptions(
            timeLimitSeconds: max(0, timeLimitSeconds), nodeLimit: Self.nodeLimit,
            initialSolution: greedySolution(), relativeMIPGap: Self.relativeGap)
        guard let result = try? LinearSolver.solve(model, options: options) else { return fallback }
        var decided = fallback
        decided.status = result.status
        guard result.status.hasSolution else { return decided }
        var days: [[Int]] = []
        for (i, options) in choice.enumerated() {
            let picked = options.indices.filter { result.value(options[$0]) > 0.5 }
            guard picked.count == 1 else { return decided }
            days.append(patterns[i][picked[0]])
        }
        let score = score(days)
        // Ties keep the greedy days: they are what plans had before this model existed.
        guard score.value < fallback.score.value - 1e-9 else { return decided }
        return Decision(days: days, status: result.status, fromModel: true, score: score)
    }

    /// Groups sites into about √n sectors of (nearly) equal count by their bearing from the hub.
    ///
    /// Sites are sorted clockwise by bearing (ties by position in the list, so the result is
    /// deterministic) and the circle is cut at the widest angular gap between neighbours, so that
    /// a sector never straddles an empty stretch of the map; consecutive runs of the sorted
    /// sites then form the sectors.
    static func sectors(_ locations: [GeoPoint], around hub: GeoPoint) -> [Int] {
        let count = locations.count
        guard count > 0 else { return [] }
        // A flat-earth bearing (longitude scaled by the cosine of the latitude) is accurate
        // enough within a city, and the sectors need only the order of the bearings.
        let scale = cos(hub.latitude * Double.pi / 180)
        let bearing = locations.map { point -> Double in
            let angle = atan2((point.longitude - hub.longitude) * scale, point.latitude - hub.latitude)
            return angle < 0 ? angle + 2 * Double.pi : angle
        }
        let order = locations.indices.sorted { (bearing[$0], $0) < (bearing[$1], $1) }
        var widest = (gap: -1.0, start: 0)
        for position in order.indices {
            let next = (position + 1) % count
            var gap = bearing[order[next]] - bearing[order[position]]
            if next == 0 { gap += 2 * Double.pi }
            if gap > widest.gap { widest = (gap, next) }
        }
        let sectorCount = max(1, Int(Double(count).squareRoot().rounded()))
        var sector = [Int](repeating: 0, count: count)
        for position in 0..<count {
            sector[order[(widest.start + position) % count]] = position * sectorCount / count
        }
        return sector
    }
}
