#!/usr/bin/env bash
# Makes (once) a Python 3.12 virtual environment with pyvalhalla, the Valhalla routing engine
# from PyPI (valhalla_build_tiles, valhalla_service), for the Valhalla integration test and for
# running a local Valhalla by hand. Prints the environment's folder on its last line.
#
#   scripts/valhalla-env.sh            # then: VENV/bin/valhalla_service CONFIG.json 1
#
# Where: $BUNDEL_VALHALLA_VENV, default ~/.cache/bundel/valhalla-venv (outside the repository).
# Which Python: $BUNDEL_PYTHON312, else a python3.12 on the PATH that runs, else pyenv's.
# pyvalhalla's wheels need Python 3.12 (abi3 from cp312); its version is pinned so that the
# tiles and answers the test compares stay the same.
set -euo pipefail

venv="${BUNDEL_VALHALLA_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/bundel/valhalla-venv}"
version="${PYVALHALLA_VERSION:-3.9.1}"

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import valhalla" 2>/dev/null \
    && [ -x "$venv/bin/valhalla_service" ]; then
    echo "$venv"
    exit 0
fi

python="${BUNDEL_PYTHON312:-}"
if [ -z "$python" ]; then
    # A pyenv shim answers to the name but fails when 3.12 is not the selected version; only a
    # python3.12 that actually runs counts.
    if python3.12 -c "import sys" >/dev/null 2>&1; then
        python=python3.12
    else
        for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3.12; do
            if [ -x "$candidate" ] && "$candidate" -c "import sys" >/dev/null 2>&1; then python="$candidate"; fi
        done
    fi
fi
if [ -z "$python" ]; then
    echo "python3.12 not found: install Python 3.12 (pyvalhalla needs it) or set BUNDEL_PYTHON312 to its path" >&2
    exit 2
fi
if ! "$python" -c "import sys; assert sys.version_info >= (3, 12)" >/dev/null 2>&1; then
    echo "$python does not run as Python 3.12 or newer (pyvalhalla's wheels need it)" >&2
    exit 2
fi

echo "creating $venv with $python and pyvalhalla==$version" >&2
mkdir -p "$(dirname "$venv")"
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "pyvalhalla==$version" >&2
echo "$venv"
