"""The matrix creates only the rows that can run here, says so in one header line, and still
creates every row (GPU rows included) when ``--backend=`` asks for them.

These run pytest in a subprocess on `tests/test_smoke.py` (two small tests: `backend` and
`ad_backend`), so they check what a person running ``bash scripts/test.sh`` sees.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROWS, unavailable_reason

ROOT = Path(__file__).resolve().parent.parent
SMOKE = "tests/test_smoke.py"
GPU_ROWS = ["torch-cuda", "autodiff-torch-cuda", "cupy", "autodiff-cupy"]


@functools.cache
def run_pytest(*args: str) -> subprocess.CompletedProcess[str]:
    """pytest run in a subprocess (each distinct command once: they import torch)."""
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def collected_rows(output: str) -> set[str]:
    """The row ids of the ``test_add[...]`` items a ``--collect-only -q`` run lists."""
    return set(re.findall(r"^tests/test_smoke\.py::test_add\[([\w-]+)\]$", output, re.M))


def test_default_run_creates_only_the_rows_that_can_run_here():
    result = run_pytest("--collect-only", "-q", SMOKE)
    assert result.returncode == 0, result.stdout + result.stderr
    runnable = {row.id for row in ROWS if unavailable_reason(row) is None}
    assert {"numpy", "autodiff-numpy"} <= runnable
    assert collected_rows(result.stdout) == runnable
    assert "SKIPPED" not in result.stdout


def test_forced_gpu_rows_are_collected():
    """CI keeps the GPU rows alive: asking for them creates them even on a machine without one."""
    result = run_pytest("--collect-only", "-q", "--backend=torch-cuda,cupy", SMOKE)
    assert result.returncode == 0, result.stdout + result.stderr
    # an id picks one row, a family (cupy) all of its rows
    assert collected_rows(result.stdout) == {"torch-cuda", "cupy", "autodiff-cupy"}
    ad = set(re.findall(r"::test_grad\[([\w-]+)\]$", result.stdout, re.M))
    assert ad == {"autodiff-cupy"}


def test_forced_unavailable_rows_skip_with_their_reason():
    missing = [row for row in ROWS if row.id in GPU_ROWS and unavailable_reason(row) is not None]
    result = run_pytest("-q", "-rs", "--backend=" + ",".join(GPU_ROWS), SMOKE)
    assert result.returncode in (0, 5), result.stdout + result.stderr
    for row in missing:
        assert f"{row.id}: {unavailable_reason(row)}" in result.stdout, result.stdout
    skipped = re.search(r"(\d+) skipped", result.stdout)
    expected = len(missing) + sum(row.autodiff for row in missing)   # test_add + test_grad
    assert (int(skipped.group(1)) if skipped else 0) == expected


def test_one_header_line_names_the_rows_and_why_others_are_missing():
    for args in (("-q",), ()):   # pytest's own header is hidden by -q; the backend line is not
        result = run_pytest(*args, SMOKE)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = [line for line in result.stdout.splitlines() if line.startswith("backends: ")]
        assert len(lines) == 1, result.stdout
        line = lines[0]
        runnable = [row.id for row in ROWS if unavailable_reason(row) is None]
        assert line.startswith(f"backends: {', '.join(runnable)}")
        for row in ROWS:
            reason = unavailable_reason(row)
            if reason is not None:
                assert row.id in line and f"({reason})" in line


def test_summary_is_short():
    """``-rfE``: failures and errors only, no line per skipped test."""
    result = run_pytest("-q", "--backend=cupy", SMOKE)
    assert result.returncode in (0, 5), result.stdout + result.stderr
    assert "SKIPPED [" not in result.stdout
    assert "short test summary" not in result.stdout


def test_docs_show_the_real_header_line():
    """README.md and docs/backends.md quote the header line of a run on a machine without a GPU;
    on such a machine (CPU torch, no cupy) the quote is exactly what pytest prints."""
    result = run_pytest("-q", SMOKE)
    line = next(line for line in result.stdout.splitlines() if line.startswith("backends: "))
    for page in (ROOT / "README.md", ROOT / "docs" / "backends.md"):
        quoted = [q for q in page.read_text(encoding="utf-8").splitlines()
                  if q.startswith("backends: ")]
        assert len(quoted) == 1, f"{page.name} should quote the header line once"
        sample = quoted[0]
        assert sample.startswith("backends: numpy, autodiff-numpy, torch-cpu, autodiff-torch-cpu; "
                                 "not available: torch-cuda, autodiff-torch-cuda (")
        if {row.id for row in ROWS if unavailable_reason(row) is None} == \
                {"numpy", "autodiff-numpy", "torch-cpu", "autodiff-torch-cpu"} \
                and "cupy is not installed" in line and "2.13.0+cpu" in line:
            assert sample == line, f"{page.name} quotes an outdated header line"


def test_a_test_with_no_row_here_is_deselected_not_skipped():
    """`gpu_backend` runs on the GPU rows only: without a GPU the test is deselected (the header
    says why); asked for by name, its rows are created again."""
    test = "tests/test_errors.py::test_mixed_devices"
    gpu = {row.id for row in ROWS if row.device != "cpu" and unavailable_reason(row) is None}
    result = run_pytest("--collect-only", "-q", test)
    assert result.returncode in (0, 5), result.stdout + result.stderr
    ids = set(re.findall(r"::test_mixed_devices\[([\w-]+)\]$", result.stdout, re.M))
    assert ids == gpu
    if not gpu:
        assert "1 deselected" in result.stdout and "no-rows" not in result.stdout
    forced = run_pytest("--collect-only", "-q", "--backend=torch-cuda,cupy", test)
    ids = set(re.findall(r"::test_mixed_devices\[([\w-]+)\]$", forced.stdout, re.M))
    assert ids == {"torch-cuda", "cupy", "autodiff-cupy"}


def test_an_unknown_backend_name_is_a_usage_error():
    result = run_pytest("--collect-only", "-q", "--backend=nump", SMOKE)
    assert result.returncode == 4, result.stdout + result.stderr   # pytest's usage error
    assert "--backend: unknown row or family 'nump'; expected families cupy, numpy, torch" \
        in result.stderr


def test_a_family_means_its_rows_that_can_run_here():
    result = run_pytest("--collect-only", "-q", "--backend=torch", SMOKE)
    torch_rows = [row for row in ROWS if row.family == "torch"]
    runnable = {row.id for row in torch_rows if unavailable_reason(row) is None}
    assert collected_rows(result.stdout) == (runnable or {row.id for row in torch_rows})
