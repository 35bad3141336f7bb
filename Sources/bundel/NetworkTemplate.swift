/// The files `bundel init` writes: a small network and a scenario to replace with one's own.
/// They are Swift text rather than bundle resources so that the executable needs nothing
/// beside it to write them; `InitCommandTests` loads and plans them, which keeps them valid.
///
/// The example is invented throughout: a hospital group in Utrecht, eight sites, four
/// suppliers (one next to the hub, three 10-25 km away) and one candidate hub. Every field of
/// `network.yaml` and `scenario.yaml` has a comment, `(required)` on the ones that must be given.
enum NetworkTemplate {
    /// File name and content, in the order they are listed to the user.
    static let files: [(name: String, content: String)] = [
        ("network.yaml", network),
        ("sites.csv", sites),
        ("suppliers.csv", suppliers),
        ("flows.csv", flows),
        ("scenario.yaml", scenario),
    ]

    static let network = """
        # A network written by `bundel init`: an invented hospital group in Utrecht. Replace the
        # example with your own sites, suppliers, flows and hubs, then run
        #   bundel validate scenario.yaml
        #   bundel plan scenario.yaml
        # Every field is described in docs/format.md; "(required)" marks the fields that must be
        # given, all others may be left out (their defaults are named).

        # (required) The network's name, shown in reports.
        name: my-network
        # Free text, shown in reports.
        description: Example hospital group in Utrecht (invented figures; replace with your own)
        # A box around every coordinate, {min_lat, max_lat, min_lon, max_lon}: a point outside it is
        # an error (a typo, swapped lat and lon). Without it, a point far from all others is warned.
        # area: {min_lat: 51.5, max_lat: 52.6, min_lon: 4.5, max_lon: 6.0}

        # (required) What loads are measured in. Each id is a column of flows.csv and a key of
        # every capacity and per-unit figure below.
        dimensions:
          - {id: kg, name: weight, unit: kg}
          - {id: cages, name: roll cages, unit: roll cage}
        # The dimension that counts kilograms (default: the one with unit or id kg).
        weight_dimension: kg

        # (required) The three tables, relative to this file. Comma or semicolon separated, UTF-8.
        # sites.csv: id, name, lat, lon, window_start, window_end ("HH:MM", when a delivery may
        #   start), service_minutes (fixed part of every stop) are required; group, in_zone
        #   (true/false), coordinate_source and address are optional.
        sites: sites.csv
        # suppliers.csv: id, name, lat, lon (the depot), vehicle_type (an id below) are required;
        #   product_group, depot_area, min_hub_trips_per_week (default 1) and days (fixed delivery
        #   days such as tue|fri) are optional.
        suppliers: suppliers.csv
        # flows.csv: supplier, site, deliveries_per_week and one column per dimension (the weekly
        #   quantity) are required; days (such as mon|thu, one per delivery) and product_group (the
        #   flow's own, when it is not its supplier's) are optional.
        flows: flows.csv

        # Stop time beyond each site's fixed service_minutes (default: none).
        service_time:
          # Minutes per supplier delivery handed over at a stop (delivery note, check, signature).
          per_delivery_minutes: 2
          # Minutes per unit delivered, per dimension (missing dimensions 0).
          per_unit_minutes: {kg: 0.01, cages: 2}

        # Candidate hubs (default: none); a scenario's `hubs:` picks the ones it considers.
        hubs:
          # (required) id: unique among hubs, sites and suppliers.
          - id: lage-weide
            # Shown in reports (default: the id).
            name: Cross-dock Lage Weide (example)
            # (required) WGS 84 degrees, latitude then longitude.
            lat: 52.1080
            # (required)
            lon: 5.0790
            # (required) EUR a week whenever the hub is used: rent, staff, overhead.
            fixed_cost_per_week: 800
            # EUR per unit handled, per dimension (default 0).
            handling_cost: {cages: 3.0}
            # Most handled in a week, per dimension (default: unlimited).
            capacity_per_week: {kg: 100000, cages: 600}
            # Minutes a trunk vehicle spends at the hub whatever it brings (default 15).
            unload_minutes: 20
            # Unloading minutes per unit brought, per dimension (default 0).
            unload_minutes_per_unit: {kg: 0.005, cages: 1.5}
            # Energy per unit handled, in the carrier's unit (default 5 kWh per tonne: an assumption).
            handling_energy: {kg: 0.005}
            # Energy carrier of the hub's operations, from the factor set (default electricity-grid).
            handling_energy_carrier: electricity-grid
            # next_day: goods unloaded by cut_off go out the next day (default); same_day: the same day.
            cross_dock: next_day
            # Latest unloading for next_day (default "18:00").
            cut_off: "18:00"
            # Goods may wait at the hub, so that a supplier brings several days' goods at once:
            # storage: {days: 2, capacity: {kg: 5000, cages: 40}, cost_per_unit_day: {cages: 0.5}}

        # (required) The vehicle types the suppliers' vehicle_type and the scenario's fleets name.
        vehicle_types:
          # Built-in types (base:) come with every figure and its source; any field given beside
          # base: wins over the built-in one, e.g. {id: diesel-van, base: diesel-van, speed_kmh: 30}.
          # Built in: diesel-van, e-van, rigid-truck, e-truck, articulated-truck, e-cargo-bike.
          - {id: diesel-van, base: diesel-van}
          - {id: rigid-truck, base: rigid-truck}
          # A type of one's own needs every field marked (required), starting with its id.
          - id: e-van
            # Shown in reports (default: the id).
            name: Electric van (example figures)
            # (required) What one vehicle carries, per dimension (every dimension).
            capacity: {kg: 900, cages: 6}
            # (required) EUR per vehicle-day.
            fixed_cost_per_day: 70
            # (required) EUR per km: energy, tyres, maintenance.
            cost_per_km: 0.08
            # (required) EUR per hour: the driver.
            cost_per_hour: 40
            # (required) Average km/h on the road distances.
            speed_kmh: 25
            # (required) Energy per km in the carrier's unit (kWh here, litres for diesel).
            energy_per_km: 0.24
            # Consumption empty and full, together; a leg then uses the weight on board:
            # energy_per_km_empty: 0.22
            # energy_per_km_full: 0.27
            # Share of grid electricity lost in charging (default 0).
            charging_loss: 0.10
            # A refrigerated vehicle: its unit's energy in the carrier's unit, per hour of a trip
            # and per km (default 0), and its refrigerant leakage, kg a year x GWP100 spread over
            # the unit's hours a year (the three together; counted in WTW and TTW):
            # reefer_energy_per_hour: 1.5
            # reefer_energy_per_km: 0.0
            # refrigerant: R-452A
            # refrigerant_leakage_kg_per_year: 0.5
            # refrigerant_gwp: 2292
            # reefer_hours_per_year: 1250
            # (required) A carrier of the scenario's emission factor set.
            energy_carrier: electricity-grid
            # (required) Whether it may enter an access zone (sites with in_zone: true).
            may_enter_zone: true
            # Earliest departure and latest return (default 06:00-18:00).
            shift: {start: "06:00", end: "18:00"}
            # Trips one vehicle may make in a shift, reloading in between (default 1; a hub fleet
            # paid by whole vehicle-days makes as many as its shift allows).
            # max_trips_per_shift: 2
            # Minutes at the depot between two trips (default 0).
            reload_minutes: 15
            # Air pollutants, g per km (reported when every vehicle of a plan has them).
            # nox_g_per_km: 0.0
            # pm10_g_per_km: 0.01
            # Emission standard and where the figures come from, shown in the methodology.
            euro_class: zero emission
            source: example figures written by bundel init; replace with your own

        """

