import Foundation

/// A solution in the CVRPLIB `.sol` form: `Route #k: c1 c2 ...` lines, customers numbered
/// from 1 (node `c + 1` of the instance, job `c - 1` here), and a `Cost N` line.
public struct CVRPLIBSolution: Sendable, Equatable {
    /// Job indices per route.
    public var routes: [[Int]]
    public var cost: Double?

    public init(routes: [[Int]], cost: Double?) {
        self.routes = routes
        self.cost = cost
    }

    public static func read(path: String) throws(RoutingError) -> CVRPLIBSolution {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw RoutingError("\(path): cannot read the file")
        }
        var routes: [[Int]] = []
        var cost: Double?
        for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.lowercased().hasPrefix("route") {
                guard let colon = line.firstIndex(of: ":") else {
                    throw RoutingError("\(path):\(number + 1): expected 'Route #k: ...'")
                }
                var route: [Int] = []
                for field in line[line.index(after: colon)...].split(separator: " ") {
                    guard let customer = Int(field), customer >= 1 else {
                        throw RoutingError("\(path):\(number + 1): '\(field)' is not a customer number")
                    }
                    route.append(customer - 1)
                }
                routes.append(route)
            } else if line.lowercased().hasPrefix("cost") {
                // A cost that is not a finite number of a sensible size would stop `text` later.
                let text = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
                guard let value = Double(text), abs(value) < 1e15 else {
                    throw RoutingError("\(path):\(number + 1): Cost '\(text)' is not a number below 10^15")
                }
                cost = value
            }
        }
        return CVRPLIBSolution(routes: routes, cost: cost)
    }

    /// The `.sol` text: one line per route, then the cost as the set's convention prints it.
    public func text(convention: DistanceConvention) -> String {
        var lines = routes.enumerated().map { index, route in
            "Route #\(index + 1): " + route.map { String($0 + 1) }.joined(separator: " ")
        }
        if let cost {
            lines.append(
                "Cost " + (convention == .truncatedTenths ? String(format: "%.1f", cost) : String(Int(cost.rounded()))))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
