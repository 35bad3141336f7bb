#!/usr/bin/env python3
"""Solve VRPLIB benchmark instances with PyVRP, for a comparison with `bundel bench` at equal time.

Reads the same files as `bundel bench` (CVRP sets A, B, E, P and X; Solomon VRPTW as VRPLIB
files in `../shared/benchmarks/vrptw/solomon`), with the same conventions: nint Euclidean
lengths for CVRP, lengths truncated to one decimal for the VRPTW sets (PyVRP's "dimacs"
rounding: ten times the length, truncated, so every cost is divided by 10 again). Each file is
solved single-threaded with one seed for a time limit, either fixed (`--time-limit S`) or per
node (`--time-per-node F`: F times the file's DIMENSION seconds, as `bundel bench`), and
printed as one row of the same table as `bundel bench`: cost, best known (from
`../shared/benchmarks/bks.csv`), gap, routes, seconds, feasibility and PyVRP's iterations. The
summary line gives the mean gap, as `bundel bench` does.

PyVRP is a benchmark tool here, never a dependency of bundel: `pip install pyvrp` (0.14 or
later) in a virtual environment.

Usage:
  benchmarks/pyvrp-vrplib.py FILE_OR_DIR... [--time-limit S | --time-per-node F] [--limit N]
                                            [--seed 1] [--jobs 2] [--bks FILE]
  A directory stands for its *.vrp files in name order, numbers compared as numbers (as
  `bundel bench` orders them); --limit takes the first N of them all.
"""

import argparse
import concurrent.futures
import csv
import glob
import importlib.metadata
import math
import os
import re
import sys

try:
    import pyvrp
    from pyvrp.stop import MaxRuntime
except ImportError:
    sys.exit("needs PyVRP 0.14 or later: pip install pyvrp (in a virtual environment)")


def dimension(path):
    """The DIMENSION field of a VRPLIB file (depot included), as `bundel bench` counts nodes."""
    with open(path) as file:
        for line in file:
            key, _, value = line.partition(":")
            if key.strip() == "DIMENSION":
                return int(value)
    sys.exit(f"{path}: no DIMENSION field")


def is_vrptw(path):
    """Whether the file has time windows (Solomon's sets): those use truncated lengths."""
    with open(path) as file:
        return any(line.startswith("TIME_WINDOW_SECTION") for line in file)


def solve(path, seconds, seed):
    """One instance: (name, nodes, cost, routes, seconds, feasible, iterations)."""
    vrptw = is_vrptw(path)
    data = pyvrp.read(path, round_func="dimacs" if vrptw else "round")
    result = pyvrp.solve(data, stop=MaxRuntime(seconds), seed=seed, display=False)
    scale = 10 if vrptw else 1
    name = os.path.splitext(os.path.basename(path))[0]
    best = result.best
    return (
        name, dimension(path), result.cost() / scale, best.num_routes(), result.runtime,
        best.is_feasible(), result.num_iterations,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    limit = parser.add_mutually_exclusive_group(required=True)
    limit.add_argument("--time-limit", type=float)
    limit.add_argument("--time-per-node", type=float)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--bks", default=os.path.join(here, "..", "..", "shared", "benchmarks", "bks.csv"))
    arguments = parser.parse_args()

    # Numbers in names compare as numbers (X-n101-k25 before X-n1001-k43), as in `bundel bench`.
    def natural(path):
        return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", os.path.basename(path))]

    files = []
    for path in arguments.paths:
        files += sorted(glob.glob(os.path.join(path, "*.vrp")), key=natural) if os.path.isdir(path) else [path]
    if arguments.limit:
        files = files[: arguments.limit]
    with open(arguments.bks) as file:
        bks = {row["instance"]: float(row["bks"]) for row in csv.DictReader(file)}

    def seconds(path):
        return arguments.time_limit or arguments.time_per_node * dimension(path)

    print(f"# PyVRP {importlib.metadata.version('pyvrp')}, seed {arguments.seed}")
    print(f"{'instance':<18}{'nodes':>7}{'cost':>12}{'bks':>12}{'gap %':>9}{'routes':>8}{'time s':>9}"
          f"{'feasible':>10}{'iterations':>12}")
    gaps = []
    with concurrent.futures.ProcessPoolExecutor(max_workers=arguments.jobs) as pool:
        runs = [pool.submit(solve, path, seconds(path), arguments.seed) for path in files]
        for run in runs:
            name, nodes, cost, routes, runtime, feasible, iterations = run.result()
            known = bks.get(name)
            gap = (cost - known) / known * 100 if known and feasible else math.nan
            if not math.isnan(gap):
                gaps.append(gap)
            print(f"{name:<18}{nodes:>7}{cost:>12g}{known or math.nan:>12g}{gap:>9.2f}{routes:>8}"
                  f"{runtime:>9.1f}{'yes' if feasible else 'no':>10}{iterations:>12}", flush=True)
    if gaps:
        print(f"summary: {len(files)} runs, mean gap {sum(gaps) / len(gaps):.2f} %, "
              f"{sum(1 for gap in gaps if gap <= 1e-9)} at or below the best known")


if __name__ == "__main__":
    main()
