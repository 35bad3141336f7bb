import Foundation

/// Which OpenStreetMap ways a travel mode may use, in which direction, and how fast.
///
/// The rules follow the OpenStreetMap wiki's access and one-way conventions and, for speeds,
/// OSRM's shipped profiles: a way's signed `maxspeed` times ``maxspeedShare`` (traffic, bends
/// and junctions keep vans below the limit) or, without a limit, a default per road class.
/// Barrier nodes (bollards, gates) stop a mode as their tags say. Weight, height and
/// time-of-day restrictions, turn restrictions and traffic are not modelled.
public struct RoadRules: Sendable {
    public let mode: TravelMode
    /// km/h on each `highway` class the mode uses without being told it may.
    public let classSpeeds: [String: Double]
    /// km/h on classes the mode may use only where a tag allows it explicitly (a footway with
    /// `bicycle=yes`).
    public let explicitClassSpeeds: [String: Double]
    /// Access tags from the most to the least specific (`motorcar`, ..., `access`): the first
    /// present decides.
    public let accessKeys: [String]
    /// Mode-specific one-way tags checked before `oneway` (`oneway:bicycle`).
    public let onewayKeys: [String]
    /// Mode-specific maximum-speed tags checked before `maxspeed` (`maxspeed:hgv`).
    public let maxspeedKeys: [String]
    /// Share of the signed maximum speed a vehicle averages.
    public let maxspeedShare: Double
    /// The vehicle's own top speed, km/h (a truck's limiter, a cyclist's legs).
    public let topSpeed: Double

    /// The rules bundel uses for a mode.
    public static func standard(_ mode: TravelMode) -> RoadRules {
        // Motor-vehicle classes and OSRM car.lua's defaults (km/h) where no limit is signed.
        let motor: [String: Double] = [
            "motorway": 90, "motorway_link": 45, "trunk": 85, "trunk_link": 40, "primary": 65, "primary_link": 30,
            "secondary": 55, "secondary_link": 25, "tertiary": 40, "tertiary_link": 20, "unclassified": 25,
            "residential": 25, "living_street": 10, "service": 15, "road": 20,
        ]
        switch mode {
        case .car:
            return RoadRules(
                mode: mode, classSpeeds: motor, explicitClassSpeeds: [:],
                accessKeys: ["motorcar", "motor_vehicle", "vehicle", "access"],
                onewayKeys: ["oneway:motorcar", "oneway:motor_vehicle", "oneway:vehicle"],
                maxspeedKeys: [], maxspeedShare: 0.8, topSpeed: 130)
        case .truck:
            return RoadRules(
                mode: mode, classSpeeds: motor, explicitClassSpeeds: [:],
                accessKeys: ["hgv", "motor_vehicle", "vehicle", "access"],
                onewayKeys: ["oneway:hgv", "oneway:motor_vehicle", "oneway:vehicle"],
                maxspeedKeys: ["maxspeed:hgv"], maxspeedShare: 0.8, topSpeed: 80)
        case .bicycle:
            var bicycle: [String: Double] = [:]
            for (name, _) in motor where !name.hasPrefix("motorway") && !name.hasPrefix("trunk") { bicycle[name] = 15 }
            bicycle["cycleway"] = 16
            bicycle["path"] = 12
            bicycle["track"] = 12
            bicycle["living_street"] = 10
            return RoadRules(
                mode: mode, classSpeeds: bicycle,
                explicitClassSpeeds: [
                    "footway": 8, "pedestrian": 8, "bridleway": 8, "busway": 15, "steps": 2, "trunk": 15,
                    "trunk_link": 15,
                ],
                accessKeys: ["bicycle", "vehicle", "access"],
                onewayKeys: ["oneway:bicycle"], maxspeedKeys: [], maxspeedShare: 1, topSpeed: 16)
        }
    }

    /// km/h along and against the way's node order; `nil` where the mode may not go.
    public func speeds(_ tags: [String: String]) -> (forward: Double?, backward: Double?) {
        guard let highway = tags["highway"] else { return (nil, nil) }
        let permission = access(tags)
        guard permission != .denied else { return (nil, nil) }
        var speed: Double
        if let classSpeed = classSpeeds[highway] {
            speed = classSpeed
        } else if permission == .explicit, let classSpeed = explicitClassSpeeds[highway] {
            speed = classSpeed
        } else {
            return (nil, nil)
        }
        if let limit = maxspeed(tags) { speed = mode == .bicycle ? min(speed, limit) : limit * maxspeedShare }
        if permission == .dismount { speed = 5 }
        speed = min(max(speed, 2), topSpeed)
        switch direction(tags, highway: highway) {
        case .both: return (speed, speed)
        case .forward: return (speed, nil)
        case .backward: return (nil, speed)
        case .none: return (nil, nil)
        }
    }

