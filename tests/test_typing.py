"""mypy stays clean on the library, the backends, the examples and the benchmarks, and a user's
typed script (tests/typed_usage.py) keeps ``Tensor[B]`` through layers and ops under mypy and
pyright.

The public API is typed (``Tensor[B]``, modules, configs) and every package ships ``py.typed``;
this test keeps it that way: any new mypy error fails the suite, with mypy's report.
"""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_is_clean(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is in the dev extras")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"),
         "pyburn", "backends", "examples", "benchmarks"],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout


# --- what a user's script sees: tests/typed_usage.py -----------------------------------------
# Each ``assert_type`` there fails when a type degrades to Any (a layer's forward, ``model(x)``,
# a loss, ``argmax``, ``arange``, a comparison, ``into_scalar``...).

TYPED_USAGE = ROOT / "tests" / "typed_usage.py"


def test_typed_usage_keeps_tensor_types_under_mypy(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is in the dev extras")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"),
         "tests/typed_usage.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    # Errors elsewhere in pyburn are test_mypy_is_clean's to report; these are this file's.
    mine = [line for line in done.stdout.splitlines() if line.startswith("tests/typed_usage.py")]
    assert not mine, "\n".join(mine)
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 2 would be a crash
    assert "Success" in done.stdout or "Found" in done.stdout, done.stdout + done.stderr


def test_typed_usage_keeps_tensor_types_under_pyright(tmp_path: Path) -> None:
    """pyright (``pip install pyright``; it needs node) finds the backends through the same
    path mypy uses (``mypy_path = "backends"``)."""
    exe = Path(sys.executable).with_name("pyright")
    if not exe.exists():
        pytest.skip("pyright is not installed (pip install pyright)")
    config = tmp_path / "pyrightconfig.json"
    config.write_text(json.dumps({"extraPaths": [str(ROOT / "backends"), str(ROOT)],
                                  "pythonVersion": "3.11"}))
    done = subprocess.run(
        [str(exe), "-p", str(config), "--pythonpath", sys.executable, str(TYPED_USAGE)],
        cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout


def test_typed_usage_runs() -> None:
    """The typed script is a real program: what the checkers accept also runs."""
    runpy.run_path(str(TYPED_USAGE), run_name="typed_usage")
