import BundelRoads
import Foundation

extension TravelMatrix {
    /// How far an engine may have moved a location onto the road before the file is suspected
    /// of listing the locations in another order, or of being made for other coordinates.
    static let snapToleranceMetres = 500.0

    /// Reads a saved OSRM `table` or Valhalla `sources_to_targets` answer. Such answers carry
    /// no ids: row and column `i` must be the network's `i`-th location (hubs, then sites, then
    /// supplier depots, each in file order), as `bundel matrix` and ``locations(of:)`` list
    /// them. The size must match, and where the answer says where it placed each point, that
    /// place must lie near the location it stands for.
    static func readEngineJSON(_ url: URL, network: Network, log: ProblemLog) -> (cells: Cells, hasDurations: Bool)? {
        let display = DisplayPath.of(url)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            log.add(display, line: nil, field: nil, "cannot read the file (\(YAMLMapping.reason(error)))")
            return nil
        }
        let answer: (engine: RoutingEngine, block: MatrixBlock)
        do { answer = try RoutingEngine.parseAnswer(data, file: display) } catch {
            log.add(error.source, line: error.line, field: error.field, error.message)
            return nil
        }
        let block = answer.block
        let locations = locations(of: network)
        let size = locations.count
        guard block.rows == size, block.columns == size else {
            log.add(
                display, line: nil, field: nil,
                "the \(answer.engine.displayName) matrix has \(block.rows) rows and \(block.columns) columns, but the network has \(size) locations (\(network.hubs.count) hubs, \(network.sites.count) sites, \(network.suppliers.count) suppliers); ask for all of them in the order hubs, sites, suppliers, or let `bundel matrix` do it"
            )
            return nil
        }
        var fine = true
        for (key, points) in [
            ("sources", block.sourcePoints), (answer.engine == .osrm ? "destinations" : "targets", block.targetPoints),
        ] {
            guard let points else { continue }
            let far = points.indices.compactMap { i -> String? in
                let location = locations[i]
                let metres = GreatCircle.metres(
                    location.point, GeoPoint(latitude: points[i].latitude, longitude: points[i].longitude))
                guard metres > snapToleranceMetres else { return nil }
                return
                    "\(key)[\(i)] lies at \(points[i]), \(Self.describe(metres)) from '\(location.id)' (location \(i + 1))"
            }
            if !far.isEmpty {
                fine = false
                log.add(
                    display, line: nil, field: key,
                    "\(far.count) point(s) lie more than \(Int(snapToleranceMetres)) m from the location in their position, for example \(far.prefix(2).joined(separator: "; ")); the rows must be the network's locations in the order hubs, sites, suppliers, with their coordinates"
                )
            }
        }
        guard fine else { return nil }
        var cells = Cells(ids: locations.map(\.id))
        cells.missingMeans =
            "null (the engine found no route: a location may lie on a road cut off by one-way streets or the edge of the map data; move it onto a through road)"
        for i in 0..<size {
            for j in 0..<size where i != j {
                cells.metres[i * size + j] = block.metres[i * size + j]
                cells.seconds[i * size + j] = block.seconds[i * size + j]
            }
        }
        return (cells, block.hasDurations)
    }

    static func describe(_ metres: Double) -> String {
        metres < 1000 ? "\(Int(metres.rounded())) m" : String(format: "%.1f km", metres / 1000)
    }
}
