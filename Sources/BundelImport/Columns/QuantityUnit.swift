/// A unit a log's quantity column may be in, and how it converts to a network's dimension:
/// mass in kg or tonnes, and counted loading units (pallets, roll cages). Anything else is
/// only taken as the dimension whose id or unit it names.
enum QuantityUnit: Equatable, Sendable {
    case kilogram
    case tonne
    case pallet
    case cage
    /// A unit with no conversion, named as it was written (normalised).
    case other(String)

    /// The unit a name denotes (`kg`, `ton`, `tonnen`, `pallets`, `rolcontainers`, ...).
    init(name: String) {
        switch HeaderName.normalised(name) {
        case "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogrammen", "gewicht", "weight", "mass":
            self = .kilogram
        case "t", "ton", "tons", "tonne", "tonnes", "tonnen": self = .tonne
        case "pallet", "pallets", "pallet places", "palletplaatsen", "europallet", "europallets", "plt", "pal":
            self = .pallet
        case "cage", "cages", "roll cage", "roll cages", "rollcage", "rollcages", "rolcontainer", "rolcontainers",
            "rolkar", "rolkarren", "rc":
            self = .cage
        case let other: self = .other(other)
        }
    }

    /// What a quantity in this unit is in `target`, or `nil` when the two cannot be converted.
    func factor(to target: QuantityUnit) -> Double? {
        switch (self, target) {
        case (.kilogram, .kilogram), (.tonne, .tonne), (.pallet, .pallet), (.cage, .cage): return 1
        case (.tonne, .kilogram): return 1000
        case (.kilogram, .tonne): return 0.001
        case (.other(let a), .other(let b)): return a == b ? 1 : nil
        default: return nil
        }
    }

    var isOther: Bool {
        if case .other = self { return true }
        return false
    }

    var label: String {
        switch self {
        case .kilogram: return "kg"
        case .tonne: return "t"
        case .pallet: return "pallets"
        case .cage: return "roll cages"
        case .other(let name): return name
        }
    }
}
