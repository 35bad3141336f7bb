extension WeeklyPlanValidator {
    /// Every hub tour carries only goods that reached its hub in time, by the hub's own rules:
    /// a `next_day` hub sends out on planning day t what its trunk legs unloaded by the cut-off
    /// on the day before (cyclically: the last day's arrivals serve the first day); a `same_day`
    /// hub sends out on day t what was unloaded on day t before the tour left. Goods that arrive
    /// earlier wait at the hub, which only a hub with storage allows, for at most its days and
    /// within its capacity. Trunk deliveries must say which day's tours they serve.
    static func checkCrossDock(_ plan: WeeklyPlan, scenario: Scenario) -> [String] {
        let network = scenario.network
        let days = scenario.days
        let count = days.count
        var problems: [String] = []
        struct Arrival {
            var ready: Double
            var onTourDay: Bool
            var quantity: [Double]
        }
        var arrivals: [String: [Arrival]] = [:]
        var stock: [String: [[Double]]] = [:]
        func key(_ hub: String, _ flow: Int, _ day: Int) -> String { "\(hub) \(flow) \(day)" }

        for route in plan.routes where route.kind == .trunk {
            guard let arrival = days.firstIndex(of: route.day) else {
                problems.append("trunk leg of \(route.operatedBy) on \(route.day.rawValue), not a planning day")
                continue
            }
            for stop in route.stops {
                guard let hub = network.hub(stop.location) else { continue }
                let ready = stop.serviceStartMinute + Double(hub.unloadSeconds(stop.quantity)) / 60
                if hub.crossDock == .nextDay, ready > Double(hub.cutOffMinute) + 1e-6 {
                    problems.append(
                        "trunk leg of \(route.operatedBy) on \(route.day.rawValue): unloaded at \(hub.id) at \(ClockTime.text(minutes: ready, rounding: .up)), after its cut-off \(ClockTime.text(minutes: hub.cutOffMinute))"
                    )
                }
                for delivery in stop.deliveries {
                    guard let forDay = delivery.forDay, let tourDay = days.firstIndex(of: forDay) else {
                        problems.append(
                            "trunk leg of \(route.operatedBy) on \(route.day.rawValue): brings flow \(delivery.flow) to \(hub.id) without the planning day it serves"
                        )
                        continue
                    }
                    let due = ((tourDay - hub.crossDock.lagDays) % count + count) % count
                    let early = ((due - arrival) % count + count) % count
                    let allowed = hub.storage?.days ?? 0
                    if early > allowed {
                        problems.append(
                            "trunk leg of \(route.operatedBy) on \(route.day.rawValue): brings flow \(delivery.flow) for \(hub.id)'s tours of \(forDay.rawValue), \(early) day(s) before its \(hub.crossDock.rawValue) cross-dock needs it; the hub stores goods \(allowed) day(s) at most"
                        )
                    }
                    var held =
                        stock[hub.id]
                        ?? [[Double]](repeating: [Double](repeating: 0, count: network.dimensions.count), count: count)
                    for offset in 0..<min(early, count) {
                        held[(arrival + offset) % count] = zip(held[(arrival + offset) % count], delivery.quantity).map(
                            +)
                    }
                    stock[hub.id] = held
                    arrivals[key(hub.id, delivery.flow, tourDay), default: []]
                        .append(Arrival(ready: ready, onTourDay: arrival == tourDay, quantity: delivery.quantity))
                }
            }
        }
        for (hubId, held) in stock.sorted(by: { $0.key < $1.key }) {
            guard let capacity = network.hub(hubId)?.storage?.capacity else { continue }
            for (day, quantity) in held.enumerated() {
                for (index, amount) in quantity.enumerated() where amount > capacity[index] * (1 + 1e-9) + 1e-9 {
                    problems.append(
                        "hub \(hubId) on \(days[day].rawValue): stores \(amount) \(network.dimensions[index].id), more than its storage capacity \(capacity[index])"
                    )
                }
            }
        }

        var carried: [String: (quantity: [Double], departure: Double, hub: String, flow: Int, day: Int)] = [:]
        for route in plan.routes where route.kind == .hubTour {
            guard let day = days.firstIndex(of: route.day) else { continue }
            for delivery in route.stops.flatMap(\.deliveries) {
                let entry = key(route.operatedBy, delivery.flow, day)
                var item =
                    carried[entry] ?? (
                        delivery.quantity.map { _ in 0 }, route.departureMinute, route.operatedBy, delivery.flow, day
                    )
                item.quantity = zip(item.quantity, delivery.quantity).map(+)
                item.departure = min(item.departure, route.departureMinute)
                carried[entry] = item
            }
        }
        for (entry, item) in carried.sorted(by: { $0.key < $1.key }) {
            guard let hub = network.hub(item.hub) else { continue }
            // Same-day arrivals at a same_day hub count only when unloaded before the tour left.
            let inTime = (arrivals[entry] ?? []).filter {
                !(hub.crossDock == .sameDay && $0.onTourDay) || $0.ready <= item.departure + 1e-6
            }
            let brought = inTime.reduce(into: item.quantity.map { _ in 0.0 }) { total, arrival in
                for index in total.indices { total[index] += arrival.quantity[index] }
            }
            if zip(brought, item.quantity).contains(where: { $0 + 1e-6 * max(1, abs($1)) < $1 }) {
                problems.append(
                    "hub tour of \(hub.id) on \(days[item.day].rawValue) leaving at \(ClockTime.text(minutes: item.departure, rounding: .up)): carries \(item.quantity) of flow \(item.flow), but only \(brought) reached the hub in time"
                )
            }
        }
        return problems
    }
}
