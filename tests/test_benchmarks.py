"""The benchmark scripts still run (a benchmark that broke silently would report nothing).

Each runs once, tiny, in a subprocess as a user would start it; the numbers are not checked
(timings never belong in tests), only that the script finishes and prints its summary lines.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_op_overhead_prints_its_ratio() -> None:
    out = run("benchmarks/op_overhead.py", "--reps", "3", "--warmup", "1", "--blocks", "1")
    assert "Autodiff[NumPy]" in out


def test_modern_lstm_compare_runs_every_row(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="the PyTorch reference needs torch")
    out = run("benchmarks/modern_lstm_torch.py", "--compare", "--epochs", "1", "--threads", "1",
              "--artifact-dir", str(tmp_path))
    for row in ("PyTorch (direct)", "pyburn Autodiff<NumPy>", "pyburn Autodiff<Torch>"):
        assert row in out
