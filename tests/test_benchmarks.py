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
    for row in ("PyTorch (direct)", "pyburn Autodiff<NumPy>", "pyburn Autodiff<Torch>",
                "pyburn Autodiff<NumPy> (jit)", "pyburn Autodiff<Torch> (jit)"):
        assert row in out


def test_conv_train_step_prints_both_ratios() -> None:
    pytest.importorskip("torch", reason="the benchmark compares against torch")
    assert "--quick" in run("benchmarks/conv_train_step.py", "--help")
    out = run("benchmarks/conv_train_step.py", "--quick", "--repeats", "1", "--threads", "1")
    for row in ("guide (b8", "resnet (b1", "stem (b2"):
        assert row in out
    assert out.count("Autodiff[Torch] ") >= 3 and out.count("Autodiff[NumPy] ") >= 3
    assert "peak memory" in out


def test_mha_train_step_quick() -> None:
    pytest.importorskip("torch", reason="the PyTorch reference needs torch")
    out = run("benchmarks/mha_train_step.py", "--quick", "--threads", "1")
    for row in ("torch.nn.MultiheadAttention", "Autodiff[Torch]", "Autodiff[NumPy]"):
        assert row in out


def test_guide_compare_quick() -> None:
    pytest.importorskip("torch", reason="the PyTorch reference needs torch")
    pytest.importorskip("sklearn", reason="the guide's default data needs scikit-learn")
    out = run("benchmarks/guide_torch.py", "--quick", "--threads", "1")
    for row in ("PyTorch (direct)", "pyburn Autodiff[NumPy]", "pyburn Autodiff[Torch]"):
        assert row in out
    assert "s/epoch" in out and "valid accuracy" in out
