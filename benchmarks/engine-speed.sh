#!/usr/bin/env bash
# Routing-engine speed, side by side (issue 15): iterations per second of `bundel solve` built
# from BASE_REV and from the current tree (uncommitted changes included), on fixed instances
# with seed 1, the two binaries alternating (base first in odd rounds, current first in even
# ones) so that load from other work on the machine falls on both. Prints every run, then per
# instance the median rate of each binary, its range and the ratio current / base, both by the
# solve's wall clock (iter/s) and by the process's CPU time (iter/cpu-s, less disturbed when
# other builds share the cores).
#
# Usage: benchmarks/engine-speed.sh [BASE_REV]   (default 8708a78, the engine before the rewrite
#        of issue 15; any commit, branch or tag, e.g. HEAD~1 or main)
# Environment: ROUNDS (default 5); INSTANCES (default "X-n261-k13 R101 C201": files NAME.vrp in
#        SHARED/benchmarks/cvrp/X or SHARED/benchmarks/vrptw/solomon); SHARED (default ../shared;
#        without it the script says so and exits 0); MODE=iterations|time (default iterations
#        when both binaries have `solve --iterations`, else time); ITERATIONS (iterations mode,
#        default 20000); TIME_LIMIT (time mode, seconds per run, default 2); SCRATCH (the current
#        tree's scratch path, default .build).
#
# Iterations mode: `solve FILE --seed 1 --iterations N --no-set-partitioning --json`: both
#   binaries do the same search; iter/s is N / the solve's statistics.seconds (construction,
#   N iterations and the final route evaluation; not reading the file).
# Time mode, when a binary lacks --iterations (8708a78 does): `solve FILE --seed 1 --time-limit T
#   --json`; iter/s is the iterations reported / statistics.seconds, which also holds the final
#   set-partitioning step (GLPK, at most 10 % of T; 3 % since 2026-12-05): each figure is a
#   little below the search's own rate, the same way for both binaries.
#
# The base binary is built in a temporary git worktree (.build-base/src) with its own scratch
# path (.build-base/scratch) and kept in .build-base/bin/KEY/, KEY naming the commit's Sources
# and Package.swift: a second run does not rebuild it (the first takes 3-8 min on 2 cores). The
# current tree builds into SCRATCH; when BASE_REV has the current tree's sources, that one build
# runs on both sides (an A/A run, whose spread is the machine's noise). Measuring takes
# ROUNDS x 2 x instances runs of about 2 s of the base engine each: about a minute by default.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

base_rev=${1:-8708a78}
rounds=${ROUNDS:-5}
instances=${INSTANCES:-"X-n261-k13 R101 C201"}
shared=${SHARED:-../shared}
time_limit=${TIME_LIMIT:-2}
scratch=${SCRATCH:-.build}
# Iterations per run in iterations mode: about 2 s of the 8708a78 engine on each default instance.
iteration_count=${ITERATIONS:-20000}

if [ ! -d "$shared/benchmarks" ]; then
    echo "engine-speed: skipped: $shared/benchmarks not found (the shared benchmark instances; set SHARED=...)"
    exit 0
fi
files=()
for name in $instances; do
    file=""
    for dir in "$shared/benchmarks/cvrp/X" "$shared/benchmarks/vrptw/solomon"; do
        [ -f "$dir/$name.vrp" ] && file="$dir/$name.vrp"
    done
    [ -n "$file" ] || { echo "engine-speed: no $name.vrp in $shared/benchmarks/cvrp/X or vrptw/solomon" >&2; exit 1; }
    files+=("$file")
done

# --- the current tree -----------------------------------------------------------------------
mkdir -p .build-base
echo "building bundel (release) from the current tree into $scratch..."
if ! swift build -c release --product bundel --scratch-path "$scratch" >.build-base/current-build.log 2>&1; then
    tail -30 .build-base/current-build.log; echo "engine-speed: the build of the current tree failed (.build-base/current-build.log)" >&2; exit 1
fi
current_bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/bundel
changed=$( { git diff --name-only HEAD -- Sources Package.swift; git ls-files --others --exclude-standard -- Sources; } | wc -l)
current_desc="$(git rev-parse --short HEAD)$( [ "$changed" -eq 0 ] || echo ' + uncommitted changes')"

# --- the base binary: built once per source tree ----------------------------------------------
base_commit=$(git rev-parse --verify "$base_rev^{commit}")
base_short=$(git rev-parse --short "$base_commit")
if [ -z "$(git diff --name-only "$base_commit" -- Sources Package.swift)" ] \
        && [ -z "$(git ls-files --others --exclude-standard -- Sources)" ]; then
    # Same sources as the current tree: one build serves both, and the run is an A/A test
    # whose spread shows the noise of the machine.
    echo "base $base_short has the current tree's Sources and Package.swift: the same binary runs on both sides"
    base_bin=$current_bin
