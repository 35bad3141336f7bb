import Foundation
import Logging

/// How `bundel-web` is started: where it listens, where it keeps its data, which `bundel` it runs.
public struct WebConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The data folder: the database and every stored file.
    public var dataFolder: URL
    /// The `bundel` executable each run starts.
    public var bundel: URL
    /// Required on every request when set; a non-loopback host must have one.
    public var token: String?
    /// Runs at once; further ones wait queued.
    public var concurrentRuns = ProcessInfo.processInfo.activeProcessorCount
    public var limits = UploadLimits()
    public var watchdog = RunQueue.Watchdog()
    /// The folder of built-in networks (one folder with a network.yaml each); none when nil.
    public var examples: URL?
    /// What the server logs; tests quiet it, since stopping a server by cancelling its task logs
    /// the cancelled connections as errors.
    public var logLevel = Logger.Level.info

    public init(dataFolder: URL, bundel: URL) {
        self.dataFolder = dataFolder
        self.bundel = bundel
    }

    /// The data folder when none is given: `~/.bundel-web`.
    public static var defaultDataFolder: URL {
        FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".bundel-web")
    }

    /// `networks` in the current folder, when it holds networks: started from the repository
    /// (`swift run bundel-web`), the networks that come with bundel.
    public static var examplesInCurrentFolder: URL? {
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("networks")
        return BuiltInNetworks.list(folder).isEmpty ? nil : folder
    }

    /// The `bundel` beside this executable in the same build folder.
    public static var besideThisExecutable: URL {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("bundel")
    }
}
