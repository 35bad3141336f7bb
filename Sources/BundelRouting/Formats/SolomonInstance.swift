import Foundation

extension VRPLIBInstance {
    /// Reads the Solomon text format (C101.txt ...): the name, a VEHICLE block with NUMBER
    /// and CAPACITY, and a CUSTOMER table `no x y demand ready due service`, customer 0
    /// being the depot. Distances follow the DIMACS convention (truncated to one decimal).
    public static func readSolomon(path: String) throws(RoutingError) -> VRPLIBInstance {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw RoutingError("\(path): cannot read the file")
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard let name = lines.first,
            let vehicleHeader = lines.firstIndex(where: { $0.uppercased().hasPrefix("NUMBER") }),
            vehicleHeader + 1 < lines.count
        else {
            throw RoutingError("\(path): not a Solomon file (expected a name, a VEHICLE block and a CUSTOMER table)")
        }
        let fleet = lines[vehicleHeader + 1].split(separator: " ").compactMap { Double($0) }
        guard fleet.count == 2 else {
            throw RoutingError("\(path): the line after NUMBER must hold the vehicle count and capacity")
        }
        var rows: [[Double]] = []
        for (number, line) in lines.enumerated() where number > vehicleHeader + 1 && line.first?.isNumber == true {
            let fields = line.split(separator: " ").map { Double($0) }
            guard fields.count >= 7, fields.allSatisfy({ $0 != nil }) else {
                throw RoutingError("\(path): bad customer line '\(line)'")
            }
            rows.append(fields.map { $0! })
        }
        // Compared as Doubles: Int(1e300) or Int(nan) would stop the program.
        guard rows.count >= 2, rows.enumerated().allSatisfy({ $0.element[0] == Double($0.offset) }) else {
            throw RoutingError("\(path): customers must be numbered 0 (the depot), 1, 2, ... in order")
        }
        guard let vehicles = Int(exactly: fleet[0]), vehicles >= 0 else {
            throw RoutingError("\(path): the vehicle count after NUMBER must be a whole number >= 0, got \(fleet[0])")
        }
        let problem = try coordinateProblem(
            coordinates: rows.map { ($0[1], $0[2]) }, demands: rows.map { $0[3] },
            windows: rows.map { ($0[4], $0[5]) }, services: rows.map { $0[6] },
            capacity: fleet[1], vehicles: vehicles, convention: .truncatedTenths, path: path)
        return VRPLIBInstance(name: name, type: "VRPTW", convention: .truncatedTenths, problem: problem)
    }

    /// Reads a VRPLIB `.vrp` file, or a Solomon `.txt` file.
    public static func read(anyFormat path: String) throws(RoutingError) -> VRPLIBInstance {
        path.lowercased().hasSuffix(".txt") ? try readSolomon(path: path) : try read(path: path)
    }
}
