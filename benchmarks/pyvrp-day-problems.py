#!/usr/bin/env python3
"""Solve the day problems of a plan with PyVRP and compare with bundel's solutions.

Reads a folder written by `bundel plan SCENARIO --export-problems DIR` (VROOM JSON with
bundel's extension fields, each problem beside its NAME.solution.json), solves every problem
with PyVRP for a fixed time, and writes one CSV row per problem: bundel's cost (the plan's
solution), PyVRP's cost, whether each is feasible, and the gap. Prints a summary.

Both solutions are priced by bundel's rules, re-implemented below from its route segments
(RouteSegment, SearchData.cost): a route costs fixed + per_km * km + per_hour * hours from
departure to return, and leaves when that makes it shortest (waiting at the depot is free,
waiting at a door is paid). The re-implementation must give bundel's own cost of its solution
to the last bit, else the script says so. PyVRP optimises the same objective in whole units of
1e-8 EUR (it wants integers); the CSV also gives PyVRP's own cost of bundel's routes, which
shows that both compute a route's cost the same way.

The problem maps to PyVRP 0.14 as follows: every job a client with its own location (so
that access rules can differ per job), demands and capacities scaled by 1e6 and rounded
(PyVRP wants integer loads); vehicle types with their count (one per job when unlimited),
shift as tw_early/tw_late, max_duration as shift_duration, max_distance; several trips through
a reload depot at the start depot whose service time is the reload time, with max_reloads =
max_trips - 1; zone access (job skills) as a profile per vehicle type whose distances to and
from the jobs it may not serve are pyvrp.constants.MAX_VALUE (as PyVRP's own VRPLIB reader
does for allowed clients). Jobs the plan's solution left out (no vehicle can serve them) are
left out of the PyVRP problem too.

PyVRP is a benchmark tool here, never a dependency of bundel: `pip install pyvrp` (0.14 or
later) in a virtual environment.

Usage:
  benchmarks/pyvrp-day-problems.py DIR [--seconds 1] [--seed 1] [--csv OUT.csv]
                                       [--bench-csv FILE] [--limit N]
  --bench-csv: `bundel bench DIR --csv` output; adds bundel's cost at the bench's time limit
  (equal time with PyVRP when the limits match) beside the plan's.
"""

import argparse
import csv
import glob
import importlib.metadata
import json
import math
import os
import sys
import time

try:
    import numpy as np
    import pyvrp
    from pyvrp import Activity, Client, CostEvaluator, Depot, Location, ProblemData, Route, Solution, VehicleType
    from pyvrp.constants import MAX_VALUE
    from pyvrp.stop import MaxRuntime
except ImportError:
    sys.exit("needs PyVRP 0.14 or later: pip install pyvrp (in a virtual environment)")

COST_SCALE = 1e8  # PyVRP cost units per euro
LOAD_SCALE = 1e6  # PyVRP load units per unit of a dimension
ALWAYS = (2**63 - 1) // 4  # bundel's TimeWindow.always latest (Int.max / 4)
TIE_EUR = 0.005  # costs within half a cent are the same solution


class Segment:
    """bundel's RouteSegment: consecutive visits summarised so that two join in O(1) (Vidal et al.
    2014): distance, driving time, shortest duration, time warp, and the window of start times
    of the first visit that achieve them."""

    def __init__(self, location, service, earliest, latest):
        self.first = self.last = location
        self.distance = self.travel = self.warp = 0
        self.duration = service
        self.earliest, self.latest = earliest, latest

    def followed_by(self, next, leg_distance, leg_duration):
        offset = self.duration - self.warp + leg_duration
        wait = max(next.earliest - offset - self.latest, 0)
        warp = max(self.earliest + offset - next.latest, 0)
        joined = Segment(self.first, 0, 0, 0)
        joined.last = next.last
        joined.distance = self.distance + leg_distance + next.distance
        joined.travel = self.travel + leg_duration + next.travel
        joined.duration = self.duration + leg_duration + wait + next.duration
        joined.warp = self.warp + warp + next.warp
        joined.earliest = max(next.earliest - offset, self.earliest) - wait
        joined.latest = min(next.latest - offset, self.latest) + warp
        return joined


