import ArgumentParser
import BundelPlanner
import Foundation

/// `bundel validate`: reads a scenario and everything it refers to, and lists every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario, its network and tables; report every problem with file, line and field."
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        do {
            let loaded = try ScenarioLoader.load(path: scenario)
            _ = try TravelMatrix.forScenario(loaded)
            let network = loaded.network
            print("\(loaded.file): valid. Network \(network.name): \(network.sites.count) sites, \(network.hubs.count) hub(s), \(network.suppliers.count) suppliers, \(network.flows.count) flows, \(network.vehicleTypes.count) vehicle types.")
        } catch {
            throw ExitCodes.report(error)
        }
    }
}
