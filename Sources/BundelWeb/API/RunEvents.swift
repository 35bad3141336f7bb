import Foundation
import Hummingbird

/// A run's progress as server-sent events: `status` (the status and elapsed seconds, once a
/// second while it runs), `progress` (each line the child printed on standard error) and a last
/// `end`, after which the stream closes. It reads the database and the run's log file, so that it
/// serves any run, one started before a restart too.
enum RunEvents {
    /// How often the run is looked at.
    static let interval = Duration.milliseconds(500)
    /// A stream never outlives this, whatever the run does.
    static let longest = Duration.seconds(6 * 3600)

    static func response(_ id: Int64, store: WebStore) -> Response {
        let body = ResponseBody { writer in
            let started = ContinuousClock.now
            var offset = 0
            var lastStatus: String?
            var ticks = 0
            while ContinuousClock.now - started < longest {
                guard let run = try store.run(id) else { break }
                let log = store.runFolder(id).appendingPathComponent(RunFiles.log)
                let (lines, next) = newLines(log, from: offset)
                offset = next
                let elapsed = RunView.elapsed(run)
                for line in lines {
                    try await writer.write(event("progress", EventData(line: line, elapsedSeconds: elapsed)))
                }
                // The status when it changes, and once a second for the elapsed time.
                if lastStatus != run.status.rawValue || ticks % 2 == 0 {
                    try await writer.write(
                        event("status", EventData(status: run.status, elapsedSeconds: elapsed)))
                    lastStatus = run.status.rawValue
                }
                if run.status.isFinal {
                    try await writer.write(
                        event("end", EventData(status: run.status, message: run.message, elapsedSeconds: elapsed)))
                    break
                }
                ticks += 1
                try await Task.sleep(for: interval)
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    /// What an event carries; absent fields are left out of its JSON.
    struct EventData: Encodable {
        var status: RunStatus?
        var line: String?
        var message: String?
        var elapsedSeconds: Double?
    }

    /// One event: `event: NAME` and its data as one line of JSON.
    static func event(_ name: String, _ data: EventData) -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(data)) ?? Data("{}".utf8)
        return ByteBuffer(string: "event: \(name)\ndata: \(String(decoding: json, as: UTF8.self))\n\n")
    }

    /// The complete lines of `url` after byte `offset`, and the offset after the last of them.
    static func newLines(_ url: URL, from offset: Int) -> ([String], Int) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return ([], offset) }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil, let data = try? handle.readToEnd(), !data.isEmpty,
            let lastNewline = data.lastIndex(of: UInt8(ascii: "\n"))
        else { return ([], offset) }
        let complete = data[data.startIndex...lastNewline]
        let lines = String(decoding: complete, as: UTF8.self).split(separator: "\n").map(String.init)
        return (lines, offset + complete.count)
    }
}
