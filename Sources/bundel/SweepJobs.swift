import BundelAnalysis
import BundelPlanner
import BundelReports
import Foundation

/// `bundel sweep --emit-jobs DIR` and `--collect DIR`: the runs of a sweep as jobs for any batch
/// engine (GNU parallel, a Slurm job array, a Kubernetes Indexed Job), and the sweep's tables
/// from their results. No scheduler: DIR gets a manifest of one shell command line per value,
/// run from DIR, each a sweep of that one value of the scenario (by its absolute path) writing
/// its JSON beside the manifest, and a description for the collection. A run's entry does not
/// depend on the other values, so the collected sweep is the in-process one.
enum SweepJobs {
    /// The manifest: one command line per job.
    static let manifest = "jobs.txt"
    /// What the collection needs besides the results.
    static let descriptionFile = "sweep.json"

    /// The sweep the jobs make, as written to ``descriptionFile``.
    struct Description: Codable, Equatable {
        var title: String
        var parameter: String
        var values: [String]
        /// Each value's result file, in the values' order.
        var results: [String]
    }

    /// The files of DIR (name, content): the manifest and the description. `scenario` is the
    /// scenario file as given, `title` the heading of the sweep's text table.
    static func files(
        scenario: String, parameter: String, values: [String], title: String
    ) throws -> [(name: String, content: String)] {
        let path = URL(fileURLWithPath: scenario).standardizedFileURL.path
        let width = String(values.count).count
        let results = values.indices.map {
            "run-" + String(repeating: "0", count: width - String($0 + 1).count) + "\($0 + 1)"
        }
        // Written under another name and moved when complete: a failed job leaves no result.
        let lines = zip(values, results).map { value, name in
            "bundel sweep \(quoted(path)) --param \(quoted(parameter)) --values \(quoted(value)) --json --quiet > \(name).json.partial && mv \(name).json.partial \(name).json"
        }
        let description = Description(
            title: title, parameter: parameter, values: values, results: results.map { $0 + ".json" })
        return [
            (descriptionFile, try JobsFolderDescription.text(of: description)),
            (manifest, lines.joined(separator: "\n") + "\n"),
        ]
    }

    /// The sweep's title and entries from the results in `folder`, in the values' order; a
    /// missing or unreadable result is an error naming the file.
    static func collect(
        _ folder: URL
    ) throws(InputError) -> (title: String, parameter: String, entries: [ComparisonTable.Entry]) {
        let description = try JobsFolderDescription.read(
            Description.self, file: descriptionFile, in: folder, noun: "sweep", emittedBy: "bundel sweep")
        var problems: [InputProblem] = []
        var entries: [ComparisonTable.Entry] = []
        for (value, result) in zip(description.values, description.results) {
            let url = folder.appendingPathComponent(result)
            guard let data = try? Data(contentsOf: url) else {
                problems.append(
                    InputProblem(
                        file: url.path, line: nil, field: nil,
                        message: "no result: run the job of \(description.parameter)=\(value) in \(manifest) first"))
                continue
            }
            guard let document = try? JSONDecoder().decode(ComparisonTable.Document.self, from: data),
                document.runs.count == 1
            else {
                problems.append(
                    InputProblem(
                        file: url.path, line: nil, field: nil,
                        message: "not the JSON of a one-value bundel sweep --json"))
                continue
            }
            entries += document.runs
        }
        if !problems.isEmpty { throw InputError(problems) }
        return (description.title, description.parameter, entries)
    }

    /// `text` as one shell word: in single quotes, each single quote written '\''.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
