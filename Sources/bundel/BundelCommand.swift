import ArgumentParser

/// A `bundel` subcommand. Its work is ``execute()``; every error that work throws leaves
/// through one path, ``ExitCodes/report(_:)``, which prints it and picks the exit code, so
/// that no command can end with an error that is printed differently or mapped to another code.
protocol BundelCommand: ParsableCommand {
    /// The command's work; throw an ``ExitCode`` to end with that code after printing the
    /// reason, or any other error to have it printed and classified.
    func execute() throws
}

extension BundelCommand {
    func run() throws {
        do {
            try execute()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ExitCodes.report(error)
        }
    }
}
