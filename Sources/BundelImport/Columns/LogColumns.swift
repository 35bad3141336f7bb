/// The meaning of a log's columns: given by the ``ColumnMapping``, or recognised from Dutch and
/// English headers. Columns with no meaning are ignored, since exports carry many.
public struct LogColumns: Sendable, Equatable {
    /// A column whose numbers are a dimension's quantity after multiplying by `factor`.
    public struct Quantity: Sendable, Equatable {
        public var column: Int
        public var dimension: Int
        public var factor: Double
    }

    public var date: Int
    public var supplier: Int
    public var site: Int?
    public var address: Int?
    public var postcode: Int?
    public var productGroup: Int?
    public var quantities: [Quantity]
    /// A quantity column whose unit is given row by row in another column (order lines).
    public var quantityWithUnit: (quantity: Int, unit: Int)?
    /// Headers of columns not used, for the summary.
    public var ignored: [String]

    public static func == (lhs: LogColumns, rhs: LogColumns) -> Bool {
        lhs.date == rhs.date && lhs.supplier == rhs.supplier && lhs.site == rhs.site && lhs.address == rhs.address
            && lhs.postcode == rhs.postcode && lhs.productGroup == rhs.productGroup && lhs.quantities == rhs.quantities
            && lhs.quantityWithUnit?.quantity == rhs.quantityWithUnit?.quantity
            && lhs.quantityWithUnit?.unit == rhs.quantityWithUnit?.unit && lhs.ignored == rhs.ignored
    }

    /// Headers recognised per role, normalised (``HeaderName``).
    static let recognised: [String: Set<String>] = [
        "date": [
            "datum", "leverdatum", "afleverdatum", "leveringsdatum", "ontvangstdatum", "date", "delivery date",
            "delivered", "delivered on", "receipt date",
        ],
        "supplier": ["leverancier", "leveranciersnaam", "crediteur", "supplier", "supplier name", "vendor"],
        "site": ["locatie", "afleverlocatie", "gebouw", "site", "site id", "location", "building", "receiving site"],
        "address": ["afleveradres", "adres", "address", "delivery address", "straat"],
        "postcode": ["postcode", "postal code", "zip", "zip code", "pc6"],
        "product_group": ["productgroep", "artikelgroep", "categorie", "product group", "category", "commodity"],
        "quantity": ["aantal", "hoeveelheid", "quantity", "qty", "amount"],
        "unit": ["eenheid", "unit", "uom"],
    ]

    /// The dimension a unit name fits: one whose id or unit is that name, or whose unit
    /// converts from it (tonnes to a kg dimension); with the factor.
    static func dimension(for unitName: String, in dimensions: [ImportNetwork.Dimension]) -> (Int, Double)? {
        let name = HeaderName.normalised(unitName)
        if let exact = dimensions.firstIndex(where: {
            HeaderName.normalised($0.id) == name || HeaderName.normalised($0.unit) == name
        }) {
            return (exact, 1)
        }
        let unit = QuantityUnit(name: name)
        if case .other = unit { return nil }
        for (index, dimension) in dimensions.enumerated() {
            if let factor = unit.factor(to: dimensionUnit(dimension)) { return (index, factor) }
        }
        return nil
    }

    /// The convertible unit a dimension counts in: from its unit, else its id.
    static func dimensionUnit(_ dimension: ImportNetwork.Dimension) -> QuantityUnit {
        let unit = QuantityUnit(name: dimension.unit)
        if case .other = unit { return QuantityUnit(name: dimension.id) }
        return unit
    }

    static func describe(_ dimensions: [ImportNetwork.Dimension]) -> String {
        dimensions.map { "\($0.id) (\($0.unit))" }.joined(separator: ", ")
    }

