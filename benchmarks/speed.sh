#!/usr/bin/env bash
# bundel's end-to-end speed benchmark (issue "three Amsterdam cases": the figures the README
# quotes). Builds the release binary, then measures wall-clock time and peak memory of:
#   - `bundel plan` on each network's default scenario and on the slowest scenario found
#     (cordaan with two candidate hubs), unless BUNDEL_SCENARIOS lists others;
#   - a 10-point `bundel sweep` of the campus detour factor;
#   - `bundel plan` on a generated network 10x the size of the care network (1,400 sites,
#     60 suppliers, 8,000 flows; benchmarks/generate-network.py, seed 7, in a temporary folder).
# Usage: benchmarks/speed.sh [--skip-large]. Needs python3; peak memory needs GNU time
# (/usr/bin/time, Debian package `time`), otherwise only seconds are shown.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
bundel=.build/release/bundel

measure() { # label, command...
    local label=$1; shift
    local log; log=$(mktemp)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%e %M" -o "$log.time" "$@" >/dev/null 2>"$log" || { echo "$label: failed"; cat "$log"; exit 1; }
        read -r seconds kb < "$log.time"
        printf '%-58s %8.1f s %8.0f MB\n' "$label" "$seconds" "$((kb / 1024))"
    else
        local start end; start=$(date +%s.%N)
        "$@" >/dev/null 2>"$log" || { echo "$label: failed"; cat "$log"; exit 1; }
        end=$(date +%s.%N)
        printf '%-58s %8.1f s\n' "$label" "$(echo "$end - $start" | bc)"
    fi
    rm -f "$log" "$log.time"
}

echo "bundel speed benchmark, $(nproc) cores, $(date -u +%Y-%m-%d)"
scenarios=${BUNDEL_SCENARIOS:-scenarios/amsterdam-campuses/hub-duivendrecht.yaml scenarios/cordaan/hub.yaml scenarios/zuidas/hub-westpoort.yaml scenarios/cordaan/two-hubs.yaml}
for scenario in $scenarios; do
    measure "plan $scenario" "$bundel" plan "$scenario" --quiet
done
measure "sweep campus distances.detour_factor, 10 values" "$bundel" sweep scenarios/amsterdam-campuses/hub-duivendrecht.yaml \
    --param distances.detour_factor --values 1.2 1.25 1.3 1.35 1.4 1.45 1.5 1.55 1.6 1.65 --quiet
if [ "${1:-}" != "--skip-large" ]; then
    large=$(mktemp -d)
    python3 benchmarks/generate-network.py "$large" --sites 1400 --suppliers 60 --flows 8000 --seed 7
    measure "plan generated network (1,400 sites, 8,000 flows)" "$bundel" plan "$large/scenario.yaml" --quiet
    rm -rf "$large"
fi
