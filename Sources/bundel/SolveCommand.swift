import ArgumentParser
import BundelRouting
import Foundation

/// `bundel solve`: one VRPLIB instance with the routing engine.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a VRPLIB instance (CVRP or CVRPTW) and print its cost, routes and gap to the best known."
    )

    @Argument(help: "The instance file (.vrp).")
    var instance: String

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds to search.", valueName: "seconds"))
    var timeLimit: Double = 10

    @Option(help: "Seed of the search.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Write the routes in CVRPLIB .sol form to this file.", valueName: "file"))
    var solution: String?

    @Option(help: ArgumentHelp("A bks.csv with best-known values (default: found beside the instance).", valueName: "file"))
    var bks: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be a number of seconds greater than 0") }
    }

    func run() throws {
        do {
            let result = try BenchmarkRun.solve(path: instance, seconds: timeLimit, seed: seed, bksPath: bks ?? BestKnownSolutions.find(near: instance))
            if let solution {
                let text = CVRPLIBSolution(routes: result.routes, cost: result.cost).text(convention: result.convention)
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: solution), options: .atomic) } catch {
                    throw OutputError(description: "cannot write \(solution): \(error.localizedDescription)")
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                FileHandle.standardOutput.write(try encoder.encode(result) + Data("\n".utf8))
            } else {
                print(BenchmarkRun.tableHeader)
                print(result.tableRow)
                for (index, route) in result.routes.enumerated() {
                    print("Route #\(index + 1): " + route.map { String($0 + 1) }.joined(separator: " "))
                }
            }
        } catch let error as RoutingError {
            printError("error: \(error)")
            throw ExitCodes.inputError
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ExitCodes.report(error)
        }
    }
}
