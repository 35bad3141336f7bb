#!/bin/bash
# A Slurm job array: task i runs line i of jobs.txt from the jobs' folder. Submit with as many
# tasks as jobs.txt has lines, on a folder the compute nodes share, e.g.
#   bundel coalition scenarios/shared/hub-duivendrecht.yaml --emit-jobs /shared/jobs
#   sbatch --array=1-$(wc -l < /shared/jobs/jobs.txt) --export=JOBS=/shared/jobs examples/coalition-jobs/slurm-array.sh
# and when every task ended: bundel coalition --collect /shared/jobs
#SBATCH --job-name=bundel-coalition
#SBATCH --cpus-per-task=2
#SBATCH --time=01:00:00
set -euo pipefail
cd "$JOBS"
line=$(sed -n "${SLURM_ARRAY_TASK_ID}p" jobs.txt)
bash -c "$line"
