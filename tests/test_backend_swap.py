"""examples/backend_swap.py: the same model on NumPy and Torch, plain and under Autodiff, prints
the same forward and gradient checksums; unknown names are refused, unavailable ones skipped."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root: `examples`

from examples import backend_swap  # noqa: E402
from pyburn.backend import Autodiff, CuPy, NumPy, Torch  # noqa: E402

ROW = re.compile(r"^(\S+) +(-?\d+\.\d+)(?: +(-?\d+\.\d+))? *$", re.M)


def test_numpy_and_torch_rows_agree(capsys):
    if Torch.unavailable_reason() is not None:
        pytest.skip(f"torch: {Torch.unavailable_reason()}")
    assert backend_swap.main(["--backend", "numpy,torch"]) == 0
    out = capsys.readouterr().out
    rows = {name: (float(fwd), grad and float(grad)) for name, fwd, grad in ROW.findall(out)}
    assert list(rows) == ["numpy", "autodiff<numpy>", "torch", "autodiff<torch>"]
    forwards = [fwd for fwd, _ in rows.values()]
    np.testing.assert_allclose(forwards, forwards[0], rtol=1e-4, atol=1e-5)
    assert rows["numpy"][1] == "" and rows["torch"][1] == ""  # plain rows have no gradients
    np.testing.assert_allclose(rows["autodiff<torch>"][1], rows["autodiff<numpy>"][1], rtol=1e-4)
    assert "all 4 rows agree" in out and "MISMATCH" not in out


def test_run_is_the_same_code_on_every_backend():
    config = backend_swap.NetConfig()
    weights, inputs = backend_swap.shared_weights(config), backend_swap.shared_inputs(config)
    backends = [NumPy, Autodiff[NumPy]] + ([Torch, Autodiff[Torch]] if Torch.is_available() else [])
    results = [backend_swap.run(B, config, weights, inputs) for B in backends]
    assert backend_swap.compare(results) == []
    assert results[0].grads is None and results[1].grads is not None
    assert set(results[1].grads) == {name for name, _ in
                                     config.init(NumPy.default_device()).named_params()}
    # a perturbed row is reported, so agreement is a real check
    results[-1].output = results[-1].output + 1e-2
    assert backend_swap.compare(results) == [f"{results[-1].backend}: forward output differs from numpy"]


def test_unavailable_backend_is_skipped_with_its_reason(capsys):
    if CuPy.is_available():
        pytest.skip("cupy is available here: nothing is skipped")
    assert backend_swap.main(["--backend", "numpy,cupy"]) == 0
    out = capsys.readouterr().out
    assert f"cupy: skipped ({CuPy.unavailable_reason()})" in out
    assert "all 2 rows agree" in out


def test_unknown_backend_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        backend_swap.main(["--backend", "numpy,jax"])
    assert exc.value.code == 2
    assert "unknown backend(s) jax" in capsys.readouterr().err
