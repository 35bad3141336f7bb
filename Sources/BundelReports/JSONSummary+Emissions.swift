import BundelPlanner

extension JSONSummary {
    /// The ISO 14083 results of both plans: how trips were allocated, per transport and hub
    /// operation category the activity, emissions and intensity, and the data-quality statement.
    public struct EmissionsEntry: Codable, Sendable {
        /// `shortest-distance` (ISO 14083) or `ridden-distance`.
        public var allocationDistance: String
        /// The capacity dimension id the allocation counts quantities in.
        public var allocationQuantity: String?
        public var baseline: PlanEmissions
        public var bundled: PlanEmissions
        public var dataQuality: DataQualityEntry

        init(_ result: PlanResult) {
            let accounts = PlanEmissionAccounts(result)
            dataQuality = DataQualityEntry(DataQualityStatement(result, accounts: accounts))
            let dimensions = result.scenario.network.dimensions
            allocationDistance = accounts.basis.distance.rawValue
            allocationQuantity = accounts.basis.dimension.map { dimensions[$0].id }
            baseline = PlanEmissions(accounts.baseline)
            bundled = PlanEmissions(accounts.bundled)
        }
    }

    /// One plan's operation categories, and what the receiving organisation reports of it.
    public struct PlanEmissions: Codable, Sendable {
        public var transportOperationCategories: [TransportCategoryEntry]
        public var hubOperationCategories: [HubCategoryEntry]
        /// The receiving organisation's scope 3 upstream transport, kg CO2e a week: every flow
        /// of the network is its, so it is the plan's total (groups.csv's `organisation` row).
        public var organisationCo2eWtwKg: Double
        public var organisationCo2eTtwKg: Double

        init(_ account: EmissionAccount) {
            organisationCo2eWtwKg = PlanTotalsRounding.round(account.total.co2eWtwKg)
            organisationCo2eTtwKg = PlanTotalsRounding.round(account.total.co2eTtwKg)
            transportOperationCategories = account.transportCategories.map(TransportCategoryEntry.init)
            hubOperationCategories = account.hubCategories.map(HubCategoryEntry.init)
        }
    }

    /// A transport operation category (``TransportOperationCategory``) with its intensities,
    /// rounded as the plan's totals are (to 0.01).
    public struct TransportCategoryEntry: Codable, Sendable {
        /// `direct`, `trunk` or `hub-tour`.
        public var category: String
        public var vehicleType: String
        public var energyCarrier: String
        public var trips: Int
        public var km: Double
        public var tonnes: Double
        public var tonneKm: Double
        public var co2eWtwKg: Double
        public var co2eTtwKg: Double
        public var gramsCo2eWtwPerTonneKm: Double?
        public var gramsCo2eTtwPerTonneKm: Double?

        init(_ category: TransportOperationCategory) {
            self.category = category.kind.rawValue
            vehicleType = category.vehicleType
            energyCarrier = category.energyCarrier
            trips = category.trips
            km = PlanTotalsRounding.round(category.km)
            tonnes = PlanTotalsRounding.round(category.tonnes)
            tonneKm = PlanTotalsRounding.round(category.tonneKm)
            co2eWtwKg = PlanTotalsRounding.round(category.co2eWtwKg)
            co2eTtwKg = PlanTotalsRounding.round(category.co2eTtwKg)
            gramsCo2eWtwPerTonneKm = category.wtwGramsPerTonneKm.map(PlanTotalsRounding.round)
            gramsCo2eTtwPerTonneKm = category.ttwGramsPerTonneKm.map(PlanTotalsRounding.round)
        }
    }

    /// A hub operation category (``HubOperationCategory``) with its intensities, rounded to 0.01.
    public struct HubCategoryEntry: Codable, Sendable {
        public var hub: String
        public var energyCarrier: String
        public var days: Int
        public var tonnesHandled: Double
        public var energy: Double
        public var co2eWtwKg: Double
        public var co2eTtwKg: Double
        public var kgCo2eWtwPerTonne: Double?
        public var kgCo2eTtwPerTonne: Double?

        init(_ category: HubOperationCategory) {
            hub = category.hub
            energyCarrier = category.energyCarrier
            days = category.days
            tonnesHandled = PlanTotalsRounding.round(category.tonnesHandled)
            energy = PlanTotalsRounding.round(category.energy)
            co2eWtwKg = PlanTotalsRounding.round(category.co2eWtwKg)
            co2eTtwKg = PlanTotalsRounding.round(category.co2eTtwKg)
            kgCo2eWtwPerTonne = category.wtwKgPerTonne.map(PlanTotalsRounding.round)
            kgCo2eTtwPerTonne = category.ttwKgPerTonne.map(PlanTotalsRounding.round)
        }
    }
}

extension JSONSummary {
    /// ISO 14083's data-quality statement (``DataQualityStatement``): each input figure's kind
    /// of data, and each plan's CO2e WTW per week by the kind its energy rests on.
    public struct DataQualityEntry: Codable, Sendable {
        public var inputs: [DataQualityStatement.Input]
        public var baseline: PlanShares
        public var bundled: PlanShares

        init(_ statement: DataQualityStatement) {
            inputs = statement.inputs
            baseline = PlanShares(statement.baseline)
            bundled = PlanShares(statement.bundled)
        }
    }

    /// One plan's CO2e by kind of data, rounded to 0.01 kg, and the share on default data.
    public struct PlanShares: Codable, Sendable {
        public var defaultKg: Double
        public var modelledKg: Double
        public var primaryKg: Double
        public var defaultShare: Double

        init(_ shares: DataQualityStatement.Shares) {
            defaultKg = PlanTotalsRounding.round(shares.defaultKg)
            modelledKg = PlanTotalsRounding.round(shares.modelledKg)
            primaryKg = PlanTotalsRounding.round(shares.primaryKg)
            defaultShare = NumberFormat.sixDecimals(shares.defaultShare)
        }
    }
}
