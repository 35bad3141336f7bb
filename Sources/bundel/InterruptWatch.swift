import BundelRouting
import Dispatch
import Foundation

/// Ctrl-C (SIGINT) during a long run: the first one asks every search to stop, so that the run
/// finishes a complete, validated plan from what it has found and writes it, marked
/// interrupted; a second Ctrl-C ends the program at once, as usual.
final class InterruptWatch {
    let stop = StopSignal()
    private let source: any DispatchSourceSignal

    init() {
        // The signal is ignored by the process and delivered to a dispatch source instead,
        // which runs on another thread while the planner works on this one.
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let stop = self.stop
        source.setEventHandler {
            printError(
                "interrupted: finishing the plan with the best routes found so far (Ctrl-C again to quit at once)")
            stop.request()
            signal(SIGINT, SIG_DFL)
        }
        source.resume()
    }

    /// Stops watching and restores the default handling of Ctrl-C.
    func end() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
