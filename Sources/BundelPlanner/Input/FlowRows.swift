/// Where each flow of a network was written: its flows table and line, by flow index. A
/// scenario of several organisations merges several flows tables, so the file is kept per flow.
struct FlowRows {
    /// The flows table of each flow, by flow index.
    var files: [String] = []
    /// The line of each flow in its table, by flow index.
    var lines: [Int] = []

    init() {}

    /// The rows of one table: every flow in `file`, at `lines`.
    init(file: String, lines: [Int]) {
        files = Array(repeating: file, count: lines.count)
        self.lines = lines
    }

    /// The table of the flow at `index`; the first table when the index is unknown.
    func file(_ index: Int) -> String { files.indices.contains(index) ? files[index] : files.first ?? "" }

    /// The line of the flow at `index`, when known.
    func line(_ index: Int) -> Int? { lines.indices.contains(index) ? lines[index] : nil }

    /// The rows of `other` after these, as the flows of a merged network follow each other.
    func appending(_ other: FlowRows) -> FlowRows {
        var rows = self
        rows.files += other.files
        rows.lines += other.lines
        return rows
    }

    /// The rows in a new order: the flow at new position `k` was at `positions[k]`.
    func reordered(_ positions: [Int]) -> FlowRows {
        var rows = FlowRows()
        rows.files = positions.map { file($0) }
        rows.lines = positions.map { line($0) ?? 0 }
        return rows
    }
}
