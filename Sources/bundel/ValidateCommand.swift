import ArgumentParser
import BundelPlanner
import Foundation

/// `bundel validate`: reads a scenario and everything it refers to, and lists every problem.
struct ValidateCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario, its network and tables; report every problem with file, line and field."
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func execute() throws {
        let (loaded, notes) = try ScenarioLoader.loadWithNotes(path: scenario)
        _ = try TravelMatrix.forScenario(loaded)
        let network = loaded.network
        print(
            "\(loaded.file): valid. Network \(network.name): \(network.sites.count) sites, \(network.hubs.count) hub(s), \(network.suppliers.count) suppliers, \(network.flows.count) flows, \(network.vehicleTypes.count) vehicle types."
        )
        // Valid but probably not meant: said, never silent, and no reason to fail.
        let outlying = network.outlyingLocations
        if !outlying.isEmpty {
            printError(
                "\(outlying.count == 1 ? "1 warning" : "\(outlying.count) warnings"): coordinates far from the rest of the network:"
            )
            for location in outlying { printError("  \(location.warning)") }
        }
        if !notes.isEmpty {
            printError("\(notes.count == 1 ? "1 note" : "\(notes.count) notes") on the input:")
            for note in notes { printError("  \(note)") }
        }
    }
}
