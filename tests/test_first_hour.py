"""A new user's first hour, as scripts run in a fresh interpreter: the Burn Book's getting-started
snippet, a script written with PyTorch habits, NumPy/DLPack interop, and a model moved from NumPy
to Torch. Each script asserts its own results; a failure shows the script's traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_script(source: str) -> str:
    """Run `source` as a user's script (a fresh interpreter, the repo as working directory)."""
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(source)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"script failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def test_burn_book_getting_started() -> None:
    """The Book's first program, line for line, prints what the Book shows."""
    out = run_script("""
        from pyburn import Tensor
        from pyburn.backend import NumPy

        Backend = NumPy                     # type Backend = Wgpu;
        device = Backend.default_device()
        tensor_1 = Tensor[Backend].from_data([[2., 3.], [4., 5.]], device)
        tensor_2 = tensor_1.ones_like()
        print(tensor_1 + tensor_2)
    """)
    assert out.startswith("Tensor {\n  data:\n[[3.0, 4.0],\n [5.0, 6.0]],\n  shape:  [2, 2],\n")
    assert '  kind:  "Float",\n' in out and '  backend:  "numpy",\n' in out


def test_pytorch_habits_script() -> None:
    """What a PyTorch user types first: callable modules and losses, torch-style shape methods,
    boolean-mask indexing, ``.item()``, then an optimizer step that lowers the loss."""
    run_script("""
        import numpy as np
        from pyburn import Tensor
        from pyburn.backend import Autodiff, NumPy
        from pyburn.config import Config
        from pyburn.module import Module
        from pyburn.nn import Linear, LinearConfig
        from pyburn.nn.loss import MseLoss
        from pyburn.optim import AdamConfig, GradientsParams

        B = Autodiff[NumPy]
        device = B.default_device()
        B.seed(0)

        class Mlp(Module):
            fc1: Linear
            fc2: Linear

            def forward(self, x):
                return self.fc2(self.fc1(x).relu())

        model = Mlp(LinearConfig(4, 16).init(device), LinearConfig(16, 1).init(device))
        loss_fn = MseLoss()
        optim = AdamConfig().init()

        x = Tensor[B](np.random.default_rng(0).normal(size=(32, 4)).astype(np.float32))
        y = x.sum(1, keepdim=True)                     # torch's sum(dim, keepdim)
        assert x.reshape(8, 16).shape == (8, 16)
        assert x.unsqueeze(0).shape == (1, 32, 4)
        assert x.permute(1, 0).shape == (4, 32)
        assert x.size(0) == 32 and x.numel() == 128
        positives = x[x > 0.5]
        assert positives.rank == 1 and (positives.to_numpy() > 0.5).all()

        try:
            x.sum(1)                                   # ambiguous: Burn keeps the dim
        except Exception as e:
            assert "sum_dim" in str(e), e
        else:
            raise AssertionError("x.sum(1) must name the pyburn spelling")

        first = None
        for _ in range(30):
            loss = loss_fn(model(x), y)
            first = loss.item() if first is None else first
            grads = GradientsParams.from_grads(loss.backward(), model)
            model = optim.step(1e-2, model, grads)
        last = loss_fn(model(x), y).item()
        assert last < first / 2, (first, last)
    """)


def test_numpy_interop_script() -> None:
    """NumPy arrays and scalars mix with tensors; np.asarray views; DLPack shares memory."""
    run_script("""
        import numpy as np
        import torch
        from pyburn import Tensor
        from pyburn.backend import NumPy, Torch

        t = Tensor[NumPy].from_data(np.arange(6, dtype=np.float32).reshape(2, 3))
        a = np.asarray(t)
        assert a.dtype == np.float32 and a.shape == (2, 3)
        assert isinstance(np.ones(3, dtype=np.float32) + t, Tensor)
        assert isinstance(t + np.ones(3, dtype=np.float32), Tensor)
        assert isinstance(np.float32(2) * t, Tensor)
        assert (t * np.float32(2)).tolist() == [[0.0, 2.0, 4.0], [6.0, 8.0, 10.0]]

        shared = torch.from_dlpack(t)                      # no copy
        assert shared.data_ptr() == a.__array_interface__["data"][0]
        back = Tensor[NumPy].from_dlpack(torch.arange(4.0))
        assert back.tolist() == [0.0, 1.0, 2.0, 3.0]
        on_torch = Tensor[Torch].from_dlpack(t)
        assert on_torch.tolist() == t.tolist()
    """)


def test_model_moved_from_numpy_to_torch() -> None:
    """A model built on NumPy moves to Torch (and under Autodiff) and computes the same thing;
    to_device with another backend's device raises, naming to_backend: never silently on NumPy."""
    run_script("""
        import numpy as np
        from pyburn import Tensor
        from pyburn.backend import Autodiff, NumPy, Torch
        from pyburn.nn import LinearConfig

        NumPy.seed(0)
        model = LinearConfig(8, 3).init(NumPy.default_device())
        x = np.random.default_rng(0).normal(size=(5, 8)).astype(np.float32)
        expected = model(Tensor[NumPy](x)).to_numpy()

        moved = model.to_backend(Torch)
        assert type(moved.weight.val()).backend is Torch
        got = moved(Tensor[Torch](x)).to_numpy()
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)

        trainable = model.to_backend(Autodiff[Torch])
        out = trainable(Tensor[Autodiff[Torch]](x))
        grads = out.sum().backward()
        assert trainable.weight.val().grad(grads).shape == (8, 3)

        from pyburn.tensor import BackendError
        try:                                     # a device move never changes the backend
            model.to_device(Torch.default_device())
        except BackendError as e:
            assert "to_backend(Torch" in str(e), e
        else:
            raise AssertionError("to_device with a Torch device must not stay on NumPy")
    """)