class Problem:
    """An exported problem as bundel reads it (VROOMProblem.build): types by type_index."""

    def __init__(self, path):
        with open(path) as file:
            data = json.load(file)
        self.name = os.path.basename(path)[: -len(".json")]
        names = sorted(data["matrices"])
        self.profile_index = {name: index for index, name in enumerate(names)}
        self.durations = [np.array(data["matrices"][n]["durations"], dtype=np.int64) for n in names]
        self.distances = [np.array(data["matrices"][n].get("distances", data["matrices"][n]["durations"]), dtype=np.int64) for n in names]
        self.types = []  # dicts, in order of first appearance
        self.vehicle_type = {}  # VROOM vehicle id -> type index
        by_index = {}
        for vehicle in data["vehicles"]:
            key = vehicle.get("type_index")
            if key is not None and key in by_index:
                t = by_index[key]
                if self.types[t]["count"] is not None:
                    self.types[t]["count"] += 1
                self.vehicle_type[vehicle["id"]] = t
                continue
            costs = vehicle.get("costs", {})
            window = vehicle.get("time_window")
            start = vehicle.get("start_index", vehicle.get("end_index"))
            self.types.append({
                "name": vehicle.get("description", f"vehicle {vehicle['id']}"),
                "capacity": [float(x) for x in vehicle.get("capacity", [])],
                "fixed": float(costs.get("fixed", 0)),
                "per_km": float(costs.get("per_km", 0)),
                "per_hour": float(costs.get("per_hour", 3600)),
                "profile": self.profile_index.get(vehicle.get("profile", "car"), 0),
                "start": start,
                "end": vehicle.get("end_index", start),
                "earliest": window[0] if window else 0,
                "latest": window[-1] if window else ALWAYS,
                "max_duration": vehicle.get("max_duration"),
                "max_travel": vehicle.get("max_travel_time"),
                "max_distance": vehicle.get("max_distance"),
                "count": None if vehicle.get("unlimited") else 1,
                "max_trips": vehicle.get("max_trips", 1),
                "reload": vehicle.get("reload_time", 0),
                "skills": set(vehicle.get("skills", [])),
            })
            if key is not None:
                by_index[key] = len(self.types) - 1
            self.vehicle_type[vehicle["id"]] = len(self.types) - 1
        dimensions = max(len(t["capacity"]) for t in self.types)
        for t in self.types:
            t["capacity"] += [0.0] * (dimensions - len(t["capacity"]))
        self.jobs = []
        for job in data.get("jobs", []):
            window = (job.get("time_windows") or [[0, ALWAYS]])[0]
            skills = set(job.get("skills", []))
            allowed = None if not skills else {i for i, t in enumerate(self.types) if skills <= t["skills"]}
            demand = [float(x) for x in job.get("delivery", job.get("amount", []))]
            self.jobs.append({
                "id": job["id"], "location": job["location_index"], "demand": demand + [0.0] * (dimensions - len(demand)),
                "service": job.get("service", 0), "earliest": window[0], "latest": window[-1], "allowed": allowed,
            })
        self.job_index = {job["id"]: index for index, job in enumerate(self.jobs)}
        self.dimensions = dimensions

    def evaluate(self, entries, t):
        """bundel's evaluation of a route (RouteEvaluator, WorkingRoute.refresh, SearchData.cost):
        (distance, duration, cost) or None when infeasible. `entries` are job indices with -1 for
        a reload between trips."""
        vt = self.types[t]
        dist, dur = self.distances[vt["profile"]], self.durations[vt["profile"]]
        trip_load = [0.0] * self.dimensions
        trips = 1
        for position, entry in enumerate(entries):
            if entry == -1:
                if position == 0 or position == len(entries) - 1 or entries[position - 1] == -1:
                    return None
                trips += 1
                trip_load = [0.0] * self.dimensions
                continue
            job = self.jobs[entry]
            if job["allowed"] is not None and t not in job["allowed"]:
                return None
            for d in range(self.dimensions):
                trip_load[d] += job["demand"][d]
                if trip_load[d] > vt["capacity"][d] + 1e-9:
                    return None
        shift = (vt["earliest"], vt["latest"])
        route = Segment(vt["start"], 0, *shift)
        for entry in entries:
            if entry == -1:
                visit = Segment(vt["start"], vt["reload"], *shift)
            else:
                job = self.jobs[entry]
                visit = Segment(job["location"], job["service"], job["earliest"], job["latest"])
            route = route.followed_by(visit, int(dist[route.last, visit.first]), int(dur[route.last, visit.first]))
        end = Segment(vt["end"], 0, *shift)
        route = route.followed_by(end, int(dist[route.last, end.first]), int(dur[route.last, end.first]))
        if route.warp > 0 or trips > vt["max_trips"]:
            return None
        for limit, value in ((vt["max_duration"], route.duration), (vt["max_distance"], route.distance), (vt["max_travel"], route.travel)):
            if limit is not None and value > limit:
                return None
        # The same operations in the same order as SearchData.cost, so the doubles agree.
        cost = vt["fixed"] + vt["per_km"] * float(route.distance) / 1000 + vt["per_hour"] * float(route.duration) / 3600
        return route.distance, route.duration, cost

    def price(self, routes):
        """Total cost of routes [(type, entries)] by bundel's rules, in route order as
        RoutingSolution.cost sums it; None when a route is infeasible or a job repeats."""
        served = [e for _, entries in routes for e in entries if e != -1]
        if len(served) != len(set(served)):
            return None
        total = 0.0
        used = {}
        for t, entries in routes:
            priced = self.evaluate(entries, t)
            if priced is None:
                return None
            used[t] = used.get(t, 0) + 1
            if self.types[t]["count"] is not None and used[t] > self.types[t]["count"]:
                return None
            total = total + priced[2]
        return total


