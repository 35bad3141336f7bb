import Foundation

extension TravelMatrix {
    /// What a square CSV's top-left cell says its numbers are, and their factor to metres or
    /// seconds.
    enum SquareUnit: String, CaseIterable {
        case distanceKm = "distance_km", distanceM = "distance_m", durationMin = "duration_min", durationS =
            "duration_s"

        enum Quantity { case distance, duration }

        var quantity: Quantity { self == .distanceKm || self == .distanceM ? .distance : .duration }
        /// The largest value a cell may hold: a million kilometres, or a million minutes
        /// (about two years); beyond such values the conversion to whole metres or seconds
        /// could overflow `Int` and stop the program, and no matrix means them.
        var maximum: Double { 1e9 / factor }

        var factor: Double {
            switch self {
            case .distanceKm: 1000
            case .distanceM: 1
            case .durationMin: 60
            case .durationS: 1
            }
        }
    }

    /// Reads a user's own matrix from a long-form CSV with columns `from,to,distance_km` and
    /// optionally `duration_min`: one row per ordered pair of location ids. Every pair of
    /// distinct locations of the network must be present; the diagonal is 0.
    static func readLongCSV(_ url: URL, ids: [String], log: ProblemLog) -> (cells: Cells, hasDurations: Bool)? {
        let display = DisplayPath.of(url)
        guard
            let table = CSVTable.load(
                url, displayPath: display, required: ["from", "to", "distance_km"],
                optional: ["duration_min"], log: log)
        else { return nil }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let size = ids.count
        var cells = Cells(ids: ids)
        let hasDurations = table.header.contains("duration_min")
        // An unknown id is reported on its first row only: a matrix of another network would
        // otherwise bury the message under one line per row.
        var unknown: [String: Int] = [:]
        func known(_ id: String, _ column: String, _ row: CSVTable.Row) -> Int? {
            if let position = index[id] { return position }
            if unknown[id] == nil {
                row.problem(column, "unknown location '\(id)' (not a hub, site or supplier of the network)")
            }
            unknown[id, default: 0] += 1
            return nil
        }
        for row in table.rows {
            guard let from = row.string("from"), let to = row.string("to") else { continue }
            guard let i = known(from, "from", row), let j = known(to, "to", row) else { continue }
            guard let km = row.double("distance_km", minimum: 0, maximum: SquareUnit.distanceKm.maximum) else {
                continue
            }
            cells.metres[i * size + j] = Int((km * 1000).rounded())
            if hasDurations,
                let minutes = row.double("duration_min", minimum: 0, maximum: SquareUnit.durationMin.maximum)
            {
                cells.seconds[i * size + j] = Int((minutes * 60).rounded())
            }
        }
        if unknown.count > 1 {
            log.add(
                display, line: nil, field: nil,
                "\(unknown.count) ids are not locations of the network (\(unknown.keys.sorted().prefix(4).joined(separator: ", "))\(unknown.count > 4 ? ", ..." : "")) in \(unknown.values.reduce(0, +)) rows; is it the matrix of another network?"
            )
        }
        return (cells, hasDurations)
    }

    /// Reads a square CSV: the header is the unit (`distance_km`, `distance_m`, `duration_min`
    /// or `duration_s`) and then location ids; each row starts with a location id, then the
    /// values from it to the header's locations. Rows and columns may come in any order, but
    /// each location of the network exactly once; the diagonal is 0 or empty.
    static func readSquareCSV(
        _ url: URL, ids: [String], expecting quantity: SquareUnit.Quantity, log: ProblemLog
    ) -> Cells? {
        let display = DisplayPath.of(url)
        guard let table = CSVTable.load(url, displayPath: display, required: [], namedColumns: false, log: log) else {
            return nil
        }
        let units = SquareUnit.allCases.filter { $0.quantity == quantity }.map(\.rawValue)
        let corner = table.header.first ?? ""
        guard let unit = SquareUnit(rawValue: corner.lowercased()) else {
            log.add(
                display, line: 1, field: corner.isEmpty ? nil : corner,
                "a square matrix's top-left cell must say what the numbers are: \(units.joined(separator: " or ")); got '\(corner)' (or write the long form with columns from,to,distance_km)"
            )
            return nil
        }
        guard unit.quantity == quantity else {
            let field = quantity == .distance ? "distances.matrix" : "distances.durations"
            log.add(
                display, line: 1, field: corner,
                "\(field) needs \(units.joined(separator: " or ")), but this file holds \(unit.rawValue)\(quantity == .distance ? "; give durations in distances.durations and distances in distances.matrix" : "")"
            )
            return nil
        }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let size = ids.count
        var columns: [Int?] = []
        for name in table.header.dropFirst() {
            guard let j = index[name] else {
                log.add(
                    display, line: 1, field: name,
                    "unknown location '\(name)' in the header (not a hub, site or supplier of the network)")
                columns.append(nil)
                continue
            }
            columns.append(j)
        }
        let absentColumns = ids.filter { !table.header.dropFirst().contains($0) }
        if !absentColumns.isEmpty {
            log.add(
                display, line: 1, field: nil,
                "the header lacks \(absentColumns.count) location(s): \(absentColumns.prefix(5).joined(separator: ", "))\(absentColumns.count > 5 ? ", ..." : ""); it must name every hub, site and supplier"
            )
        }
        var cells = Cells(ids: ids)
        var seenRows: [Int: Int] = [:]
        for row in table.rows {
            let from = row.values.first?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let i = index[from] else {
                row.problem(
                    corner,
                    "unknown location '\(from)' at the start of the row (not a hub, site or supplier of the network)")
                continue
            }
            if let earlier = seenRows[i] {
                row.problem(corner, "location '\(from)' already has a row (line \(earlier))")
                continue
            }
            seenRows[i] = row.line
            for (position, column) in columns.enumerated() {
                guard let j = column else { continue }
                let name = table.header[position + 1]
                let text =
                    position + 1 < row.values.count ? row.values[position + 1].trimmingCharacters(in: .whitespaces) : ""
                if i == j {
                    if !text.isEmpty, NumberParsing.double(text) != 0 {
                        row.problem(name, "from a location to itself must be 0 or empty, got \(text)")
                    }
                    continue
                }
                guard let value = row.double(name, minimum: 0, maximum: unit.maximum) else { continue }
                let whole = Int((value * unit.factor).rounded())
                if quantity == .distance {
                    cells.metres[i * size + j] = whole
                } else {
                    cells.seconds[i * size + j] = whole
                }
            }
        }
        let absentRows = ids.indices.filter { seenRows[$0] == nil }.map { ids[$0] }
        if !absentRows.isEmpty {
            log.add(
                display, line: nil, field: nil,
                "\(absentRows.count) location(s) have no row: \(absentRows.prefix(5).joined(separator: ", "))\(absentRows.count > 5 ? ", ..." : ""); add a row for each, its first cell the location's id"
            )
        }
        return cells
    }
}
