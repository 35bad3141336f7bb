import Foundation

extension TravelMatrix {
    /// Reads a user's own matrix from a long-form CSV with columns `from,to,distance_km` and
    /// optionally `duration_min`: one row per ordered pair of location ids. Every pair of
    /// distinct locations of the network must be present; the diagonal is 0.
    static func load(csv url: URL, network: Network, log: ProblemLog) -> TravelMatrix? {
        let display = DisplayPath.of(url)
        guard let table = CSVTable.load(url, displayPath: display, required: ["from", "to", "distance_km"],
                                        optional: ["duration_min"], log: log) else { return nil }
        let ids = locations(of: network).map(\.id)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let size = ids.count
        var metres = [Int?](repeating: nil, count: size * size)
        var seconds = [Int?](repeating: nil, count: size * size)
        let hasDurations = table.header.contains("duration_min")
        for i in 0..<size { metres[i * size + i] = 0; seconds[i * size + i] = 0 }
        for row in table.rows {
            guard let from = row.string("from"), let to = row.string("to") else { continue }
            guard let i = index[from] else { row.problem("from", "unknown location '\(from)' (not a hub, site or supplier of the network)"); continue }
            guard let j = index[to] else { row.problem("to", "unknown location '\(to)' (not a hub, site or supplier of the network)"); continue }
            guard let km = row.double("distance_km", minimum: 0) else { continue }
            metres[i * size + j] = Int((km * 1000).rounded())
            if hasDurations, let minutes = row.double("duration_min", minimum: 0) { seconds[i * size + j] = Int((minutes * 60).rounded()) }
        }
        let missing = (0..<size * size).filter { metres[$0] == nil || (hasDurations && seconds[$0] == nil) }
        if !missing.isEmpty {
            let examples = missing.prefix(3).map { "\(ids[$0 / size]) -> \(ids[$0 % size])" }.joined(separator: ", ")
            log.add(display, line: nil, field: nil, "\(missing.count) of \(size * (size - 1)) location pairs are missing (for example \(examples)); the matrix must cover every pair of hubs, sites and supplier depots")
            return nil
        }
        return TravelMatrix(ids: ids, metres: metres.map { $0! }, seconds: hasDurations ? seconds.map { $0! } : nil)
    }

    /// The scenario's matrix: from its matrix file, or from coordinates and the detour factor.
    public static func forScenario(_ scenario: Scenario) throws(InputError) -> TravelMatrix {
        guard let file = scenario.matrixFile else { return TravelMatrix(network: scenario.network, detourFactor: scenario.detourFactor) }
        let log = ProblemLog()
        let matrix = load(csv: URL(fileURLWithPath: file), network: scenario.network, log: log)
        try log.throwIfAny()
        return matrix!
    }
}
