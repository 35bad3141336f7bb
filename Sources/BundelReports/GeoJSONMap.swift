import BundelPlanner
import Foundation

/// The network and both weekly plans as GeoJSON (RFC 7946), `plan.geojson` in `bundel plan
/// --out DIR`, for QGIS or geojson.io: a point for every site, hub and supplier depot, and a
/// line for every trip of the baseline and the bundled plan, with its figures as properties.
/// Positions are `[longitude, latitude]`, as RFC 7946 requires. The lines join the stops in
/// order; they show the sequence, not the streets driven.
public enum GeoJSONMap {
    /// A GeoJSON geometry: a point or a line.
    enum Geometry: Encodable {
        case point(GeoPoint)
        case line([GeoPoint])

        private enum Keys: String, CodingKey { case type, coordinates }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case .point(let point):
                try container.encode("Point", forKey: .type)
                try container.encode(position(point), forKey: .coordinates)
            case .line(let points):
                try container.encode("LineString", forKey: .type)
                try container.encode(points.map(position), forKey: .coordinates)
            }
        }

        /// RFC 7946 position, longitude first, to the 6 decimals (about 0.1 m) the inputs carry.
        private func position(_ point: GeoPoint) -> [Double] {
            [NumberFormat.sixDecimals(point.longitude), NumberFormat.sixDecimals(point.latitude)]
        }
    }

    /// A property value: text, number or truth value.
    enum Property: Encodable {
        case text(String), number(Double), flag(Bool)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .flag(let flag): try container.encode(flag)
            }
        }
    }

    struct Feature: Encodable {
        let type = "Feature"
        var geometry: Geometry
        var properties: [String: Property]
    }

    struct Collection: Encodable {
        let type = "FeatureCollection"
        var features: [Feature]
    }

    /// `plan.geojson`: places first (sites, hubs, depots), then the trips of both plans.
    public static func document(_ result: PlanResult) throws -> String {
        let network = result.scenario.network
        var features: [Feature] = []
        for site in network.sites {
            features.append(
                Feature(
                    geometry: .point(site.location),
                    properties: [
                        "kind": .text("site"), "id": .text(site.id), "name": .text(site.name),
                        "group": .text(site.group),
                        "inZone": .flag(site.inZone),
                        "window": .text(
                            "\(ClockTime.text(minutes: site.windowStart))-\(ClockTime.text(minutes: site.windowEnd))"),
                    ]))
        }
        for hub in network.hubs {
            features.append(
                Feature(
                    geometry: .point(hub.location),
                    properties: [
                        "kind": .text("hub"), "id": .text(hub.id), "name": .text(hub.name),
                        "candidate": .flag(result.scenario.hubs.contains(hub.id)),
                        "open": .flag(result.consolidation.viaHub.values.contains(hub.id)),
                    ]))
        }
        // A depot's product groups are those of the flows it delivers (flows.csv may give a
        // flow its own group), its own when it delivers none.
        var groups: [String: Set<String>] = [:]
        for flow in network.flows { groups[flow.supplier, default: []].insert(network.productGroup(of: flow)) }
        for supplier in network.suppliers {
            features.append(
                Feature(
                    geometry: .point(supplier.depot),
                    properties: [
                        "kind": .text("depot"), "id": .text(supplier.id), "name": .text(supplier.name),
                        "productGroup": .text(
                            groups[supplier.id].map { $0.sorted().joined(separator: "|") } ?? supplier.productGroup),
                    ]))
        }
        var places: [String: GeoPoint] = [:]
        for site in network.sites { places[site.id] = site.location }
        for hub in network.hubs { places[hub.id] = hub.location }
        for supplier in network.suppliers { places[supplier.id] = supplier.depot }
        for (name, plan) in [("baseline", result.baseline), ("bundled", result.bundled)] {
            for route in plan.routes {
                let points = ([route.start] + route.stops.map(\.location) + [route.end]).compactMap { places[$0] }
                features.append(
                    Feature(
                        geometry: .line(points),
                        properties: [
                            "kind": .text("trip"), "plan": .text(name), "routeKind": .text(route.kind.rawValue),
                            "day": .text(route.day.rawValue),
                            "operatedBy": .text(route.operatedBy), "vehicle": .text(route.vehicle ?? ""),
                            "vehicleType": .text(route.vehicleType),
                            "stops": .number(Double(route.stops.count)), "km": .number(Double(route.metres) / 1000),
                            "costEur": .number(NumberFormat.sixDecimals(route.costEur)),
                            "co2eWtwKg": .number(NumberFormat.sixDecimals(route.co2eWtwKg)),
                        ]))
            }
        }
        return try JSONText.encode(Collection(features: features), what: "the GeoJSON map")
    }
}
