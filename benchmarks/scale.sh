#!/usr/bin/env bash
# City scale (issue 22): time, peak memory and the time by stage of `bundel plan` on generated
# networks of growing size, with the decision each run took.
#
# Sizes (benchmarks/generate-network.py, seed 7): 1,400 sites / 60 suppliers / 8,000 flows;
# 4,000 / 150 / 24,000; 10,000 / 300 / 60,000. Each network's own scenario (one hub, free
# participation, 3,000 iterations per day problem, a 600 s time limit), planned with
# `--no-bound --json`.
#
# Usage: benchmarks/scale.sh [SITES...]   (default: 1400 4000 10000)
# Environment: BUNDEL (a built binary; default: builds .build/release/bundel), KEEP=DIR (keep
#        the generated networks and JSON summaries there; default a temporary folder).
# Needs python3 and GNU time (/usr/bin/time, Debian package `time`) for the peak memory.
# Takes about 3 + 7 + 25 minutes on the 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BUNDEL:-}" ]; then
    swift build -c release >/dev/null
    BUNDEL=.build/release/bundel
fi
[ -x /usr/bin/time ] || { echo "scale.sh: needs GNU time (/usr/bin/time; apt-get install -y time)" >&2; exit 1; }
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1400 4000 10000)

echo "bundel scale benchmark, $(nproc) cores, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
for sites in "${sizes[@]}"; do
    case $sites in
        1400) suppliers=60; flows=8000 ;;
        4000) suppliers=150; flows=24000 ;;
        10000) suppliers=300; flows=60000 ;;
        *) suppliers=$((sites * 3 / 100)); flows=$((sites * 6)) ;;
    esac
    network="$work/network-$sites"
    [ -f "$network/scenario.yaml" ] || python3 benchmarks/generate-network.py "$network" --sites "$sites" --suppliers "$suppliers" \
        --flows "$flows" --seed 7 >/dev/null
    summary="$work/plan-$sites.json"
    /usr/bin/time -f "%e %M" -o "$work/time-$sites" "$BUNDEL" plan "$network/scenario.yaml" --no-bound --json --quiet \
        >"$summary" 2>"$work/stderr-$sites" || { echo "$sites sites: failed"; cat "$work/stderr-$sites"; exit 1; }
    read -r seconds kb < "$work/time-$sites"
    python3 - "$summary" "$sites" "$suppliers" "$flows" "$seconds" "$kb" <<'EOF'
import json, sys
path, sites, suppliers, flows, seconds, kb = sys.argv[1:]
summary = json.load(open(path))
run = summary["run"]
consolidation = summary["consolidation"]
stages = ", ".join(f"{stage['stage']} {stage['seconds']:.1f} s" for stage in run["stages"] if stage["seconds"] > 0)
limited = ", ".join(run.get("timeLimited", [])) or "nothing"
print(f"{int(sites):,} sites, {int(suppliers)} suppliers, {int(flows):,} flows: {float(seconds):.1f} s, "
      f"peak {int(kb) / 1024:,.0f} MB; {consolidation['flowsViaHub']} of {int(flows):,} flows via hub"
      f"{' (all direct reported: routed cheaper)' if consolidation.get('allDirectReported') else ''}; "
      f"cut by the time limit: {limited}")
print(f"    stages: {stages}")
EOF
done
