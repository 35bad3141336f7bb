import ArgumentParser
import Foundation

/// `bundel init`: writes a commented example network and scenario to start one's own from.
struct InitCommand: BundelCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented example network and scenario to a folder, to edit into your own.",
        discussion: """
            Writes network.yaml, sites.csv, suppliers.csv, flows.csv and scenario.yaml, which \
            `bundel validate DIR/scenario.yaml` accepts and `bundel plan DIR/scenario.yaml` plans \
            in seconds. A folder that exists and is not empty is refused (exit 73) unless --force \
            is given; then only these five files are replaced.
            """
    )

    @Argument(help: "The folder to write (made when missing).")
    var folder: String

    @Flag(help: "Write into a folder that is not empty, replacing the five files when they exist.")
    var force = false

    func execute() throws {
        let target = URL(fileURLWithPath: folder)
        try checkFolder(target)
        // Staged and moved into place together: an error half-way leaves none of the files.
        var staged = StagedOutputs()
        do {
            for file in NetworkTemplate.files {
                let url = target.appendingPathComponent(file.name)
                try StagedOutputs.checkFile(url, force: force)
                try staged.stage(file.content, at: url)
            }
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
        let scenario = (folder as NSString).appendingPathComponent("scenario.yaml")
        print(
            """
            wrote \(NetworkTemplate.files.map(\.name).joined(separator: ", ")) to \(folder): an invented example \
            network to replace with your own (every field is commented; docs/format.md has the details). Then:
              bundel validate \(scenario)
              bundel plan \(scenario)
            """)
    }

    /// Refuses a path that is a file, or a folder with anything in it unless `--force` is given:
    /// the template must not mix with, or replace, files of a network already being built.
    private func checkFolder(_ url: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw OutputError(description: "\(folder) exists and is not a folder") }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
            throw OutputError(description: "cannot read the folder \(folder): \(error.localizedDescription)")
        }
        if !names.isEmpty, !force {
            throw OutputError(
                description:
                    "\(folder) exists and is not empty; choose a new folder, or use --force to write the example's five files into it"
            )
        }
    }
}
