import Foundation

/// The instance files that `bundel bench` and `bundel bound` take: files as given, and the files
/// of a folder that `accepts` (by name), ordered by size (the node count of CVRPLIB names), then name.
enum InstanceFiles {
    static func list(_ paths: [String], accepting accepts: (String) -> Bool) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                printError("error: \(path): no such file or folder")
                throw ExitCodes.inputError
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter(accepts).map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files.sorted { (BenchCommand.size(of: $0), $0) < (BenchCommand.size(of: $1), $1) }
    }
}