    static let sites = """
        id,name,group,lat,lon,window_start,window_end,service_minutes,in_zone,coordinate_source
        main,Main hospital (example),science-park,52.0860,5.1790,07:00,16:00,12,false,example
        lab,Laboratory and pharmacy (example),science-park,52.0830,5.1720,07:00,16:00,6,false,example
        clinic-centre,Outpatient clinic Centre (example),centre,52.0905,5.1200,08:00,12:00,8,true,example
        head-office,Head office (example),centre,52.0880,5.1100,08:00,17:00,5,true,example
        clinic-west,Outpatient clinic Leidsche Rijn (example),west,52.0990,5.0600,07:30,15:00,6,false,example
        rehab,Rehabilitation centre (example),north,52.1050,5.1000,07:00,15:00,8,false,example
        nursing-north,Nursing home Overvecht (example),north,52.1150,5.1150,07:00,11:00,10,false,example
        nursing-south,Nursing home Hoograven (example),south,52.0750,5.1250,07:00,11:00,10,false,example

        """

    static let suppliers = """
        id,name,product_group,depot_area,lat,lon,vehicle_type,min_hub_trips_per_week
        fresh,Fresh food wholesaler (example),food-fresh,utrecht-lage-weide,52.1000,5.0650,rigid-truck,5
        medical,Medical supplies wholesaler (example),medical,nieuwegein,52.0300,5.0900,diesel-van,1
        office,Office supplies (example),office,houten,52.0280,5.1650,diesel-van,1
        laundry,Laundry service (example),linen,amersfoort,52.1700,5.3900,rigid-truck,2

        """

