import Foundation

extension TravelMatrix {
    /// The forms a matrix file can take, told apart by extension and content.
    enum FileForm {
        /// `from,to,distance_km[,duration_min]`, one row per ordered pair.
        case longCSV
        /// A header of location ids, one row per location; the corner cell names the unit.
        case squareCSV
        /// A saved answer of OSRM's `table` or Valhalla's `sources_to_targets` service.
        case engineJSON
    }

    /// Distances and durations being read, in the network's location order, before the check
    /// that every pair is there.
    struct Cells {
        let ids: [String]
        var metres: [Int?]
        var seconds: [Int?]
        /// Why a pair may be missing, for the message (a CSV row left out, an engine's null).
        var missingMeans = "missing"

        init(ids: [String]) {
            self.ids = ids
            metres = Array(repeating: nil, count: ids.count * ids.count)
            seconds = metres
            for i in ids.indices {
                metres[i * ids.count + i] = 0
                seconds[i * ids.count + i] = 0
            }
        }
    }

    /// The scenario's matrix: from its matrix file(s), or from coordinates and the detour factor.
    public static func forScenario(_ scenario: Scenario) throws(InputError) -> TravelMatrix {
        guard let file = scenario.matrixFile else {
            return TravelMatrix(network: scenario.network, detourFactor: scenario.detourFactor)
        }
        let log = ProblemLog()
        let matrix = load(
            matrix: URL(fileURLWithPath: file), durations: scenario.durationsFile.map { URL(fileURLWithPath: $0) },
            network: scenario.network, log: log)
        try log.throwIfAny()
        return matrix!
    }

    /// Reads a matrix file, and a separate durations file when given, for a network; logs every
    /// problem and returns `nil` when the matrix cannot be used.
    static func load(
        matrix url: URL, durations durationsURL: URL? = nil, network: Network, log: ProblemLog
    ) -> TravelMatrix? {
        let display = DisplayPath.of(url)
        let ids = locations(of: network).map(\.id)
        let before = log.problems.count
        var cells: Cells?
        var hasDurations = false
        switch form(of: url, log: log) {
        case .longCSV?:
            if let read = readLongCSV(url, ids: ids, log: log) {
                (cells, hasDurations) = (read.cells, read.hasDurations)
            }
        case .squareCSV?:
            if let read = readSquareCSV(url, ids: ids, expecting: .distance, log: log) { cells = read }
        case .engineJSON?:
            if let read = readEngineJSON(url, network: network, log: log) {
                (cells, hasDurations) = (read.cells, read.hasDurations)
            }
        case nil:
            break
        }
        if let durationsURL {
            let durationsDisplay = DisplayPath.of(durationsURL)
            if hasDurations {
                log.add(
                    durationsDisplay, line: nil, field: nil,
                    "\(display) already gives durations; leave out distances.durations or use a matrix without them")
            } else if form(of: durationsURL, log: log) != .squareCSV {
                log.add(
                    durationsDisplay, line: 1, field: nil,
                    "distances.durations must be a square CSV whose top-left cell is duration_min or duration_s")
            } else if let durations = readSquareCSV(durationsURL, ids: ids, expecting: .duration, log: log) {
                cells?.seconds = durations.seconds
                hasDurations = true
                complete(durations, durations: true, display: durationsDisplay, onlyDurations: true, log: log)
            }
        }
        // Missing pairs are reported beside the rows' problems, so that one run lists them all.
        guard let cells, complete(cells, durations: hasDurations, display: display, onlyDurations: false, log: log),
            log.problems.count == before
        else { return nil }
        return TravelMatrix(
            ids: ids, metres: cells.metres.map { $0! }, seconds: hasDurations ? cells.seconds.map { $0! } : nil)
    }

    /// Which form a file is in: `.json` is an engine's answer; a CSV whose header has `from` and
    /// `to` is the long form, any other CSV the square form.
    static func form(of url: URL, log: ProblemLog) -> FileForm? {
        let display = DisplayPath.of(url)
        switch url.pathExtension.lowercased() {
        case "json":
            return .engineJSON
        case "csv", "tsv", "txt":
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                log.add(display, line: nil, field: nil, "cannot read the file (no such file, or not UTF-8 text)")
                return nil
            }
            let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }.lowercased().replacingOccurrences(
                of: "\u{FEFF}", with: "")
            let names = Set(
                firstLine.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" }).map {
                    $0.trimmingCharacters(in: .whitespaces)
                })
            return names.contains("from") && names.contains("to") ? .longCSV : .squareCSV
        default:
            log.add(
                display, line: nil, field: nil,
                "unknown matrix file type '.\(url.pathExtension)': use .csv (the long form from,to,distance_km[,duration_min] or a square table of ids) or .json (an OSRM table or Valhalla sources_to_targets answer)"
            )
            return nil
        }
    }

    /// Logs the pairs without a value, up to a few by name; `true` when there are none.
    @discardableResult
    private static func complete(
        _ cells: Cells, durations: Bool, display: String, onlyDurations: Bool, log: ProblemLog
    ) -> Bool {
        let size = cells.ids.count
        let missing = (0..<size * size).filter {
            (!onlyDurations && cells.metres[$0] == nil) || (durations && cells.seconds[$0] == nil)
        }
        guard !missing.isEmpty else { return true }
        let examples = missing.prefix(3).map { "\(cells.ids[$0 / size]) -> \(cells.ids[$0 % size])" }.joined(
            separator: ", ")
        let what = onlyDurations ? "durations" : "location pairs"
        log.add(
            display, line: nil, field: nil,
            "\(missing.count) of \(size * (size - 1)) \(what) are \(cells.missingMeans) (for example \(examples)); the matrix must cover every pair of hubs, sites and supplier depots"
        )
        return false
    }
}