class PyVRPModel:
    """The problem as PyVRP ProblemData, serving the jobs in `served` (indices)."""

    def __init__(self, problem, served):
        self.problem = problem
        self.served = served  # client index -> job index
        depot_locations = []
        self.depot_of = {}
        for t in problem.types:
            for location in (t["start"], t["end"]):
                if ("depot", location) not in self.depot_of:
                    self.depot_of[("depot", location)] = len(depot_locations)
                    depot_locations.append((location, 0))
        for t in problem.types:
            if t["max_trips"] > 1 and ("reload", t["start"], t["reload"]) not in self.depot_of:
                self.depot_of[("reload", t["start"], t["reload"])] = len(depot_locations)
                depot_locations.append((t["start"], t["reload"]))
        self.depot_count = len(depot_locations)
        bundel_location = [loc for loc, _ in depot_locations] + [problem.jobs[j]["location"] for j in served]
        index = np.array(bundel_location)
        locations = [Location(0, 0) for _ in bundel_location]
        depots = [Depot(i, service_duration=service) for i, (_, service) in enumerate(depot_locations)]
        clients = []
        for client, j in enumerate(served):
            job = problem.jobs[j]
            clients.append(Client(self.depot_count + client,
                                  delivery=[round(x * LOAD_SCALE) for x in job["demand"]],
                                  service_duration=job["service"], tw_early=job["earliest"],
                                  tw_late=min(job["latest"], ALWAYS), name=str(job["id"])))
        # A profile per (matrix, jobs the type may not serve).
        profiles = {}
        distance_matrices, duration_matrices = [], []
        vehicle_types = []
        for t, vt in enumerate(problem.types):
            forbidden = tuple(c for c, j in enumerate(served)
                              if problem.jobs[j]["allowed"] is not None and t not in problem.jobs[j]["allowed"])
            key = (vt["profile"], forbidden)
            if key not in profiles:
                profiles[key] = len(distance_matrices)
                dist = problem.distances[vt["profile"]][np.ix_(index, index)].copy()
                for c in forbidden:
                    dist[self.depot_count + c, :] = MAX_VALUE
                    dist[:, self.depot_count + c] = MAX_VALUE
                    dist[self.depot_count + c, self.depot_count + c] = 0
                distance_matrices.append(dist)
                duration_matrices.append(problem.durations[vt["profile"]][np.ix_(index, index)].copy())
            reloads = [self.depot_of[("reload", vt["start"], vt["reload"])]] if vt["max_trips"] > 1 else []
            optional = {}
            if vt["max_duration"] is not None:
                optional["shift_duration"] = vt["max_duration"]
            if vt["max_distance"] is not None:
                optional["max_distance"] = vt["max_distance"]
            vehicle_types.append(VehicleType(
                num_available=vt["count"] if vt["count"] is not None else max(1, len(served)),
                capacity=[math.floor(x * LOAD_SCALE + 1e-6) for x in vt["capacity"]],
                start_depot=self.depot_of[("depot", vt["start"])], end_depot=self.depot_of[("depot", vt["end"])],
                fixed_cost=round(vt["fixed"] * COST_SCALE),
                tw_early=vt["earliest"], tw_late=min(vt["latest"], ALWAYS),
                unit_distance_cost=round(vt["per_km"] / 1000 * COST_SCALE),
                unit_duration_cost=round(vt["per_hour"] / 3600 * COST_SCALE),
                profile=profiles[key], reload_depots=reloads, max_reloads=max(0, vt["max_trips"] - 1),
                name=vt["name"], **optional))
        self.data = ProblemData(locations, clients, depots, vehicle_types, distance_matrices, duration_matrices)
        self.client_of = {j: c for c, j in enumerate(served)}

    def route(self, t, entries):
        """A PyVRP route driving bundel's entries (job indices, -1 = reload)."""
        reload = self.depot_of.get(("reload", self.problem.types[t]["start"], self.problem.types[t]["reload"]))
        activities = [Activity(f"D{reload}") if e == -1 else Activity(f"C{self.client_of[e]}") for e in entries]
        return Route(self.data, activities, t)

    def entries(self, route):
        """bundel's entries of a PyVRP route: clients by trip, -1 between trips."""
        trips = {}
        for activity in route.schedule():
            if activity.type == pyvrp.ActivityType.CLIENT:
                trips.setdefault(activity.trip, []).append(self.served[activity.idx])
        entries = []
        for trip in sorted(trips):
            if entries:
                entries.append(-1)
            entries += trips[trip]
        return entries

    def own_cost(self, solution):
        """PyVRP's cost of a solution, in euros (inf when PyVRP finds it infeasible)."""
        if not solution.is_feasible():
            return math.inf
        return CostEvaluator([0] * self.problem.dimensions, 0, 0).cost(solution) / COST_SCALE


