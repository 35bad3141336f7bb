#!/bin/sh
# Run the coalition jobs with GNU parallel (Debian package `parallel`), then collect.
#   examples/coalition-jobs/gnu-parallel.sh scenarios/shared/hub-duivendrecht.yaml jobs/
# Over several machines that share DIR at the same path and have bundel on their PATH, add
# --sshloginfile FILE (one host a line, ":" for this one) to the parallel line.
set -eu
scenario=$1
dir=$2
bundel coalition "$scenario" --emit-jobs "$dir"
(cd "$dir" && parallel --will-cite --halt now,fail=1 -a jobs.txt)
bundel coalition --collect "$dir"
