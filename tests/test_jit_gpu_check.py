"""scripts/gpu-check.sh on a machine without a GPU: it says so in its report and exits 0 in
seconds (on a GPU machine it runs the GPU rows instead, which this test leaves to it)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _gpu_rows_possible() -> bool:
    try:
        import torch
        if torch.cuda.is_available():
            return True
    except ImportError:
        pass
    try:
        import cupy  # noqa: F401
        return True
    except ImportError:
        return False


@pytest.mark.skipif(_gpu_rows_possible(), reason="a GPU row can run here: the script would run it")
def test_gpu_check_fails_soft_without_a_gpu(tmp_path: Path) -> None:
    report = tmp_path / "gpu.txt"
    start = time.perf_counter()
    done = subprocess.run(["bash", str(ROOT / "scripts" / "gpu-check.sh")], cwd=ROOT,
                          env={**os.environ, "REPORT": str(report)}, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert time.perf_counter() - start < 60
    text = report.read_text()
    assert "RESULT: no GPU row can run on this machine" in text
    assert "torch-cuda:" in text and "cupy:" in text
    assert text.strip().splitlines()[-1] == f"report: {report}"
