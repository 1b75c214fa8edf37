#!/usr/bin/env bash
# Create .venv and install pyburn with everything the tests and examples need.
# torch is pinned first: an unpinned torch would pull a multi-GB CUDA build.
# The install runs only when it is out of date: .venv/.pyburn-setup holds a hash of
# pyproject.toml and this script, and a run whose hash matches (and whose venv still imports
# pyburn) installs nothing. FORCE_SETUP=1 reinstalls anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
STAMP=.venv/.pyburn-setup
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
wanted=$(cat pyproject.toml scripts/setup.sh | .venv/bin/python -c \
    "import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())")
if [ "${FORCE_SETUP:-0}" != 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ] \
        && .venv/bin/python -c "import pyburn" 2>/dev/null; then
    exit 0
fi
rm -f "$STAMP"
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "torch==2.13.0"
.venv/bin/python -m pip install -q -e ".[dev]"
# tmux lets the dashboard tests drive a real terminal; without it they skip with that reason.
# Best effort (root on Debian/Ubuntu only): a failed install never fails the setup.
if ! command -v tmux >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq tmux) >/dev/null 2>&1 \
        || echo "setup: could not install tmux; the terminal dashboard tests will skip"
fi
echo "$wanted" > "$STAMP"