else
    # Commits that differ only outside Sources and Package.swift share one build.
    key=$(git rev-parse "$base_commit:Sources" "$base_commit:Package.swift" | sha1sum | cut -c1-16)
    base_dir=.build-base/bin/$key
    if [ ! -x "$base_dir/bundel" ]; then
        echo "building bundel (release) at $base_short in .build-base/src (3-8 min on 2 cores)..."
        git worktree remove --force .build-base/src 2>/dev/null || true
        rm -rf .build-base/src
        git worktree prune
        git worktree add --detach --quiet .build-base/src "$base_commit"
        trap 'git -C "$root" worktree remove --force .build-base/src 2>/dev/null || true' EXIT
        if ! swift build -c release --product bundel --package-path .build-base/src \
                --scratch-path .build-base/scratch >.build-base/build.log 2>&1; then
            tail -30 .build-base/build.log; echo "engine-speed: the build at $base_short failed (.build-base/build.log)" >&2; exit 1
        fi
        mkdir -p "$base_dir"
        cp .build-base/scratch/release/bundel "$base_dir/"
        # Resource bundles (the planner's factor sets), so that the copy is a whole bundel.
        for bundle in .build-base/scratch/release/*.resources; do [ -e "$bundle" ] && cp -R "$bundle" "$base_dir/"; done
        echo "$base_commit" >"$base_dir/commit"
        git worktree remove --force .build-base/src
        trap - EXIT
    fi
    base_bin=$root/$base_dir/bundel
fi

has_iterations() { "$1" solve --help 2>/dev/null | grep -q -- '--iterations'; }
if [ -z "${MODE:-}" ]; then
    if has_iterations "$base_bin" && has_iterations "$current_bin"; then mode=iterations; else mode=time; fi
else
    mode=$MODE
fi
if [ "$mode" = iterations ] && ! { has_iterations "$base_bin" && has_iterations "$current_bin"; }; then
    echo "engine-speed: MODE=iterations needs 'solve --iterations' in both binaries" >&2; exit 1
fi

# One run: prints "iterations solve-seconds cpu-seconds cost"; the CPU time (user + system) of
# the whole process comes from wait4, so that a run slowed by other work on the machine still
# counts only its own time.
run_once() { # binary file name
    local args
    if [ "$mode" = iterations ]; then
        args=(--iterations "$iteration_count" --no-set-partitioning --time-limit 600)
    else
        args=(--time-limit "$time_limit")
    fi
    python3 -c '
import json, os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
output = child.stdout.read()
_, status, usage = os.wait4(child.pid, 0)
if status != 0:
    sys.exit(f"engine-speed: {sys.argv[1]} {sys.argv[2]} {sys.argv[3]} failed (wait status {status})")
solution = json.loads(output)
statistics = solution["statistics"]
print(statistics["iterations"], statistics["seconds"], usage.ru_utime + usage.ru_stime, round(solution["cost"], 1))
' "$1" solve "$2" --seed 1 --json "${args[@]}"
}

echo
echo "engine-speed: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "base:    $base_short ($base_bin)"
echo "current: $current_desc ($current_bin)"
if [ "$mode" = iterations ]; then
    echo "mode: fixed iterations (--iterations N --no-set-partitioning), seed 1, $rounds rounds"
else
    echo "mode: time limit $time_limit s per run (a binary lacks --iterations), seed 1, $rounds rounds;"
    echo "      iterations/s = reported iterations / solve seconds (search, then set partitioning)"
fi
echo
results=$(mktemp)
trap 'rm -f "$results"' EXIT
printf '%-12s %-7s %5s %10s %8s %9s %10s %10s %10s\n' instance binary round iterations seconds "cpu s" "iter/s" "iter/cpu-s" cost
for round in $(seq 1 "$rounds"); do
    for index in "${!files[@]}"; do
        name=$(basename "${files[$index]}" .vrp)
        if [ $((round % 2)) -eq 1 ]; then order="base current"; else order="current base"; fi
        for side in $order; do
            if [ "$side" = base ]; then bin=$base_bin; else bin=$current_bin; fi
            line=$(run_once "$bin" "${files[$index]}" "$name")
            read -r ran seconds cpu cost <<<"$line"
            if [ "$mode" = iterations ] && [ "$ran" != "$iteration_count" ]; then
                echo "engine-speed: $side ran $ran iterations on $name, not $iteration_count" >&2; exit 1
            fi
            read -r rate cpu_rate < <(python3 -c "print(round($ran / $seconds), round($ran / $cpu))")
            printf '%-12s %-7s %5s %10s %8.2f %9.2f %10s %10s %10s\n' "$name" "$side" "$round" "$ran" "$seconds" "$cpu" "$rate" "$cpu_rate" "$cost"
            echo "$name $side $rate $cpu_rate" >>"$results"
        done
    done
done

echo
echo "medians over $rounds rounds (min-max); iter/s by the solve's wall clock, iter/cpu-s by its process's CPU time:"
python3 - "$results" $instances <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for column, label in ((2, "iter/s    "), (3, "iter/cpu-s")):
    for name in sys.argv[2:]:
        rates = {side: [float(row[column]) for row in rows if row[0] == name and row[1] == side] for side in ("base", "current")}
        base, current = statistics.median(rates["base"]), statistics.median(rates["current"])
        span = {side: f"({min(values):,.0f}-{max(values):,.0f})" for side, values in rates.items()}
        print(f"  {label} {name:<12} base {base:>8,.0f} {span['base']:<17} current {current:>8,.0f} {span['current']:<17}"
              f" current/base {current / base:.2f}x")
EOF
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
