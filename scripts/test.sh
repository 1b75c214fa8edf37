#!/usr/bin/env bash
# Set up (scripts/setup.sh; it installs only when out of date) and run the whole cross-backend
# test matrix. Only the backend rows that can run here are created; the first line of the run
# names the others and why they cannot run (--backend=ID forces a row).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -q "$@"
