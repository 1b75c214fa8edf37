#!/usr/bin/env bash
# Set up (scripts/setup.sh; it installs only when out of date) and run the main job: the
# modern-lstm example on the NumPy backend.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
MPLBACKEND=Agg .venv/bin/python -m examples.modern_lstm "$@"
