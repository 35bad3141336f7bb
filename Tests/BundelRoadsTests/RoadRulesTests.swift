import Testing

@testable import BundelRoads

@Suite("Road rules per travel mode")
struct RoadRulesTests {
    let car = RoadRules.standard(.car)
    let truck = RoadRules.standard(.truck)
    let bicycle = RoadRules.standard(.bicycle)

    @Test func oneWayTagsAndTheirImpliedForms() {
        #expect(car.speeds(["highway": "residential", "oneway": "yes"]) == (forward: 25, backward: nil))
        #expect(car.speeds(["highway": "residential", "oneway": "-1"]) == (forward: nil, backward: 25))
        #expect(car.speeds(["highway": "residential", "oneway": "no"]) == (forward: 25, backward: 25))
        #expect(car.speeds(["highway": "primary", "junction": "roundabout"]) == (forward: 65, backward: nil))
        #expect(car.speeds(["highway": "motorway"]) == (forward: 90, backward: nil))
        #expect(car.speeds(["highway": "residential", "oneway": "reversible"]) == (forward: nil, backward: nil))
        // Cyclists ride against one-way streets where the tag allows it, cars never.
        let contraflow = ["highway": "residential", "oneway": "yes", "oneway:bicycle": "no"]
        #expect(car.speeds(contraflow) == (forward: 25, backward: nil))
        #expect(bicycle.speeds(contraflow) == (forward: 15, backward: 15))
        #expect(
            bicycle.speeds(["highway": "residential", "oneway": "yes", "cycleway": "opposite_lane"]) == (
                forward: 15, backward: 15
            ))
    }

    @Test func theMostSpecificAccessTagDecides() {
        #expect(car.speeds(["highway": "residential", "access": "private"]) == (forward: nil, backward: nil))
        #expect(
            car.speeds(["highway": "residential", "access": "no", "motor_vehicle": "destination"]) == (
                forward: 25, backward: 25
            ))
        #expect(
            car.speeds(["highway": "residential", "motor_vehicle": "no", "motorcar": "yes"]) == (
                forward: 25, backward: 25
            ))
        #expect(car.speeds(["highway": "residential", "motor_vehicle": "delivery"]) == (forward: 25, backward: 25))
        #expect(truck.speeds(["highway": "residential", "hgv": "no"]) == (forward: nil, backward: nil))
        #expect(car.speeds(["highway": "residential", "hgv": "no"]) == (forward: 25, backward: 25))
        // Footways and pedestrian streets take bicycles only when a tag says so; cars never.
        #expect(bicycle.speeds(["highway": "footway"]) == (forward: nil, backward: nil))
        #expect(bicycle.speeds(["highway": "footway", "bicycle": "yes"]) == (forward: 8, backward: 8))
        #expect(car.speeds(["highway": "footway", "motor_vehicle": "yes"]) == (forward: nil, backward: nil))
        #expect(bicycle.speeds(["highway": "residential", "bicycle": "dismount"]) == (forward: 5, backward: 5))
        #expect(bicycle.speeds(["highway": "cycleway"]) == (forward: 16, backward: 16))
        #expect(car.speeds(["highway": "cycleway"]) == (forward: nil, backward: nil))
        #expect(car.speeds(["building": "yes"]) == (forward: nil, backward: nil))
    }

    @Test func speedsFromSignedLimitsOrTheClassDefault() {
        // Vans average 80 % of the limit; without one the class default applies.
        #expect(car.speeds(["highway": "residential", "maxspeed": "30"]).forward == 24)
        #expect(car.speeds(["highway": "tertiary"]).forward == 40)
        #expect(car.speeds(["highway": "tertiary", "maxspeed": "none"]).forward == 40)
        #expect(car.speeds(["highway": "primary", "maxspeed": "NL:urban"]).forward == 40)
        #expect(car.speeds(["highway": "residential", "zone:maxspeed": "NL:30"]).forward == 24)
        // A truck's limiter caps it; a cyclist rides no faster than the limit allows.
        #expect(truck.speeds(["highway": "motorway", "maxspeed": "130"]).forward == 80)
        #expect(truck.speeds(["highway": "primary", "maxspeed": "80", "maxspeed:hgv": "50"]).forward == 40)
        #expect(bicycle.speeds(["highway": "living_street", "maxspeed": "15"]).forward == 10)
        #expect(RoadRules.kilometresPerHour("30 mph")! == 30 * 1.609344)
        #expect(RoadRules.kilometresPerHour("30;50") == 30)
        #expect(RoadRules.kilometresPerHour("walk") == 6)
        #expect(RoadRules.kilometresPerHour("signals") == nil)
    }

    @Test func barriersStopWhomTheirTagsSay() {
        // Amsterdam's rising bollards: only permit holders, and cyclists.
        let rising = ["barrier": "bollard", "bollard": "rising_bollard", "motor_vehicle": "permit", "bicycle": "yes"]
        #expect(car.isBlocked(byNode: rising) && truck.isBlocked(byNode: rising) && !bicycle.isBlocked(byNode: rising))
        #expect(car.isBlocked(byNode: ["barrier": "bollard"]) && !bicycle.isBlocked(byNode: ["barrier": "bollard"]))
        #expect(
            !car.isBlocked(byNode: ["barrier": "gate"])
                && car.isBlocked(byNode: ["barrier": "gate", "access": "private"]))
        #expect(!car.isBlocked(byNode: ["barrier": "bollard", "motor_vehicle": "yes"]))
        #expect(
            bicycle.isBlocked(byNode: ["barrier": "stile"])
                && bicycle.isBlocked(byNode: ["barrier": "bollard", "bicycle": "no"]))
        #expect(!car.isBlocked(byNode: ["highway": "traffic_signals"]))
    }
}