    /// Barriers every mode passes unless the node's access tags say otherwise (gates stand
    /// open by day), and those that only cyclists pass (a bollard keeps cars out, not bikes).
    static let barriersOpenToAll: Set<String> = [
        "gate", "lift_gate", "swing_gate", "sliding_gate", "entrance", "toll_booth",
        "border_control", "height_restrictor", "cattle_grid", "hampshire_gate",
    ]
    static let barriersOpenToBicycles: Set<String> = [
        "bollard", "cycle_barrier", "block", "kerb", "chain", "planter", "rope",
    ]

    /// Whether a node with these tags (a `barrier`) stops the mode. Access tags on the node
    /// decide first (`motor_vehicle=permit` on Amsterdam's rising bollards keeps vans out);
    /// otherwise the kind of barrier does.
    public func isBlocked(byNode tags: [String: String]) -> Bool {
        guard let barrier = tags["barrier"] else { return false }
        switch access(tags) {
        case .explicit, .dismount: return false
        case .denied: return true
        case .implied: break
        }
        if Self.barriersOpenToAll.contains(barrier) { return false }
        return !(mode == .bicycle && Self.barriersOpenToBicycles.contains(barrier))
    }

    enum Permission { case implied, explicit, dismount, denied }

    /// The most specific access tag for the mode decides (`motor_vehicle=no` with
    /// `motorcar=yes` lets cars through). Delivery and destination traffic may enter: that is
    /// what bundel plans.
    func access(_ tags: [String: String]) -> Permission {
        for key in accessKeys {
            guard let value = tags[key]?.split(separator: ";").first.map(String.init) else { continue }
            switch value {
            case "yes", "designated", "permissive", "destination", "delivery", "customers", "official", "discouraged":
                return .explicit
            case "dismount" where mode == .bicycle: return .dismount
            default: return .denied
            }
        }
        // Cyclists must use the cycle track beside a road tagged so, and may not ride motorroads.
        if mode == .bicycle, tags["motorroad"] == "yes" { return .denied }
        return .implied
    }

    enum Direction { case both, forward, backward, none }

    func direction(_ tags: [String: String], highway: String) -> Direction {
        if let direction = Self.direction(tags, keys: onewayKeys) { return direction }
        // A contraflow cycle lane (the older tagging) opens a one-way street to cyclists.
        if mode == .bicycle, let cycleway = tags["cycleway"], cycleway.hasPrefix("opposite") { return .both }
        if let direction = Self.direction(tags, keys: ["oneway"]) { return direction }
        if highway == "motorway" || highway == "motorway_link" { return .forward }
        if let junction = tags["junction"], junction == "roundabout" || junction == "circular" { return .forward }
        return .both
    }

    /// The direction the first of `keys` present with a known value gives.
    private static func direction(_ tags: [String: String], keys: [String]) -> Direction? {
        for key in keys {
            switch tags[key] {
            case "yes", "true", "1": return .forward
            case "-1", "reverse": return .backward
            case "no", "false", "0": return .both
            // Reversible lanes change direction by the hour; bundel does not know when.
            case "reversible", "alternating": return Direction.none
            default: continue
            }
        }
        return nil
    }

    /// The signed limit in km/h: the mode's own tag, `maxspeed`, or a zone's limit; `nil` when
    /// none is signed or the value is not understood (`none`, `signals`).
    func maxspeed(_ tags: [String: String]) -> Double? {
        for key in maxspeedKeys + ["maxspeed", "zone:maxspeed", "source:maxspeed"] {
            if let text = tags[key], let value = Self.kilometresPerHour(text) { return value }
        }
        return nil
    }

    /// `50`, `30 mph`, `NL:urban`, `NL:zone30`, `walk`, `30;50` (the first counts).
    static func kilometresPerHour(_ text: String) -> Double? {
        let value = text.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let named: [String: Double] = [
            "urban": 50, "rural": 80, "motorway": 130, "trunk": 100, "living_street": 15,
            "bicycle_road": 30, "walk": 6,
        ]
        let code = value.split(separator: ":").last.map(String.init) ?? value
        if let speed = named[code.lowercased()] { return speed }
        let digits = code.lowercased().replacingOccurrences(of: "zone", with: "")
        if digits.hasSuffix("mph"), let miles = Double(digits.dropLast(3).trimmingCharacters(in: .whitespaces)),
            miles > 0
        {
            return miles * 1.609344
        }
        if let kmh = Double(digits.replacingOccurrences(of: "km/h", with: "").trimmingCharacters(in: .whitespaces)),
            kmh > 0
        {
            return kmh
        }
        return nil
    }
}
