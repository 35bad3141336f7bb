/// A transport operation category (TOC) of ISO 14083: the trips of one kind (supplier direct
/// delivery, trunk leg to a hub, hub tour) made with one vehicle type, with their activity,
/// emissions and emission intensity.
///
/// Grouping by kind and vehicle type keeps trips of similar vehicles, loads and distances
/// together, as the standard asks of a TOC; a sustainability team compares each intensity with
/// its suppliers' own figures for the same kind of operation.
public struct TransportOperationCategory: Sendable, Hashable, Codable {
    public var kind: ChainElement.Kind
    public var vehicleType: String
    public var energyCarrier: String
    public var trips = 0
    public var km = 0.0
    /// Tonnes carried (each trip's goods counted once).
    public var tonnes = 0.0
    /// Tonnes times the allocation's distance (``ChainElement/tonneKm``).
    public var tonneKm = 0.0
    public var energy = 0.0
    public var co2eWtwKg = 0.0
    public var co2eTtwKg = 0.0

    /// g CO2e well-to-wheel per tonne-km; `nil` without tonne-km.
    public var wtwGramsPerTonneKm: Double? { tonneKm > 0 ? co2eWtwKg * 1000 / tonneKm : nil }
    /// g CO2e tank-to-wheel per tonne-km; `nil` without tonne-km.
    public var ttwGramsPerTonneKm: Double? { tonneKm > 0 ? co2eTtwKg * 1000 / tonneKm : nil }
}

/// A hub operation category (HOC) of ISO 14083: one hub's transhipment over the week, with
/// the tonnes it handled, its energy, emissions and intensity.
public struct HubOperationCategory: Sendable, Hashable, Codable {
    public var hub: String
    public var energyCarrier: String
    /// Days the hub handled goods on.
    public var days = 0
    public var tonnesHandled = 0.0
    public var energy = 0.0
    public var co2eWtwKg = 0.0
    public var co2eTtwKg = 0.0

    /// kg CO2e well-to-wheel per tonne handled; `nil` when nothing weighed was handled.
    public var wtwKgPerTonne: Double? { tonnesHandled > 0 ? co2eWtwKg / tonnesHandled : nil }
    /// kg CO2e tank-to-wheel per tonne handled; `nil` when nothing weighed was handled.
    public var ttwKgPerTonne: Double? { tonnesHandled > 0 ? co2eTtwKg / tonnesHandled : nil }
}

extension EmissionAccount {
    /// The account's trips grouped into transport operation categories, in the order direct,
    /// trunk, hub tour, then by vehicle type. Their emissions add up to the trips'.
    public var transportCategories: [TransportOperationCategory] {
        var categories: [String: TransportOperationCategory] = [:]
        for element in elements where element.kind != .hubOperation {
            let key = "\(element.kind.rawValue)|\(element.vehicleType)"
            var category =
                categories[key]
                ?? TransportOperationCategory(
                    kind: element.kind, vehicleType: element.vehicleType, energyCarrier: element.energyCarrier)
            category.trips += 1
            category.km += element.km
            category.tonnes += element.tonnes
            category.tonneKm += element.tonneKm
            category.energy += element.energy
            category.co2eWtwKg += element.co2eWtwKg
            category.co2eTtwKg += element.co2eTtwKg
            categories[key] = category
        }
        let order = ChainElement.Kind.allCases
        return categories.values.sorted {
            (order.firstIndex(of: $0.kind)!, $0.vehicleType) < (order.firstIndex(of: $1.kind)!, $1.vehicleType)
        }
    }

    /// The account's hub operations grouped per hub (its hub operation category), by hub id.
    public var hubCategories: [HubOperationCategory] {
        var categories: [String: HubOperationCategory] = [:]
        for element in elements where element.kind == .hubOperation {
            var category =
                categories[element.operatedBy]
                ?? HubOperationCategory(hub: element.operatedBy, energyCarrier: element.energyCarrier)
            category.days += 1
            category.tonnesHandled += element.tonnes
            category.energy += element.energy
            category.co2eWtwKg += element.co2eWtwKg
            category.co2eTtwKg += element.co2eTtwKg
            categories[element.operatedBy] = category
        }
        return categories.values.sorted { $0.hub < $1.hub }
    }
}