    /// The columns of `table` for `network`, or every problem with the mapping and headers.
    public static func resolve(
        _ table: LogTable, mapping: ColumnMapping, dimensions: [ImportNetwork.Dimension]
    ) throws(ImportError) -> LogColumns {
        var problems: [ImportProblem] = []
        func problem(_ field: String?, _ message: String) {
            problems.append(ImportProblem(file: table.file, line: 1, field: field, message: message))
        }
        let normalisedHeader = table.header.map { HeaderName.normalised($0) }
        func index(of column: String) -> Int? {
            if let exact = table.header.firstIndex(of: column) { return exact }
            return normalisedHeader.firstIndex(of: HeaderName.normalised(column))
        }
        var roles: [String: Int] = [:]
        var quantities: [Quantity] = []
        var used = Set<Int>()
        let dimensionIds = dimensions.map(\.id)
        // The user's choices first.
        for (key, choice) in mapping.choices.sorted(by: { $0.key < $1.key }) {
            guard let column = index(of: choice.column) else {
                problem(
                    choice.column,
                    "the mapping gives this column for '\(key)', but the log has no such column; its columns are \(table.header.joined(separator: ", "))"
                )
                continue
            }
            used.insert(column)
            if ColumnMapping.roles.contains(key) {
                roles[key] = column
            } else if let dimension = dimensionIds.firstIndex(of: key) {
                let unitName = choice.unit ?? HeaderName.nameAndUnit(table.header[column]).unit
                var factor = 1.0
                if let unitName {
                    let from = QuantityUnit(name: unitName)
                    let sameName = HeaderName.normalised(unitName) == HeaderName.normalised(dimensions[dimension].unit)
                    guard let converted = sameName ? 1 : from.factor(to: dimensionUnit(dimensions[dimension])) else {
                        problem(
                            table.header[column],
                            "unit '\(unitName)' cannot be converted to dimension \(key) (\(dimensions[dimension].unit))"
                        )
                        continue
                    }
                    factor = converted
                }
                quantities.append(Quantity(column: column, dimension: dimension, factor: factor))
            } else {
                problem(
                    key,
                    "unknown mapping key; expected \(ColumnMapping.roles.joined(separator: ", ")) or a dimension id (\(dimensionIds.joined(separator: ", ")))"
                )
            }
        }
        // Then the headers the user did not map.
        var ignored: [String] = []
        for (column, header) in table.header.enumerated() where !used.contains(column) {
            let (name, unit) = HeaderName.nameAndUnit(header)
            // `Hoeveelheid [kg]` is a quantity in kg, not the quantity of an order line's unit column.
            let unitGiven = unit.map { !QuantityUnit(name: $0).isOther } == true
            if let role = recognised.first(where: { $0.value.contains(name) })?.key, roles[role] == nil,
                !(role == "quantity" && unitGiven)
            {
                roles[role] = column
                continue
            }
            // A quantity: a dimension's id, or a unit's name, with the unit in brackets if any.
            let dimensionById = dimensions.firstIndex { HeaderName.normalised($0.id) == name }
            let isQuantity =
                dimensionById != nil || !QuantityUnit(name: name).isOther
                || unit.map { !QuantityUnit(name: $0).isOther } == true
            guard isQuantity else {
                if !header.trimmingCharacters(in: .whitespaces).isEmpty { ignored.append(header) }
                continue
            }
            let unitName = unit ?? (dimensionById != nil ? nil : name)
            if let dimensionById {
                var factor = 1.0
                if let unit {
                    guard let converted = QuantityUnit(name: unit).factor(to: dimensionUnit(dimensions[dimensionById]))
                    else {
                        problem(
                            header, "unit '\(unit)' cannot be converted to dimension \(dimensions[dimensionById].id)")
                        continue
                    }
                    factor = converted
                }
                quantities.append(Quantity(column: column, dimension: dimensionById, factor: factor))
            } else if let unitName, let (dimension, factor) = Self.dimension(for: unitName, in: dimensions) {
                quantities.append(Quantity(column: column, dimension: dimension, factor: factor))
            } else {
                problem(
                    header,
                    "a quantity in \(QuantityUnit(name: unitName ?? name).label), but the network has no dimension in that unit (dimensions: \(describe(dimensions))); map the column to a dimension with --column ID=COLUMN or remove it"
                )
            }
        }
        var seen: [Int: Int] = [:]
        for quantity in quantities {
            if let other = seen[quantity.dimension] {
                problem(
                    table.header[quantity.column],
                    "a second column for dimension \(dimensions[quantity.dimension].id) (the first is '\(table.header[other])'); map one with --column \(dimensions[quantity.dimension].id)=COLUMN"
                )
            }
            seen[quantity.dimension] = quantity.column
        }
        if roles["date"] == nil {
            problem(nil, "no date column (recognised: datum, leverdatum, date, ...); name it with --column date=COLUMN")
        }
        if roles["supplier"] == nil {
            problem(
                nil,
                "no supplier column (recognised: leverancier, supplier, ...); name it with --column supplier=COLUMN")
        }
        if roles["site"] == nil, roles["address"] == nil, roles["postcode"] == nil {
            problem(
                nil,
                "no column for the receiving site (recognised: locatie, site, afleveradres, address, postcode, ...); name it with --column site=COLUMN"
            )
        }
        var withUnit: (Int, Int)?
        if let quantity = roles["quantity"], let unit = roles["unit"] { withUnit = (quantity, unit) }
        if quantities.isEmpty, withUnit == nil {
            problem(
                nil,
                "no quantity column: name one per dimension (\(describe(dimensions))) or a unit such as kg, ton, pallets, rolcontainers, or map one with --column \(dimensionIds.first ?? "kg")=COLUMN"
            )
        }
        if !problems.isEmpty { throw ImportError(problems) }
        return LogColumns(
            date: roles["date"]!, supplier: roles["supplier"]!, site: roles["site"], address: roles["address"],
            postcode: roles["postcode"], productGroup: roles["product_group"], quantities: quantities,
            quantityWithUnit: withUnit, ignored: ignored)
    }
}