def reference_routes(problem, reference):
    routes = []
    for route in reference["routes"]:
        entries = []
        for trip in route["trips"]:
            if entries:
                entries.append(-1)
            entries += [problem.job_index[i] for i in trip]
        routes.append((route["type_index"], entries))
    return routes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--seconds", type=float, default=1.0, help="PyVRP time per problem (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--csv", default=None, help="CSV file to write (default: standard output)")
    parser.add_argument("--bench-csv", default=None, help="`bundel bench FOLDER --csv` output to add as a column")
    parser.add_argument("--limit", type=int, default=None, help="only the first N problems by name")
    args = parser.parse_args()

    files = sorted(f for f in glob.glob(os.path.join(args.folder, "*.json")) if not f.endswith(".solution.json"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        sys.exit(f"no exported problems in {args.folder}")
    bench = {}
    if args.bench_csv:
        with open(args.bench_csv) as file:
            for row in csv.DictReader(line for line in file if not line.startswith("#")):
                if row["feasible"] == "yes":
                    bench[row["problem"]] = min(float(row["cost"]), bench.get(row["problem"], math.inf))

    columns = ["problem", "jobs", "vehicle_types", "bundel_cost", "bundel_feasible", "pyvrp_cost", "pyvrp_feasible", "gap_pct",
               "pyvrp_objective", "pyvrp_cost_of_bundel_routes", "pyvrp_iterations", "pyvrp_seconds"]
    if bench:
        columns += ["bundel_bench_cost", "bench_gap_pct"]
    output = open(args.csv, "w", newline="") if args.csv else sys.stdout
    writer = csv.DictWriter(output, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    rows = []
    for path in files:
        problem = Problem(path)
        with open(path[: -len(".json")] + ".solution.json") as file:
            reference = json.load(file)
        routes = reference_routes(problem, reference)
        bundel_cost = problem.price(routes)
        # The re-implemented rules must price bundel's own solution to the same double.
        if bundel_cost is None or bundel_cost != reference["cost"]:
            print(f"{problem.name}: bundel's rules re-implemented give {bundel_cost}, the file {reference['cost']}", file=sys.stderr)
        left_out = {problem.job_index[u["id"]] for u in reference["unassigned"]}
        model = PyVRPModel(problem, [j for j in range(len(problem.jobs)) if j not in left_out])
        own_of_bundel = model.own_cost(Solution(model.data, [model.route(t, e) for t, e in routes])) if routes else 0.0

        started = time.perf_counter()
        result = pyvrp.solve(model.data, stop=MaxRuntime(args.seconds), seed=args.seed, collect_stats=False)
        seconds = time.perf_counter() - started
        pyvrp_routes = [(route.vehicle_type(), model.entries(route)) for route in result.best.routes()]
        served_all = result.best.is_complete() and result.best.num_missing_clients() == 0
        pyvrp_cost = problem.price(pyvrp_routes) if result.is_feasible() and served_all else None
        own_cost = model.own_cost(result.best)
        row = {
            "problem": problem.name, "jobs": len(problem.jobs), "vehicle_types": len(problem.types),
            "bundel_cost": f"{reference['cost']:.6f}", "bundel_feasible": "yes" if bundel_cost is not None else "no",
            "pyvrp_cost": f"{pyvrp_cost:.6f}" if pyvrp_cost is not None else "",
            "pyvrp_feasible": "yes" if pyvrp_cost is not None else "no",
            "gap_pct": f"{(pyvrp_cost - reference['cost']) / reference['cost'] * 100:.4f}" if pyvrp_cost is not None and reference["cost"] > 0 else "",
            "pyvrp_objective": f"{own_cost:.6f}",
            "pyvrp_cost_of_bundel_routes": f"{own_of_bundel:.6f}",
            "pyvrp_iterations": result.num_iterations, "pyvrp_seconds": f"{seconds:.2f}",
        }
        if bench:
            cost = bench.get(problem.name)
            row["bundel_bench_cost"] = f"{cost:.6f}" if cost is not None else ""
            row["bench_gap_pct"] = f"{(pyvrp_cost - cost) / cost * 100:.4f}" if cost and pyvrp_cost is not None else ""
        writer.writerow(row)
        output.flush()
        rows.append((problem, reference, bundel_cost, pyvrp_cost, own_of_bundel, own_cost, bench.get(problem.name)))

    summarise(rows, args)


def compare(label, pairs):
    """A summary line for (bundel, pyvrp) cost pairs."""
    gaps = [(p - b) / b * 100 for b, p in pairs if b > 0]
    bundel_wins = sum(1 for b, p in pairs if b < p - TIE_EUR)
    pyvrp_wins = sum(1 for b, p in pairs if p < b - TIE_EUR)
    return (f"{label}: bundel {sum(b for b, _ in pairs):.2f}, PyVRP {sum(p for _, p in pairs):.2f} EUR; gap PyVRP - bundel "
            f"mean {sum(gaps) / max(1, len(gaps)):.3f} % (positive: bundel cheaper); bundel cheaper in {bundel_wins}, "
            f"PyVRP cheaper in {pyvrp_wins}, equal (within {TIE_EUR} EUR) in {len(pairs) - bundel_wins - pyvrp_wins}")


def summarise(rows, args):
    solved = [row for row in rows if row[3] is not None]
    lines = [
        f"{len(rows)} problems, PyVRP {importlib.metadata.version('pyvrp')} at {args.seconds:g} s each (seed {args.seed}); "
        f"PyVRP feasible in {len(solved)}, bundel's plan in {sum(1 for row in rows if row[2] is not None)}",
        compare("bundel's plan against PyVRP", [(r["cost"], p) for _, r, _, p, _, _, _ in solved]),
    ]
    differ = [(r["cost"], o) for _, r, b, _, o, _, _ in rows if b is not None and abs(o - r["cost"]) > TIE_EUR]
    lines.append(f"PyVRP's own cost of bundel's routes equals bundel's within {TIE_EUR} EUR in {len(rows) - len(differ)} of {len(rows)} problems"
                 + (f" (elsewhere PyVRP {sum(o for _, o in differ):.2f} against bundel {sum(c for c, _ in differ):.2f} EUR)" if differ else ""))
    benched = [(b, p) for _, _, _, p, _, _, b in solved if b is not None]
    if benched:
        lines.append(compare(f"bundel bench ({os.path.basename(args.bench_csv)}) against PyVRP", benched))
    for line in lines:
        print("# " + line, file=sys.stderr)


if __name__ == "__main__":
    main()
