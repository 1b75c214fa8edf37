"""mypy stays clean on the library, the backends, the examples and the benchmarks.

The public API is typed (``Tensor[B]``, modules, configs) and every package ships ``py.typed``;
this test keeps it that way: any new mypy error fails the suite, with mypy's report.
"""

from __future__ import annotations

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
