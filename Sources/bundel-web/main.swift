import ArgumentParser
import BundelWeb
import Foundation

/// `bundel-web`: the local web app over the `bundel` command line.
@main
struct BundelWebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundel-web",
        abstract: "Serve bundel's web app: networks, scenarios and runs in a browser, on this machine."
    )

    @Option(help: "The address to listen on; any but a loopback address needs a token.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("The data folder (database and files).", valueName: "dir"))
    var data: String?

    @Option(
        help: ArgumentHelp(
            "The token every request must carry (Authorization: Bearer TOKEN); generated and printed when the host is not a loopback address and none is given.",
            valueName: "token"))
    var token: String?

    @Option(
        help: ArgumentHelp(
            "The bundel executable runs start (default: the one beside bundel-web).", valueName: "path"))
    var bundel: String?

    @Option(
        help: ArgumentHelp(
            "A folder of built-in networks, one folder with a network.yaml each, offered on the networks page (default: ./networks when it holds any).",
            valueName: "dir"))
    var examples: String?

    @Option(name: .customLong("concurrent-runs"), help: "Runs at once (default: one per core).")
    var concurrentRuns = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
        guard concurrentRuns >= 1 else { throw ValidationError("--concurrent-runs must be 1 or more") }
    }

    func run() async throws {
        var configuration = WebConfiguration(
            dataFolder: data.map { URL(fileURLWithPath: $0) } ?? WebConfiguration.defaultDataFolder,
            bundel: bundel.map { URL(fileURLWithPath: $0) } ?? WebConfiguration.besideThisExecutable)
        configuration.host = host
        configuration.port = port
        configuration.concurrentRuns = concurrentRuns
        configuration.token = token
        configuration.examples =
            examples.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? WebConfiguration.examplesInCurrentFolder
        if token == nil, !AccessPolicy.isLoopback(host) {
            configuration.token = AccessPolicy.generatedToken()
            FileHandle.standardOutput.write(
                Data(
                    "token (send it as 'Authorization: Bearer TOKEN', or open /?token=TOKEN once): \(configuration.token!)\n"
                        .utf8))
        }
        let server: WebServer
        do {
            server = try WebServer(configuration)
        } catch let error as APIError {
            FileHandle.standardError.write(Data("bundel-web: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        let folder = configuration.dataFolder.path
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        try await server.run {
            // Written at once, not buffered: a script or test waits for this line.
            FileHandle.standardOutput.write(
                Data("bundel-web: serving \(address) (data in \(folder); Ctrl-C stops)\n".utf8))
        }
    }
}
