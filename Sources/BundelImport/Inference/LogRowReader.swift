/// Turns a log's rows into ``LogRecord``s, setting aside every row that cannot be used with
/// its line and reason: dates that do not parse, missing suppliers or sites, quantities that
/// are not numbers, negative or all zero, unknown units, and rows repeated exactly.
public enum LogRowReader {
    public static func read(
        _ table: LogTable, columns: LogColumns, dimensions: [ImportNetwork.Dimension]
    ) -> (records: [LogRecord], skipped: [ImportProblem]) {
        var records: [LogRecord] = []
        var skipped: [ImportProblem] = []
        var firstLine: [[LogTable.Cell]: Int] = [:]
        let header = table.header
        rows: for row in table.rows {
            func skip(_ column: Int?, _ message: String) {
                skipped.append(
                    ImportProblem(file: table.file, line: row.line, field: column.map { header[$0] }, message: message))
            }
            var cells = row.cells
            while cells.last == .empty { cells.removeLast() }
            if let earlier = firstLine[cells] {
                skip(nil, "the same row as line \(earlier): a duplicate, left out")
                continue
            }
            firstLine[cells] = row.line
            let dateCell = row[columns.date]
            guard dateCell.text != nil else {
                skip(columns.date, "missing date")
                continue
            }
            guard let date = LogDate.parse(dateCell) else {
                skip(
                    columns.date,
                    "cannot read '\(dateCell.text ?? "")' as a date; expected 2026-03-02, 2-3-2026 (day first) or an Excel date"
                )
                continue
            }
            guard let supplier = row[columns.supplier].text else {
                skip(columns.supplier, "missing supplier")
                continue
            }
            let site = columns.site.flatMap { row[$0].text }
            let address = columns.address.flatMap { row[$0].text }
            let postcode = columns.postcode.flatMap { row[$0].text }
            guard site != nil || address != nil || postcode != nil else {
                skip(columns.site ?? columns.address ?? columns.postcode, "missing site (no site, address or postcode)")
                continue
            }
            var quantity = Array(repeating: 0.0, count: dimensions.count)
            for column in columns.quantities {
                let cell = row[column.column]
                guard let text = cell.text else { continue }
                guard let value = LogNumber.parse(cell, decimalComma: table.decimalComma) else {
                    skip(column.column, "not a number: '\(text)'")
                    continue rows
                }
                guard value >= 0 else {
                    skip(column.column, "a quantity must not be negative, got \(text)")
                    continue rows
                }
                quantity[column.dimension] += value * column.factor
            }
            if let (quantityColumn, unitColumn) = columns.quantityWithUnit, let text = row[quantityColumn].text {
                guard let value = LogNumber.parse(row[quantityColumn], decimalComma: table.decimalComma) else {
                    skip(quantityColumn, "not a number: '\(text)'")
                    continue
                }
                guard value >= 0 else {
                    skip(quantityColumn, "a quantity must not be negative, got \(text)")
                    continue
                }
                guard let unit = row[unitColumn].text else {
                    skip(unitColumn, "missing unit for the quantity \(text)")
                    continue
                }
                guard let (dimension, factor) = LogColumns.dimension(for: unit, in: dimensions) else {
                    skip(
                        unitColumn,
                        "unknown unit '\(unit)': the network's dimensions are \(LogColumns.describe(dimensions)) (kg, t, pallets and roll cages convert)"
                    )
                    continue
                }
                quantity[dimension] += value * factor
            }
            guard quantity.contains(where: { $0 > 0 }) else {
                skip(nil, "no positive quantity: every quantity is zero or empty")
                continue
            }
            records.append(
                LogRecord(
                    line: row.line, date: date, supplier: supplier, site: site, address: address, postcode: postcode,
                    quantity: quantity, productGroup: columns.productGroup.flatMap { row[$0].text }))
        }
        return (records, skipped)
    }
}
