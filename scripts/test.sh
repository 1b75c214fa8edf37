#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the whole cross-backend test matrix.
# Rows that cannot run here (no GPU, no cupy) are skipped with their reason in the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest -q "$@"
