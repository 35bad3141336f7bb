import ArgumentParser
import BundelPlanner
import BundelRoads
import BundelRouting
import Foundation

/// `bundel calibrate`: the detour factor and average speed that a real road matrix implies,
/// for scenarios of the same city that have no matrix.
struct CalibrateCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the detour factor (road / straight-line distance) and average speed to a real matrix.",
        discussion: """
            From a scenario's matrix (distances.matrix, or --matrix FILE for its network), or from \
            random pairs of road points of an OpenStreetMap extract (--osm FILE, no scenario). \
            Prints the fitted numbers and the lines to put in a scenario without a matrix.
            """
    )

    @Argument(help: "The scenario file (YAML) whose network and matrix are fitted.")
    var scenario: String?

    @Option(
        help: ArgumentHelp(
            "A matrix file for the scenario's network (default: the scenario's distances.matrix).", valueName: "file"))
    var matrix: String?

    @Option(
        help: ArgumentHelp(
            "Fit random pairs of road points of this OpenStreetMap extract (.osm or .osm.gz) instead.",
            valueName: "file"))
    var osm: String?

    @Option(help: ArgumentHelp("Travel mode on the extract: car, truck or bicycle.", valueName: "profile"))
    var profile: String = "car"

    @Option(help: "Random road points for --osm (every ordered pair of them is fitted).")
    var points = 100

    @Option(help: "Seed for the random points.")
    var seed: UInt64 = 1

    @Option(
        name: .customLong("min-distance"),
        help: ArgumentHelp("Leave out pairs closer than this, in metres (straight line).", valueName: "metres"))
    var minDistance: Double = 100

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard TravelMode(rawValue: profile) != nil else {
            throw ValidationError(
                "--profile must be one of \(TravelMode.allCases.map(\.rawValue).joined(separator: ", ")), got '\(profile)'"
            )
        }
        if osm != nil, scenario != nil || matrix != nil {
            throw ValidationError("give either a scenario (with --matrix or its own) or --osm FILE, not both")
        }
        if osm == nil, scenario == nil {
            throw ValidationError("give the scenario whose matrix to fit, or --osm FILE to fit random road points")
        }
        if matrix != nil, scenario == nil {
            throw ValidationError("--matrix needs the scenario whose network it is for")
        }
        guard (2...2000).contains(points) else { throw ValidationError("--points must lie between 2 and 2000") }
        guard minDistance.isFinite, minDistance >= 0 else {
            throw ValidationError("--min-distance must be 0 or more metres")
        }
    }

    func execute() throws {
        let (samples, source) = try osm != nil ? samplesFromExtract() : samplesFromScenario()
        guard let fit = DetourCalibration.fit(samples, minimumStraightMetres: minDistance) else {
            throw InputError([
                InputProblem(
                    file: source, line: nil, field: nil,
                    message:
                        "no pair of locations lies \(Int(minDistance)) m or more apart; nothing to fit (lower --min-distance)"
                )
            ])
        }
        FileHandle.standardOutput.write(
            Data((json ? try Self.json(fit, source: source) : Self.text(fit, source: source)).utf8))
    }

    private func samplesFromScenario() throws -> ([DetourCalibration.Sample], String) {
        var loaded = try ScenarioLoader.load(path: scenario!)
        if let matrix {
            let url = URL(fileURLWithPath: matrix).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw InputError([InputProblem(file: matrix, line: nil, field: nil, message: "no such file")])
            }
            loaded.matrixFile = url.path
            loaded.durationsFile = nil
        }
        guard let file = loaded.matrixFile else {
            throw InputError([
                InputProblem(
                    file: loaded.file, line: nil, field: "distances.matrix",
                    message: "the scenario has no matrix to fit; give one with --matrix FILE (bundel matrix makes one)")
            ])
        }
        let travel = try TravelMatrix.forScenario(loaded)
        return (
            DetourCalibration.samples(matrix: travel, network: loaded.network),
            DisplayPathText.of(URL(fileURLWithPath: file))
        )
    }

    private func samplesFromExtract() throws -> ([DetourCalibration.Sample], String) {
        let extract = try OSMExtract.read(path: osm!, displayPath: osm!)
        let graph = try RoadGraph(extract: extract, rules: .standard(TravelMode(rawValue: profile)!))
        var generator = SeededGenerator(seed: seed)
        let routable = graph.routableNodeList
        let nodes = (0..<points).map { _ in routable.randomElement(using: &generator)! }
        let roads = graph.fastestRoutes(between: nodes)
        var samples: [DetourCalibration.Sample] = []
        for i in 0..<points {
            for j in 0..<points where i != j {
                guard let metres = roads.metres[i * points + j], let seconds = roads.seconds[i * points + j] else {
                    continue
                }
                samples.append(
                    .init(
                        straightMetres: graph.point(nodes[i]).metres(to: graph.point(nodes[j])),
                        roadMetres: Double(metres), seconds: Double(seconds)))
            }
        }
        return (samples, "\(osm!) (\(points) random road points for \(profile), seed \(seed))")
    }

    static func text(_ fit: DetourCalibration, source: String) -> String {
        var lines = ["calibration from \(source)"]
        lines.append(
            String(
                format: "detour factor %.3f: least squares of road on straight-line distance over %d pairs",
                fit.detourFactor, fit.pairs)
                + (fit.leftOut > 0
                    ? " (\(fit.leftOut) pairs closer than \(Int(fit.minimumStraightMetres)) m left out)" : ""))
        lines.append(
            String(
                format: "road / straight-line per pair: median %.3f, 10th percentile %.3f, 90th percentile %.3f",
                fit.ratioMedian, fit.ratio10, fit.ratio90))
        lines.append(
            String(
                format:
                    "with the fitted factor a pair's road distance is off by median %.1f %%, 90th percentile %.1f %%",
                fit.errorMedian * 100, fit.error90 * 100))
        if let speed = fit.speedKmh {
            lines.append(String(format: "average speed %.1f km/h: least squares of time on road distance", speed))
        } else {
            lines.append("the matrix has no durations, so no speed is fitted")
        }
        if fit.detourFactor < 1 || fit.detourFactor > 5 {
            lines.append(
                "the factor lies outside 1 to 5, which a scenario does not accept; check the matrix and the coordinates"
            )
        } else {
            lines.append("for scenarios of this area without a matrix:")
            lines.append(String(format: "  distances: {detour_factor: %.2f}", fit.detourFactor))
            if let speed = fit.speedKmh {
                lines.append(String(format: "  and speed_kmh: %.1f for vehicle types of this profile", speed))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ fit: DetourCalibration, source: String) throws -> String {
        var object: [String: Any] = [
            "source": source, "pairs": fit.pairs, "leftOut": fit.leftOut,
            "minimumStraightMetres": fit.minimumStraightMetres,
            "detourFactor": fit.detourFactor, "ratioMedian": fit.ratioMedian, "ratio10": fit.ratio10,
            "ratio90": fit.ratio90,
            "errorMedian": fit.errorMedian, "error90": fit.error90,
        ]
        if let speed = fit.speedKmh { object["speedKmh"] = speed }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
