#!/usr/bin/env bash
# Allocations and time per ruin-and-recreate iteration of the routing engine, from the
# ordo-one/benchmark suite in this folder (EngineBenchmarks): for each instance,
# (search - construction) / 1,000 of the median (p50) malloc count and wall clock, where
# "search" is a solve with 1,000 iterations and "construction" the same solve with none; so the
# figures are the search loop's alone, without the first solution's one-off cost.
#
# Usage: benchmarks/engine/per-iteration.sh [BASELINE]
#   with BASELINE (e.g. 8708a78): read that stored baseline (.benchmarkBaselines/), no run;
#   without: build and run the suite now (release build; about 20 s of measuring).
# The malloc counts are exact and repeatable (fixed seed and iteration count); wall clock is
# as noisy as the machine: compare speed side by side with benchmarks/engine-speed.sh.
set -euo pipefail
cd "$(dirname "$0")"

table=$(mktemp)
trap 'rm -f "$table"' EXIT
if [ $# -ge 1 ]; then
    swift package benchmark baseline read "$1" --format markdown --scale --no-progress >"$table" 2>/dev/null
    source="baseline '$1'"
else
    swift package benchmark run --format markdown --scale --no-progress >"$table" 2>/dev/null
    source="a run now"
fi

python3 - "$source" "$table" <<'EOF'
import re, sys
table = open(sys.argv[2], encoding="utf-8").read()
p50 = {}   # (benchmark, metric) -> median over the samples
benchmark = None
for line in table.splitlines():
    heading = re.match(r"^### (.+)$", line)
    if heading:
        benchmark = heading.group(1).strip()
        continue
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if benchmark and len(cells) >= 4 and (cells[0].startswith("Malloc (total)") or cells[0].startswith("Time (wall clock)")):
        metric = "mallocs" if cells[0].startswith("Malloc") else "wall"
        # Columns: metric, p0, p25, p50, ...; time is in microseconds (EngineBenchmarks fixes the unit).
        if metric == "wall" and "(μs)" not in cells[0] and "(us)" not in cells[0]:
            sys.exit(f"per-iteration: unexpected time unit in '{cells[0]}'")
        p50[(benchmark, metric)] = float(cells[3].replace(",", ""))
instances = sorted({name[: -len(" search")] for name, _ in p50 if name.endswith(" search")})
if not instances:
    sys.exit("per-iteration: no 'INSTANCE search' benchmarks in the output (are ../shared's instances there?)")
print(f"routing engine per ruin-and-recreate iteration (p50 of {sys.argv[1]}; construction subtracted):")
print(f"  {'instance':<12} {'allocations/iteration':>22} {'µs/iteration':>13} {'iterations/s':>13} {'construction: allocations, ms':>31}")
for name in instances:
    search_mallocs, base_mallocs = p50[(name + " search", "mallocs")], p50[(name + " construction", "mallocs")]
    search_wall, base_wall = p50[(name + " search", "wall")], p50[(name + " construction", "wall")]
    per_iteration = (search_wall - base_wall) / 1000
    print(f"  {name:<12} {(search_mallocs - base_mallocs) / 1000:>22.2f} {per_iteration:>13.1f} {1e6 / per_iteration:>13,.0f}"
          f" {base_mallocs:>22,.0f}, {base_wall / 1000:>6.1f}")
EOF
