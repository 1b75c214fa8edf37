#!/usr/bin/env bash
# One-shot GPU check (under 8 minutes): the torch-cuda and CuPy rows of the test matrix on a
# fast selection of test files, then the `--device cuda` benchmarks; everything goes to one
# report file. Without a GPU (or without a CUDA build of torch / without cupy) it says so in the
# report and exits 0 within seconds: it never fails a machine for lacking a GPU.
#
#   bash scripts/gpu-check.sh                     # report in artifacts/gpu-check.txt
#   REPORT=/tmp/gpu.txt bash scripts/gpu-check.sh
#
# It uses .venv (scripts/setup.sh makes it) or $PYTHON. A CUDA machine needs a CUDA build of
# torch (pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cu128) and/or
# cupy (pip install 'pyburn[cupy]') in that environment; the report names what is missing.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
REPORT=${REPORT:-artifacts/gpu-check.txt}
mkdir -p "$(dirname "$REPORT")"
BUDGET=${BUDGET:-460}            # seconds for the whole check (under 8 minutes)
START=$(date +%s)
FAILED=0

log() { echo "$@" | tee -a "$REPORT"; }
left() { echo $(( BUDGET - ($(date +%s) - START) )); }

: > "$REPORT"
log "# pyburn GPU check, $(date -u '+%Y-%m-%d %H:%M UTC'), $(hostname)"
log "python: $("$PY" -c 'import sys; print(sys.version.split()[0])' 2>&1)"
if command -v nvidia-smi >/dev/null 2>&1; then
    log "nvidia-smi: $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1 | head -4 | tr '\n' ';')"
else
    log "nvidia-smi: not found"
fi

# Which GPU rows can run: the matrix's own answer (conftest's unavailable_reason per backend).
ROWS=$("$PY" - <<'PY' 2>>"$REPORT"
from pyburn.backend import CuPy, Torch
rows = []
try:
    reason = Torch.unavailable_reason()
    if reason is None:
        import torch
        if torch.version.cuda is None:
            reason = f"torch {torch.__version__} is a CPU build (no CUDA support)"
        elif not torch.cuda.is_available():
            reason = f"torch {torch.__version__} (CUDA {torch.version.cuda}) sees no CUDA device"
except Exception as exc:  # noqa: BLE001 - reported, never fatal
    reason = f"{type(exc).__name__}: {exc}"
print("torch-cuda:", "ok" if reason is None else reason)
try:
    creason = CuPy.unavailable_reason()
except Exception as exc:  # noqa: BLE001
    creason = f"{type(exc).__name__}: {exc}"
print("cupy:", "ok" if creason is None else creason)
PY
)
log "$ROWS"
WANT=""
echo "$ROWS" | grep -q "^torch-cuda: ok" && WANT="torch-cuda,autodiff-torch-cuda"
echo "$ROWS" | grep -q "^cupy: ok" && WANT="${WANT:+$WANT,}cupy,autodiff-cupy"
if [ -z "$WANT" ]; then
    log ""
    log "RESULT: no GPU row can run on this machine (reasons above); nothing else to do."
    log "report: $REPORT"
    exit 0
fi

log ""
log "## test matrix rows: $WANT"
FILES="tests/test_tensor_ops.py tests/test_backends.py tests/test_autodiff.py tests/test_gradients.py
tests/test_conv.py tests/test_pool.py tests/test_lstm_fused.py tests/test_attention.py
tests/test_norm.py tests/test_optim.py tests/test_dlpack.py tests/test_cross_backend.py tests/test_jit.py"
EXISTING=$(for f in $FILES; do [ -f "$f" ] && echo "$f"; done)
timeout "$(( $(left) * 2 / 3 ))" "$PY" -m pytest -q -p no:cacheprovider --backend="$WANT" \
    -o addopts="" $EXISTING 2>&1 | tail -40 | tee -a "$REPORT"
status=${PIPESTATUS[0]}
[ "$status" -eq 124 ] && log "tests: stopped at the time budget (the lines above are partial)"
[ "$status" -ne 0 ] && FAILED=1

if echo "$WANT" | grep -q torch-cuda; then
    log ""
    log "## benchmarks --device cuda"
    for cmd in "benchmarks/lstm_train_step.py --device cuda --quick --no-memory" \
               "benchmarks/jit_overhead.py --device cuda --reps 100 --warmup 10"; do
        budget=$(( $(left) / 2 ))
        if [ "$budget" -lt 20 ]; then log "skipped (time budget): $cmd"; continue; fi
        log "\$ python $cmd"
        timeout "$budget" "$PY" $cmd 2>&1 | tail -30 | tee -a "$REPORT"
        status=${PIPESTATUS[0]}
        [ "$status" -eq 124 ] && log "stopped at the time budget ($budget s)"
        [ "$status" -ne 0 ] && FAILED=1
    done
fi

log ""
log "RESULT: $([ "$FAILED" -eq 0 ] && echo "all GPU checks passed" || echo "some GPU checks FAILED (see above)") in $(( $(date +%s) - START )) s"
log "report: $REPORT"
exit "$FAILED"