    static let flows = """
        supplier,site,deliveries_per_week,kg,cages
        fresh,main,5,1500,8
        fresh,nursing-north,5,600,3.5
        fresh,nursing-south,5,500,3
        fresh,rehab,3,300,1.8
        medical,main,5,400,3
        medical,lab,3,150,1
        medical,clinic-centre,2,80,0.6
        medical,clinic-west,2,60,0.5
        office,head-office,1,120,0.6
        office,main,2,200,1
        office,clinic-centre,1,40,0.2
        office,clinic-west,1,30,0.2
        laundry,main,3,900,6
        laundry,nursing-north,2,300,2
        laundry,nursing-south,2,250,1.8
        laundry,rehab,2,200,1.4

        """

    static let scenario = """
        # A scenario written by `bundel init`: which hubs to consider, who may bundle, which
        # vehicles drive and how long to search. Every field is described in docs/format.md;
        # "(required)" marks the fields that must be given.

        # (required) Title shown in reports.
        name: My network via the Lage Weide hub
        # Free text.
        description: Every supplier free to join the hub; hub tours by electric van.
        # (required) The network, relative to this file.
        network: network.yaml
        # Planning days (default mon to fri).
        days: [mon, tue, wed, thu, fri]
        # How the baseline picks delivery days flows.csv does not give: cheapest (default), balanced, given.
        baseline_days: cheapest
        # Candidate hub ids of the network (default: none, everything stays direct).
        hubs: [lage-weide]
        participation:
          # free: the model decides (default); in: every flow via a hub; out: every flow direct.
          default: free
          # Per supplier, overriding the product groups' and the default:
          # suppliers: {fresh: out}
          # Per product group (a tender clause), overriding the default:
          # product_groups: {office: in}
        # Purchasing levers (docs/format.md#purchasing-levers): one contract per product group,
        # to a named supplier or the largest; fewer, larger deliveries.
        # supplier_consolidation: {office: largest}
        # delivery_frequency: {max_per_week: 2, except_product_groups: [food-fresh]}
        fleets:
          # (required with hubs) Vehicle types of the hub's own tours; {type: e-van, count: 2} limits them.
          hub: [e-van]
        # How the hub's fleet is paid: vehicle_day (whole vehicle-days, the default) or pro_rata.
        hub_fleet_cost: vehicle_day
        zone:
          # true: only vehicles with may_enter_zone reach sites with in_zone (default false).
          enforce: false
        distances:
          # Road km = great-circle km x this factor (default 1.3); or matrix: FILE (bundel matrix).
          detour_factor: 1.3
        # (required) Emission factors: the built-in set nl-2021, or the path of a set of your own.
        emission_factors: nl-2021
        # Weeks a year for the annual figures (default 52).
        weeks_per_year: 52
        # What the model minimises: cost (default), km or co2e.
        objective: cost
        # Seed of the routing search (default 1): the same input and seed give the same plan.
        seed: 1
        # Seconds for the whole plan (default 60).
        time_limit_seconds: 30
        # Search iterations per day's routing problem (default 2000). Low here so that the example
        # plans in seconds; raise it to 2000 or more for figures you report.
        routing_iterations: 200
        # Rounds of solve, route and re-estimate (default 5).
        consolidation_iterations: 3
        # Network values changed for this scenario alone (default: none), for example:
        # overrides:
        #   hubs.lage-weide.fixed_cost_per_week: 1000
        #   sites.*.service_minutes: 8

        """
}
